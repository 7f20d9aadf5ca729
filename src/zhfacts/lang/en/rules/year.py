"""Year rules (claims-spec 2.1 and 5): the time expression that gives an English quantity its year."""
from __future__ import annotations

from ....codes import Slot
from ....registry import rule


def _in_sentence(ask) -> list:
    s = ask.sentence
    return [t for t in ask.ctx.times.starting_in(s.start, s.end) if not t.base]


@rule("en", Slot.YEAR, "time_before", order=20)
def time_before(ask):
    """The nearest time expression before the number in its sentence (a vague one gives none)."""
    m = ask.mention
    for t in reversed([t for t in _in_sentence(ask) if t.end <= m.start]):
        yield t.year, t.start, t.end


@rule("en", Slot.YEAR, "time_after_in_clause", order=30)
def time_after_in_clause(ask):
    """The first time expression after the number in its clause, when none stands before it."""
    m = ask.mention
    _, clause_end = ask.ctx.clause_bounds(m.end, lists=True)
    for t in _in_sentence(ask):
        if m.end <= t.start < clause_end:
            yield t.year, t.start, t.end


@rule("en", Slot.YEAR, "heading_year", order=40)
def heading_year(ask):
    """The year of the section heading over the sentence."""
    above = ask.ctx.headings_above(ask.si)
    if above and above[-1].year:
        yield above[-1].year, above[-1].start, above[-1].end


@rule("en", Slot.YEAR, "no_year", order=60)
def no_year(ask):
    """No time applies: the year is empty."""
    yield "", -1, -1
