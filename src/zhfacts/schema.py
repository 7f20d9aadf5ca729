"""The fact-table contract (claims-spec section 2): column names, order and codes.

Every reader and writer of claims (extract, gold files, score, diff) imports these names,
so the schema is stated once.
"""
from __future__ import annotations

from functools import lru_cache

from .resources import read_tsv

#: The spec's columns, in the spec's order.
SPEC_COLUMNS = [
    "doc_id", "start", "end", "text", "value", "value_max", "unit", "qualifier",
    "metric", "metric_en", "year", "place", "per", "sentence",
]

#: Columns zhfacts adds after the spec's own.
EXTRA_COLUMNS = [
    "kind", "metric_en_source", "place_en", "province", "city", "county", "rule", "metric_rule", "status",
    "unit_surface", "confidence",
]

QUALIFIERS = ("=", "~", ">", ">=", "<", "<=")

KINDS = ("actual", "target", "plan")

#: Codes with no surface form of their own: a ratio is stated without 倍 or % (城乡收入比1.95).
BARE_UNITS = ("ratio",)


@lru_cache(maxsize=None)
def unit_codes() -> frozenset[str]:
    """Every unit code the lexicon knows; gold and output may use no other. A ``per``
    denominator is unit codes joined by "/" (claims-spec 2), so these serve there too."""
    return frozenset(row["code"] for row in read_tsv("units.tsv")) | frozenset(BARE_UNITS)
