"""The fact-table contract (claims-spec section 2): column names, order and codes.

Every reader and writer of claims (extract, gold files, score, diff) imports these names,
so the schema is stated once.
"""
from __future__ import annotations

from functools import lru_cache

from .codes import Kind, Qualifier

#: The spec's columns, in the spec's order.
SPEC_COLUMNS = [
    "doc_id", "start", "end", "text", "value", "value_max", "unit", "qualifier",
    "metric", "metric_en", "year", "place", "per", "sentence",
]

#: Columns zhfacts adds after the spec's own.
EXTRA_COLUMNS = [
    "kind", "metric_en_source", "place_en", "province", "city", "county", "township", "rule", "metric_rule", "status",
    "unit_surface", "confidence", "value_exact",
    # why: the rule behind each slot's value, and where the evidence stands in the text
    "exclude_rule", "unit_rule", "year_rule", "place_rule", "per_rule", "kind_rule",
    "sentence_start", "sentence_end", "place_start", "place_end", "year_start", "year_end",
]

#: The winning rule of each slot, by column (``rule`` is the rule that found the mention).
RULE_COLUMNS = {"exclude": "exclude_rule", "unit": "unit_rule", "metric": "metric_rule", "year": "year_rule",
                "place": "place_rule", "per": "per_rule", "kind": "kind_rule"}

#: Offsets of the evidence (half-open, into the text); empty where a value is a document default.
EVIDENCE_COLUMNS = ["sentence_start", "sentence_end", "place_start", "place_end", "year_start", "year_end"]

QUALIFIERS = tuple(q.value for q in Qualifier)

KINDS = tuple(k.value for k in Kind)

#: Codes with no surface form of their own: a ratio is stated without 倍 or % (城乡收入比1.95).
BARE_UNITS = ("ratio",)


@lru_cache(maxsize=None)
def unit_codes() -> frozenset[str]:
    """Every unit code the lexicons know (Chinese and English share the codes); gold and output
    may use no other. A ``per`` denominator is unit codes joined by "/" (claims-spec 2), so these
    serve there too."""
    from .lang.en.lexicon import units as english_units
    from .lang.zh import lexicon

    return lexicon.unit_codes() | frozenset(u.code for u in english_units().values()) | frozenset(BARE_UNITS)


@lru_cache(maxsize=None)
def column_descriptions() -> dict[str, dict[str, str]]:
    """Column -> its type and description (columns.tsv: from the claims contract and the README),
    for the data package's descriptor; every column of the table is described."""
    from .lang.base import Lexicon

    rows = Lexicon("zhfacts").table("columns.tsv", ("column", "type", "description"), unique=("column",))
    return {row["column"]: row for row in rows}
