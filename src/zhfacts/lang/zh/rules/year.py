"""Year rules (claims-spec 2.1): the time expression that gives a quantity its year."""
from __future__ import annotations

from ....codes import Slot
from ....registry import Guard, rule
from ...base import heading_year, no_answer
from .. import lexicon
from ..sentences import ITEM


def _in_sentence(ask) -> list:
    """The governing times of the number's sentence, found once for all the numbers in it."""
    by_sentence = ask.ctx.once("year.sentence_times", dict)
    if ask.si not in by_sentence:
        by_sentence[ask.si] = _times_of(ask.ctx, ask.sentence)
    return by_sentence[ask.si]


def _times_of(ctx, s) -> list:
    """The time expressions of sentence s that govern its numbers."""
    return [t for t in ctx.times.starting_in(s.start, s.end) if t.governs]


#: A time expression that modifies a number directly stands in the sentence ("2014年的").
DIRECT_TIME = Guard("zh.direct_time_in_sentence", lambda ask: any(t.direct for t in _in_sentence(ask)))
#: A time expression that governs the numbers around it stands in the sentence.
GOVERNING_TIME = Guard("zh.governing_time_in_sentence", lambda ask: any(not t.direct for t in _in_sentence(ask)))


@rule("zh", Slot.YEAR, "direct_time", order=10, when=DIRECT_TIME)
def direct_time(ask):
    """A time expression that modifies this number directly: "2014年的11%"."""
    m, norm = ask.mention, ask.norm
    for t in _in_sentence(ask):
        if t.direct and t.end < m.start and norm.startswith(lexicon.grammar("modifier"), t.end):
            between = norm[t.end + 1:m.start]
            if not between or between in lexicon.qualifiers()["before"]:
                yield t.year, t.start, t.end


@rule("zh", Slot.YEAR, "time_before", order=20, when=GOVERNING_TIME)
def time_before(ask):
    """The nearest time expression before the number in its sentence (a vague one gives none)."""
    m = ask.mention
    for t in reversed([t for t in _in_sentence(ask) if t.end <= m.start and not t.direct]):
        yield t.year, t.start, t.end


@rule("zh", Slot.YEAR, "time_after_in_clause", order=30, when=GOVERNING_TIME)
def time_after_in_clause(ask):
    """The first time expression after the number in its clause, when none stands before it."""
    m = ask.mention
    _, clause_end = ask.ctx.clause_bounds(m.end, lists=True)
    for t in _in_sentence(ask):
        if m.end <= t.start < clause_end and not t.direct:
            yield t.year, t.start, t.end


#: The white space that may stand before a line's first sentence.
_INDENT = " \t\u3000"


def _opens_line(norm: str, pos: int) -> bool:
    """Only white space stands between pos and the line break before it (or the text's start)."""
    while pos > 0 and norm[pos - 1] in _INDENT:
        pos -= 1
    return pos == 0 or norm[pos - 1] == "\n"


def _line_firsts(ctx) -> list[int]:
    """Sentence index -> index of the sentence that opens its line (0 for the text's first line),
    found once per document, where each number would walk back through its line."""
    out: list[int] = []
    for i, s in enumerate(ctx.sentences):
        out.append(i if i == 0 or _opens_line(ctx.doc.norm, s.start) else out[-1])
    return out


def _item_lines(ctx, firsts: list[int]) -> frozenset[int]:
    """The sentences that open a line with a list item's enumerator (not the first line, not a
    heading), found once per document."""
    norm = ctx.doc.norm
    return frozenset(i for i in set(firsts) if i > 0 and not ctx.sentences[i].heading and ITEM.match(norm, ctx.sentences[i].start))


def _on_item_line(ask) -> bool:
    """Whether the number's line opens with a list item: only such a line takes a list's time."""
    ctx = ask.ctx
    firsts = ctx.once("year.line_firsts", lambda: _line_firsts(ctx))
    return firsts[ask.si] in ctx.once("year.item_lines", lambda: _item_lines(ctx, firsts))


ON_ITEM_LINE = Guard("zh.on_item_line", _on_item_line)


@rule("zh", Slot.YEAR, "list_intro", order=35, when=ON_ITEM_LINE)
def list_intro(ask):
    """A list item on its own line takes the time of the sentence that introduces the list with
    a colon ("2018年主要做法如下：\n一是…；\n二是…")."""
    time = _list_intro_time(ask.ctx, ask.si)
    if time is not None:
        yield time.year, time.start, time.end


def _list_intro_time(ctx, si: int):
    """The time named by the sentence that introduces the list whose item holds sentence si: walk
    back item line by item line to a line after a colon. Every line walked is remembered with the
    answer, so a list of n items costs n steps, not n * n."""
    norm, firsts = ctx.doc.norm, ctx.once("year.line_firsts", lambda: _line_firsts(ctx))
    known: dict = ctx.once("year.list_intros", dict)
    walked, i, found = [], firsts[si], None
    while i > 0 and i not in known and ITEM.match(norm, ctx.sentences[i].start) and not ctx.sentences[i].heading:
        walked.append(i)
        intro = ctx.sentences[i - 1]
        if norm[intro.end - 1:intro.end] in lexicon.punctuation("label"):
            named = [t for t in _times_of(ctx, intro) if not t.direct]
            found = named[-1] if named else None
            break
        i = firsts[i - 1]
    else:
        found = known.get(i)
    for j in walked:
        known[j] = found
    return found


rule("zh", Slot.YEAR, "heading_year", order=40)(heading_year)


@rule("zh", Slot.YEAR, "title_year", order=50)
def title_year(ask):
    """Under a heading without a year, the year of the first heading (the title)."""
    headings = ask.ctx.headings
    if ask.ctx.headings_before(ask.si) and headings[0].year:
        yield headings[0].year, headings[0].start, headings[0].end


rule("zh", Slot.YEAR, "no_year", order=60, per_document=True)(no_answer)
