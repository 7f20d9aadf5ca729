"""Numeral parser: the exact value of a numeral string, Arabic, Chinese, financial or mixed.

Values are Decimal so that "13,062万" is exactly 130620000 and "4.78万亿" exactly 4.78e12.
The grammar is the positional one of Chinese numerals: a string splits at its last highest
scale word (亿, else 万) into a multiplier and a remainder, recursively, so that "10万万",
"4.78万亿" and "5亿1万4千6百" all resolve; below 万, 千/百/十 sections add up, and a bare
trailing digit abbreviates the next lower place ("一万三" = 13000, "两千四百五" = 2450).
"""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache

from .resources import read_tsv


@lru_cache(maxsize=None)
def _chars() -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    digits, scales, points = {}, {}, set()
    for row in read_tsv("numerals.tsv"):
        if row["kind"] == "digit":
            digits[row["char"]] = int(row["value"])
        elif row["kind"] == "scale":
            scales[row["char"]] = int(row["value"])
        else:
            points.add(row["char"])
    return digits, scales, frozenset(points)


def digit_chars() -> frozenset[str]:
    """Chinese digit characters (一, 两, 壹 ...)."""
    return frozenset(_chars()[0])


def scale_chars() -> frozenset[str]:
    """Chinese scale characters (十, 百, 千, 万, 亿 and their financial forms)."""
    return frozenset(_chars()[1])


def numeral_chars() -> frozenset[str]:
    """Every character a Chinese numeral can contain."""
    digits, scales, points = _chars()
    return frozenset(digits) | frozenset(scales) | points | {"零"}


def _arabic(s: str) -> Decimal | None:
    s = s.replace(",", "").replace("，", "")
    s = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c == "．" else c for c in s)
    if not s or s.count(".") > 1 or not s.replace(".", "").isdigit() or s.startswith(".") or s.endswith("."):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _atom(s: str) -> Decimal | None:
    """A scale-free run: Arabic digits, one Chinese digit, a Chinese decimal, or a digit string."""
    digits, _, points = _chars()
    value = _arabic(s)
    if value is not None:
        return value
    for p in points:
        if p in s:
            whole, _, frac = s.partition(p)
            int_part = parse_numeral(whole) if whole else None
            if int_part is None or not frac or any(c not in digits for c in frac):
                return None
            return int_part + Decimal("0." + "".join(str(digits[c]) for c in frac))
    if s and all(c in digits for c in s):
        if len(s) == 1:
            return Decimal(digits[s])
        # A digit string such as 二〇一九 reads digit by digit (years, codes).
        return Decimal("".join(str(digits[c]) for c in s))
    return None


def _below_wan(s: str) -> Decimal | None:
    """Sections of 千, 百, 十 with an optional trailing digit (elliptic or after 零)."""
    digits, scales, _ = _chars()
    total = Decimal(0)
    pending = ""  # characters of the current multiplier
    last_scale = None
    after_zero = False
    for ch in s:
        if ch in scales and scales[ch] < 10000:
            unit = scales[ch]
            if last_scale is not None and unit >= last_scale:
                return None
            mult = _atom(pending) if pending else (Decimal(1) if unit == 10 else None)
            if mult is None:
                return None
            total += mult * unit
            pending, last_scale, after_zero = "", unit, False
        elif ch in ("零", "〇", "○") and last_scale is not None and not pending:
            after_zero = True
        else:
            pending += ch
    if pending:
        tail = _atom(pending)
        if tail is None:
            return None
        if last_scale is not None and not after_zero and len(pending) == 1 and pending in digits and last_scale >= 100:
            tail *= last_scale // 10
        elif last_scale is not None and tail >= last_scale:
            return None
        total += tail
    elif last_scale is None:
        return None
    return total


@lru_cache(maxsize=4096)
def parse_numeral(s: str) -> Decimal | None:
    """The value of a numeral string, or None when it is not a well-formed numeral."""
    _, scales, _ = _chars()
    if not s:
        return None
    big = [i for i, c in enumerate(s) if scales.get(c, 0) >= 10000]
    if not big:
        return _below_wan(s) if any(c in scales for c in s) else _atom(s)
    top = max(scales[s[i]] for i in big)
    cut = max(i for i in big if scales[s[i]] == top)
    head, rest = s[:cut], s[cut + 1:]
    mult = parse_numeral(head) if head else Decimal(1)
    if mult is None:
        return None
    value = mult * top
    if not rest:
        return value
    digits = _chars()[0]
    if rest[0] in ("零", "〇", "○"):
        rest_value = parse_numeral(rest[1:])
    elif len(rest) == 1 and rest in digits:
        # 一万三 = 13000: a bare digit after a scale abbreviates the next lower place.
        rest_value = Decimal(digits[rest]) * (top // 10)
    else:
        rest_value = parse_numeral(rest)
    if rest_value is None or rest_value >= top:
        return None
    return value + rest_value
