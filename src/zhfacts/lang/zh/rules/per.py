"""Per rules: the denominator of a per-unit amount, from per markers in the clause before the
number (a list shares them: "每年分别补助1800元、2000元"); 年 or 月 opening the clause is per
year or month. The decider composes the counted unit first and the time last."""
from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

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


@lru_cache(maxsize=1024)
def _per_markers_in(norm: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """(start, end, marker) of the per markers of one clause, found once for all its numbers."""
    return [(x.start(), x.end(), x.group()) for x in lexicon.per_marker_pattern().finditer(norm, a, b)]


@rule("zh", Slot.PER, "per_marker", order=20)
def per_marker(ask):
    """Per markers in the clause before the number: 人均, 每户, 每亩, 每人每年."""
    a, b = ask.ctx.clause_bounds(ask.mention.start)
    markers = _per_markers_in(ask.norm, a, b)
    for start, end, marker in markers[:bisect_right(markers, (ask.mention.start, ask.mention.start, "\uffff"))]:
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
