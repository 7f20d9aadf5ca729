"""Kind rules: actual, target or plan, from the marker words before the number."""
from __future__ import annotations

from ....codes import Kind, Slot
from ....registry import rule
from .. import lexicon


@rule("zh", Slot.KIND, "kind_marker", order=10)
def kind_marker(ask):
    """The nearest target or plan marker before the number in its sentence (目标, 力争, 将, 计划)."""
    pattern, kinds = lexicon.kind_markers()
    found = list(pattern.finditer(ask.norm, ask.sentence.start, ask.mention.start))
    for x in reversed(found):
        yield kinds[x.group()], x.start(), x.end()


@rule("zh", Slot.KIND, "actual", order=20)
def actual(ask):
    """No marker: a fact about the past or present."""
    yield Kind.ACTUAL.value, -1, -1
