"""Time expressions (claims-spec 2.1): absolute years, since-forms, relative words, plan periods,
years before the document's ("10年前").

Each expression resolves to a year string ("2019") or a span ("2014-2020"), relative to the
document's year. A year that directly modifies one number ("2014年的11%") and a comparison
base ("比去年") are marked, because neither is the time of the quantities around them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..base import year_named
from . import lexicon
from .numerals import digit_chars, parse_numeral, scale_chars

YEAR = r"(?:1[89]\d\d|20\d\d|[一二〇零○][〇零○一二三四五六七八九]{3})"
_DATE_TAIL = r"(?:\d{1,2}月(?:\d{1,2}日)?|[上下]半年|年?底|年?初|年?末|前|后)?"
_SINCE = r"(?:以来|开始|起|至今)"
_NUM = r"[0-9一二三四五六七八九十]{1,3}"
#: A part of a year named without its year: a month or a day of it, a run or a list of months,
#: a quarter, a half ("6月份", "5月26日", "1-5月", "7、8、9三个月", "前5月", "前三季度", "上半年"); it is in the year last named in
#: its sentence, else in the document's year (claims-spec 2.1).
_PART = (r"(?:(?:前|头){n}个?月(?:份)?|{n}\s*(?:{sep})\s*{n}月(?:份)?|{n}(?:、{n})+(?:月(?:份)?|{n}个月)"
         r"|(?:前|头)?[一二三四1-4]季度|(?:第[一二三四1-4]|前[两二三])季度|[上下]半年"
         r"|{n}月(?:{n}[日号]|份|底|初|末|上旬|中旬|下旬)?)")


_SENTENCE_BREAK = regex.compile(r"[。！？!?\n]")

#: time_words.tsv offsets: the year last named ("当年", "同期"); the document's year, in the
#: title only (a headline's "今").
SAME, HEADLINE = "same", "headline"


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    year: str  # "" for a vague expression, which blocks earlier ones
    direct: bool = False  # "2014年的11%": modifies the next number only
    base: bool = False  # "比去年": a comparison base, not the quantity's time
    event: bool = False  # "成立于1995年": the date of another event (claims-spec 2.1)

    @property
    def governs(self) -> bool:
        """Whether the expression is a time of the quantities around it."""
        return not (self.base or self.event)


@lru_cache(maxsize=None)
def _pattern() -> regex.Pattern:
    words = sorted(lexicon.time_words(), key=len, reverse=True)
    periods = sorted(lexicon.plan_periods(), key=len, reverse=True)
    separators = "|".join(map(regex.escape, lexicon.grammar("range_symbol") + lexicon.grammar("range_word")))
    ago = "(?:" + "|".join(map(regex.escape, lexicon.grammar("years_ago"))) + ")"
    return regex.compile(
        rf"(?P<range>(?P<y1>{YEAR})年?\s*(?:{separators})\s*(?P<y2>{YEAR})年)"
        rf"|(?P<abs>(?P<y>{YEAR})年{_DATE_TAIL}(?P<since>{_SINCE})?)"
        rf"|(?P<period>(?P<pname>{'|'.join(map(regex.escape, periods))})(?:期间|时期|以来)?)"
        rf"|(?P<word>{'|'.join(map(regex.escape, words))})"
        rf"|(?P<part>{_PART.format(n=_NUM, sep=separators)})(?!\d)"
        rf"|(?<![0-9])(?P<ago>(?P<n>{_NUM}|两){ago})"
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
    out: list[TimeExpr] = []
    year = int(doc_year) if doc_year.isdigit() else None
    headline_end = _headline_end(norm)
    for m in _pattern().finditer(norm):
        if m["range"]:
            value = f"{_digits(m['y1'])}-{_digits(m['y2'])}"
        elif m["abs"]:
            y = _digits(m["y"])
            value = f"{y}-{year}" if m["since"] and year and year > y else str(y)
        elif m["period"]:
            value = lexicon.plan_periods()[m["pname"]]
        elif m["ago"]:
            value = str(year - int(parse_numeral(m["n"]))) if year else ""
        elif m["part"]:
            if norm[max(0, m.start() - 1):m.start()] in lexicon.grammar("copula"):
                continue  # "产出月份为4—8月份": the months are the value, not the time of the sentence
            value = _named_before(out, norm, m.start()) or (str(year) if year else "")
        else:
            offset = lexicon.time_words()[m["word"]]
            if offset == HEADLINE:
                if m.start() >= headline_end:
                    continue
                offset = "0"
            if offset == SAME:
                value = next((t.year for t in reversed(out) if t.year and t.governs), str(year) if year else "")
            else:
                value = "" if offset == "vague" or year is None else _relative(year, offset)
        direct = _modifies_number(norm, m.end())
        base = norm.endswith(lexicon.grammar("comparison_base"), 0, m.start())
        out.append(TimeExpr(m.start(), m.end(), value, direct, base, _dates_event(norm, m.start(), m.end())))
    return out


def _modifies_number(norm: str, end: int) -> bool:
    """Whether a time ending at end modifies the number right after its 的, a bound word allowed
    between ("2014年的11%", "十年前的不足百个")."""
    if not norm.startswith(lexicon.grammar("modifier"), end):
        return False
    pos = end + 1
    bound = next((w for w in sorted(lexicon.qualifiers()["before"], key=len, reverse=True) if norm.startswith(w, pos)), "")
    nxt = norm[pos + len(bound):pos + len(bound) + 1]
    return bool(nxt) and (nxt.isdigit() or nxt in _numeral_starts())


def _dates_event(norm: str, start: int, end: int) -> bool:
    """Whether the time dates another event: a founding ("成立于1995年", "于2011年3月注册成立，")
    or an award ("2017年被评为…"), whose date is not the time of the figures beside it."""
    if norm.endswith(lexicon.grammar("event_before"), 0, start) or norm.startswith(lexicon.grammar("event_after"), end):
        return True
    closes = lexicon.grammar("event_closing")
    return any(norm.startswith(w, end) and norm[end + len(w):end + len(w) + 1] in tuple(lexicon.punctuation("clause"))
               for w in closes)


def _headline_end(norm: str) -> int:
    """The end of the title line (its first non-empty line)."""
    start = len(norm) - len(norm.lstrip())
    end = norm.find("\n", start)
    return len(norm) if end < 0 else end


def _named_before(found: list[TimeExpr], norm: str, pos: int) -> str:
    """The year of the last time expression before pos in the same sentence, if one names a year."""
    for t in reversed(found):
        if _SENTENCE_BREAK.search(norm, t.end, pos):
            return ""
        if t.year and t.governs:
            return t.year
    return ""


def _relative(year: int, offset: str) -> str:
    """"0" -> the document year; "0:1" -> a span from it to the next year."""
    if ":" in offset:
        a, b = offset.split(":")
        return f"{year + int(a)}-{year + int(b)}"
    return str(year + int(offset))


def document_year(norm: str) -> str:
    """The year a document speaks from when no manifest or option gives it (base.year_named)."""
    return year_named(norm, find_times)
