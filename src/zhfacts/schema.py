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
    "unit_surface", "confidence", "sentence_start", "sentence_end", "value_exact",
]

QUALIFIERS = ("=", "~", ">", ">=", "<", "<=")

KINDS = ("actual", "target", "plan")

#: Units that can stand in a ``per`` denominator.
PER_UNITS = ("person", "household", "mu", "year", "month", "day")


@lru_cache(maxsize=None)
def unit_codes() -> frozenset[str]:
    """Every unit code the lexicon knows; gold and output may use no other."""
    return frozenset(row["code"] for row in read_tsv("units.tsv"))
