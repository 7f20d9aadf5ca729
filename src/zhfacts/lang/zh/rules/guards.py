"""The guards of the Chinese rules: cheap tests of one mention, each shared by the rules that can
fire only where it holds (see ``registry.Guard``); the per-document indexes they read are built
once through ``ctx.once``."""
from __future__ import annotations

from ....codes import UnitCategory
from ....registry import Guard
from ....spans import Marks
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


def _covered(ask, spans: str) -> Marks:
    """The characters that one kind of the context's spans covers ("times", "set_phrases",
    "quoted"), marked once per document, so that a guard tests one character, not a bisection."""
    ctx = ask.ctx

    def build() -> Marks:
        marks = Marks(len(ctx.doc.norm))
        for x in getattr(ctx, spans).items:
            marks.mark(x.start, x.end)
        return marks
    return ctx.once(f"guards.covered.{spans}", build)


def _unit_in(*categories: str) -> Guard:
    """The guard of the rules that read only numbers whose unit word is of one of the categories."""
    def test(ask) -> bool:
        unit = lexicon.units().get(ask.mention.unit_surface)
        return unit is not None and unit.category in categories
    return Guard(f"zh.unit_in.{'.'.join(sorted(categories))}", test)


#: A time expression covers the number's first character.
TIME_AT_NUMBER = Guard("zh.time_at_number", lambda ask: _covered(ask, "times").any(ask.mention.start, ask.mention.start + 1))
#: A set phrase overlaps the number.
SET_PHRASE_OVER = Guard("zh.set_phrase_over", lambda ask: _covered(ask, "set_phrases").any(ask.mention.start, ask.mention.end))
#: A quotation covers the number's first character.
QUOTED_AT = Guard("zh.quoted_at", lambda ask: _covered(ask, "quoted").any(ask.mention.start, ask.mention.start + 1))
#: The number has no unit.
BARE = Guard("zh.bare", lambda ask: ask.mention.unit == "")
#: The number counts years.
YEARS = Guard("zh.unit_year", lambda ask: ask.mention.unit == "year")
#: The number's unit word is one of time, of a rating, of a count (of things or of people), of a share.
TIME_UNIT = _unit_in(UnitCategory.TIME)
RATING_UNIT = _unit_in(UnitCategory.RATING)
COUNTED_UNIT = _unit_in(UnitCategory.COUNT, UnitCategory.PEOPLE)
SHARE_UNIT = _unit_in(UnitCategory.SHARE)
