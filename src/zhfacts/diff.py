"""Comparing claims: what a stated value allows, and aligning the claims of two documents.

A claim is read as the interval of true values its wording allows ("2000多户" is 2000 to
3000, "约5万" is 45,000 to 55,000), so two claims are compatible when their intervals meet.
``align`` pairs the claims of two fact tables one to one and labels each pair same, changed
or over_time; what is left over is only_in_a or only_in_b. docs/factcheck.md has the rules.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .docio import read_document
from .errors import ZhfactsError
from .lang.zh.placenames import same_place
from .lang.zh.lexicon import qualifiers
from .schema import EXTRA_COLUMNS, QUALIFIERS, SPEC_COLUMNS
from .score import METRIC_DICE, dice, values_equal
from .tableio import FORMATS, as_text, is_missing, read_table

#: "About" (~) allows this relative deviation, or half a unit of the last stated digit if wider.
APPROX_TOLERANCE = 0.05
#: Added to a pair's score when the values agree, so equal values win otherwise equal ties.
VALUE_BONUS = 0.5

STATUSES = ("changed", "over_time", "only_in_a", "only_in_b", "same")

#: Columns a table must have to be compared at all; the others get defaults.
REQUIRED_COLUMNS = ("value", "unit", "metric")

#: The claim columns each side of a diff row carries.
SIDE_COLUMNS = SPEC_COLUMNS + ["kind", "place_en"]

#: A written number: digits with thousands separators and a decimal point ("，" separates clauses).
_DIGITS = re.compile(r"[0-9０-９][0-9０-９,.．]*")


# --- loading -----------------------------------------------------------------------------


def is_table_path(path: Path | str) -> bool:
    """A directory or a file with a table suffix is a fact table; anything else a document."""
    path = Path(path)
    return path.is_dir() or path.suffix.lower().lstrip(".") in FORMATS


def load_claims(path: Path | str, year: str | None = None, place: str | None = None) -> tuple[pd.DataFrame, str | None]:
    """The claims of a document (extracted) or a fact table, and the document text if any."""
    from .pipeline import extract_table  # the extractor loads its models only when a document needs it

    if is_table_path(path):
        return normalize_claims(read_table(path), path), None
    text = read_document(path)
    return normalize_claims(extract_table(path, year=year, place=place), path), text


def normalize_claims(df: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """Claims only (no excluded mentions), every contract column present, in document and span order.

    Hand-made and gold tables may lack optional columns; they get empty defaults so every
    comparison can rely on them. A table without value, unit or metric is not a fact table.
    """
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise ZhfactsError(source, f"not a fact table: missing column(s) {', '.join(missing)}")
    df = df.copy()
    if "status" in df.columns:
        df = df[df["status"].astype(str) != "excluded"]
    df = df.reset_index(drop=True)
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
        df[column] = numbers.fillna(-1).astype(int)
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


# --- what a stated value allows --------------------------------------------------------------


def _last_nonzero_place(value: float) -> float:
    """Place value of the last non-zero digit: 2000 -> 1000, 1500 -> 100, 0.04 -> 0.01."""
    exponent = Decimal(repr(abs(value))).normalize().as_tuple().exponent
    return float(Decimal(1).scaleb(exponent)) if value else 1.0


def digit_places(text: str, value: float) -> tuple[float, float]:
    """(last stated digit, last non-zero digit) of a mention, as place values in the canonical unit.

    "82.69%" -> (0.01, 0.01); "40万" -> (1e4, 1e5); "2000多户" -> (1, 1000); "20多万" -> (1e4, 1e5).
    Chinese numerals ("三成") state no trailing zeros, so both are the last non-zero digit.
    """
    match = _DIGITS.search(text or "")
    number_text = match.group().rstrip(",.．") if match else ""
    folded = number_text.translate({0xFF10 + d: str(d) for d in range(10)} | {0xFF0E: "."}).replace(",", "")
    try:
        number = float(folded)
    except ValueError:
        number = 0.0
    if not number or not value:
        place = _last_nonzero_place(value)
        return place, place
    scale = value / number
    decimals = len(folded.partition(".")[2])
    stated = scale * 10.0 ** -decimals
    return stated, scale * _last_nonzero_place(number)


@lru_cache(maxsize=None)
def _inner_more() -> tuple[str, ...]:
    """Words inside a span that make "more than" bounded: 2000多 is below 3000 (qualifiers.tsv)."""
    return tuple(surface for surface, code in qualifiers()["inner"].items() if code == ">")


def interval(claim, rounding: bool = False) -> tuple[float, float, bool, bool]:
    """(low, high, low_open, high_open): the true values a claim's wording allows.

    With ``rounding`` an exact value stands for everything that rounds to it (half a unit of
    its last stated digit either way); that is how a computed sum or share is judged. Without
    it, two exact statements agree only when equal.
    """
    value, qualifier, text = float(claim["value"]), claim["qualifier"], str(claim["text"])
    top = value if is_missing(claim["value_max"]) else float(claim["value_max"])
    stated, nonzero = digit_places(text, value)
    half = stated / 2 if rounding else 0.0
    floor = 0.0 if value >= 0 else -math.inf
    if qualifier == "~":
        def spread(x: float) -> float:
            return max(APPROX_TOLERANCE * abs(x), stated / 2)
        return value - spread(value), top + spread(top), False, False
    if qualifier == ">":
        if any(word in text for word in _inner_more()):
            return value, top + nonzero, True, True
        return value, math.inf, True, True
    if qualifier == ">=":
        return value - half, math.inf, False, True
    if qualifier == "<":
        return floor, top + half, False, True
    if qualifier == "<=":
        return floor, top + half, False, False
    return value - half, top + half, False, False


def overlap(a: tuple[float, float, bool, bool], b: tuple[float, float, bool, bool]) -> bool:
    """True when two intervals share a value; a shared end point counts only if both include it."""
    (low_a, high_a, low_open_a, high_open_a), (low_b, high_b, low_open_b, high_open_b) = a, b
    low = max(low_a, low_b)
    low_open = (low == low_a and low_open_a) or (low == low_b and low_open_b)
    high = min(high_a, high_b)
    high_open = (high == high_a and high_open_a) or (high == high_b and high_open_b)
    return low < high or (low == high and not low_open and not high_open)


def compatible(a, b) -> bool:
    """Two stated values of one fact that can both be true (exact values must be equal)."""
    return overlap(interval(a), interval(b))


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
    return not a or not b or same_place(a, b)


# --- alignment ----------------------------------------------------------------------------


def same_value(a, b) -> bool:
    """Value (within the scorer's tolerance), upper end and qualifier agree."""
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
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    rows = []
    for _, _, _, i, j, metric in sorted(_candidates(records_a, records_b)):
        if i in taken_a or j in taken_b:
            continue
        taken_a.add(i)
        taken_b.add(j)
        rows.append(_diff_row(records_a[i], records_b[j], i, j, metric))
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
    if a is None or b is None:
        row["status"] = "only_in_a" if b is None else "only_in_b"
        return row
    row["status"] = pair_status(a, b)
    row["abs_diff"] = b["value"] - a["value"]
    row["rel_diff"] = row["abs_diff"] / abs(a["value"]) if a["value"] else math.nan
    if row["status"] != "over_time":
        row["compatible"] = row["status"] == "same" or compatible(a, b)
    return row


# --- terminal report ----------------------------------------------------------------------


def format_number(value: float) -> str:
    """A value for people: thousands separators, no exponent, no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _side(row, side: str) -> str:
    start, end = row[f"{side}_start"], row[f"{side}_end"]
    where = f"{start}-{end} " if not pd.isna(start) and start >= 0 else ""
    qualifier = row[f"{side}_qualifier"]
    return f"{side.upper()} {where}{row[f'{side}_text'] or format_number(row[f'{side}_value'])}" + (
        f" ({qualifier})" if qualifier != "=" else "")


def _context(row, side: str) -> str:
    bits = [row[f"{side}_metric"], row[f"{side}_place"], row[f"{side}_year"], row[f"{side}_unit"]]
    per = row[f"{side}_per"]
    return " | ".join(str(b) for b in bits if b) + (f" per {per}" if per else "")


def report_lines(table: pd.DataFrame, name_a: str, name_b: str) -> list[str]:
    """The terminal report: a summary line, then every row grouped by status."""
    counts = table["status"].value_counts()
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in STATUSES)
    lines = [f"{name_a} vs {name_b}: {summary}"]
    for status in STATUSES:
        group = table[table["status"] == status]
        if group.empty:
            continue
        lines += ["", f"{status} ({len(group)})"]
        for _, row in group.iterrows():
            if status in ("only_in_a", "only_in_b"):
                side = status[-1]
                lines.append(f"  {_side(row, side)}  {_context(row, side)}")
                continue
            line = f"  {_side(row, 'a')} -> {_side(row, 'b')}  {_context(row, 'a')}"
            if status != "same":
                rel = "" if math.isnan(row["rel_diff"]) else f", {row['rel_diff']:+.2%}"
                sign = "+" if row["abs_diff"] >= 0 else ""
                line += f": {sign}{format_number(row['abs_diff'])} {row['a_unit']}{rel}"
            if status == "changed":
                line += ", compatible" if row["compatible"] else ", incompatible"
            if status == "over_time":
                line += f", {row['a_year']} -> {row['b_year']}"
            lines.append(line)
    return lines
