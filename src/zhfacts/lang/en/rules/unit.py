"""Unit rules: a bare number takes its unit from the counted noun after it ("98.99 million rural
residents" -> person, "832 poor counties" -> item), an age set off after a name ("Wang Li, 64,")
is in years, and a bare number with no noun after it counts its subject's noun ("the crane is
rare, with just over 500 left")"""
from __future__ import annotations

import regex

from ....codes import Slot
from ....registry import rule
from .. import lexicon

#: How many words (adjectives, nouns) after the number the counted noun phrase may hold.
_PHRASE_WORDS = 4
_WORD = regex.compile(r"\s*([\p{L}][\p{L}'-]*)")
_AGE = regex.compile(r"\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?,\s*$")
_AGE_MAX = 120


def noun_start(norm: str, pos: int, stop: int) -> int:
    """Where the noun phrase after a number ending at ``pos`` starts: past a qualifier written
    after it ("70,000 or so villages"), "of (the)" ("40% of the people") and a word such as
    "more" ("10 million more people")."""
    after = regex.match(rf"\s+(?i:{lexicon.alternation(lexicon.qualifiers()['after'])})(?![\p{{L}}])", norm[pos:stop])
    if after:
        pos += after.end()
    skip_of = regex.match(r"\s+of\s+(?:the\s+)?", norm[pos:stop])
    if skip_of:
        pos += skip_of.end()
    opener = _WORD.match(norm, pos, stop)
    if opener and opener.group(1).lower() in lexicon.grammar("noun_openers"):
        pos = opener.end()
    return pos


def noun_phrase_after(norm: str, pos: int, stop: int) -> list[tuple[str, int, int]]:
    """The words of the noun phrase after a number ending at ``pos`` (from :func:`noun_start`): up
    to a function word, punctuation or the clause end."""
    out: list[tuple[str, int, int]] = []
    pos = noun_start(norm, pos, stop)
    while len(out) < _PHRASE_WORDS:
        m = _WORD.match(norm, pos, stop)
        if not m or m.group(1).lower() in lexicon.grammar("phrase_stops"):
            break
        out.append((m.group(1), m.start(1), m.end(1)))
        pos = m.end()
    return out


def _plural(word: str) -> bool:
    """A lower-case word with a plural ending ("parks", "counties"), not "-ss", "-us" or "-is"
    ("class", "various", "basis"): the noun a number counts stands before the verb after it."""
    return word[:1].islower() and word.endswith("s") and not word.endswith(("ss", "us", "is", "'s"))


def _noun_code(word: str) -> str:
    """The unit a noun counts: listed, else "item" for a plural; "" for any other word."""
    return lexicon.counted_nouns().get(word.lower()) or ("item" if _plural(word) else "")


def counted_noun(ask) -> tuple[str, int, int]:
    """(unit code, start, end) of the counted noun after a bare number; ("", -1, -1) if none.

    The words after the number run on into the verb ("40 enterprises joined the scheme"), so the
    head is the first run of nouns ("poor counties"), its last noun counting, not the phrase's
    last word."""
    if "counted_noun" not in ask.memo:
        m, norm = ask.mention, ask.norm
        _, clause_end = ask.ctx.clause_bounds(m.end)
        phrase = noun_phrase_after(norm, m.end, clause_end)
        found = ("", -1, -1)
        nouns = [(_noun_code(w), a, b) for w, a, b in phrase]
        first = next((i for i, (code, _, _) in enumerate(nouns) if code), None)
        if first is not None:  # the first noun, or the last of the nouns that follow it
            while first + 1 < len(nouns) and nouns[first + 1][0]:  # "poor counties", "member households"
                first += 1
            found = nouns[first]
        else:
            if phrase and m.value == 1 and norm[m.start].isdigit() and not phrase[-1][0][0].isupper():
                found = ("item",) + phrase[-1][1:]  # "1 national urban wetland park"
        ask.memo["counted_noun"] = found
    return ask.memo["counted_noun"]


@rule("en", Slot.UNIT, "age_after_name", order=5)
def age_after_name(ask):
    """A number set off by commas right after a person's name is an age: "Wang Li, 64,"."""
    m, norm = ask.mention, ask.norm
    if m.unit == "" and m.value < _AGE_MAX and _AGE.search(norm[max(0, m.start - 30):m.start]) and \
            norm[m.end:m.end + 1] == ",":
        yield "year", m.start, m.end


@rule("en", Slot.UNIT, "counted_noun", order=10)
def by_counted_noun(ask):
    """A bare number counts the noun after it ("4,056 households" -> household)."""
    if ask.mention.unit == "":
        code, start, end = counted_noun(ask)
        if code:
            yield code, start, end


@rule("en", Slot.UNIT, "unit_word", order=20)
def unit_word(ask):
    """The unit word, sign or code written with the number ("yuan", "%", "$")."""
    m = ask.mention
    if m.unit:
        yield m.unit, m.unit_end - len(m.unit_surface), m.unit_end


@rule("en", Slot.UNIT, "subject_noun", order=30)
def subject_noun(ask):
    """A bare number without a noun after it counts the nearest counted noun before it in its
    sentence ("the crane is rare, with just over 500 left")."""
    m, norm, s = ask.mention, ask.norm, ask.sentence
    if m.unit == "":
        for w in reversed(list(_WORD.finditer(norm, s.start, m.start))):
            code = lexicon.counted_nouns().get(w.group(1).lower())
            if code:
                yield code, w.start(1), w.end(1)
                return


@rule("en", Slot.UNIT, "no_unit", order=40, per_document=True)
def no_unit(ask):
    """A bare number with no unit word and no counted noun."""
    yield "", -1, -1
