"""The terminal report of a diff: a summary line, then every pair grouped by status."""
from __future__ import annotations

import math

import pandas as pd

from .align import STATUSES


def format_number(value: float) -> str:
    """A value for people: thousands separators, no exponent, no trailing zeros."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    text = f"{value:,.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def format_value(claim) -> str:
    """A claim's value for people: a range shows both ends ("4至5万元" -> 40,000–50,000), a value
    beyond float range its exact digits."""
    value = claim["value"]
    shown = claim.get("value_exact", "") if not math.isfinite(value) else format_number(value)
    top = claim.get("value_max")
    return shown if top is None or pd.isna(top) else f"{shown}–{format_number(top)}"


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
