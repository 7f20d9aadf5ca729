"""The Chinese vocabulary, loaded once from the resource files into lookup structures.

This module is the one reader of ``lang/zh/resources/``: every other module asks it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ...codes import Kind, PlaceLevel, Qualifier, UnitCategory
from ...errors import ZhfactsError
from ..base import Lexicon, Unit, factcheck_table

LEXICON = Lexicon("zhfacts.lang.zh.resources")


def read_tsv(name: str) -> tuple[dict[str, str], ...]:
    """The rows of one resource file (see :class:`~zhfacts.lang.base.Lexicon`)."""
    return LEXICON.rows(name)


@lru_cache(maxsize=None)
def punctuation(cls: str) -> str:
    """The characters of one punctuation class (resources/punctuation.tsv)."""
    rows = {r["class"]: r["chars"] for r in LEXICON.table("punctuation.tsv", ("class", "chars"), unique=("class",))}
    return rows[cls]


def _longest_first(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=None)
def units() -> dict[str, Unit]:
    """Unit surface -> Unit; the first row of a surface wins."""
    out: dict[str, Unit] = {}
    for row in LEXICON.table("units.tsv", ("surface", "code", "factor", "category"), codes={"category": UnitCategory}):
        out.setdefault(row["surface"], Unit(row["surface"], row["code"], Decimal(row["factor"]), row["category"]))
    return out


@lru_cache(maxsize=None)
def unit_pattern() -> re.Pattern:
    """Any unit surface, the longest first. The standard ``re`` matches this alternation of plain
    words at a position about three times sooner than ``regex``, and every number asks it."""
    return re.compile(_longest_first(units()))


@lru_cache(maxsize=None)
def unit_starts() -> frozenset[str]:
    """The characters a unit surface begins with: no unit stands where none of them does, which
    a set answers sooner than the pattern of all units."""
    return frozenset(surface[0] for surface in units())


@lru_cache(maxsize=None)
def qualifiers() -> dict[str, dict[str, str]]:
    """position -> {surface: code}."""
    out: dict[str, dict[str, str]] = {"before": {}, "after": {}, "inner": {}}
    for row in LEXICON.table("qualifiers.tsv", ("surface", "position", "code", "reach"), codes={"code": Qualifier}):
        out[row["position"]][row["surface"]] = row["code"]
    return out


@lru_cache(maxsize=None)
def before_qualifier_pattern() -> regex.Pattern:
    """A before-qualifier ending where the number starts; the `reach` column lets a bound such
    as 最高 stand a short verb away ("每户最高补助3万元"). Group 1 is the qualifier word."""
    rows = read_tsv("qualifiers.tsv")
    near = [r["surface"] for r in rows if r["position"] == "before" and r["reach"] == "0"]
    far = [r["surface"] for r in rows if r["position"] == "before" and r["reach"] != "0"]
    return regex.compile(f"(?:({_longest_first(near)})|({_longest_first(far)})\\p{{Han}}{{0,2}})$")


@lru_cache(maxsize=None)
def after_qualifier_pattern() -> re.Pattern:
    """Any after-qualifier, the longest first (``re``: see ``unit_pattern``)."""
    return re.compile(_longest_first(qualifiers()["after"]))


@lru_cache(maxsize=None)
def after_qualifier_starts() -> frozenset[str]:
    """The characters an after-qualifier begins with: most numbers are followed by none of
    them, which a set answers sooner than the pattern."""
    return frozenset(surface[0] for surface in qualifiers()["after"])


@lru_cache(maxsize=None)
def shares() -> dict[str, tuple[Decimal, str]]:
    return {r["surface"]: (Decimal(r["value"]), r["qualifier"]) for r in read_tsv("shares.tsv")}


@lru_cache(maxsize=None)
def _mapping(name: str, key: str, value: str) -> dict[str, str]:
    """Column ``key`` -> column ``value`` of one resource file."""
    return {r[key]: r[value] for r in read_tsv(name)}


@lru_cache(maxsize=None)
def word_pattern(name: str, column: str) -> re.Pattern:
    """Any word of one column of a word list (org_words.tsv, counted_nouns.tsv ...), the longest
    first (``re``: see ``unit_pattern``)."""
    return re.compile(_longest_first(r[column] for r in read_tsv(name)))


@lru_cache(maxsize=None)
def set_phrase_pattern() -> re.Pattern:
    """Any set phrase, the longest first. The standard ``re`` compiles this alternation of plain
    words sooner than ``regex``, and runs it over a text several times faster."""
    return re.compile(_longest_first(r["phrase"] for r in read_tsv("set_phrases.tsv")))


@lru_cache(maxsize=None)
def abstract_noun_pattern() -> regex.Pattern:
    return regex.compile(f"[“”\"‘’《]?(?:{word_pattern('abstract_nouns.tsv', 'noun').pattern})")


def counted_nouns() -> dict[str, str]:
    """Noun -> the unit code it counts in."""
    return _mapping("counted_nouns.tsv", "noun", "unit")


def counted_noun_pattern() -> re.Pattern:
    return word_pattern("counted_nouns.tsv", "noun")


def per_markers() -> dict[str, str]:
    """Marker -> the denominator it names ("person/year")."""
    return _mapping("per_markers.tsv", "surface", "per")


def per_marker_pattern() -> re.Pattern:
    return word_pattern("per_markers.tsv", "surface")


def time_words() -> dict[str, str]:
    """Word -> its offset in years from the document's year, or a code time_words.tsv explains."""
    return _mapping("time_words.tsv", "word", "offset")


def plan_periods() -> dict[str, str]:
    """Plan name -> its years."""
    return _mapping("plan_periods.tsv", "name", "years")


@lru_cache(maxsize=None)
def period_prefixes() -> dict[str, tuple[str, tuple[str, ...]]]:
    """prefix -> (per unit, words that open with it but name no period rate)."""
    return {r["prefix"]: (r["per"], tuple(r["except"].split())) for r in read_tsv("period_prefixes.tsv")}


@lru_cache(maxsize=None)
def grammar(name: str) -> tuple[str, ...]:
    """The words of one closed class in grammar.tsv (date_unit, ordinal_prefix ...)."""
    return tuple(r["word"] for r in read_tsv("grammar.tsv") if r["set"] == name)


@lru_cache(maxsize=None)
def grammar_pattern(name: str) -> re.Pattern:
    """Any word of one closed class, longest first, so a text is searched once for all of them
    (a class without words: a pattern that never matches; ``re``: see ``unit_pattern``)."""
    words = grammar(name)
    return re.compile(_longest_first(words) if words else "(?!)")


@lru_cache(maxsize=None)
def kind_markers() -> tuple[re.Pattern, dict[str, str]]:
    """(pattern of the target and plan markers, marker -> kind; ``re``: see ``unit_pattern``)."""
    rows = {r["marker"]: r["kind"] for r in LEXICON.table("kind_markers.tsv", ("marker", "kind"),
                                                          codes={"kind": Kind}, unique=("marker",))}
    return re.compile(_longest_first(rows)), rows


@lru_cache(maxsize=None)
def change_verbs() -> frozenset[str]:
    return frozenset(r["word"] for r in read_tsv("change_verbs.tsv") if r["role"] == "verb")


@lru_cache(maxsize=None)
def change_modifiers() -> tuple[str, ...]:
    """Words that may stand before a change verb in a bare change ("同比实际增长"), longest first."""
    return tuple(sorted((r["word"] for r in read_tsv("change_verbs.tsv") if r["role"] == "modifier"), key=len, reverse=True))


@lru_cache(maxsize=None)
def unit_metrics() -> dict[str, str]:
    """Unit surfaces that name their own metric: an age in 岁 measures 年龄."""
    return {r["surface"]: r["metric"] for r in read_tsv("unit_metrics.tsv")}


@lru_cache(maxsize=None)
def metric_trim_words() -> tuple[list[str], list[str]]:
    """Words cut from the start and from the end of a metric phrase, longest first."""
    rows = read_tsv("metric_trim.tsv")
    start = sorted((r["word"] for r in rows if r["where"] in ("start", "both")), key=len, reverse=True)
    end = sorted((r["word"] for r in rows if r["where"] in ("end", "both")), key=len, reverse=True)
    return start, end


@lru_cache(maxsize=None)
def quoted_name_pattern() -> re.Pattern:
    """A short quotation (up to 8 characters between the marks); group 1 is its inside. Classes
    of plain characters: ``re`` finds them sooner than ``regex``."""
    opening, closing = re.escape(punctuation("name_open")), re.escape(punctuation("name_close"))
    return re.compile(f"[{opening}]([^{opening}{closing}]{{1,8}})[{closing}]")


@lru_cache(maxsize=None)
def bracket_pattern() -> regex.Pattern:
    """Round brackets, full-width or ASCII; group 1 is the inside."""
    return regex.compile(r"[（(]([^（）()]*)[）)]")


@lru_cache(maxsize=None)
def dateline_pattern() -> regex.Pattern:
    """A full date (年, 月 and 日 with day numbers): a line holding one dates another event."""
    return regex.compile(r"年\d{1,2}月\d{1,2}日")


@lru_cache(maxsize=None)
def traditional_chars() -> frozenset[str]:
    """Traditional characters the folding maps to simplified ones (char_variants.tsv)."""
    return frozenset(r["variant"] for r in read_tsv("char_variants.tsv"))


@lru_cache(maxsize=None)
def frequent_chars() -> frozenset[str]:
    """The most frequent Han characters, simplified and traditional (frequent_chars.tsv): how
    much a decoding of legacy bytes reads as Chinese."""
    return frozenset("".join(r["chars"] for r in LEXICON.table("frequent_chars.tsv", ["chars"])))


@dataclass(frozen=True)
class PlaceSuffix:
    suffix: str
    level: int
    en: str
    not_before: str
    plain: str  # the suffix once the ethnic groups a name carries are dropped (自治县 -> 县)


@lru_cache(maxsize=None)
def place_suffixes() -> tuple[PlaceSuffix, ...]:
    """Administrative and settlement suffixes, longest first (place_suffixes.tsv)."""
    rows = LEXICON.table("place_suffixes.tsv", ("suffix", "level", "en", "not_before", "plain"),
                         codes={"level": PlaceLevel}, unique=("suffix",))
    out = [PlaceSuffix(r["suffix"], PlaceLevel(int(r["level"])), r["en"], r["not_before"], r["plain"]) for r in rows]
    return tuple(sorted(out, key=lambda s: len(s.suffix), reverse=True))


def split_suffix(name: str) -> tuple[str, PlaceSuffix | None]:
    """(stem, suffix) of a place name by its longest administrative suffix, the stem at least one
    character: 广顺镇 -> (广顺, 镇); a name without one -> (name, None). The one rule by which
    a suffix is taken off a name."""
    for s in place_suffixes():
        if name.endswith(s.suffix) and len(name) > len(s.suffix):
            return name[: -len(s.suffix)], s
    return name, None


@lru_cache(maxsize=None)
def donor_verb_pattern() -> re.Pattern:
    """The verbs of giving aid (donor_verbs.tsv)."""
    return word_pattern("donor_verbs.tsv", "verb")


# --- the other tables, each read here and nowhere else ---------------------------------------

@lru_cache(maxsize=None)
def numeral_table() -> tuple[tuple[str, str, int], ...]:
    """(character, kind, value) of every numeral character: kind is digit, scale or point."""
    rows = LEXICON.table("numerals.tsv", ("char", "kind", "value"), unique=("char",))
    return tuple((r["char"], r["kind"], int(r["value"]) if r["value"] else 0) for r in rows)


@lru_cache(maxsize=None)
def unit_codes() -> frozenset[str]:
    """Every code of the unit lexicon, also of a row whose surface an earlier row took."""
    return frozenset(r["code"] for r in LEXICON.table("units.tsv", ("surface", "code", "factor", "category"),
                                                      codes={"category": UnitCategory}))


@lru_cache(maxsize=None)
def unit_guards() -> dict[str, str]:
    """Unit surface -> characters after which it is part of another word."""
    return {r["surface"]: r["not_before"] for r in LEXICON.table("unit_guards.tsv", ("surface", "not_before"))}


@lru_cache(maxsize=None)
def metric_glossary() -> dict[str, str]:
    """Curated metric names, Chinese -> English (metrics.tsv)."""
    return {r["zh"]: r["en"] for r in LEXICON.table("metrics.tsv", ("zh", "en"))}


@lru_cache(maxsize=None)
def place_aliases() -> dict[str, str]:
    """Alias -> canonical full name (科左后旗 -> 科尔沁左翼后旗)."""
    return {r["alias"]: r["canonical"] for r in LEXICON.table("place_aliases.tsv", ("alias", "canonical"), unique=("alias",))}


@lru_cache(maxsize=None)
def place_stopwords() -> frozenset[str]:
    return frozenset(r["word"] for r in LEXICON.table("place_stopwords.tsv", ("word",)))


@lru_cache(maxsize=None)
def place_boundaries() -> dict[str, str]:
    """char -> "partner" | "inside" (may occur inside a name) | "never" (never inside a name) ..."""
    return {r["char"]: r["role"] for r in LEXICON.table("place_boundaries.tsv", ("char", "role"), unique=("char",))}


@lru_cache(maxsize=None)
def place_english_names() -> dict[str, str]:
    return {r["name"]: r["en"] for r in LEXICON.table("places_en.tsv", ("name", "en"))}


@lru_cache(maxsize=None)
def char_variants() -> dict[str, str]:
    """Variant character -> the standard one it folds to (char_variants.tsv)."""
    return {r["variant"]: r["standard"] for r in LEXICON.table("char_variants.tsv", ("variant", "standard"))}


@lru_cache(maxsize=None)
def factcheck_words() -> dict[str, tuple[str, ...]]:
    """role -> words, longest first (factcheck.tsv): the markers of breakdowns, lists and shares;
    bounded_more holds the words inside a span that bound "more than" (2000多 is below 3000,
    qualifiers.tsv)."""
    out = factcheck_table(LEXICON)
    out["bounded_more"] = [surface for surface, code in qualifiers()["inner"].items() if code == ">"]
    return {role: tuple(sorted(ws, key=len, reverse=True)) for role, ws in out.items()}


def unit_surfaces() -> tuple[str, ...]:
    return tuple(units())


#: The roles of table_words.tsv.
TABLE_ROLES = ("unit_marker", "unit_column", "code_column", "of_which", "growth", "share", "plain", "title_label")


@lru_cache(maxsize=None)
def table_words() -> dict[str, tuple[str, ...]]:
    """role -> the words that give a statistical table its structure (table_words.tsv), longest first."""
    rows = LEXICON.table("table_words.tsv", ("role", "word"))
    out: dict[str, list[str]] = {role: [] for role in TABLE_ROLES}
    for line, row in enumerate(rows, 1):
        if row["role"] not in out:
            raise ZhfactsError(f"{LEXICON.package}/table_words.tsv", f"row {line}: unknown role {row['role']!r}")
        out[row["role"]].append(row["word"])
    return {role: tuple(sorted(words, key=len, reverse=True)) for role, words in out.items()}
