"""Language resources: the data files that hold zhfacts' vocabulary, kept apart from code."""
from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources as _res


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a tab-separated resource file; lines starting with '#' are comments."""
    text = _res.files(__name__).joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
