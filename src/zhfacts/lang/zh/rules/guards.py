"""The guards of the Chinese rules: cheap tests of one mention, each shared by the rules that can
fire only where it holds (see ``registry.Guard``); the per-document indexes they read are built
once and kept in ``ctx.memo``."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ....codes import UnitCategory
from ....registry import Guard
from .. import lexicon


def table_cell(ask):
    """The table's number cell the mention was read from (None for a mention of the prose), found
    once per mention."""
    if "table_cell" not in ask.memo:
        ask.memo["table_cell"] = ask.ctx.table_cell(ask.mention)
    return ask.memo["table_cell"]


#: The rules that read the number cell propose nothing for a mention of the prose (most mentions).
IS_CELL = Guard("zh.table_cell", lambda ask: table_cell(ask) is not None)
#: The rules that read a table's other cells propose nothing outside a table.
IN_TABLE = Guard("zh.in_table", lambda ask: ask.ctx.table_at(ask.mention.start) is not None)


def _covered(spans: str) -> Callable[..., bytearray]:
    """The characters that one kind of the context's spans covers ("times", "set_phrases",
    "quoted"), one byte each, marked once per document: a guard tests a character, not a bisection."""
    key = f"guards.covered.{spans}"

    def covered(ask) -> bytearray:
        ctx = ask.ctx
        found = ctx.memo.get(key)
        if found is None:
            found = ctx.memo[key] = bytearray(len(ctx.doc.norm) + 1)
            for x in getattr(ctx, spans).items:
                found[x.start:x.end] = b"\x01" * (x.end - x.start)
        return found
    return covered


_times, _set_phrases, _quoted = _covered("times"), _covered("set_phrases"), _covered("quoted")


def _unit_in(*categories: str) -> Guard:
    """The guard of the rules that read only numbers whose unit word is of one of the categories."""
    def test(ask) -> bool:
        unit = lexicon.units().get(ask.mention.unit_surface)
        return unit is not None and unit.category in categories
    return Guard(f"zh.unit_in.{'.'.join(sorted(categories))}", test)


@lru_cache(maxsize=None)
def first_chars(*lists: str) -> frozenset[str]:
    """The characters that open a word of the named lexicon lists ("abstract_nouns", "after_qualifiers",
    a grammar class): no word of them starts where another character stands."""
    words: list[str] = []
    for name in lists:
        if name == "abstract_nouns":
            words += [r["noun"] for r in lexicon.read_tsv("abstract_nouns.tsv")]
        elif name == "after_qualifiers":
            words += lexicon.qualifiers()["after"]
        else:
            words += lexicon.grammar(name)
    return frozenset(w[0] for w in words if w)


#: A time expression covers the number's first character.
TIME_AT_NUMBER = Guard("zh.time_at_number", lambda ask: _times(ask)[ask.mention.start] == 1)
#: A set phrase overlaps the number.
SET_PHRASE_OVER = Guard("zh.set_phrase_over", lambda ask: _set_phrases(ask).find(1, ask.mention.start, ask.mention.end) != -1)
#: A quotation covers the number's first character.
QUOTED_AT = Guard("zh.quoted_at", lambda ask: _quoted(ask)[ask.mention.start] == 1)
#: A bound word ("以上") follows the number's unit.
BOUND_AFTER = Guard("zh.bound_after", lambda ask: ask.norm[ask.mention.unit_end:ask.mention.unit_end + 1] in first_chars("after_qualifiers"))


def _abstract_after(ask) -> bool:
    after = ask.norm[ask.mention.unit_end:ask.mention.unit_end + 1]
    return after in first_chars("abstract_nouns") or not after.isalnum()  # a quotation mark may open the noun


#: An abstract noun ("措施", "方面") may follow the number's unit: the character there opens one,
#: or is a mark (a quotation may open the noun).
ABSTRACT_AFTER = Guard("zh.abstract_after", _abstract_after)
#: A date unit follows the number, or a date word stands right before it ("4月", "年4").
DATE_BESIDE = Guard("zh.date_beside", lambda ask: ask.norm[ask.mention.unit_end:ask.mention.unit_end + 1]
                    in first_chars("date_unit") or ask.norm[ask.mention.start - 1:ask.mention.start] in first_chars("date_prefix"))
#: The number has no unit.
BARE = Guard("zh.bare", lambda ask: ask.mention.unit == "")
#: The number counts years.
YEARS = Guard("zh.unit_year", lambda ask: ask.mention.unit == "year")
#: The number's unit word is one of time, of a rating, of a count (of things or of people), of a share.
TIME_UNIT = _unit_in(UnitCategory.TIME)
RATING_UNIT = _unit_in(UnitCategory.RATING)
COUNTED_UNIT = _unit_in(UnitCategory.COUNT, UnitCategory.PEOPLE)
SHARE_UNIT = _unit_in(UnitCategory.SHARE)
