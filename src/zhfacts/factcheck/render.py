"""The terminal report of a diff: a summary line, then every pair grouped by status."""
from __future__ import annotations

import math

import pandas as pd

from ..display import format_number
from .align import STATUSES


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
