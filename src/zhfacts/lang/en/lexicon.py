"""The English vocabulary, loaded once from the resource files into lookup structures.

This module is the one reader of ``lang/en/resources/``: every other English module asks it.
Words are matched without case unless a table says otherwise (currency signs and codes).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ...codes import Kind, Qualifier, UnitCategory
from ..base import Lexicon, Unit, factcheck_table

LEXICON = Lexicon("zhfacts.lang.en.resources")


def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """The rows of one resource file (see :class:`~zhfacts.lang.base.Lexicon`)."""
    return LEXICON.rows(name)


def alternation(words) -> str:
    """A regular-expression alternation of the words, longest first, spaces matching any run of blanks."""
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def words_pattern(words, flags=regex.IGNORECASE) -> regex.Pattern:
    """The words as whole words (no letter or digit on either side)."""
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{alternation(words)})(?![\p{{L}}\d])", flags)


@lru_cache(maxsize=None)
def units() -> dict[str, Unit]:
    """Lower-case unit surface -> Unit."""
    rows = LEXICON.table("units.tsv", ("surface", "code", "factor", "category"),
                        codes={"category": UnitCategory}, unique=("surface",))
    return {r["surface"]: Unit(r["surface"], r["code"], Decimal(r["factor"]), r["category"]) for r in rows}


def unit_of(surface: str) -> Unit | None:
    return units().get(regex.sub(r"\s+", " ", surface.lower()))


@lru_cache(maxsize=None)
def number_words() -> dict[str, tuple[Decimal, str]]:
    """word -> (value, kind) of number_words.tsv."""
    rows = LEXICON.table("number_words.tsv", ("word", "value", "kind"), unique=("word",))
    return {r["word"]: (Decimal(r["value"]), r["kind"]) for r in rows}


def words_of(kind: str) -> list[str]:
    return [w for w, (_, k) in number_words().items() if k == kind]


@lru_cache(maxsize=None)
def scales() -> dict[str, tuple[Decimal, bool]]:
    """scale word -> (factor, whether it is only read joined to the digits)."""
    rows = LEXICON.table("scales.tsv", ("word", "factor", "attached"), unique=("word",))
    return {r["word"]: (Decimal(r["factor"]), r["attached"] == "1") for r in rows}


@lru_cache(maxsize=None)
def currencies() -> dict[str, str]:
    """sign or code written before a number -> ISO code (matched with case)."""
    return {r["surface"]: r["code"] for r in LEXICON.table("currencies.tsv", ("surface", "code"), unique=("surface",))}


@lru_cache(maxsize=None)
def factcheck_words() -> dict[str, tuple[str, ...]]:
    """role -> words, longest first (factcheck.tsv): the markers of breakdowns, lists and shares."""
    return {role: tuple(words) for role, words in factcheck_table(LEXICON).items()}


@lru_cache(maxsize=None)
def qualifiers() -> dict[str, dict[str, str]]:
    """position -> {lower-case surface: code}."""
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}}
    for r in LEXICON.table("qualifiers.tsv", ("surface", "code", "position"), codes={"code": Qualifier}, unique=("surface",)):
        out[r["position"]][r["surface"]] = r["code"]
    return out


@lru_cache(maxsize=None)
def counted_nouns() -> dict[str, str]:
    """lower-case noun (singular and plural) -> unit code."""
    out: dict[str, str] = {}
    for r in LEXICON.table("counted_nouns.tsv", ("noun", "plural", "code")):
        out.setdefault(r["noun"], r["code"])
        out.setdefault(r["plural"], r["code"])
    return out


@lru_cache(maxsize=None)
def per_markers() -> dict[str, str]:
    return {r["surface"]: r["per"] for r in LEXICON.table("per_markers.tsv", ("surface", "per"), unique=("surface",))}


@lru_cache(maxsize=None)
def kind_markers() -> dict[str, str]:
    rows = LEXICON.table("kind_markers.tsv", ("surface", "kind"), codes={"kind": Kind}, unique=("surface",))
    return {r["surface"]: r["kind"] for r in rows}


@lru_cache(maxsize=None)
def time_words() -> dict[str, tuple[int, bool]]:
    """lower-case word -> (offset from the document's year, vague)."""
    rows = LEXICON.table("time_words.tsv", ("word", "offset", "vague"), unique=("word",))
    return {r["word"]: (int(r["offset"]), r["vague"] == "1") for r in rows}


@lru_cache(maxsize=None)
def months() -> tuple[str, ...]:
    return tuple(r["word"] for r in LEXICON.table("months.tsv", ("word",), unique=("word",)))


@lru_cache(maxsize=None)
def plan_periods() -> dict[str, str]:
    """ordinal ("13th") -> year span of that Five-Year Plan."""
    return {r["ordinal"]: r["years"] for r in LEXICON.table("plan_periods.tsv", ("ordinal", "years"), unique=("ordinal",))}


@lru_cache(maxsize=None)
def grammar(name: str) -> frozenset[str]:
    """The lower-case words of one closed class of grammar.tsv."""
    rows = {r["class"]: r["words"] for r in LEXICON.table("grammar.tsv", ("class", "words"), unique=("class",))}
    return frozenset(rows[name].split("|"))


@lru_cache(maxsize=None)
def grammar_pattern(name: str) -> regex.Pattern:
    return words_pattern(grammar(name))


@dataclass(frozen=True)
class PlaceName:
    """A Chinese division in English: ``en`` its full English name, ``zh`` the Chinese one."""

    en: str
    short: str
    zh: str
    level: int


@lru_cache(maxsize=None)
def place_names() -> dict[str, PlaceName]:
    """English surface (full name and short name) -> PlaceName; the larger division wins a shared name."""
    out: dict[str, PlaceName] = {}
    for r in LEXICON.table("places.tsv", ("en", "short", "zh", "level")):
        place = PlaceName(r["en"], r["short"], r["zh"], int(r["level"]))
        out.setdefault(place.en, place)
        if len(place.short) >= 4:
            out.setdefault(place.short, place)
    return out
