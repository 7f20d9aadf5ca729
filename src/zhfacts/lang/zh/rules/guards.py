"""The guards of the Chinese rules: cheap tests of one mention, each shared by the rules that can
fire only where it holds (see ``registry.Guard``); the per-document indexes they read are built
once and kept in ``ctx.memo``."""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ....codes import UnitCategory
from ....registry import Guard
from ....types import TABLE_CELL
from .. import lexicon


def table_cell(ask):
    """The table's number cell the mention was read from (None for a mention of the prose), found
    once per mention."""
    if "table_cell" not in ask.memo:
        ask.memo["table_cell"] = ask.ctx.table_cell(ask.mention)
    return ask.memo["table_cell"]


#: The rules that read the number cell propose nothing for a mention of the prose (most mentions),
#: told by the rule that found the mention before any look-up (a cell whose unit another rule
#: gave is found by "table_cell+<that rule>").
IS_CELL = Guard("zh.table_cell",
                lambda ask: ask.mention.rule.partition("+")[0] == TABLE_CELL and table_cell(ask) is not None)
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


@lru_cache(maxsize=None)
def first_chars(*lists: str) -> frozenset[str]:
    """The characters that open a word of the named lexicon lists ("after_qualifiers", a grammar
    class): no word of them starts where another character stands."""
    words: list[str] = []
    for name in lists:
        if name == "after_qualifiers":
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

#: A date unit follows the number, or a date word stands right before it ("4月", "年4").
DATE_BESIDE = Guard("zh.date_beside", lambda ask: ask.norm[ask.mention.unit_end:ask.mention.unit_end + 1]
                    in first_chars("date_unit") or ask.norm[ask.mention.start - 1:ask.mention.start] in first_chars("date_prefix"))


@lru_cache(maxsize=None)
def unit_words(category: UnitCategory) -> frozenset[str]:
    """The unit words of one category: a guard tells a mention's category by one look-up of its
    unit word, where a rule reads the unit's entry."""
    return frozenset(surface for surface, unit in lexicon.units().items() if unit.category == category)


#: The number's unit word is one of time ("年", "个月").
TIME_UNIT = Guard("zh.time_unit", lambda ask: ask.mention.unit_surface in unit_words(UnitCategory.TIME))
#: The number's unit word is a rating ("千伏").
RATING_UNIT = Guard("zh.rating_unit", lambda ask: ask.mention.unit_surface in unit_words(UnitCategory.RATING))
#: The number's unit word is a share ("%", "成").
SHARE_UNIT = Guard("zh.share_unit", lambda ask: ask.mention.unit_surface in unit_words(UnitCategory.SHARE))
