"""The corpus manifest: each bundled document's language, kind, year, default place and provenance."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import ZhfactsError

FIELDS = ["doc_id", "title", "language", "year", "default_place", "source", "licence"]
#: Columns a manifest may leave out.
OPTIONAL = ["kind"]


@dataclass(frozen=True)
class Entry:
    doc_id: str
    title: str
    language: str
    year: str
    default_place: str
    source: str
    licence: str
    kind: str = ""


def read_manifest(path: Path) -> dict[str, Entry]:
    """doc_id -> Entry; a missing manifest is an empty one."""
    if not path.exists():
        return {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ZhfactsError(path, f"unreadable manifest ({exc})") from None
    missing = [f for f in FIELDS if rows and f not in rows[0]]
    if missing:
        raise ZhfactsError(path, f"manifest lacks columns: {', '.join(missing)}")
    return {r["doc_id"]: Entry(**{f: r.get(f) or "" for f in FIELDS + OPTIONAL}) for r in rows}
