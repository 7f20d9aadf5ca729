"""Year rules (claims-spec 2.1): the time expression that gives a quantity its year."""
from __future__ import annotations

from ....codes import Slot
from ....registry import rule
from ...base import heading_year, no_answer
from .. import lexicon
from ..sentences import ITEM


def _in_sentence(ask) -> list:
    return _in_sentence_of(ask, ask.sentence)


def _in_sentence_of(ask, s) -> list:
    return [t for t in ask.ctx.times.starting_in(s.start, s.end) if t.governs]


@rule("zh", Slot.YEAR, "direct_time", order=10)
def direct_time(ask):
    """A time expression that modifies this number directly: "2014年的11%"."""
    m, norm = ask.mention, ask.norm
    for t in _in_sentence(ask):
        if t.direct and t.end < m.start and norm.startswith(lexicon.grammar("modifier"), t.end):
            between = norm[t.end + 1:m.start]
            if not between or between in lexicon.qualifiers()["before"]:
                yield t.year, t.start, t.end


@rule("zh", Slot.YEAR, "time_before", order=20)
def time_before(ask):
    """The nearest time expression before the number in its sentence (a vague one gives none)."""
    m = ask.mention
    for t in reversed([t for t in _in_sentence(ask) if t.end <= m.start and not t.direct]):
        yield t.year, t.start, t.end


@rule("zh", Slot.YEAR, "time_after_in_clause", order=30)
def time_after_in_clause(ask):
    """The first time expression after the number in its clause, when none stands before it."""
    m = ask.mention
    _, clause_end = ask.ctx.clause_bounds(m.end, lists=True)
    for t in _in_sentence(ask):
        if m.end <= t.start < clause_end and not t.direct:
            yield t.year, t.start, t.end


def _opens_line(norm: str, pos: int) -> bool:
    return not norm[:pos].strip(" \t\u3000") or norm[:pos].rstrip(" \t\u3000").endswith("\n")


@rule("zh", Slot.YEAR, "list_intro", order=35)
def list_intro(ask):
    """A list item on its own line takes the time of the sentence that introduces the list with
    a colon ("2018年主要做法如下：\n一是…；\n二是…")."""
    ctx, norm, i = ask.ctx, ask.norm, ask.si
    while i > 0 and not _opens_line(norm, ctx.sentences[i].start):
        i -= 1
    while i > 0 and ITEM.match(norm, ctx.sentences[i].start) and not ctx.sentences[i].heading:
        intro = ctx.sentences[i - 1]
        if norm[intro.end - 1:intro.end] in lexicon.punctuation("label"):
            named = [t for t in _in_sentence_of(ask, intro) if not t.direct]
            if named:
                yield named[-1].year, named[-1].start, named[-1].end
            return
        i -= 1
        while i > 0 and not _opens_line(norm, ctx.sentences[i].start):
            i -= 1


rule("zh", Slot.YEAR, "heading_year", order=40)(heading_year)


@rule("zh", Slot.YEAR, "title_year", order=50)
def title_year(ask):
    """Under a heading without a year, the year of the first heading (the title)."""
    headings = ask.ctx.headings
    if ask.ctx.headings_above(ask.si) and headings[0].year:
        yield headings[0].year, headings[0].start, headings[0].end


rule("zh", Slot.YEAR, "no_year", order=60)(no_answer)
