"""Place names: a gazetteer of Chinese administrative divisions, aliases, and suffix patterns.

County-level and larger divisions come from the adcode table that the ``cpca`` package ships
(province > city > county by code prefix). Townships and villages (苏木, 镇, 乡, 嘎查, 村, 屯)
are in no gazetteer; they are found by suffix, starting after punctuation, a preposition or
another place name, so that "在努古斯台镇" and "巴胡塔苏木百兴吐嘎查" split right.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import ahocorasick
import regex

from . import lexicon
from ...codes import PlaceLevel
from ...diskcache import Memo
from ...spans import Marks
from .words import first_word, jieba_frequency

#: A stem opening with a word jieba's dictionary lists this often is a phrase ("问题村",
#: "集体经济薄弱村"), not a name; unknown or rare openings ("巴彦", "布拉") pass.
_COMMON_WORD_FREQ = 180


@dataclass(frozen=True)
class Place:
    name: str  # full canonical name
    level: PlaceLevel
    province: str = ""
    city: str = ""
    county: str = ""


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    surface: str
    place: Place
    partner: bool = False  # a partner, source or donor (与/从 before it, 帮扶 after it): not the location
    compared: bool = False  # a comparison base (高于全国): never the location, even next to the number
    scope: bool = False  # 全旗, 全苏木 ...: the unit the text is talking about


COUNTRY = Place("中国", PlaceLevel.COUNTRY)


def _suffixes() -> list[tuple[str, int]]:
    return [(s.suffix, s.level) for s in lexicon.place_suffixes()]


def strip_suffix(name: str) -> str:
    """The name without its administrative suffix ("内蒙古自治区" -> "内蒙古")."""
    return lexicon.split_suffix(name)[0]


def has_place_suffix(name: str) -> bool:
    """Whether a word ends like a place name (省, 旗, 苏木, 嘎查, 村 ...)."""
    return any(name.endswith(suffix) for suffix, _ in _suffixes())


def suffix_level(name: str) -> int:
    for suffix, level in _suffixes():
        if name.endswith(suffix):
            return level
    return PlaceLevel.VILLAGE


@lru_cache(maxsize=None)
def gazetteer() -> dict[str, Place]:
    """Surface -> Place for divisions, their short forms (provinces and cities) and aliases."""
    # Found, not imported: importing cpca builds its own address matcher, a fifth of a second.
    package = Path(find_spec("cpca").submodule_search_locations[0])
    text = (package / "resources" / "adcodes.csv").read_text(encoding="utf-8")
    rows = [(r["adcode"][:6], r["name"]) for r in csv.DictReader(io.StringIO(text))]
    by_code = dict(rows)
    out: dict[str, Place] = {"中国": COUNTRY}
    for code, name in rows:
        province = by_code.get(code[:2] + "0000", "")
        if code.endswith("0000"):
            place = Place(name, PlaceLevel.PROVINCE, province=name)
        elif code.endswith("00"):
            place = Place(name, PlaceLevel.CITY, province=province, city=name)
        else:
            place = Place(name, PlaceLevel.COUNTY, province=province, city=by_code.get(code[:4] + "00", ""), county=name)
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        out.setdefault(name, place)
        short = strip_suffix(name)
        if place.level <= PlaceLevel.CITY and short != name and len(short) >= 2:
            out.setdefault(short, place)
    for alias, canonical in lexicon.place_aliases().items():
        if canonical in out:
            out[alias] = out[canonical]
    return out


@lru_cache(maxsize=None)
def _stopwords() -> frozenset[str]:
    return lexicon.place_stopwords()


@lru_cache(maxsize=None)
def _boundaries() -> dict[str, str]:
    """char -> "partner" | "inside" (may occur inside a name) | "never" (never inside a name)."""
    return lexicon.place_boundaries()


@lru_cache(maxsize=None)
def _automaton() -> ahocorasick.Automaton:
    """An Aho-Corasick automaton over the gazetteer's names: one pass over the text finds them
    all, where a regular-expression alternation of thousands of names is far slower."""
    automaton = ahocorasick.Automaton()
    for name in gazetteer():
        if len(name) >= 2:
            automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def _gazetteer_matches(norm: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping gazetteer names in the text."""
    hits = sorted(((end - len(name) + 1, end + 1, name) for end, name in _automaton().iter(norm)),
                  key=lambda h: (h[0], -(h[1] - h[0])))
    out, last_end = [], 0
    for start, end, name in hits:
        if start >= last_end:
            out.append((start, end, name))
            last_end = end
    return out


@lru_cache(maxsize=None)
def _patterns() -> tuple[regex.Pattern, regex.Pattern]:
    small = [s for s, level in _suffixes() if level >= PlaceLevel.TOWNSHIP]
    suffix = regex.compile("|".join(regex.escape(s) for s in small))
    local = "|".join(regex.escape(s) for s, level in _suffixes() if level >= PlaceLevel.COUNTY)
    # 全旗, 本村, 该镇, 村里, 乡里: the unit of that level the text is talking about.
    scope = regex.compile(f"(?:[全本该](?P<a>{local}))|(?:(?P<b>{local})里)")
    return suffix, scope


@lru_cache(maxsize=None)
def _stop_pattern() -> regex.Pattern:
    return regex.compile("|".join(regex.escape(w) for w in sorted(_stopwords(), key=len, reverse=True)))


def _plausible_stem(stem: str) -> bool:
    """A township or village name's stem: no particle inside, and a longer stem does not open
    with a common word ("集体经济薄弱村" is a phrase; the stoplist holds two-character ones)."""
    if len(stem) < 2 or any(_boundaries().get(c) == "never" for c in stem):
        return False
    if any(stem[0] == s for s, _ in _suffixes()):
        return False
    if len(stem) == 2:
        return True  # 黄土村, 新华村: a two-character name may be a common word too
    first = first_word(stem)
    return len(first) < 2 or jieba_frequency(first) < _COMMON_WORD_FREQ


def _is_boundary(norm: str, i: int, ends: set[int]) -> bool:
    if i <= 0 or i in ends:
        return True
    ch = norm[i - 1]
    return ch in _boundaries() or not (regex.match(r"\p{Han}", ch) or ch.isdigit())


def find_places(norm: str) -> list[PlaceMention]:
    """Every place mention in the text, in order."""
    suffix, scope = _patterns()
    stop = _stopwords()
    found: list[PlaceMention] = []
    stopped = Marks(len(norm))
    for m in _stop_pattern().finditer(norm):
        stopped.mark(m.start(), m.end())
    taken = Marks(len(norm))
    for start, end, name in _gazetteer_matches(norm):
        if stopped.any(start, end):
            continue
        if len(name) <= 2 and not _is_boundary(norm, start, set()):
            continue  # a two-character name inside a word: 均衡水平, 示范县
        found.append(PlaceMention(start, end, name, gazetteer()[name]))
        taken.mark(start, end)
    named = Marks(len(norm))
    for p in found:
        named.mark(p.start, p.end)
    for m in _stop_pattern().finditer(norm):
        taken.mark(m.start(), m.end())
    ends = {p.end for p in found}
    guards = {x.suffix: x.not_before for x in lexicon.place_suffixes()}
    for m in suffix.finditer(norm):
        if norm[m.end():m.end() + 1] and norm[m.end()] in guards.get(m.group(), ""):
            continue  # 村民, 乡里, 镇上: the suffix character opens another word
        end = m.end()
        while (longer := suffix.match(norm, end)) is not None:
            end = longer.end()  # 金宝屯镇, 新胜屯村: the last suffix names the unit
        if taken.any(m.start(), end):
            continue
        for start in range(max(0, m.start() - 6), m.start() - 1):
            name = norm[start:end]
            if taken.any(start, end):
                continue
            if not regex.fullmatch(r"\p{Han}+", name) or not _is_boundary(norm, start, ends):
                continue
            if not _plausible_stem(strip_suffix(name)) or name in stop:
                continue
            found.append(PlaceMention(start, end, name, Place(name, suffix_level(name))))
            taken.mark(start, end)
            named.mark(start, end)
            ends.add(end)
            break
    for m in scope.finditer(norm):
        unit = m.group("a") or m.group("b")
        if not named.any(m.start(), m.end()):
            found.append(PlaceMention(m.start(), m.end(), m.group(), Place(unit, suffix_level(unit)), scope=True))
    if "全国" in norm:
        found.extend(PlaceMention(m.start(), m.end(), "全国", COUNTRY, scope=True) for m in regex.finditer("全国", norm))
    out: list[PlaceMention] = []
    orgs, donors = _word_pattern("org_words.tsv", "word"), _word_pattern("donor_verbs.tsv", "verb")
    for p in sorted(found, key=lambda p: p.start):
        if orgs.match(norm, p.end):
            continue  # 北京交通大学: part of an organisation's name
        before = {_boundaries().get(norm[max(0, p.start - k):p.start]) for k in (1, 2)}
        compared = "compare" in before
        elsewhere = compared or bool(before & {"partner", "from"}) or bool(donors.match(norm, p.end))
        if out and out[-1].end == p.start and out[-1].partner:
            elsewhere = True  # 与北京市怀柔区: the county of a partner city is a partner too
        out.append(PlaceMention(p.start, p.end, p.surface, p.place, partner=elsewhere, scope=p.scope, compared=compared))
    return out


@lru_cache(maxsize=None)
def _word_pattern(name: str, column: str) -> regex.Pattern:
    words = lexicon.words(name, column)
    return regex.compile("|".join(map(regex.escape, words)))


@lru_cache(maxsize=None)
def _english() -> dict[str, str]:
    return lexicon.place_english_names()


@lru_cache(maxsize=None)
def _pinyin() -> Memo:
    """pypinyin's romanisation, remembered across runs: its phrase tables take about a second to
    load, far more than a document costs, and only names outside the English table need them."""
    from importlib.metadata import version

    def romanise(text: str) -> str:
        from pypinyin import lazy_pinyin

        return "".join(lazy_pinyin(text))

    return Memo("pinyin", version("pypinyin"), romanise)


@lru_cache(maxsize=4096)
def place_english(name: str) -> str:
    """An English name: a known one, else the romanised stem with the suffix translated."""
    canonical = gazetteer().get(name, Place(name, PlaceLevel.VILLAGE)).name
    if canonical in _english():
        return _english()[canonical]
    stem, suffix = lexicon.split_suffix(canonical)
    if suffix is not None:
        romanised = _pinyin()(stem).capitalize()
        return f"{romanised} {suffix.en}" if suffix.en not in ("City",) else romanised
    return _pinyin()(canonical).capitalize()


def people_places(ctx) -> dict[str, PlaceMention]:
    """Persons introduced with their village ("努古斯台嘎查的春梅") keep it (claims-spec 2.2):
    person -> the place mention they were introduced with."""
    norm, out = ctx.doc.norm, {}
    for p in ctx.places.items:
        if p.place.level >= PlaceLevel.TOWNSHIP and norm.startswith(lexicon.grammar("modifier"), p.end):
            name = first_word(norm[p.end + 1:p.end + 5])
            if 2 <= len(name) <= 3 and regex.fullmatch(r"\p{Han}+", name):
                out[name] = p
    return out


def division(place: str, pos: int, ctx) -> Place | None:
    """The gazetteer entry of a place; a township or village takes the county the text last
    named before the number (else the document's place), as it lies inside it."""
    found = gazetteer().get(place)
    if found or not place:
        return found
    for p in reversed(ctx.places.before(pos)):
        if p.place.level == PlaceLevel.COUNTY and p.place.county and not p.partner:
            return p.place
    return gazetteer().get(ctx.doc.place)
