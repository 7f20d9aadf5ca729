"""Stage 7: the fact table. Spec columns in the spec's order, then zhfacts' own; floats only here."""
from __future__ import annotations

import math
from decimal import Decimal
from typing import TYPE_CHECKING

from .codes import Kind, Slot, Status
from .lang import bundle
from .schema import EVIDENCE_COLUMNS, EXTRA_COLUMNS, SPEC_COLUMNS
from .types import Claim, Decision, Document

if TYPE_CHECKING:
    import pandas as pd

COLUMNS = SPEC_COLUMNS + EXTRA_COLUMNS


def _evidence(d: Decision | None, claim: bool) -> tuple[int | None, int | None]:
    """Where the slot's value is named in the text; (None, None) when it is a document default."""
    span = d.evidence if d is not None and claim else None
    return (span.start, span.end) if span else (None, None)


def claim_row(c: Claim, doc: Document) -> dict:
    """The claim's row. Its decisions are looked up by slot once (the first of a slot counts),
    where each of the dozen columns they give would scan them all again (``Claim.value_of``,
    ``Claim.rule_of``)."""
    m = c.mention
    claim = c.status == Status.CLAIM
    lang = bundle(doc.lang)
    by_slot: dict[Slot, Decision] = {}
    for d in c.decisions:
        by_slot.setdefault(d.slot, d)
    value = {slot: d.value for slot, d in by_slot.items()}
    rule = {slot: d.rule for slot, d in by_slot.items()}
    metric = value.get(_METRIC, "")
    metric_en, metric_en_source = lang.gloss(lang.fold(metric))  # the glossary is simplified
    place_start, place_end = _evidence(by_slot.get(_PLACE), claim)
    year_start, year_end = _evidence(by_slot.get(_YEAR), claim)
    return {
        "doc_id": c.doc_id, "start": m.start, "end": m.end, "text": doc.text[m.start:m.end],
        "value": _float(m.value), "value_max": _float(m.value_max) if m.value_max is not None else None,
        "unit": m.unit, "qualifier": m.qualifier, "metric": metric,
        "metric_en": metric_en, "year": value.get(_YEAR, ""), "place": value.get(_PLACE, ""),
        "per": value.get(_PER, ""), "sentence": lang.window(doc, c.sentence, m.start, m.end),
        "kind": value.get(_KIND, Kind.ACTUAL) if claim else "",
        "metric_en_source": metric_en_source, "place_en": c.place_en, "province": c.province, "city": c.city, "county": c.county, "township": c.township,
        "rule": m.rule, "metric_rule": rule.get(_METRIC, ""), "status": str(c.status), "unit_surface": m.unit_surface,
        "confidence": c.confidence, "value_exact": exact_text(m.value),
        "exclude_rule": rule.get(_EXCLUDE, "") if c.status == Status.EXCLUDED else "", "unit_rule": rule.get(_UNIT, ""),
        "year_rule": rule.get(_YEAR, ""), "place_rule": rule.get(_PLACE, ""),
        "per_rule": rule.get(_PER, ""), "kind_rule": rule.get(_KIND, ""),
        "sentence_start": c.sentence.start, "sentence_end": c.sentence.end,
        "place_start": place_start, "place_end": place_end, "year_start": year_start, "year_end": year_end,
    }


#: The slots, read once here: an enum member looked up on its class costs more than the dict
#: look-up it keys, a dozen times in every row.
_UNIT, _EXCLUDE, _METRIC, _YEAR = Slot.UNIT, Slot.EXCLUDE, Slot.METRIC, Slot.YEAR
_PLACE, _PER, _KIND = Slot.PLACE, Slot.PER, Slot.KIND


def candidate_lists(c: Claim) -> dict[str, list[dict]]:
    """slot -> its candidates in the decider's order of preference: value, rule, evidence span,
    the learned decider's score (None under the rule order) and whether it was chosen."""
    out = {}
    for d in c.decisions:
        order = d.ranking or tuple(range(len(d.candidates)))
        out[str(d.slot)] = [
            {"value": d.candidates[i].value, "rule": d.candidates[i].rule, "start": d.candidates[i].start,
             "end": d.candidates[i].end, "score": d.scores[i] if d.scores else None, "chosen": i in d.chosen}
            for i in order]
    return out


def _float(value: Decimal | int) -> float:
    """The value as a float; NaN when it is beyond float range (value_exact keeps it)."""
    number = float(value)
    return number if math.isfinite(number) else math.nan


def exact_text(value: Decimal | int) -> str:
    """The exact value in plain digits, never an exponent or inf: "2" + 308 zeros stays that."""
    text = format(Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


#: The type of every column: offsets int64 (evidence offsets nullable Int64), amounts float64,
#: the rest text. An empty table has them too, so tables from many documents (Parquet
#: partitions, Dask) share one schema.
DTYPES = {c: "int64" if c in ("start", "end") else "Int64" if c in EVIDENCE_COLUMNS
          else "float64" if c in ("value", "value_max", "confidence") else "str" for c in COLUMNS}


def to_frame(rows: list[dict]) -> "pd.DataFrame":
    """The rows as a typed pandas table (Parquet, Dask, the library API); CSV and JSONL are
    written from the rows themselves."""
    import pandas as pd

    return pd.DataFrame(rows, columns=COLUMNS).astype(DTYPES)
