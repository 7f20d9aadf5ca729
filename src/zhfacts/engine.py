"""The decision stage: every slot of every mention asked of its registered rules, then decided.

For each mention the unit is decided first (a bare number may take its counted noun's unit),
then exclusion; the claims then get metric, year, place, per and kind. Exclusion runs over all
mentions before any attribution, so that attribution sees which neighbours are claims (an
excluded rating stays part of the metric phrase it rates).
"""
from __future__ import annotations

from dataclasses import replace

from .codes import Slot, Status
from .context import Ask, Context
from .decide import DEFAULT, Decider
from .registry import Rule, rules_for
from .types import Candidate, Claim, Decision, Mention

#: No bracketed or quoted span the features look into is longer than this.
LONGEST_SPAN = 40

#: The slots a claim gets after exclusion, in the order they are decided.
ATTRIBUTES = (Slot.METRIC, Slot.YEAR, Slot.PLACE, Slot.PER, Slot.KIND)


def features(ask: Ask, start: int, end: int, rule: str, rank: int) -> tuple[tuple[str, object], ...]:
    """Simple facts about a candidate's evidence for a learned decider: its rule and rank, how far
    it stands from the number in characters, and whether it shares the number's clause and
    sentence, how many paragraphs away it is, and whether it stands in brackets or quotes."""
    base: tuple[tuple[str, object], ...] = (("rule", rule), ("rank", rank))
    if start < 0:
        return base + (("from_text", False),)
    m, ctx = ask.mention, ask.ctx
    distance = m.start - end if end <= m.start else max(0, start - m.end)
    clause = ask.memo.get("clause") or ask.memo.setdefault("clause", ctx.clause_bounds(m.start))
    si = ctx.sentence_of(start)

    def inside(spans) -> bool:
        return any(x.start <= start and end <= x.end for x in spans.starting_in(start - LONGEST_SPAN, start + 1))

    return base + (
        ("from_text", True), ("before", end <= m.start), ("distance", distance),
        ("same_clause", clause[0] <= start < clause[1] or clause[0] < end <= clause[1]),
        ("same_sentence", si == ask.si),
        ("paragraph_distance", ctx.sentences[ask.si].paragraph - ctx.sentences[si].paragraph),
        ("in_quotes", inside(ctx.quoted)), ("in_brackets", inside(ctx.bracketed)),
    )


def candidates(slot: Slot, rules: tuple[Rule, ...], ask: Ask) -> tuple[Candidate, ...]:
    """Every answer of every rule of the slot, in rule order, with evidence and features."""
    out = []
    for r in rules:
        for rank, (value, start, end) in enumerate(r.propose(ask)):
            out.append(Candidate(slot, value, r.name, start, end, features(ask, start, end, r.name, rank)))
    return tuple(out)


def decide(slot: Slot, ask: Ask, decider: Decider = DEFAULT) -> Decision:
    ctx = ask.ctx
    return decider.decide(slot, candidates(slot, rules_for(ctx.lang.code, slot, ctx.profile), ask), ask)


def with_unit(m: Mention, unit: Decision) -> Mention:
    """The mention with the unit the decider chose, when a rule other than its own word gave it."""
    if unit.rule in ("", "unit_word", "no_unit") or unit.value == m.unit:
        return m
    return replace(m, unit=unit.value, rule=f"{m.rule}+{unit.rule}")


def attribute(mentions: list[Mention], ctx: Context, decider: Decider = DEFAULT) -> list[Claim]:
    """Claims and excluded mentions, each with its decisions, in text order."""
    asks = []
    for m in mentions:
        first = Ask(m, ctx)
        unit = decide(Slot.UNIT, first, decider)
        ask = Ask(with_unit(m, unit), ctx, memo=first.memo)
        asks.append((ask, unit, decide(Slot.EXCLUDE, ask, decider)))
    spans = [(a.mention.start, a.mention.end) for a, _, excluded in asks if not excluded.value]
    out: list[Claim] = []
    previous: Claim | None = None
    for ask, unit, excluded in asks:
        m = ask.mention
        sentence = ctx.sentences[ask.si]
        if excluded.value:
            out.append(Claim(ctx.doc.doc_id, m, sentence, Status.EXCLUDED, (unit, excluded)))
            continue
        ask.claims, ask.previous = spans, previous
        decisions = (unit, excluded) + tuple(decide(slot, ask, decider) for slot in ATTRIBUTES)
        claim = Claim(ctx.doc.doc_id, m, sentence, Status.CLAIM, decisions)
        place = claim.place
        division = ctx.lang.division(place, m.start, ctx)
        claim = replace(claim, place_en=ctx.lang.place_english(place) if place else "",
                        **({"province": division.province, "city": division.city, "county": division.county}
                           if division else {}))
        out.append(claim)
        previous = claim
    return out
