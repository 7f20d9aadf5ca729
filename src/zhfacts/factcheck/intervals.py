"""What a stated value allows: a claim read as the interval of true values its wording allows
("2000多户" is 2000 to 3000, "约5万" is 45,000 to 55,000); two claims are compatible when
their intervals meet.

Bounds are exact (:class:`fractions.Fraction`, read from the table's exact value), so a sum of
parts equals its total when the written digits do; None stands for an unbounded end.
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Optional

from ..io.tables import exact_value, is_missing

Bound = Optional[Fraction]
Interval = tuple[Bound, Bound, bool, bool]

#: "About" (~) allows this relative deviation, or half a unit of the last stated digit if wider:
#: a writer who says 约5万 for 52,000 or 48,000 is not contradicted.
APPROX_TOLERANCE = Fraction(1, 20)

#: A written number: digits with thousands separators and a decimal point ("，" separates clauses).
_DIGITS = re.compile(r"[0-9０-９][0-9０-９,.．]*")


def _last_nonzero_place(number: Decimal) -> Fraction:
    """Place value of the last non-zero digit: 2000 -> 1000, 1500 -> 100, 0.04 -> 0.01."""
    if not number:
        return Fraction(1)
    return Fraction(10) ** number.normalize().as_tuple().exponent


def digit_places(text: str, value: Decimal | int | float) -> tuple[Fraction, Fraction]:
    """(last stated digit, last non-zero digit) of a mention, as place values in the canonical unit.

    "82.69%" -> (0.01, 0.01); "40万" -> (1e4, 1e5); "2000多户" -> (1, 1000); "20多万" -> (1e4, 1e5).
    Numerals without digits ("三成") state no trailing zeros, so both are the last non-zero digit.
    """
    value = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    match = _DIGITS.search(text or "")
    number_text = match.group().rstrip(",.．") if match else ""
    folded = number_text.translate({0xFF10 + d: str(d) for d in range(10)} | {0xFF0E: "."}).replace(",", "")
    try:
        number = Decimal(folded)
    except InvalidOperation:
        number = Decimal(0)
    if not number or not value:
        place = _last_nonzero_place(value)
        return place, place
    scale = abs(Fraction(value) / Fraction(number))
    decimals = len(folded.partition(".")[2])
    return scale / 10 ** decimals, scale * _last_nonzero_place(number)


def exact(claim) -> tuple[Fraction, Fraction]:
    """(value, upper end) of a claim exactly: the table's exact value, value_max read from its digits."""
    value = Fraction(exact_value(claim))
    top = claim.get("value_max")
    return value, value if is_missing(top) else Fraction(Decimal(repr(float(top))))


def interval(claim, inner_more: tuple[str, ...] = (), rounding: bool = False) -> Interval:
    """(low, high, low_open, high_open): the true values a claim's wording allows.

    ``inner_more`` are the language's words inside a span that bound "more than" (2000多 is
    below 3000). With ``rounding`` an exact value stands for everything that rounds to it half
    up (四舍五入, "round half up", the convention of statistical reports) at its last stated
    digit: 0.3 is [0.25, 0.35), so parts summing to 0.35 exceed it. That is how a total or a
    share is judged against what was computed; without it, two exact statements agree only
    when equal.
    """
    value, top = exact(claim)
    qualifier, text = claim["qualifier"], str(claim["text"])
    stated, nonzero = digit_places(text, exact_value(claim))
    half = stated / 2 if rounding else Fraction(0)
    floor = Fraction(0) if value >= 0 else None
    if qualifier == "~":
        def spread(x: Fraction) -> Fraction:
            return max(APPROX_TOLERANCE * abs(x), stated / 2)
        return value - spread(value), top + spread(top), False, False
    if qualifier == ">":
        if any(word in text for word in inner_more):
            return value, top + nonzero, True, True
        return value, None, True, True
    if qualifier == ">=":
        return value - half, None, False, True
    if qualifier == "<":
        return floor, top + half, False, True
    if qualifier == "<=":
        return floor, top + half, False, bool(half) and top >= 0
    # half up: the lower end rounds up to the value, the upper end away from it (mirrored below 0)
    return value - half, top + half, bool(half) and value < 0, bool(half) and top >= 0


def _max(a: Bound, b: Bound) -> Bound:
    """The larger lower end (None is minus infinity)."""
    return b if a is None else a if b is None else max(a, b)


def _min(a: Bound, b: Bound) -> Bound:
    """The smaller upper end (None is plus infinity)."""
    return b if a is None else a if b is None else min(a, b)


def overlap(a: Interval, b: Interval) -> bool:
    """True when two intervals share a value; a shared end point counts only if both include it."""
    (low_a, high_a, low_open_a, high_open_a), (low_b, high_b, low_open_b, high_open_b) = a, b
    low, high = _max(low_a, low_b), _min(high_a, high_b)
    if low is None or high is None:
        return True
    low_open = (low == low_a and low_open_a) or (low == low_b and low_open_b)
    high_open = (high == high_a and high_open_a) or (high == high_b and high_open_b)
    return low < high or (low == high and not low_open and not high_open)


def add(intervals: list[Interval]) -> Interval:
    """The interval of a sum of values, one from each interval."""
    lows, highs = [i[0] for i in intervals], [i[1] for i in intervals]
    return (None if None in lows else sum(lows, Fraction(0)), None if None in highs else sum(highs, Fraction(0)),
            any(i[2] for i in intervals), any(i[3] for i in intervals))


def compatible(a, b, inner_more: tuple[str, ...] = ()) -> bool:
    """Two stated values of one fact that can both be true (exact values must be equal)."""
    return overlap(interval(a, inner_more), interval(b, inner_more))
