"""Per rules: the denominator of a per-unit amount, from per markers in the clause before the
number (a list shares them: "每年分别补助1800元、2000元"); 年 or 月 opening the clause is per
year or month. The decider composes the counted unit first and the time last."""
from __future__ import annotations

from bisect import bisect_left

from ....codes import Slot, UnitCategory
from ....registry import rule
from .. import lexicon
from .guards import SHARE_UNIT


@rule("zh", Slot.PER, "share_takes_none", order=10, when=SHARE_UNIT)
def share_takes_none(ask):
    """A share or percentage has no denominator."""
    m = ask.mention
    unit = lexicon.units().get(m.unit_surface)
    if unit and unit.category == UnitCategory.SHARE:
        yield "", m.unit_end - len(m.unit_surface), m.unit_end


def _per_markers(ctx) -> tuple[list[int], list[tuple[int, int, str]]]:
    """The starts and the (start, end, marker) of the document's per markers, in text order, found
    by one scan of the document: no marker holds a clause break, so the markers of a clause are
    the ones that start in it, as a scan of the clause alone finds them."""
    def scan():
        found = [(x.start(), x.end(), x.group()) for x in lexicon.per_marker_pattern().finditer(ctx.doc.norm)]
        return [start for start, _, _ in found], found
    return ctx.once("per.markers", scan)


@rule("zh", Slot.PER, "per_marker", order=20)
def per_marker(ask):
    """Per markers in the clause before the number: 人均, 每户, 每亩, 每人每年."""
    a, _ = ask.ctx.clause_bounds(ask.mention.start)
    starts, markers = _per_markers(ask.ctx)
    for start, end, marker in markers[bisect_left(starts, a):bisect_left(starts, ask.mention.start)]:
        if end <= ask.mention.start:
            for unit in lexicon.per_markers()[marker].split("/"):
                yield unit, start, end


@rule("zh", Slot.PER, "period_prefix", order=30)
def period_prefix(ask):
    """年 or 月 opening the clause: "年发电量4620万度", "月工资2800元"."""
    norm = ask.norm
    a, _ = ask.ctx.clause_bounds(ask.mention.start)
    prefix = lexicon.period_prefixes().get(norm[a:a + 1])
    if prefix and not any(norm.startswith(word, a) for word in prefix[1]):
        yield prefix[0], a, a + 1


@rule("zh", Slot.PER, "no_per", order=40, per_document=True)
def no_per(ask):
    """A total: no denominator."""
    yield "", -1, -1
