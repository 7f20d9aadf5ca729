"""The fact table as a Frictionless Data Package: claims.csv and documents.csv with a
datapackage.json that types and describes every column (descriptions from the claims contract,
the unit, qualifier and kind codes as enum constraints), for tools that read the standard."""
from __future__ import annotations

import json
from pathlib import Path

from ..codes import GlossSource
from ..schema import KINDS, QUALIFIERS, column_descriptions, unit_codes
from .dataset import atomic_directory
from .writer import csv_text

CLAIMS, DOCUMENTS, DESCRIPTOR = "claims.csv", "documents.csv", "datapackage.json"

#: The documents resource: one row per input document, claims or not.
DOCUMENT_FIELDS = [
    ("doc_id", "string", "Document id (the file's stem); claims.doc_id refers to it."),
    ("source", "string", "The file the document was read from (stdin for standard input)."),
    ("year", "string", "The document's year: from --year or the manifest beside the file."),
    ("place", "string", "The document's default place: from --place or the manifest."),
    ("characters", "integer", "Length of the document text in characters."),
    ("claims", "integer", "Rows of claims.csv from this document."),
]


def _enums() -> dict[str, list[str]]:
    return {"unit": sorted(unit_codes()), "qualifier": list(QUALIFIERS), "kind": list(KINDS),
            "status": ["claim", "excluded"], "metric_en_source": list(GlossSource)}


def descriptor(columns: list[str]) -> dict:
    """datapackage.json for a claims table with these columns."""
    described = column_descriptions()
    enums = _enums()
    fields = []
    for column in columns:
        field = {"name": column, "type": described[column]["type"], "description": described[column]["description"]}
        if column in enums:
            field["constraints"] = {"enum": enums[column]}
        if column in ("doc_id", "start", "end", "text"):  # value is empty beyond float range
            field.setdefault("constraints", {})["required"] = True
        fields.append(field)
    return {
        "name": "zhfacts-claims",
        "title": "Quantitative claims extracted by zhfacts",
        "resources": [
            {"name": "claims", "path": CLAIMS, "profile": "tabular-data-resource", "format": "csv",
             "encoding": "utf-8", "mediatype": "text/csv",
             "schema": {"fields": fields, "missingValues": [""],
                        "foreignKeys": [{"fields": "doc_id", "reference": {"resource": "documents", "fields": "doc_id"}}]}},
            {"name": "documents", "path": DOCUMENTS, "profile": "tabular-data-resource", "format": "csv",
             "encoding": "utf-8", "mediatype": "text/csv",
             "schema": {"fields": [{"name": n, "type": t, "description": d} for n, t, d in DOCUMENT_FIELDS],
                        "missingValues": [""], "primaryKey": "doc_id"}},
        ],
    }


def _ours(path: Path) -> bool:
    return path.is_file() and path.name in (CLAIMS, DOCUMENTS, DESCRIPTOR)


class DataPackageWriter:
    """Streams claims into claims.csv, collects one row per document, and writes the descriptor
    last; the directory appears only when all of it is written."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._columns: list[str] | None = None
        self._documents: list[dict] = []

    def __enter__(self) -> "DataPackageWriter":
        self._context = atomic_directory(self.path, "data package", _ours)
        self._dir = self._context.__enter__()
        return self

    #: Claims are written as rows, in the same CSV as a table file (less its BOM).
    takes_rows = True

    def write_rows(self, rows: list[dict], columns: list[str]) -> None:
        header = self._columns is None
        with open(self._dir / CLAIMS, "w" if header else "a", encoding="utf-8", newline="") as out:
            out.write(csv_text(rows, columns, header))
        self._columns = list(columns)

    def add_document(self, record: dict) -> None:
        self._documents.append(record)

    def _finish(self) -> None:
        (self._dir / DOCUMENTS).write_text(csv_text(self._documents, [n for n, _, _ in DOCUMENT_FIELDS], header=True),
                                           encoding="utf-8", newline="")
        (self._dir / DESCRIPTOR).write_text(
            json.dumps(descriptor(self._columns or []), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self._finish()
            except BaseException as err:
                self._context.__exit__(type(err), err, err.__traceback__)
                raise
        return self._context.__exit__(exc_type, exc, tb)
