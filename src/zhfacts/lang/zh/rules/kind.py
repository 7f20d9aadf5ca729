"""Kind rules: actual, target or plan, from the marker words before the number and the section
that holds it: a report of year Y reviews Y-1 in one part and sets Y's goals and work in another."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from ....codes import Kind, Slot
from ....registry import rule
from .. import lexicon


def _kind_markers_in(ctx, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, marker) of the kind markers of the text [a, b), as a scan of it alone finds
    them: the markers of one scan of the whole document that start in it, unless one of them
    crosses an end of the range (then the range is scanned alone)."""
    def scan(*bounds: int) -> list[tuple[int, int, str]]:
        return [(x.start(), x.end(), x.group()) for x in lexicon.kind_markers()[0].finditer(ctx.doc.norm, *bounds)]

    def whole():
        found = scan()
        return [start for start, _, _ in found], found

    starts, found = ctx.once("kind.markers", whole)
    lo, hi = bisect_left(starts, a), bisect_left(starts, b)
    if (lo and found[lo - 1][1] > a) or (hi > lo and found[hi - 1][1] > b):
        return scan(a, b)
    return found[lo:hi]


REVIEW, FORWARD = "review", "forward"


def section_tense(ask) -> tuple[str, int, int]:
    """(tense, start, end of the heading that sets it) of the section over the sentence: a heading
    with a review word ("工作回顾") or a year before the document's reviews; one with a forward word
    ("目标任务", "重点工作") or the document's year looks ahead; a heading with neither continues
    the section before it. The title heads no section."""
    return ask.ctx.once("kind.section_tenses", lambda: _section_tenses(ask.ctx))[ask.ctx.headings_before(ask.si)]


def _section_tenses(ctx) -> list[tuple[str, int, int]]:
    """The section tense under the first k headings, for every k: one pass over the headings per
    document, where each number would walk back through the headings above it."""
    norm = ctx.doc.norm
    year = int(ctx.doc.year) if ctx.doc.year.isdigit() else None
    out = [("", -1, -1)]
    for h in ctx.headings:
        s = ctx.sentences[h.sentence]
        text = norm[s.start:s.end]
        if h.sentence == 0:
            tense = ("", -1, -1)
        elif lexicon.grammar_pattern("review_heading").search(text):
            tense = (REVIEW, s.start, s.end)
        elif lexicon.grammar_pattern("forward_heading").search(text):
            tense = (FORWARD, s.start, s.end)
        elif h.year.isdigit() and year is not None:
            tense = ((REVIEW if int(h.year) < year else FORWARD), s.start, s.end)
        else:
            tense = out[-1]
        out.append(tense)
    return out


@rule("zh", Slot.KIND, "review_section", order=8)
def review_section(ask):
    """A figure in the review of the past year is actual: its 将, 加快, 推动 tell what was done."""
    tense, start, end = section_tense(ask)
    if tense == REVIEW:
        yield Kind.ACTUAL.value, start, end


@rule("zh", Slot.KIND, "kind_marker", order=10)
def kind_marker(ask):
    """The nearest target or plan marker before the number in its sentence (目标, 力争, 将, 计划)."""
    kinds = lexicon.kind_markers()[1]
    markers = _kind_markers_in(ask.ctx, ask.sentence.start, ask.sentence.end)
    for start, end, marker in reversed(markers[:bisect_right(markers, (ask.mention.start, ask.mention.start, "\uffff"))]):
        if end <= ask.mention.start:
            yield kinds[marker], start, end


@rule("zh", Slot.KIND, "forward_section", order=15)
def forward_section(ask):
    """A figure without a marker in the section that sets the year's goals and work: a target when
    its clause names an outcome before it ("增长6%左右", "失业率5.5%"), else a plan ("新建学校12所")."""
    tense, start, end = section_tense(ask)
    if tense != FORWARD:
        return
    clause_start, _ = ask.ctx.clause_bounds(ask.mention.start)
    before = ask.norm[clause_start:ask.mention.start]
    outcome = lexicon.grammar_pattern("outcome_word").search(before) is not None
    yield (Kind.TARGET if outcome else Kind.PLAN).value, start, end


@rule("zh", Slot.KIND, "actual", order=20, per_document=True)
def actual(ask):
    """No marker: a fact about the past or present."""
    yield Kind.ACTUAL.value, -1, -1
