"""How two stated values, metrics and names are compared: the rules the scorer, diff and check
share (claims-spec section 4), kept apart from the scorer so that run-time code need not load it.
"""
from __future__ import annotations

import math
from collections import Counter

VALUE_TOLERANCE = 1e-6
METRIC_DICE = 0.5


def values_equal(gold: float, pred: float) -> bool:
    """Equal within a relative difference of 1e-6 (of the larger magnitude); both empty is equal."""
    gold_empty, pred_empty = empty_number(gold), empty_number(pred)
    if gold_empty or pred_empty:
        return gold_empty and pred_empty
    return gold == pred or abs(gold - pred) <= VALUE_TOLERANCE * max(abs(gold), abs(pred))


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
