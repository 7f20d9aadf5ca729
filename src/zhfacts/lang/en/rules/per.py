"""Per rules: the denominator of a per-unit amount from per markers right after the number and
its unit ("80 yuan per day each", "6 million yuan a year") or before it in its clause ("annual
output value per mu"); the decider composes the counted unit first and the time last."""
from __future__ import annotations

import regex

from ....codes import Slot, UnitCategory
from ....registry import rule
from .. import lexicon


def _markers() -> regex.Pattern:
    return lexicon.words_pattern(lexicon.per_markers())


_NEXT_WORD = regex.compile(r"\s+([\p{L}][\p{L}-]*)")


def _per(ask, found: regex.Match) -> list[str]:
    """The denominator a per marker gives; "each" before a noun gives that noun's unit when it is
    a denominator ("each mu" -> mu) and none otherwise ("each trip takes 3 hours")."""
    surface = " ".join(found.group().lower().split())
    if surface in lexicon.grammar("distributives"):
        noun = _NEXT_WORD.match(ask.norm, found.end())
        if noun and noun.start(1) < ask.mention.start:
            word = noun.group(1).lower()
            unit = lexicon.unit_of(word)
            code = unit.code if unit else lexicon.counted_nouns().get(word, "")
            return [code] if code in _denominators() else []
    return lexicon.per_markers()[surface].split("/")


def _denominators() -> set[str]:
    return {code for per in lexicon.per_markers().values() for code in per.split("/")}


def _is_mention(ask, a: int, b: int) -> bool:
    return any(s < b and a < e for s, e in ask.claims)


@rule("en", Slot.PER, "share_takes_none", order=10)
def share_takes_none(ask):
    """A share or percentage has no denominator."""
    m = ask.mention
    unit = lexicon.unit_of(m.unit_surface) if m.unit_surface else None
    if (unit and unit.category == UnitCategory.SHARE) or m.unit in ("%", "pp"):
        yield "", m.start, m.end


@rule("en", Slot.PER, "per_after", order=20)
def per_after(ask):
    """Per markers right after the number and its unit: "80 yuan per day each", "a year"."""
    norm, pos = ask.norm, ask.mention.end
    while True:
        found = _markers().match(norm, pos + len(norm[pos:pos + 4]) - len(norm[pos:pos + 4].lstrip()))
        if not found or _is_mention(ask, found.start(), found.end()) or not norm[pos:found.start()].isspace():
            return
        for unit in _per(ask, found):
            yield unit, found.start(), found.end()
        pos = found.end()


@rule("en", Slot.PER, "per_before", order=30)
def per_before(ask):
    """Per markers in the clause before the number: "annual income", "per capita income of"."""
    a, _ = ask.ctx.clause_bounds(ask.mention.start)
    for x in _markers().finditer(ask.norm, a, ask.mention.start):
        if not _is_mention(ask, x.start(), x.end()):
            for unit in _per(ask, x):
                yield unit, x.start(), x.end()


@rule("en", Slot.PER, "people_receiving", order=35)
def people_receiving(ask):
    """Money that people named without a count earn or receive is an amount per person
    ("Students receive 1,250 yuan each year" -> person/year; "300 students received" is a total)."""
    m, norm = ask.mention, ask.norm
    unit = lexicon.unit_of(m.unit_surface or "-")
    if not ((unit and unit.category == "money") or m.unit in lexicon.currencies().values()):
        return
    a, _ = ask.ctx.clause_bounds(m.start)
    verbs = lexicon.words_pattern(lexicon.grammar("receiving_verbs"))
    verb = next(iter(reversed(list(verbs.finditer(norm, a, m.start)))), None)
    if verb is None or _is_mention(ask, a, verb.start()):
        return
    for w in reversed(list(_NEXT_WORD.finditer(" " + norm[a:verb.start()]))):
        if lexicon.counted_nouns().get(w.group(1).lower()) == "person" and w.group(1).lower().endswith("s"):
            yield "person", a + w.start(1) - 1, a + w.end(1) - 1
            return


@rule("en", Slot.PER, "no_per", order=40, per_document=True)
def no_per(ask):
    """A total: no denominator."""
    yield "", -1, -1
