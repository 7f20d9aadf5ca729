"""Loading claims to compare: a document is extracted, a fact table read; both come out with
every contract column present, claims only, in document and span order."""
from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from ..console import note
from ..errors import ZhfactsError
from ..io.tables import FORMATS, as_text, read_table, with_exact_values
from ..schema import EXTRA_COLUMNS, QUALIFIERS, SPEC_COLUMNS, claims_only

#: Columns a table must have to be compared at all; the others get defaults.
REQUIRED_COLUMNS = ("value", "unit", "metric")


def is_table_path(path: Path | str) -> bool:
    """A directory or a file with a table suffix is a fact table; anything else a document."""
    path = Path(path)
    return path.is_dir() or path.suffix.lower().lstrip(".") in FORMATS


def load_claims(path: Path | str, year: str | None = None, place: str | None = None,
                lang: str | None = None) -> tuple[pd.DataFrame, str | None]:
    """The claims of a document (extracted) or a fact table, and the document text if any.

    A document's language is the given one, else the manifest's, else its script's.
    Its year is the given one, else the manifest's, else the year its text names
    (the language's document_year); with none, a warning says that relative times stay unresolved.
    """
    # The extractor loads its models only when a document needs it.
    from ..lang import bundle
    from ..pipeline import document_for_path, document_rows, make_document
    from ..table import to_frame

    if is_table_path(path):
        return normalize_claims(read_table(path), path), None
    doc = document_for_path(path, year, place, lang)
    if not doc.year:
        found = bundle(doc.lang).document_year(doc.norm)
        if found:
            doc = make_document(doc.doc_id, doc.text, found, doc.place, doc.lang, doc.kind)
        else:
            note(f"{path}: no document year (none given, none in a manifest, none in the text); "
                 "relative times (this year, last year) stay unresolved; give its year")
    return normalize_claims(to_frame(document_rows(doc)), path), doc.text


def normalize_claims(df: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Claims only (no excluded mentions), every contract column present, in document and span order.

    Hand-made and gold tables may lack optional columns; they get empty defaults so every
    comparison can rely on them. A table without value, unit or metric is not a fact table.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise ZhfactsError(source, f"not a fact table: missing column(s) {', '.join(missing)}")
    df = with_exact_values(df.copy())
    df = claims_only(df).reset_index(drop=True)
    for column in SPEC_COLUMNS + EXTRA_COLUMNS:
        if column not in df.columns:
            df[column] = math.nan if column in ("value_max", "confidence") else ""
    try:
        df["value"] = pd.to_numeric(df["value"]).astype(float)
        df["value_max"] = pd.to_numeric(df["value_max"].replace("", math.nan)).astype(float)
    except (ValueError, TypeError) as exc:
        raise ZhfactsError(source, f"column value or value_max is not numeric ({exc})") from None
    if df["value"].isna().any():
        raise ZhfactsError(source, f"row {df.index[df['value'].isna()][0] + 1}: column value: empty, expected a number")
    for column in ("start", "end"):
        numbers = pd.to_numeric(df[column].replace("", math.nan), errors="coerce")
        df[column] = numbers.where(numbers.abs() < 2 ** 62).fillna(-1).astype(int)
    numeric = ("start", "end", "value", "value_max", "confidence")
    for column in (c for c in SPEC_COLUMNS + EXTRA_COLUMNS if c not in numeric):
        df[column] = df[column].map(as_text)
    df["qualifier"] = df["qualifier"].replace("", "=")
    bad = df.index[~df["qualifier"].isin(QUALIFIERS)]
    if len(bad):
        row = bad[0]
        raise ZhfactsError(source, f"row {row + 1}: column qualifier: unknown code {df.at[row, 'qualifier']!r} "
                                   f"(expected one of {' '.join(QUALIFIERS)})")
    order = sorted(range(len(df)), key=lambda i: (df.at[i, "doc_id"], df.at[i, "start"] < 0, df.at[i, "start"], i))
    return df.iloc[order].reset_index(drop=True)
