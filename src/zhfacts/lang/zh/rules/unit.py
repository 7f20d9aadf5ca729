"""Unit rules: a bare number takes its unit from the counted noun after it; 个 before a people
noun counts people."""
from __future__ import annotations

import regex

from ....codes import Slot
from ....registry import Guard, rule
from .. import lexicon

#: How far after the number (past a place name) the counted noun may start.
_NOUN_REACH = 8
_NOUN_SEARCH_MAX_START = 4
#: A bare count this large without a noun after it takes its subject's noun.
_LARGE_COUNT = 10000


def counted_noun(ask) -> tuple[str, int, int]:
    """(unit code, start, end) of the counted noun after a number (a place name may stand
    between); ("", -1, -1) when there is none."""
    if "counted_noun" in ask.memo:
        return ask.memo["counted_noun"]
    ask.memo["counted_noun"] = found = _counted_noun(ask)
    return found


def _counted_noun(ask) -> tuple[str, int, int]:
    m, norm, ctx = ask.mention, ask.norm, ask.ctx
    _, clause_end = ctx.clause_bounds(m.end, lists=True)
    pos = m.end
    if pos in ctx.place_at:
        pos = ctx.place_at[pos].end
    nouns, pattern = lexicon.counted_nouns(), lexicon.counted_noun_pattern()
    found = pattern.search(norm, pos, min(clause_end, pos + _NOUN_REACH))
    if found is not None and found.start() - pos > _NOUN_SEARCH_MAX_START:
        found = None
    if found is None and m.value >= _LARGE_COUNT:
        # "减少1109万": a large bare count takes the counted noun of its subject, else counts items
        # of the noun after it ("上亿市场主体").
        clause_start, _ = ctx.clause_bounds(m.start)
        subject = list(pattern.finditer(norm, clause_start, m.start))
        if subject:
            return nouns[subject[-1].group()], subject[-1].start(), subject[-1].end()
        return ("item", -1, -1) if regex.match(r"\p{Han}", norm[pos:pos + 1]) else ("", -1, -1)
    return (nouns[found.group()], found.start(), found.end()) if found else ("", -1, -1)


#: The general classifier, which counts people as well as things.
_GE = "个"
#: The number has no unit, or counts with 个: only such a number takes its counted noun's unit.
BARE_OR_GE = Guard("zh.bare_or_ge", lambda ask: ask.mention.unit == "" or ask.mention.unit_surface == _GE)


@rule("zh", Slot.UNIT, "counted_noun", order=10, when=BARE_OR_GE)
def by_counted_noun(ask):
    """A bare number counts the noun after it ("40万人民"); 个 before a people noun counts people."""
    m = ask.mention
    if m.unit == "" or (m.unit == "item" and m.unit_surface == _GE):
        code, start, end = counted_noun(ask)
        if code and (m.unit == "" or code == "person"):
            yield code, start, end


def _enterprise_counted(ask) -> tuple[int, int] | None:
    """(start, end) of the enterprise or account noun that 户 counts: right after the number
    ("23户企业") or ending the clause before it, up to a linking word ("粮食企业有30户",
    "移动电话用户78.49万户")."""
    m, norm = ask.mention, ask.norm
    nouns = lexicon.grammar("enterprise_noun")
    after = next((w for w in nouns if norm.startswith(w, m.unit_end)), "")
    if after:
        return m.unit_end, m.unit_end + len(after)
    clause_start, _ = ask.ctx.clause_bounds(m.start)
    pos = m.start
    link = max((w for w in lexicon.grammar("count_link") if norm.endswith(w, clause_start, pos)), key=len, default="")
    pos -= len(link)
    before = next((w for w in nouns if norm.endswith(w, clause_start, pos)), "")
    return (pos - len(before), pos) if before else None


#: The number counts households.
HOUSEHOLDS = Guard("zh.households", lambda ask: ask.mention.unit == "household")


@rule("zh", Slot.UNIT, "enterprise_household", order=15, when=HOUSEHOLDS)
def enterprise_household(ask):
    """户 counting enterprises or subscriber accounts counts items, not households."""
    m = ask.mention
    if m.unit == "household" and m.unit_surface.endswith(lexicon.grammar("household_word")):
        found = _enterprise_counted(ask)
        if found:
            yield "item", found[0], found[1]


@rule("zh", Slot.UNIT, "unit_word", order=20)
def unit_word(ask):
    """The unit word written after the number ("万元", "头")."""
    m = ask.mention
    if m.unit:
        end = m.unit_end if m.unit_end >= 0 else m.end
        yield m.unit, end - len(m.unit_surface), end


@rule("zh", Slot.UNIT, "no_unit", order=30, per_document=True)
def no_unit(ask):
    """A bare number with no unit word and no counted noun."""
    yield "", -1, -1
