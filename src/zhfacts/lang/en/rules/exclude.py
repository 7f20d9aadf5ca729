"""Exclusion rules for English (claims-spec sections 1 and 5): dates and years, ordinals and plan
names, numbered sections, page and footnote numbers, numbers in names, slogans and citations,
durations that locate another event, and the pronoun "one"."""
from __future__ import annotations

import regex

from ....codes import Slot, Status
from ....registry import rule
from .. import lexicon
from .unit import counted_noun

EXCLUDED = Status.EXCLUDED.value
LONGEST_SPAN = 80
_YEARS = (1900, 2099)
_ORDINAL_TAIL = regex.compile(r"(?:st|nd|rd|th)(?![\p{L}])", regex.IGNORECASE)
_WORD_BEFORE = regex.compile(r"([\p{L}][\p{L}.]*)\s*$")
_WORD_AFTER = regex.compile(r"[\s-]*([\p{L}][\p{L}'-]*|[,.])")


def _around(ask, spans) -> list:
    m = ask.mention
    return [x for x in spans.starting_in(m.start - LONGEST_SPAN, m.end) if x.end > m.start and x.start < m.end]


def _word_before(ask) -> str:
    found = _WORD_BEFORE.search(ask.norm[max(0, ask.mention.start - 16):ask.mention.start])
    return found.group(1).lower() if found else ""


def _word_after(ask) -> str:
    found = _WORD_AFTER.match(ask.norm, ask.mention.end)
    return found.group(1).lower() if found else ""


@rule("en", Slot.EXCLUDE, "in_time_expression", order=10)
def in_time_expression(ask):
    """The number is part of a date or time expression ("in 2019", "December 29", "10 years ago")."""
    for t in _around(ask, ask.ctx.times):
        yield EXCLUDED, t.start, t.end


@rule("en", Slot.EXCLUDE, "year_number", order=20)
def year_number(ask):
    """A bare whole number from 1900 to 2099 is a year ("by 2020")."""
    m = ask.mention
    if not m.unit_surface and m.value == int(m.value) and _YEARS[0] <= m.value <= _YEARS[1] and \
            regex.fullmatch(r"\d{4}", ask.norm[m.start:m.end]):
        yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "date_or_clock", order=30)
def date_or_clock(ask):
    """Digits joined by "-", ":" or "/" to two-digit groups are a date or a clock time ("2020-07-26 11:42")."""
    m, norm = ask.mention, ask.norm
    if regex.match(r"[-:/]\d\d", norm[m.end:m.end + 3]) or regex.search(r"\d[-:/]$", norm[max(0, m.start - 2):m.start]) or \
            regex.fullmatch(r"\d{4}-\d{1,2}", norm[m.start:m.end]):
        yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "ordinal", order=40)
def ordinal(ask):
    """An ordinal or rank: "13th", "24th" (a Five-Year Plan, a date, a place in a list)."""
    m = ask.mention
    if _ORDINAL_TAIL.match(ask.norm, m.end):
        yield EXCLUDED, m.start, m.end + 2


@rule("en", Slot.EXCLUDE, "section_number", order=50)
def section_number(ask):
    """A number after a section, page, table or footnote word ("Article 5", "page 12"), or one
    that numbers a list item at a line start ("1.", "(2)")."""
    m, norm = ask.mention, ask.norm
    before = _word_before(ask)
    if not m.unit_surface and before in lexicon.grammar("section") and norm[m.start - 1:m.start] in (" ", "."):
        yield EXCLUDED, m.start - len(before) - 1, m.end
    line_start = norm.rfind("\n", 0, m.start) + 1
    if not norm[line_start:m.start].strip(" (") and regex.match(r"[.)]\s", norm[m.end:m.end + 2]):
        yield EXCLUDED, line_start, m.end + 1
    if norm[m.start - 1:m.start] == "[" and norm[m.end:m.end + 1] == "]":
        yield EXCLUDED, m.start - 1, m.end + 1


@rule("en", Slot.EXCLUDE, "in_name", order=60)
def in_name(ask):
    """A number joined to letters ("covid-19", "G20", "5G"), in a slogan or a name in capitals
    ("Two Assurances and Three Guarantees"), or in a short quotation."""
    m, norm = ask.mention, ask.norm
    if regex.search(r"\p{L}-?$", norm[max(0, m.start - 2):m.start]) and not norm[m.start - 1:m.start].isspace() \
            and not regex.match(r"\p{L}", norm[m.start]):
        yield EXCLUDED, m.start, m.end
    if not m.unit_surface and regex.match(r"\p{L}", norm[m.end:m.end + 1]) and regex.match(r"\d", norm[m.end - 1:m.end]):
        yield EXCLUDED, m.start, m.end + 1
    for x in _around(ask, ask.ctx.set_phrases):
        yield EXCLUDED, x.start, x.end
    for x in _around(ask, ask.ctx.quoted):
        if x.start <= m.start and m.end <= x.end and x.end - x.start < 40 and not lexicon.unit_of(m.unit_surface or "-"):
            yield EXCLUDED, x.start, x.end


@rule("en", Slot.EXCLUDE, "code_number", order=62)
def code_number(ask):
    """A number that is a code, not a quantity: a telephone number ("0851-86826666", a leading
    zero), a hotline or a standard ("the 12345 hotline"), a number after an acronym ("ISO 9001")."""
    m, norm = ask.mention, ask.norm
    if m.unit_surface:
        return
    digits = norm[m.start:m.end]
    if regex.fullmatch(r"0\d{2,}(?:-\d+)?|\d{3,4}-\d{6,8}", digits):
        yield EXCLUDED, m.start, m.end
    if _word_after(ask) in lexicon.grammar("code_nouns"):
        yield EXCLUDED, m.start, m.end
    if regex.search(r"(?<![\p{L}])\p{Lu}{2,}\s$", norm[max(0, m.start - 8):m.start]) and digits.isdigit():
        yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "age_threshold", order=64)
def age_threshold(ask):
    """An age that defines a group ("residents aged 60 and above"), not one person's age
    ("Li Hua, aged 64,")."""
    m, norm = ask.mention, ask.norm
    found = regex.search(r"(?<!,\s?)\b(?:aged|age|ages|over the age of|under the age of)\s+$", norm[max(0, m.start - 20):m.start],
                         regex.IGNORECASE)
    if found and not m.unit_surface:
        yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "hyphen_compound", order=65)
def hyphen_compound(ask):
    """A number joined by a hyphen to a word other than a unit names a kind of thing, not a
    quantity: "a five-level system", "the two-child policy"."""
    m, norm = ask.mention, ask.norm
    if not m.unit_surface and regex.match(r"-\p{L}", norm[m.end:m.end + 2]):
        yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "frame", order=70)
def frame(ask):
    """A hyphenated duration that names a frame, not a quantity: "a five-year high", "Five-Year Plan"."""
    m, norm = ask.mention, ask.norm
    if m.unit in ("year", "month", "week", "day") and "-" in norm[m.start:m.end] and _word_after(ask) in lexicon.grammar("frame_nouns"):
        yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "locating_duration", order=80)
def locating_duration(ask):
    """A duration that locates another event: "four months after", "in the two months since",
    "over the past three decades", "within two years of the move"."""
    m = ask.mention
    if m.unit in ("year", "month", "week", "day", "hour") and "-" not in ask.norm[m.start:m.end]:
        if _word_after(ask) in lexicon.grammar("locating_after") or _word_before(ask) in lexicon.grammar("locating_before"):
            yield EXCLUDED, m.start, m.end
        elif _word_before(ask) == "the" and m.rule.startswith("en_words"):
            yield EXCLUDED, m.start, m.end
        elif _word_before(ask) == "within" and _word_after(ask) == "of":  # "within two years of the move"
            yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "pronoun_one", order=90)
def pronoun_one(ask):
    """"one" without a unit or a counted noun is a pronoun ("says one of the men", "one crucial thing")."""
    m, norm = ask.mention, ask.norm
    words = m.rule.startswith("en_words") and not m.unit_surface
    if words and m.value == 1 and (not counted_noun(ask)[0] or _word_after(ask) == "of"):
        yield EXCLUDED, m.start, m.end
    if words and _word_after(ask) in lexicon.grammar("pronoun_after") and \
            not counted_noun(ask)[0]:
        yield EXCLUDED, m.start, m.end


@rule("en", Slot.EXCLUDE, "ordinal_word_before", order=100)
def ordinal_word_before(ask):
    """A share word after an ordinal is a part of the year ("the first half")."""
    if ask.mention.rule.startswith("en_fraction") and _word_before(ask) in lexicon.grammar("ordinals"):
        yield EXCLUDED, ask.mention.start, ask.mention.end


@rule("en", Slot.EXCLUDE, "claim", order=200, per_document=True)
def claim(ask):
    """No exclusion applies: the mention is a claim."""
    yield "", -1, -1
