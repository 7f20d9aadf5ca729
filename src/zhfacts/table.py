"""Stage 7: the fact table. Spec columns in the spec's order, then zhfacts' own; floats only here."""
from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd

from .english import metric_english
from .schema import EXTRA_COLUMNS, SPEC_COLUMNS
from .sentences import window
from .values import Claim, Document

COLUMNS = SPEC_COLUMNS + EXTRA_COLUMNS


def claim_row(c: Claim, doc: Document) -> dict:
    m = c.mention
    metric_en, metric_en_source = metric_english(c.metric)
    return {
        "doc_id": c.doc_id, "start": m.start, "end": m.end, "text": doc.text[m.start:m.end],
        "value": _float(m.value), "value_max": _float(m.value_max) if m.value_max is not None else None,
        "unit": m.unit, "qualifier": m.qualifier, "metric": c.metric,
        "metric_en": metric_en, "year": c.year, "place": c.place,
        "per": c.per, "sentence": window(doc, c.sentence, m.start, m.end), "kind": c.kind if c.status == "claim" else "",
        "metric_en_source": metric_en_source, "place_en": c.place_en, "province": c.province, "city": c.city, "county": c.county,
        "rule": c.rule, "metric_rule": c.metric_rule, "status": c.status, "unit_surface": m.unit_surface,
        "confidence": c.confidence, "sentence_start": c.sentence.start, "sentence_end": c.sentence.end,
        "value_exact": exact_text(m.value),
    }


def _float(value: Decimal | int) -> float:
    """The value as a float; NaN when it is beyond float range (value_exact keeps it)."""
    number = float(value)
    return number if math.isfinite(number) else math.nan


def exact_text(value: Decimal | int) -> str:
    """The exact value in plain digits, never an exponent or inf: "2" + 308 zeros stays that."""
    text = format(Decimal(value), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def to_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    frame["value_max"] = frame["value_max"].astype("float64")
    frame["confidence"] = frame["confidence"].astype("float64")
    frame["sentence_start"] = frame["sentence_start"].astype("int64")
    frame["sentence_end"] = frame["sentence_end"].astype("int64")
    return frame
