"""Kind rules: actual, target or plan, from the marker words before the number."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from ....codes import Kind, Slot
from ....registry import rule
from .. import lexicon


@lru_cache(maxsize=1024)
def _kind_markers_in(norm: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, marker) of the kind markers of one sentence, found once for all its numbers."""
    return [(x.start(), x.end(), x.group()) for x in lexicon.kind_markers()[0].finditer(norm, a, b)]


@rule("zh", Slot.KIND, "kind_marker", order=10)
def kind_marker(ask):
    """The nearest target or plan marker before the number in its sentence (目标, 力争, 将, 计划)."""
    kinds = lexicon.kind_markers()[1]
    markers = _kind_markers_in(ask.norm, ask.sentence.start, ask.sentence.end)
    for start, end, marker in reversed(markers[:bisect_right(markers, (ask.mention.start, ask.mention.start, "\uffff"))]):
        if end <= ask.mention.start:
            yield kinds[marker], start, end


@rule("zh", Slot.KIND, "actual", order=20)
def actual(ask):
    """No marker: a fact about the past or present."""
    yield Kind.ACTUAL.value, -1, -1
