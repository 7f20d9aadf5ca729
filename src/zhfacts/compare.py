"""How two stated values, metrics and names are compared: the rules the scorer, diff and check
share (claims-spec section 4), kept apart from the scorer so that run-time code need not load it.
"""
from __future__ import annotations

import math
from collections import Counter
from decimal import Decimal
from fractions import Fraction

#: Two values agree within this relative difference (of the larger magnitude), claims-spec
#: section 4: a value a person worked out by hand (a share of 1/3 written 0.333333) still agrees.
VALUE_TOLERANCE = Fraction(1, 10 ** 6)
METRIC_DICE = 0.5


def as_exact(value: float | Decimal | Fraction | int) -> Fraction:
    """A value exactly; a float stands for the digits it was read from (its shortest repr)."""
    return Fraction(Decimal(repr(value))) if isinstance(value, float) else Fraction(value)


def values_equal(gold, pred) -> bool:
    """Equal within VALUE_TOLERANCE, in exact arithmetic; both empty is equal. A value beyond
    float range (inf) equals only itself."""
    gold_empty, pred_empty = empty_number(gold), empty_number(pred)
    if gold_empty or pred_empty:
        return gold_empty and pred_empty
    if gold == pred:
        return True
    if isinstance(gold, float) and math.isinf(gold) or isinstance(pred, float) and math.isinf(pred):
        return False
    a, b = as_exact(gold), as_exact(pred)
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


def empty_number(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def dice(a: str, b: str) -> float:
    """Character Dice over multisets, 2|A∩B| / (|A|+|B|); two empty strings agree fully."""
    if not a and not b:
        return 1.0
    common = sum((Counter(a) & Counter(b)).values())
    return 2 * common / (len(a) + len(b))


def metric_matches(gold: str, pred: str) -> bool:
    return dice(gold, pred) >= METRIC_DICE
