"""Stage 7: the fact table. Spec columns in the spec's order, then zhfacts' own; floats only here."""
from __future__ import annotations

import pandas as pd

from .english import metric_english
from .schema import EXTRA_COLUMNS, SPEC_COLUMNS
from .values import Claim, Document

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


#: The type of every column: offsets int64, amounts float64, the rest text. An empty table has
#: them too, so tables from many documents (Parquet partitions, Dask) share one schema.
DTYPES = {c: "int64" if c in ("start", "end") else "float64" if c in ("value", "value_max", "confidence") else "str"
          for c in COLUMNS}


def to_frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS).astype(DTYPES)
