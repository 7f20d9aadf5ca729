"""English place names (claims-spec sections 2.2 and 5): Chinese divisions in English (the
table built from the gazetteer's names in pinyin and the official English forms), names followed
by an administrative word ("Yina Township", "Zhaibo village"), a name set off as a place ("Weiji,
a town"), the whole world, the country, and words that refer back to a named place ("the
province"). A place is written as the text writes it; its Chinese name, where known, ties it
to the Chinese gazetteer."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..zh.places import Place, PlaceMention, gazetteer
from ..zh.places import place_english as chinese_place_english
from . import lexicon
from .lexicon import alternation

WORLD = Place("world", 0)
#: The country the documents are about, by its English name.
CHINA = Place("China", 0, "中国")
_NAME = r"\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+){0,3}"
#: A possessive inside a run of capitalised words ("Guizhou's Weining county").
_POSSESSIVE = regex.compile(r"['’]s\s+")
#: How many capitalised words a gazetteer name may have.
_LONGEST_NAME = 6


@lru_cache(maxsize=None)
def _place_words() -> dict[str, tuple[int, str]]:
    rows = lexicon.LEXICON.table("place_words.tsv", ("word", "level", "zh"), unique=("word",))
    return {r["word"].lower(): (int(r["level"]), r["zh"]) for r in rows}


@lru_cache(maxsize=None)
def _surnames() -> frozenset[str]:
    return frozenset(r["surname"] for r in lexicon.read_tsv("surnames.tsv"))


def _in_person_name(run: list[str], i: int, j: int) -> bool:
    """Whether words i..j of a run of capitalised words are part of a person's name: a surname
    before a one-word name ("Wang Jincheng"), or the name is a surname before a given name."""
    if j - i != 1:
        return False
    return (i > 0 and run[i - 1] in _surnames()) or (run[i] in _surnames() and j < len(run))


def _leading_common_words(name: str) -> int:
    """How many characters of common words ("Take", "In") open a capitalised run."""
    from spacy.lang.en.stop_words import STOP_WORDS

    skipped = 0
    for word in name.split(" ")[:-1]:
        if word.lower() not in STOP_WORDS:
            break
        skipped += len(word) + 1
    return skipped


@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    words = alternation(_place_words())
    return {
        "suffixed": regex.compile(rf"(?P<name>{_NAME})\s+(?P<word>(?i:{words}))(?![\p{{L}}])"),
        "apposition": regex.compile(rf"(?P<name>{_NAME}),\s+an?\s+(?:\p{{Ll}}+\s+)?(?P<word>town|village|city|county|township|province)\b"),
        "capitals": regex.compile(r"\p{Lu}[\p{L}'-]*(?:\s+(?:\p{Lu}[\p{L}'-]*|of|and))*"),
        "world": lexicon.grammar_pattern("world"),
        "country": lexicon.grammar_pattern("country"),
        "scope": lexicon.grammar_pattern("scope"),
    }


def _gazetteer_place(name: str) -> Place | None:
    """The Chinese gazetteer's entry for an English name, as a Place named in English."""
    known = lexicon.place_names().get(name)
    if known is None:
        return None
    zh = gazetteer().get(known.zh)
    return Place(known.en, known.level, zh.province if zh else "", zh.city if zh else "", zh.county if zh else "")


def find_places(norm: str, default_place: str = "") -> list[PlaceMention]:
    """Every place mention, in text order, none overlapping another (the longest wins); the
    default place scopes no lookup in English, where every name is national."""
    p = _patterns()
    found: list[PlaceMention] = []
    for m in p["suffixed"].finditer(norm):
        level, _ = _place_words()[m.group("word").lower()]
        start = m.start() + _leading_common_words(m.group("name"))
        owner = list(_POSSESSIVE.finditer(norm, start, m.end("name")))
        if owner:  # "Guizhou's Weining county": the place is the possessed name
            start = owner[-1].end()
        if _leading_common_words(norm[start:m.end("name")] + " x") > 0:
            continue  # "The province": a word that refers back, not a name
        known = _gazetteer_place(norm[start:m.end("name")])
        found.append(PlaceMention(start, m.end(), norm[start:m.end()], Place(norm[start:m.end()], level, *(
            (known.province, known.city, known.county) if known else ()))))
    for m in p["apposition"].finditer(norm):
        level, _ = _place_words()[m.group("word").lower()]
        found.append(PlaceMention(m.start("name"), m.end("name"), m.group("name"), Place(m.group("name"), level)))
    for m in p["capitals"].finditer(norm):
        words = list(regex.finditer(r"\S+", m.group()))
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + _LONGEST_NAME), i, -1):
                a, b = m.start() + words[i].start(), m.start() + words[j - 1].end()
                name = norm[a:b].rstrip("'s").rstrip("'")
                place = _gazetteer_place(name) or _gazetteer_place(norm[a:b])
                if place is not None and not _in_person_name([w.group() for w in words], i, j):
                    found.append(PlaceMention(a, a + len(name), name, place))
                    i = j - 1
                    break
            i += 1
    for m in p["world"].finditer(norm):
        found.append(PlaceMention(m.start(), m.end(), m.group(), WORLD))
    for m in p["country"].finditer(norm):
        if m.group() not in ("China", "China's"):
            found.append(PlaceMention(m.start(), m.end(), m.group(), CHINA, scope=True))
    for m in p["scope"].finditer(norm):
        level, _ = _place_words()[m.group().split()[-1].lower()] if m.group().split()[-1].lower() in _place_words() else (2, "")
        found.append(PlaceMention(m.start(), m.end(), m.group(), Place(m.group(), level), scope=True))
    comparison = regex.compile(rf"(?:{alternation(lexicon.grammar('comparison'))})\s+(?:the\s+|in\s+)?$", regex.IGNORECASE)
    out, end = [], -1
    for x in sorted(found, key=lambda x: (x.start, -(x.end - x.start))):
        if x.start >= end:
            compared = bool(comparison.search(norm[max(0, x.start - 24):x.start]))
            out.append(PlaceMention(x.start, x.end, x.surface, x.place, compared=compared, scope=x.scope))
            end = x.end
    return out


def place_english(name: str) -> str:
    """An English place is its own English name."""
    return name


def chinese_name(name: str) -> str:
    """The Chinese name of an English place name, where the table or the words tell it
    ("Weining County" -> 威宁彝族回族苗族自治县); "" when unknown."""
    known = lexicon.place_names().get(name)
    if known:
        return known.zh
    for word, (_, zh) in sorted(_place_words().items(), key=lambda kv: -len(kv[0])):
        if name.lower().endswith(" " + word):
            stem = lexicon.place_names().get(name[: -len(word) - 1])
            return stem.zh if stem else ""
    return ""


def place_key(name: str) -> str:
    """The name without case, blanks, apostrophes and administrative words ("Guizhou Province" = "guizhou")."""
    return _bare(name)


def _bare(name: str) -> str:
    words = alternation(list(_place_words()) + ["hui", "uygur", "zhuang", "autonomous"])
    return regex.sub(rf"\b(?:{words})\b|[\s'-]", "", name.lower(), flags=regex.IGNORECASE)


def people_places(ctx) -> dict[str, PlaceMention]:
    """Persons introduced right after a village or township is named ("visited Zhonghai Village
    ... villager Li Yuanzhong") keep that place: person -> the place mention."""
    norm, out = ctx.doc.norm, {}
    person = regex.compile(r"(?:villager|farmer|resident|herder|villagers|residents)\s+(\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+)")
    for m in person.finditer(norm):
        near = [p for p in ctx.places.before(m.start()) if p.place.level >= 4 and m.start() - p.end < 400]
        if near and m.group(1) not in out:
            out[m.group(1)] = max(reversed(near), key=lambda p: p.place.level)
    return out


def division(place: str, pos: int, ctx) -> Place | None:
    """The Chinese gazetteer entry behind an English place name, where the table knows it."""
    zh = chinese_name(place)
    return gazetteer().get(zh) if zh else None
