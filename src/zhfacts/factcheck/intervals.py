"""What a stated value allows: a claim read as the interval of true values its wording allows
("2000多户" is 2000 to 3000, "约5万" is 45,000 to 55,000); two claims are compatible when
their intervals meet."""
from __future__ import annotations

import math
import re
from decimal import Decimal
from functools import lru_cache

from ..io.tables import is_missing
from ..lang.zh.lexicon import qualifiers

#: "About" (~) allows this relative deviation, or half a unit of the last stated digit if wider.
APPROX_TOLERANCE = 0.05

#: A written number: digits with thousands separators and a decimal point ("，" separates clauses).
_DIGITS = re.compile(r"[0-9０-９][0-9０-９,.．]*")


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
    if not (math.isfinite(value) and math.isfinite(top)):
        return value, top, False, False  # beyond float range: the value itself, no rounding
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
