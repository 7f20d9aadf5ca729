"""English time expressions (claims-spec sections 2.1 and 5): years, year spans, since-forms,
relative words ("last year", "now"), months and quarters, "N years ago", "the past three decades"
and named plan periods, each resolved to a year or a span relative to the document's year."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..base import year_named
from . import lexicon
from .lexicon import alternation
from .numbers import word_value
from ..zh.times import TimeExpr

_YEAR = r"(?:1[89]\d\d|20\d\d)(?![\d,.]\d|\s*(?:%|per\s*cent|percent))"
#: A date followed by a bracketed agency or author dates the report ("BEIJING, Jan. 20 (Xinhua) --",
#: "reported July 26 (Yang Di)"): it is no time of the quantities after it.
_DATELINE = regex.compile(r"\s*\([^()\n]{1,30}\)")
_PERIOD = {"year": 1, "years": 1, "decade": 10, "decades": 10}


@lru_cache(maxsize=None)
def _pattern() -> regex.Pattern:
    g_num = rf"(?:\d+|{alternation(lexicon.words_of('ones') + lexicon.words_of('tens'))}|a|an)"
    words = alternation(lexicon.time_words())
    months = alternation(lexicon.months())
    plans = alternation(lexicon.plan_periods())
    comparison = alternation(lexicon.grammar("comparison"))
    return regex.compile(
        rf"(?P<base>(?:{comparison})\s+(?:(?:in|the)\s+)?)?(?:"
        rf"(?P<range>(?:between|from)\s+(?P<y1>{_YEAR})\s+(?:and|to)\s+(?P<y2>{_YEAR})|(?P<y3>{_YEAR})\s*[-–]\s*(?P<y4>{_YEAR}))"
        rf"|(?P<since>(?:since|starting\s+in|starting|from|beginning\s+in)\s+(?:(?:early|late|mid-?)\s*)?(?:(?P<sy>{_YEAR})|(?P<sword>{words})))"
        rf"|(?P<plan>(?:the\s+)?(?P<ord>{plans})\s+Five-Year\s+Plan(?:\s+\(\d{{4}}-\d{{2,4}}\))?(?:\s+period)?)"
        rf"|(?P<ago>(?P<an>{g_num})\s+(?P<au>years?|decades?)\s+ago)"
        rf"|(?P<past>(?:the\s+)?(?:past|last)\s+(?P<pn>{g_num})\s+(?P<pu>years|decades))"
        rf"|(?P<abs>(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?:{months})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?)?(?P<y>{_YEAR}))"
        rf"|(?P<word>{words})"
        rf"|(?P<month>(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?=\p{{Lu}}))?(?:{months})\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?)"
        rf")(?![\p{{L}}\d])",
        regex.IGNORECASE,
    )


def find_times(norm: str, doc_year: str) -> list[TimeExpr]:
    """Every time expression of the text with the year or span it names; a comparison base
    ("than in 2019", "compared with a year earlier") and a dateline are marked as bases, which
    give no quantity its year."""
    year = int(doc_year) if doc_year[:4].isdigit() else None
    out = []
    for m in _pattern().finditer(norm):
        if m.start() > 0 and (norm[m.start() - 1].isalnum()):
            continue
        text = _resolve(m, year)
        if text is None:
            continue
        start = m.start() if not m.group("base") else m.end("base")
        dateline = bool(_DATELINE.match(norm, m.end()))
        out.append(TimeExpr(start, m.end(), text, base=bool(m.group("base")) or dateline))
    return out


def _resolve(m: regex.Match, year: int | None) -> str | None:
    words = lexicon.time_words()
    if m.group("range"):
        y1, y2 = (m.group("y1"), m.group("y2")) if m.group("y1") else (m.group("y3"), m.group("y4"))
        return f"{y1}-{y2}"
    if m.group("since"):
        if m.group("sy"):
            first = int(m.group("sy"))
        else:
            offset, vague = words[regex.sub(r"\s+", " ", m.group("sword").lower())]
            if vague or year is None:
                return ""
            first = year + offset
        return f"{first}-{year}" if year and year > first else str(first)
    if m.group("plan"):
        return lexicon.plan_periods()[m.group("ord").lower()]
    if m.group("ago"):
        n = word_value(m.group("an")) * _PERIOD[m.group("au").lower()]
        return str(year - int(n)) if year else ""
    if m.group("past"):
        n = word_value(m.group("pn")) * _PERIOD[m.group("pu").lower()]
        return f"{year - int(n)}-{year}" if year else ""
    if m.group("abs"):
        return m.group("y")
    if m.group("word"):
        offset, vague = words[regex.sub(r"\s+", " ", m.group("word").lower())]
        return "" if vague or year is None else str(year + offset)
    if m.group("month"):
        if m.group("month").lower() == "may" and not regex.search(r"\d", m.group("month")):
            return str(year) if year and m.string[max(0, m.start() - 7):m.start()].lower().rstrip().endswith(("of", "in", "end")) else None
        return str(year) if year else ""
    return None


def document_year(norm: str) -> str:
    """The year a document speaks from when no manifest or option gives it (base.year_named)."""
    return year_named(norm, find_times)
