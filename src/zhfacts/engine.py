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
from .registry import Guard, Rule, rules_for
from .types import Candidate, Claim, Decision, Mention

#: The slots a claim gets after exclusion, in the order they are decided.
ATTRIBUTES = (Slot.METRIC, Slot.YEAR, Slot.PLACE, Slot.PER, Slot.KIND)
_PLACE_AT = ATTRIBUTES.index(Slot.PLACE)


#: The rules of a slot in order, consecutive rules of one guard (or of none) taken together.
Runs = tuple[tuple[Guard | None, tuple[Rule, ...]], ...]


def guarded_runs(rules: tuple[Rule, ...]) -> Runs:
    """The rules in order, grouped into runs of consecutive rules that share a guard, so that a
    guard that fails turns its whole run away with one test (the table rules open each slot)."""
    runs: list[tuple[Guard | None, list[Rule]]] = []
    for r in rules:
        if runs and runs[-1][0] is r.when:
            runs[-1][1].append(r)
        else:
            runs.append((r.when, [r]))
    return tuple((guard, tuple(group)) for guard, group in runs)


def candidates(slot: Slot, runs: Runs, ask: Ask, limit: int | None = None) -> tuple[Candidate, ...]:
    """The answers of the rules of the slot, in rule order, with their evidence: every answer, or
    the first ``limit`` (the rules after them are not asked). The rules whose guard fails for the
    mention are not asked: they would propose nothing. A rule that reads the document only is
    asked once per document."""
    found: list[Candidate] = []
    for guard, group in runs:
        if guard is not None and not guard.test(ask):
            continue
        for r in group:
            if r.per_document:
                found += ask.ctx.once(r.key, lambda: proposed(r, ask))
                if limit is not None and len(found) >= limit:
                    return tuple(found[:limit])
                continue
            for value, start, end in r.propose(ask):
                found.append(Candidate(slot, value, r.name, start, end))
                if len(found) == limit:
                    return tuple(found)
    return tuple(found)


def proposed(r: Rule, ask: Ask) -> tuple[Candidate, ...]:
    """Every answer of one rule for the mention, as candidates."""
    return tuple(Candidate(r.slot, value, r.name, start, end) for value, start, end in r.propose(ask))


def decide(slot: Slot, runs: Runs, ask: Ask, decider: Decider = DEFAULT) -> Decision:
    return decider.decide(slot, candidates(slot, runs, ask, decider.needs(slot)), ask)


def with_unit(m: Mention, unit: Decision) -> Mention:
    """The mention with the unit the decider chose, when a rule other than its own word gave it."""
    if unit.rule in ("", "unit_word", "no_unit") or unit.value == m.unit:
        return m
    return replace(m, unit=unit.value, rule=f"{m.rule}+{unit.rule}")


def attribute(mentions: list[Mention], ctx: Context, decider: Decider = DEFAULT) -> list[Claim]:
    """Claims and excluded mentions, each with its decisions, in text order."""
    def runs(slot: Slot) -> Runs:
        return guarded_runs(rules_for(ctx.lang.code, slot, ctx.profile))

    unit_runs, exclude_runs = runs(Slot.UNIT), runs(Slot.EXCLUDE)
    # (slot, runs) in order, not a dict by slot: an enum member's hash is a Python call
    attributes = tuple((slot, runs(slot)) for slot in ATTRIBUTES)
    asks = []
    for m in mentions:
        ask = Ask(m, ctx)
        unit = decide(Slot.UNIT, unit_runs, ask, decider)
        united = with_unit(m, unit)
        if united is not m:
            ask = Ask(united, ctx, memo=ask.memo)
        asks.append((ask, unit, decide(Slot.EXCLUDE, exclude_runs, ask, decider)))
    spans = [(a.mention.start, a.mention.end) for a, _, excluded in asks if not excluded.value]
    out: list[Claim] = []
    claimed: list[Claim] = []
    previous: Claim | None = None
    for ask, unit, excluded in asks:
        m = ask.mention
        sentence = ctx.sentences[ask.si]
        if excluded.value:
            out.append(Claim(ctx.doc.doc_id, m, sentence, Status.EXCLUDED, (unit, excluded)))
            continue
        ask.claims, ask.previous, ask.earlier = spans, previous, claimed
        decided = [decide(slot, slot_runs, ask, decider) for slot, slot_runs in attributes]
        place = ctx.lang.fold(decided[_PLACE_AT].value)  # the gazetteer and the glossary are simplified
        division = ctx.lang.division(place, m.start, ctx)
        claim = Claim(ctx.doc.doc_id, m, sentence, Status.CLAIM, (unit, excluded, *decided),
                      place_en=ctx.lang.place_english(place) if place else "",
                      **({"province": division.province, "city": division.city, "county": division.county,
                          "township": division.township}
                         if division else {}))
        out.append(claim)
        claimed.append(claim)
        previous = claim
    return out
