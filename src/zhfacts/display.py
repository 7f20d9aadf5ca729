"""Values and tables for people on a terminal, from rows (dicts), without pandas: a number
with thousands separators, a claim's value, and columns aligned by display width (a Chinese
character takes two cells)."""
from __future__ import annotations

import math
import unicodedata

from .io.writer import blank


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
    return shown if blank(top) else f"{shown}–{format_number(top)}"


def _width(text: str) -> int:
    """Terminal cells of the text: East Asian wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def aligned(rows: list[dict], columns: list[str]) -> str:
    """The rows as right-aligned text columns under their names, empty cells blank."""
    cells = [columns] + [["" if blank(row[c]) else str(row[c]) for c in columns] for row in rows]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(columns))]
    return "\n".join(" ".join(" " * (w - _width(cell)) + cell for cell, w in zip(line, widths)).rstrip()
                     for line in cells)
