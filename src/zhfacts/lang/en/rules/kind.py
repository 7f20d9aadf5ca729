"""Kind rules: actual, target or plan, from the marker words before the number ("will", "aims to")."""
from __future__ import annotations

from ....codes import Kind, Slot
from ....registry import rule
from .. import lexicon


@rule("en", Slot.KIND, "kind_marker", order=10)
def kind_marker(ask):
    """The nearest target or plan marker before the number in its sentence."""
    markers = lexicon.kind_markers()
    pattern = lexicon.words_pattern(markers)
    for x in reversed(list(pattern.finditer(ask.norm, ask.sentence.start, ask.mention.start))):
        yield markers[" ".join(x.group().lower().split())], x.start(), x.end()


@rule("en", Slot.KIND, "actual", order=20, per_document=True)
def actual(ask):
    """No marker: a fact about the past or present."""
    yield Kind.ACTUAL.value, -1, -1
