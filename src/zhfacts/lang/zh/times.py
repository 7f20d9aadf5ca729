"""Time expressions (claims-spec 2.1): absolute years, since-forms, relative words, plan periods.

Each expression resolves to a year string ("2019") or a span ("2014-2020"), relative to the
document's year. A year that directly modifies one number ("2014年的11%") and a comparison
base ("比去年") are marked, because neither is the time of the quantities around them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from . import lexicon
from .numerals import digit_chars, parse_numeral, scale_chars

_YEAR = r"(?:1[89]\d\d|20\d\d|[一二〇零○][〇零○一二三四五六七八九]{3})"
_DATE_TAIL = r"(?:\d{1,2}月(?:\d{1,2}日)?|[上下]半年|年?底|年?初|年?末|前|后)?"
_SINCE = r"(?:以来|开始|起|至今)"


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    year: str  # "" for a vague expression, which blocks earlier ones
    direct: bool = False  # "2014年的11%": modifies the next number only
    base: bool = False  # "比去年": a comparison base, not the quantity's time


@lru_cache(maxsize=None)
def _pattern() -> regex.Pattern:
    words = sorted(lexicon.time_words(), key=len, reverse=True)
    periods = sorted(lexicon.plan_periods(), key=len, reverse=True)
    separators = "|".join(map(regex.escape, lexicon.grammar("range_symbol") + lexicon.grammar("range_word")))
    return regex.compile(
        rf"(?P<range>(?P<y1>{_YEAR})年?\s*(?:{separators})\s*(?P<y2>{_YEAR})年)"
        rf"|(?P<abs>(?P<y>{_YEAR})年{_DATE_TAIL}(?P<since>{_SINCE})?)"
        rf"|(?P<period>(?P<pname>{'|'.join(map(regex.escape, periods))})(?:期间|时期|以来)?)"
        rf"|(?P<word>{'|'.join(map(regex.escape, words))})"
    )


def _digits(y: str) -> int:
    """A year written digit by digit: "2019", "二〇一九"."""
    return int(parse_numeral(y))


@lru_cache(maxsize=None)
def _numeral_starts() -> frozenset[str]:
    """Characters a Chinese numeral after 的 may open with (digits and scale words, not 零)."""
    return (digit_chars() | scale_chars()) - {"零", "〇", "○"}


def find_times(norm: str, doc_year: str) -> list[TimeExpr]:
    """Every time expression of the text, in order."""
    out = []
    year = int(doc_year) if doc_year.isdigit() else None
    for m in _pattern().finditer(norm):
        if m["range"]:
            value = f"{_digits(m['y1'])}-{_digits(m['y2'])}"
        elif m["abs"]:
            y = _digits(m["y"])
            value = f"{y}-{year}" if m["since"] and year and year > y else str(y)
        elif m["period"]:
            value = lexicon.plan_periods()[m["pname"]]
        else:
            offset = lexicon.time_words()[m["word"]]
            value = "" if offset == "vague" or year is None else _relative(year, offset)
        nxt = norm[m.end():m.end() + 2]
        direct = nxt.startswith(lexicon.grammar("modifier")) and len(nxt) > 1 and (nxt[1].isdigit() or nxt[1] in _numeral_starts())
        base = any(norm.startswith(w, m.start() - len(w)) for w in lexicon.grammar("comparison_base") if m.start() >= len(w))
        out.append(TimeExpr(m.start(), m.end(), value, direct, base))
    return out


def _relative(year: int, offset: str) -> str:
    """"0" -> the document year; "0:1" -> a span from it to the next year."""
    if ":" in offset:
        a, b = offset.split(":")
        return f"{year + int(a)}-{year + int(b)}"
    return str(year + int(offset))


def document_year(norm: str) -> str:
    """The year a document speaks from, when no manifest or option gives it: the first year its
    title line names, else the latest year the text names; "" when it names none."""
    title = next((line for line in norm.splitlines() if line.strip()), "")
    for text in (title, norm):
        years = [int(t.year) for t in find_times(text, "") if t.year.isdigit()]
        if years:
            return str(years[0] if text is title else max(years))
    return ""
