"""Stage 7: the fact table. Spec columns in the spec's order, then zhfacts' own; floats only here."""
from __future__ import annotations

import pandas as pd

from .lang.zh.gloss import metric_english
from .schema import EXTRA_COLUMNS, SPEC_COLUMNS
from .types import Claim, Document

COLUMNS = SPEC_COLUMNS + EXTRA_COLUMNS


def claim_row(c: Claim, doc: Document) -> dict:
    m = c.mention
    metric_en, metric_en_source = metric_english(c.metric)
    return {
        "doc_id": c.doc_id, "start": m.start, "end": m.end, "text": doc.text[m.start:m.end],
        "value": float(m.value), "value_max": float(m.value_max) if m.value_max is not None else None,
        "unit": m.unit, "qualifier": m.qualifier, "metric": c.metric,
        "metric_en": metric_en, "year": c.year, "place": c.place,
        "per": c.per, "sentence": c.sentence.text(doc), "kind": c.kind if c.status == "claim" else "",
        "metric_en_source": metric_en_source, "place_en": c.place_en, "province": c.province, "city": c.city, "county": c.county,
        "rule": c.rule, "metric_rule": c.metric_rule, "status": c.status, "unit_surface": m.unit_surface,
        "confidence": c.confidence,
    }


def to_frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["start"] = frame["start"].astype("int64")
    frame["end"] = frame["end"].astype("int64")
    frame["value"] = frame["value"].astype("float64")
    frame["value_max"] = frame["value_max"].astype("float64")
    frame["confidence"] = frame["confidence"].astype("float64")
    return frame
