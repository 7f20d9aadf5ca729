"""Validating hand-labelled gold before it is trusted as the reference for scoring.

A wrong code or a shifted span in gold silently lowers every score computed against it, so
gold is checked against the spec's codes and against the corpus text, and each problem names
the file, the 1-based data row and what is wrong.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from ..io.documents import read_document
from ..errors import ZhfactsError
from ..schema import KINDS, QUALIFIERS, SPEC_COLUMNS, unit_codes
from ..io.tables import as_text, is_missing, read_raw, read_table, table_files

YEAR = re.compile(r"([0-9]{4})(?:-([0-9]{4}))?")

#: How many problems the one-line error quotes before pointing to check-gold.
SUMMARY_PROBLEMS = 3


def validate_gold(df: pd.DataFrame, corpus_dir: Path | str, source: str = "gold") -> list[str]:
    """Every problem in one gold table, as 'SOURCE: row N: what is wrong'; empty when valid."""
    missing = [c for c in SPEC_COLUMNS if c not in df.columns]
    if missing:
        return [f"{source}: missing columns: {', '.join(missing)}"]
    corpus = _Corpus(Path(corpus_dir))
    problems = []
    spans: dict[str, list[tuple[int, int, int]]] = {}
    for row, record in enumerate(df.to_dict("records"), 1):
        found = _row_problems(record, corpus)
        span = _span(record)
        if span:
            spans.setdefault(as_text(record["doc_id"]), []).append((*span, row))
        problems += [(row, p) for p in found]
    for doc_spans in spans.values():
        problems += _span_conflicts(doc_spans)
    return [f"{source}: row {row}: {p}" for row, p in sorted(problems, key=lambda item: item[0])]


def _row_problems(record: dict, corpus: "_Corpus") -> list[str]:
    checks = (_check_doc, _check_span, _check_value, _check_value_max, _check_unit,
              _check_qualifier, _check_kind, _check_per, _check_year)
    problems = [p for check in checks for p in check(record)]
    doc_id = as_text(record["doc_id"])
    if doc_id and doc_id not in corpus.texts:
        problems += corpus.load(doc_id)
    document = corpus.texts.get(doc_id)
    if document is not None and not problems:
        problems += _check_text(record, document, doc_id)
    return problems


def _integer(cell: object) -> int | None:
    number = _number(cell)
    return int(number) if number is not None and number.is_integer() else None


def _number(cell: object) -> float | None:
    if is_missing(cell) or isinstance(cell, bool):
        return None
    try:
        number = float(cell)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _span(record: dict) -> tuple[int, int] | None:
    start, end = _integer(record["start"]), _integer(record["end"])
    return (start, end) if start is not None and end is not None and 0 <= start < end else None


def _check_doc(record: dict) -> list[str]:
    return ["doc_id is empty"] if is_missing(record["doc_id"]) else []


def _check_span(record: dict) -> list[str]:
    problems = [f"{column} {record[column]!r} is not a whole number"
                for column in ("start", "end") if _integer(record[column]) is None]
    if problems:
        return problems
    start, end = _integer(record["start"]), _integer(record["end"])
    if start < 0:
        return [f"start {start} is negative"]
    return [f"start {start} is not before end {end}"] if start >= end else []


def _check_value(record: dict) -> list[str]:
    if _number(record["value"]) is not None:
        return []
    if is_missing(record["value"]) and _exact(record.get("value_exact")):
        return []  # beyond float range: value_exact holds it
    return [f"value {record['value']!r} is not a number"]


def _exact(cell: object) -> bool:
    try:
        return not is_missing(cell) and Decimal(str(cell).strip()).is_finite()
    except InvalidOperation:
        return False


def _check_value_max(record: dict) -> list[str]:
    if is_missing(record["value_max"]):
        return []
    value_max = _number(record["value_max"])
    if value_max is None:
        return [f"value_max {record['value_max']!r} is not a number"]
    value = _number(record["value"])
    if value is not None and value_max <= value:
        return [f"value_max {as_text(value_max)} is not above value {as_text(value)}"]
    return []


def _check_code(record: dict, column: str, allowed, optional: bool = False) -> list[str]:
    code = as_text(record[column])
    if (optional and not code) or code in allowed:
        return []
    return [f"unknown {column} {code!r}" if code else f"{column} is empty"]


def _check_unit(record: dict) -> list[str]:
    return _check_code(record, "unit", unit_codes())


def _check_qualifier(record: dict) -> list[str]:
    return _check_code(record, "qualifier", QUALIFIERS)


def _check_kind(record: dict) -> list[str]:
    return _check_code(record, "kind", KINDS, optional=True) if "kind" in record else []


def _check_per(record: dict) -> list[str]:
    per = as_text(record["per"])
    if not per or all(part in unit_codes() for part in per.split("/")):
        return []
    return [f"per {per!r} is not unit codes joined by '/'"]


def _check_year(record: dict) -> list[str]:
    year = as_text(record["year"])
    match = YEAR.fullmatch(year)
    if not year or (match and (not match[2] or match[1] < match[2])):
        return []
    return [f"year {year!r} is not empty, YYYY or YYYY-YYYY (earlier year first)"]


def _check_text(record: dict, document: str, doc_id: str) -> list[str]:
    start, end = _span(record)
    if end > len(document):
        return [f"span [{start},{end}) runs past the end of {doc_id}.txt ({len(document)} characters)"]
    text, actual = as_text(record["text"]), document[start:end]
    return [] if text == actual else [f"text {text!r} is not the document text {actual!r} at [{start},{end})"]


def _span_conflicts(spans: list[tuple[int, int, int]]) -> list[tuple[int, str]]:
    """Duplicate and overlapping (start, end, row) spans of one document, each reported once
    on the later row against the span reaching furthest before it."""
    problems, reach = [], None
    for span in sorted(spans):
        if reach and span[0] < reach[1]:
            problems.append(_conflict(span, reach))
        if reach is None or span[1] > reach[1]:
            reach = span
    return problems


def _conflict(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, str]:
    first, later = sorted([a, b], key=lambda span: span[2])
    if first[:2] == later[:2]:
        return later[2], f"same span [{later[0]},{later[1]}) as row {first[2]}"
    return later[2], f"span [{later[0]},{later[1]}) overlaps row {first[2]} [{first[0]},{first[1]})"


class _Corpus:
    """Corpus documents read once each, so a missing document is reported once."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.texts: dict[str, str | None] = {}

    def load(self, doc_id: str) -> list[str]:
        if Path(doc_id).name != doc_id or doc_id in (".", ".."):
            self.texts[doc_id] = None
            return [f"doc_id {doc_id!r} is not a document name (no folders, no absolute paths)"]
        path = self.directory / f"{doc_id}.txt"
        self.texts[doc_id] = read_document(path) if path.is_file() else None
        return [] if path.is_file() else [f"no corpus document {path}"]


def check_gold_path(path: Path | str, corpus_dir: Path | str) -> list[str]:
    """Problems in a gold file or in every table of a gold directory, including a document
    labelled in two files (it would be scored twice)."""
    problems, owners, rows = [], {}, 0
    for file in table_files(path):
        raw = read_raw(file)
        rows += len(raw)
        problems += validate_gold(raw, corpus_dir, source=str(file))
        if "doc_id" in raw.columns:
            problems += _shared_documents(raw, file, owners)
    if not rows:
        raise ZhfactsError(path, "gold has a header but no rows: nothing to check or score against")
    return problems


def _shared_documents(raw: pd.DataFrame, file: Path, owners: dict[str, Path]) -> list[str]:
    first_rows: dict[str, int] = {}
    for row, doc in enumerate(map(as_text, raw["doc_id"]), 1):
        first_rows.setdefault(doc, row)
    return [
        f"{file}: row {row}: document {doc!r} is also labelled in {owners[doc]}"
        for doc, row in first_rows.items()
        if owners.setdefault(doc, file) != file
    ]


def load_gold(path: Path | str, corpus_dir: Path | str) -> pd.DataFrame:
    """The gold table, or a one-line ZhfactsError quoting the first problems."""
    problems = check_gold_path(path, corpus_dir)
    if problems:
        shown = "; ".join(problems[:SUMMARY_PROBLEMS])
        more = len(problems) - SUMMARY_PROBLEMS
        rest = f"; and {more} more (run zhfacts check-gold)" if more > 0 else ""
        raise ZhfactsError(path, f"invalid gold, {len(problems)} problem(s): {shown}{rest}")
    return read_table(path)
