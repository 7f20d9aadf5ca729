"""Year rules (claims-spec 2.1 and 5): the time expression that gives an English quantity its year."""
from __future__ import annotations

import regex

from ....codes import Slot
from ....registry import rule
from ...base import heading_year, no_answer


def _in_sentence(ask) -> list:
    s = ask.sentence
    return [t for t in ask.ctx.times.starting_in(s.start, s.end) if not t.base]


@rule("en", Slot.YEAR, "time_right_after", order=10)
def time_right_after(ask):
    """A time that follows the number directly modifies it alone: "from 10.2% in 2012"."""
    m = ask.mention
    for t in _in_sentence(ask):
        if t.start >= m.end and regex.fullmatch(r"\s+(?:in\s+)?", ask.norm[m.end:t.start]):
            yield t.year, t.start, t.end


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


rule("en", Slot.YEAR, "heading_year", order=40)(heading_year)
rule("en", Slot.YEAR, "no_year", order=60, per_document=True)(no_answer)
