"""Aligning the claims of two fact tables: one to one, each pair labelled same, changed or
over_time, what is left over only_in_a or only_in_b. docs/factcheck.md has the rules.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

import pandas as pd

from ..compare import METRIC_DICE, dice, values_equal
from ..io.tables import exact_value
from ..lang import factcheck_words_any, same_place_any
from ..schema import SPEC_COLUMNS
from . import crosslang
from .intervals import compatible

#: Added to a pair's score when the values agree, so equal values win otherwise equal ties.
VALUE_BONUS = 0.5

STATUSES = ("changed", "metric_differs", "over_time", "only_in_a", "only_in_b", "same")

#: The claim columns each side of a diff row carries.
SIDE_COLUMNS = SPEC_COLUMNS + ["kind", "place_en", "value_exact"]


# --- similarity ---------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def sentence_similarity(a: str, b: str) -> float:
    """Dice of character bigrams: near 1 for a sentence and its copy with one number edited."""
    if a == b:
        return 1.0
    grams_a = Counter(a[i:i + 2] for i in range(len(a) - 1))
    grams_b = Counter(b[i:i + 2] for i in range(len(b) - 1))
    total = sum(grams_a.values()) + sum(grams_b.values())
    return 2 * sum((grams_a & grams_b).values()) / total if total else 0.0


@lru_cache(maxsize=65536)
def places_match(a: str, b: str) -> bool:
    """Same place, or no place on one side (a table that does not say cannot contradict)."""
    return not a or not b or same_place_any(a, b)


# --- alignment ----------------------------------------------------------------------------


def same_value(a, b) -> bool:
    """Value (within the scorer's tolerance), upper end and qualifier agree."""
    if not (math.isfinite(a["value"]) and math.isfinite(b["value"])):
        return exact_value(a) == exact_value(b) and a["qualifier"] == b["qualifier"]
    return (values_equal(a["value"], b["value"]) and values_equal(a["value_max"], b["value_max"])
            and a["qualifier"] == b["qualifier"])


def _candidates(a: list[dict], b: list[dict]) -> list[tuple]:
    """Sort keys of every pair that could be one fact: same unit, per, kind and place."""
    by_unit: dict[tuple[str, str], list[int]] = {}
    for j, rb in enumerate(b):
        by_unit.setdefault((rb["unit"], rb["per"]), []).append(j)
    out = []
    for i, ra in enumerate(a):
        for j in by_unit.get((ra["unit"], ra["per"]), ()):
            rb = b[j]
            if ra["kind"] and rb["kind"] and ra["kind"] != rb["kind"]:
                continue
            if not places_match(ra["place"], rb["place"]):
                continue
            metric = dice(ra["metric"], rb["metric"])
            if metric < METRIC_DICE:
                continue
            tier = 0 if ra["year"] == rb["year"] else 1
            score = metric + sentence_similarity(ra["sentence"], rb["sentence"])
            score += VALUE_BONUS if same_value(ra, rb) else 0.0
            distance = abs(i / len(a) - j / len(b))
            out.append((tier, -round(score, 9), round(distance, 9), i, j, metric))
    return out


def pair_status(a, b) -> str:
    """over_time when both years are known and differ; else same or changed."""
    if a["year"] and b["year"] and a["year"] != b["year"]:
        return "over_time"
    return "same" if same_value(a, b) else "changed"


def align(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
    """One row per aligned pair or unpaired claim, with status and differences.

    Pairs are taken best first: same year before different years, then by metric plus
    sentence similarity (plus a bonus for equal values), then by nearer relative position in
    the document, then by table order; so the i-th repetition of a claim pairs with the i-th.
    """
    records_a, records_b = a.to_dict("records"), b.to_dict("records")
    langs = crosslang.languages(a, b)
    found = crosslang.candidates(records_a, records_b, *langs) if langs else _candidates(records_a, records_b)
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    rows = []
    for _, _, _, i, j, metric in sorted(found):
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        row = _diff_row(records_a[i], records_b[j], i, j, metric)
        if langs:  # across languages the pair is judged by meaning (factcheck.crosslang)
            row["status"] = crosslang.pair_status(records_a[i], records_b[j], langs)
            row["compatible"] = None if row["status"] == "over_time" else crosslang.same_number(records_a[i], records_b[j])
        rows.append(row)
    rows += [_diff_row(r, None, i, None, math.nan) for i, r in enumerate(records_a) if i not in taken_a]
    rows += [_diff_row(None, r, None, j, math.nan) for j, r in enumerate(records_b) if j not in taken_b]
    columns = ["status", "compatible", "abs_diff", "rel_diff", "metric_dice", "a_index", "b_index"]
    columns += [f"{side}_{c}" for side in "ab" for c in SIDE_COLUMNS]
    table = pd.DataFrame(rows, columns=columns)
    table["compatible"] = table["compatible"].astype("boolean")
    for column in ("a_index", "b_index", "a_start", "a_end", "b_start", "b_end"):
        table[column] = table[column].astype("Int64")
    rank = table["status"].map(STATUSES.index)
    order = sorted(range(len(table)), key=lambda k: (rank[k], _position(table, k)))
    return table.iloc[order].reset_index(drop=True)


def _position(table: pd.DataFrame, k: int) -> tuple:
    a_index, b_index = table.at[k, "a_index"], table.at[k, "b_index"]
    return (0, int(a_index)) if not pd.isna(a_index) else (1, int(b_index))


def _diff_row(a, b, i, j, metric: float) -> dict:
    row = {"metric_dice": metric, "a_index": i, "b_index": j, "compatible": None,
           "abs_diff": math.nan, "rel_diff": math.nan}
    for side, claim in (("a", a), ("b", b)):
        for column in SIDE_COLUMNS:
            row[f"{side}_{column}"] = None if claim is None else claim[column]
        if claim is not None and not math.isfinite(claim["value"]):
            row[f"{side}_value"] = math.nan  # its value_exact holds it
        if claim is not None and not row[f"{side}_value_exact"]:
            row[f"{side}_value_exact"] = str(exact_value(claim))
    if a is None or b is None:
        row["status"] = "only_in_a" if b is None else "only_in_b"
        return row
    row["status"] = pair_status(a, b)
    row["abs_diff"] = b["value"] - a["value"]
    row["rel_diff"] = row["abs_diff"] / abs(a["value"]) if a["value"] else math.nan
    if not math.isfinite(row["abs_diff"]):  # a value beyond float range: no difference in floats
        row["abs_diff"] = row["rel_diff"] = math.nan
    if row["status"] != "over_time":
        row["compatible"] = row["status"] == "same" or compatible(a, b, factcheck_words_any("bounded_more"))
    return row
