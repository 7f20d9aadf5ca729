"""Per rules: the denominator of a per-unit amount from per markers right after the number and
its unit ("80 yuan per day each", "6 million yuan a year") or before it in its clause ("annual
output value per mu"); the decider composes the counted unit first and the time last."""
from __future__ import annotations

import regex

from ....codes import Slot, UnitCategory
from ....registry import rule
from .. import lexicon


def _markers() -> regex.Pattern:
    return lexicon.words_pattern(lexicon.per_markers())


def _per(surface: str) -> list[str]:
    return lexicon.per_markers()[" ".join(surface.lower().split())].split("/")


def _is_mention(ask, a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in ask.claims)


@rule("en", Slot.PER, "share_takes_none", order=10)
def share_takes_none(ask):
    """A share or percentage has no denominator."""
    m = ask.mention
    unit = lexicon.unit_of(m.unit_surface) if m.unit_surface else None
    if (unit and unit.category == UnitCategory.SHARE) or m.unit in ("%", "pp"):
        yield "", m.start, m.end


@rule("en", Slot.PER, "per_after", order=20)
def per_after(ask):
    """Per markers right after the number and its unit: "80 yuan per day each", "a year"."""
    norm, pos = ask.norm, ask.mention.end
    while True:
        found = _markers().match(norm, pos + len(norm[pos:pos + 4]) - len(norm[pos:pos + 4].lstrip()))
        if not found or _is_mention(ask, found.start(), found.end()) or not norm[pos:found.start()].isspace():
            return
        for unit in _per(found.group()):
            yield unit, found.start(), found.end()
        pos = found.end()


@rule("en", Slot.PER, "per_before", order=30)
def per_before(ask):
    """Per markers in the clause before the number: "annual income", "per capita income of"."""
    a, _ = ask.ctx.clause_bounds(ask.mention.start)
    for x in _markers().finditer(ask.norm, a, ask.mention.start):
        if not _is_mention(ask, x.start(), x.end()):
            for unit in _per(x.group()):
                yield unit, x.start(), x.end()


@rule("en", Slot.PER, "no_per", order=40)
def no_per(ask):
    """A total: no denominator."""
    yield "", -1, -1
