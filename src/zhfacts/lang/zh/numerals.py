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

import regex

from . import lexicon


_ZEROS = ("零", "〇", "○")
#: Scale words of 万 and above one numeral may hold ("5亿1万4千6百" has two, "4.78万亿" two).
_MAX_BIG_SCALES = 6


@lru_cache(maxsize=None)
def _chars() -> tuple[dict[str, int], dict[str, int], frozenset[str]]:
    digits, scales, points = {}, {}, set()
    for char, kind, value in lexicon.numeral_table():
        if kind == "digit":
            digits[char] = value
        elif kind == "scale":
            scales[char] = value
        else:
            points.add(char)
    return digits, scales, frozenset(points)


@lru_cache(maxsize=None)
def digit_chars() -> frozenset[str]:
    """Chinese digit characters (一, 两, 壹 ...)."""
    return frozenset(_chars()[0])


@lru_cache(maxsize=None)
def scale_chars() -> frozenset[str]:
    """Chinese scale characters (十, 百, 千, 万, 亿 and their financial forms)."""
    return frozenset(_chars()[1])


@lru_cache(maxsize=None)
def numeral_chars() -> frozenset[str]:
    """Every character a Chinese numeral can contain."""
    digits, scales, points = _chars()
    return frozenset(digits) | frozenset(scales) | points | {"零"}


#: A scale word three times in a row (万万万), which no numeral holds.
_TRIPLE_SCALE = regex.compile(r"([万亿萬億])\1\1")
_GROUPED = regex.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _arabic(s: str) -> Decimal | None:
    if not s.isascii():
        s = "".join(chr(ord(c) - 0xFEE0) if "０" <= c <= "９" or c in "．，" else c for c in s)
    if "," in s:
        if not _GROUPED.fullmatch(s):
            return None  # a thousands separator must be followed by groups of exactly three
        s = s.replace(",", "")
    if not s or s.count(".") > 1 or not s.replace(".", "").isdigit() or s.startswith(".") or s.endswith("."):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def _atom(s: str) -> Decimal | None:
    """A scale-free run: Arabic digits, one Chinese digit, or a digit string."""
    digits = _chars()[0]
    value = _arabic(s)
    if value is not None:
        return value
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
            # A leading 十/百/千 stands for one of it (十五, 百五 = 150, 千三 = 1300).
            # After 零, 十 stands for 一十 too (一百零十 = 110).
            implicit = last_scale is None or (after_zero and unit == 10)
            mult = _atom(pending) if pending else (Decimal(1) if implicit else None)
            if mult is None:
                return None
            total += mult * unit
            pending, last_scale, after_zero = "", unit, False
        elif ch in _ZEROS and last_scale is not None and not pending:
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
    _, scales, points = _chars()
    if s.isascii():
        return _arabic(s) if s else None  # no numeral character is ASCII: Arabic digits or nothing
    if _TRIPLE_SCALE.search(s):
        return None  # 万万万: a scale repeats at most twice (万万 = 亿)
    if sum(scales.get(c, 0) >= 10000 for c in s) > _MAX_BIG_SCALES:
        return None  # 亿万亿万…: no numeral chains so many (and the parse would recurse once each)
    point = next((i for i, c in enumerate(s) if c in points), -1)
    if point >= 0:
        return _decimal(s[:point], s[point + 1:])
    if s[0] in _ZEROS and len(s) > 1:
        return parse_numeral(s[1:])  # 零十 = 十
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
    if rest[0] in _ZEROS:
        rest_value = parse_numeral(rest[1:])
    elif len(rest) == 1 and rest in digits:
        # 一万三 = 13000: a bare digit after a scale abbreviates the next lower place.
        rest_value = Decimal(digits[rest]) * (top // 10)
    else:
        rest_value = parse_numeral(rest)
    if rest_value is None or rest_value >= top:
        return None
    return value + rest_value


def _decimal(whole: str, frac: str) -> Decimal | None:
    """三点五, 十点二三三, 两千三点一 (= 2300.1), 三点五万 (= 35000): the Chinese decimal point."""
    digits, scales, _ = _chars()
    scale = Decimal(1)
    while frac and frac[-1] in scales:
        scale *= scales[frac[-1]]
        frac = frac[:-1]
    base = parse_numeral(whole) if whole else None
    if base is None or not frac or any(c not in digits for c in frac):
        return None
    return (base + Decimal("0." + "".join(str(digits[c]) for c in frac))) * scale
