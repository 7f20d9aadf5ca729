"""Deciders: given every slot's candidates, choose. Rules propose; a decider chooses.

The rule-order decider (the default) takes the first candidate in rule order (the rules' own
order of preference, as registered and arranged by the profile). The learned decider
(``learn.decider``, ``--model``) implements the same protocol over the same candidates and their features; it ranks
some slots and leaves the others to the rule order.
"""
from __future__ import annotations

from typing import Protocol

from .codes import Slot
from .context import Ask
from .types import Candidate, Decision

#: Slots whose answer is composed of several candidates: a per denominator is the counted
#: unit first and the time last ("person/year"). A tuple, tested by identity: an enum member's
#: hash is a Python call, and every decision asks.
_COMPOSED = (Slot.PER,)


class Decider(Protocol):
    name: str

    def needs(self, slot: Slot) -> int | None:
        """How many candidates of the slot, in rule order, the decider reads (None: all of them):
        the rules after those are not asked."""

    def decide(self, slot: Slot, candidates: tuple[Candidate, ...], ask: Ask) -> Decision: ...


class RuleOrder:
    """The first candidate in rule order wins; a per denominator is composed of the candidates
    before the first one that proposes none: its first counted unit and its last time unit.
    Only the first candidate is asked for, unless ``complete`` (every candidate listed, as the
    spaCy component shows them)."""

    name = "rule_order"

    def __init__(self, complete: bool = False):
        self.complete = complete

    def needs(self, slot: Slot) -> int | None:
        return None if self.complete or slot in _COMPOSED else 1

    def decide(self, slot: Slot, candidates: tuple[Candidate, ...], ask: Ask) -> Decision:
        if not candidates:
            return Decision(slot, candidates, (), self.name)
        if slot in _COMPOSED:
            return Decision(slot, candidates, _compose(candidates, ask.ctx.lang.time_units), self.name)
        return Decision(slot, candidates, (0,), self.name)


def _compose(candidates: tuple[Candidate, ...], time_units: frozenset[str]) -> tuple[int, ...]:
    parts = []
    for i, c in enumerate(candidates):
        if not c.value:
            break
        parts.append(i)
    if not parts:
        return (0,)
    counted = [i for i in parts if candidates[i].value not in time_units][:1]
    time = [i for i in parts if candidates[i].value in time_units][-1:]
    return tuple(counted + time)


DEFAULT = RuleOrder()
#: The rule order with every candidate of every slot, for those who list them.
COMPLETE = RuleOrder(complete=True)
