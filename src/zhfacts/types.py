"""Typed values passed between pipeline stages; every one carries (start, end) into the original text."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Document:
    """A document as stored: ``text`` is never rewritten; ``norm`` has the same length."""

    doc_id: str
    text: str
    year: str = ""
    place: str = ""
    norm: str = ""


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


@dataclass
class Claim:
    """A mention attributed to a metric, year, place and denominator; or an excluded mention."""

    doc_id: str
    mention: Mention
    sentence: Sentence
    status: str = "claim"  # claim | excluded
    rule: str = ""
    metric: str = ""
    metric_en: str = ""
    year: str = ""
    place: str = ""
    place_en: str = ""
    province: str = ""
    city: str = ""
    county: str = ""
    per: str = ""
    kind: str = "actual"
    metric_rule: str = ""
    metric_candidates: list[tuple[str, str]] = field(default_factory=list)
    confidence: float | None = None  # set by the trained ranker when it runs
