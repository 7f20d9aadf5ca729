"""Typed, frozen values passed between the stages; every one carries (start, end) into the
document text exactly as stored (half-open, Python string indices)."""
from __future__ import annotations

import math
from collections import namedtuple
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from .codes import Kind, Slot, Status


@dataclass(frozen=True)
class Span:
    """A bare (start, end) range, for spans that carry nothing else (set phrases, quotations)."""

    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A document as stored: ``text`` is never rewritten; ``norm`` is its folded copy of the same
    length. ``lang`` picks the language bundle, ``kind`` the profile of fallbacks."""

    doc_id: str
    text: str
    year: str = ""
    place: str = ""
    norm: str = ""
    lang: str = "zh"
    kind: str = "default"


@dataclass(frozen=True)
class Sentence:
    """A sentence: its parts are the text ranges it spans (a caption inside it is left out)."""

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    heading: bool = False
    paragraph: int = 0

    def text(self, doc: Document) -> str:
        return "".join(doc.text[a:b] for a, b in self.parts).replace("\n", "")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """A number with its unit and qualifier words, as found in the text (before any filtering)."""

    start: int
    end: int
    value: Decimal
    value_max: Decimal | None
    unit: str
    unit_surface: str
    qualifier: str
    rule: str
    unit_end: int = -1  # end of the unit word (== end unless the span stops at a scale word)
    qualifier_start: int = -1  # start of an outer qualifier word before the number, if any


class Candidate(NamedTuple):
    """One answer a named rule proposes for one slot of one mention, with its evidence.

    ``start``/``end`` is the evidence in the text (the place or time named, the heading, the
    marker, the cue word), -1 when the answer comes from elsewhere (the document's default).
    A learned decider reads its facts about the evidence from these (``learn.features``).
    A tuple with named fields: every rule's answer for every mention is one, and a frozen
    dataclass costs several times as much to make.
    """

    slot: Slot
    value: str
    rule: str
    start: int = -1
    end: int = -1

    @property
    def from_text(self) -> bool:
        return self.start >= 0


#: A decision's given fields, then the fields derived from them.
_DecisionFields = namedtuple("_DecisionFields", "slot candidates chosen decider ranking scores winners value rule")


class Decision(_DecisionFields):
    """What a decider chose for one slot among the candidates the rules proposed.

    ``candidates`` are in rule order; ``chosen`` indexes them (a slot that composes its answer,
    a per denominator of a counted unit and a time, may choose several, joined by "/" in the
    value). ``ranking`` is a learned decider's order of preference and ``scores`` its probability
    that each candidate (in rule order) is right; both are empty for the rule order.

    ``winners`` (the chosen candidates), ``value`` (their values joined by "/") and ``rule`` (the
    winning rules' names, where "+<decider>" marks a choice other than the rule order's) are
    derived once when the decision is made, as every row and the rules of later claims read them.
    An immutable tuple of the given and the derived fields: every slot of every mention is
    decided, and a frozen dataclass costs several times as much to make.
    """

    __slots__ = ()

    def __new__(cls, slot: Slot, candidates: tuple[Candidate, ...], chosen: tuple[int, ...],
                decider: str = "rule_order", ranking: tuple[int, ...] = (), scores: tuple[float, ...] = ()):
        if len(chosen) == 1:  # most decisions: one candidate's own value and rule
            # the rule order asks for one candidate only: it is the winner, in the same tuple
            winners = candidates if len(candidates) == 1 else (candidates[chosen[0]],)
            value, names = winners[0].value, winners[0].rule
        else:
            winners = tuple(candidates[i] for i in chosen)
            value = "/".join(c.value for c in winners if c.value)
            names = "+".join(dict.fromkeys(c.rule for c in winners))
        overruled = ranking and candidates and value != candidates[0].value
        rule = f"{names}+{decider}" if overruled else names
        return tuple.__new__(cls, (slot, candidates, chosen, decider, ranking, scores, winners, value, rule))

    def __repr__(self) -> str:
        return (f"Decision(slot={self.slot!r}, candidates={self.candidates!r}, chosen={self.chosen!r}, "
                f"decider={self.decider!r}, ranking={self.ranking!r}, scores={self.scores!r})")

    def __getnewargs__(self) -> tuple:
        return tuple(self[:6])

    def _replace(self, **changes) -> Decision:
        """The decision with some of its given fields changed, its derived fields derived again."""
        return Decision(**(dict(zip(self._fields[:6], self[:6])) | changes))

    @property
    def preferred(self) -> tuple[Candidate, ...]:
        """The candidates in the decider's order of preference."""
        return tuple(self.candidates[i] for i in self.ranking) if self.ranking else self.candidates

    @property
    def score(self) -> float | None:
        """The learned decider's probability of its most preferred candidate, whose value it chose;
        None for the rule order."""
        return self.scores[self.ranking[0]] if self.scores and self.ranking else None

    @property
    def evidence(self) -> Span | None:
        """The text span of the first chosen candidate that has one."""
        for c in self.winners:
            if c.from_text:
                return Span(c.start, c.end)
        return None


def _chosen(slot: Slot, default: str = "") -> property:
    """A claim's chosen value of one slot as an attribute (``claim.year``), ``default`` when undecided."""
    return property(lambda self: self.value_of(slot, default), doc=f"The chosen {slot}.")


@dataclass(frozen=True)
class Claim:
    """A mention with a decision per slot: a claim, or an excluded mention (its exclude decision
    names the rule that dropped it)."""

    doc_id: str
    mention: Mention
    sentence: Sentence
    status: Status = Status.CLAIM
    decisions: tuple[Decision, ...] = ()
    place_en: str = ""
    province: str = ""
    city: str = ""
    county: str = ""
    township: str = ""

    @property
    def confidence(self) -> float | None:
        """The product of the learned decider's probabilities of the candidates it chose (the
        chance that every slot it decided is right, taken as independent); None when it did not run."""
        scores = [d.score for d in self.decisions if d.score is not None]
        return math.prod(scores) if scores else None

    def decision(self, slot: Slot) -> Decision | None:
        for d in self.decisions:
            if d.slot == slot:
                return d
        return None

    def value_of(self, slot: Slot, default: str = "") -> str:
        d = self.decision(slot)
        return d.value if d is not None else default

    def rule_of(self, slot: Slot) -> str:
        d = self.decision(slot)
        return d.rule if d is not None else ""

    @property
    def rule(self) -> str:
        """The rule that found the mention."""
        return self.mention.rule

    @property
    def exclude_rule(self) -> str:
        return self.rule_of(Slot.EXCLUDE) if self.status == Status.EXCLUDED else ""

    metric = _chosen(Slot.METRIC)
    metric_rule = property(lambda self: self.rule_of(Slot.METRIC), doc="The rule that chose the metric.")
    year = _chosen(Slot.YEAR)
    place = _chosen(Slot.PLACE)
    per = _chosen(Slot.PER)
    kind = _chosen(Slot.KIND, Kind.ACTUAL)


@dataclass(frozen=True)
class Reading:
    """One answer a table gives about one of its number cells, named by the rule that reads it,
    with its evidence in the text (the header cell, the unit line, the title's time expression)."""

    rule: str
    value: str
    start: int
    end: int


#: The rule name of a mention read from a table's number cell.
TABLE_CELL = "table_cell"


@dataclass(frozen=True)
class TableCell:
    """A number cell of a table (claims-spec 2.4) as a mention, with what its row and column say.

    ``units`` are the unit codes its cell, column header, growth or share column, row label, unit
    column and unit line give, in that order (the mention's value is scaled by the first);
    ``metric`` is the row label, joined with the column header unless the column holds the plain
    values; ``years`` are the times its column header and the table's title name.
    """

    mention: Mention
    units: tuple[Reading, ...]
    metric: Reading
    years: tuple[Reading, ...]


@dataclass(frozen=True)
class Table:
    """A block of TAB-separated rows with its title and unit lines: ``start`` is where the title
    (or the first row) begins, ``end`` where the last row ends. ``cells`` are its number cells;
    ``text_cells`` every other non-empty cell (labels, headers, units), ``code_cells`` the cells of
    a column that numbers the rows or gives codes."""

    start: int
    end: int
    cells: tuple[TableCell, ...]
    text_cells: tuple[Span, ...]
    code_cells: tuple[Span, ...]

    def cell_at(self, start: int, end: int) -> TableCell | None:
        for c in self.cells:
            if c.mention.start == start and c.mention.end == end:
                return c
        return None
