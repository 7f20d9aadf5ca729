"""Place names: the national gazetteer of Chinese administrative divisions, aliases, and suffixes.

Provinces, prefectures and counties are found anywhere in the text. Townships and villages are
looked up in the gazetteer only within the counties the document is about: the counties it
names, and the county of its default place; a document that names no county and whose default
place is a prefecture takes the prefecture's counties (a province's would be tens of thousands
of names, too many to tell from common words). Within those counties a name is found with its
true start, in full ("寺子川乡") or as its short form without the suffix ("寺子川"). Names the
gazetteer lacks (renamed villages, 屯, a county outside the scope) are still found by suffix,
starting after punctuation, a preposition or another place name, so that "在努古斯台镇" and
"巴胡塔苏木百兴吐嘎查" split right.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Container, Iterator
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import ahocorasick_rs
import regex

from . import gazetteer as _gaz
from . import lexicon
from ...codes import PlaceLevel
from .folding import fold
from ...diskcache import Memo, cached_object
from ...spans import Marks
from .words import first_word, jieba_frequency

#: A stem opening with a word jieba's dictionary lists this often is a phrase ("问题村",
#: "集体经济薄弱村"), not a name; unknown or rare openings ("巴彦", "布拉") pass.
_COMMON_WORD_FREQ = 180
#: A name holding a stopword is taken only when jieba's dictionary lists it less often than this
#: (新城镇 5, 石城镇 2; 大城镇 16, 小城镇 62 are phrases).
_RARE_NAME_FREQ = 10


@dataclass(frozen=True)
class Place:
    name: str  # full canonical name
    level: PlaceLevel
    province: str = ""
    city: str = ""
    county: str = ""
    township: str = ""
    code: str = ""  # the statistical division code, where the gazetteer holds the place


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    surface: str
    place: Place
    partner: bool = False  # a partner, source or donor (与/从 before it, 帮扶 after it): not the location
    compared: bool = False  # a comparison base (高于全国): never the location, even next to the number
    scope: bool = False  # 全旗, 全苏木 ...: the unit the text is talking about
    home: bool = False  # a person's home ("雅莫嘎查村民卢伟"): it places their quantities, not the paragraph's


COUNTRY = Place("中国", PlaceLevel.COUNTRY)

#: Chinese characters: a name is a run of them.
_HAN = regex.compile(r"\p{Han}+")


@lru_cache(maxsize=None)
def _suffixes() -> tuple[tuple[str, int], ...]:
    return tuple((s.suffix, s.level) for s in lexicon.place_suffixes())


@lru_cache(maxsize=None)
def _suffix_words() -> tuple[str, ...]:
    """The suffixes alone, for one ``startswith``/``endswith`` test of them all."""
    return tuple(s for s, _ in _suffixes())


def strip_suffix(name: str) -> str:
    """The name without its administrative suffix ("内蒙古自治区" -> "内蒙古")."""
    return lexicon.split_suffix(name)[0]


@lru_cache(maxsize=None)
def _plain_suffixes() -> dict[str, str]:
    return {s.suffix: s.plain for s in lexicon.place_suffixes() if s.plain}


@lru_cache(maxsize=None)
def _ethnic_tail() -> tuple[regex.Pattern, frozenset[str]]:
    """The ethnic groups a name's base ends with, and the characters their names end with: a
    base ending with none of those holds no group, and is not searched."""
    rows = lexicon.LEXICON.table("ethnic_groups.tsv", ("name", "source"), unique=("name",))
    names = sorted((r["name"] for r in rows), key=len, reverse=True)
    return regex.compile(f"(?:{'|'.join(map(regex.escape, names))})+$"), frozenset(n[-1] for n in names)


@lru_cache(maxsize=None)
def _suffix_set() -> frozenset[str]:
    return frozenset(_suffix_words())


def _split_base(name: str) -> tuple[str, str] | None:
    """A name as its base (two characters or more) and its longest suffix, by the shortest base
    whose rest is a suffix: a few set look-ups per name, for the thousands of villages of a county."""
    suffixes = _suffix_set()
    for cut in range(2, len(name)):
        if name[cut:] in suffixes:
            return name[:cut], name[cut:]
    return None


def short_forms(name: str) -> tuple[str, ...]:
    """The forms people write for a division besides its full name: the stem without the suffix
    and the ethnic groups it names, and the stem with the plain suffix when groups were dropped
    (威宁彝族回族苗族自治县 -> 威宁, 威宁县; 姜家店朝鲜族乡 -> 姜家店, 姜家店乡)."""
    split = _split_base(name)
    if split is None:
        return ()
    base, suffix = split
    groups, group_ends = _ethnic_tail()
    stem = groups.sub("", base) if base[-1] in group_ends else base
    if len(stem) < 2:
        return (base,)
    plain = _plain_suffixes().get(suffix, "")
    return (stem, stem + plain) if stem != base and plain else (stem,)


def has_place_suffix(name: str) -> bool:
    """Whether a word ends like a place name (省, 旗, 苏木, 嘎查, 村 ...)."""
    return name.endswith(_suffix_words())


def suffix_level(name: str) -> int:
    for suffix, level in _suffixes():
        if name.endswith(suffix):
            return level
    return PlaceLevel.VILLAGE


def _place(d: _gaz.Division, township: str = "") -> Place:
    """A gazetteer division with the names of the divisions it lies in."""
    found = _gaz.divisions()
    province = found[d.code[:2]].name
    city = found[d.code[:4]].name if d.code[:4] in found else (province if province.endswith("市") else "")
    county = found[d.code[:6]].name if d.level >= PlaceLevel.COUNTY else ""
    return Place(d.name, PlaceLevel(d.level), province, city if d.level >= PlaceLevel.CITY else "", county, township, d.code)


def gazetteer() -> dict[str, Place]:
    """Surface -> Place for provinces, prefectures, counties, the short forms of provinces and
    prefectures, and aliases; a name two divisions share goes to the first by code."""
    return _index()


@lru_cache(maxsize=None)
def _automaton() -> NameFinder:
    """The gazetteer's names of two characters or more, found in one pass over the text, where a
    regular-expression alternation of thousands of names is far slower. Built at each start (a
    hundredth of a second): the Rust automaton does not pickle."""
    return NameFinder.of(name for name in gazetteer() if len(name) >= 2)


@lru_cache(maxsize=None)
def _index() -> dict[str, Place]:
    """The gazetteer, slow to build (short forms of every division), built once per installation
    into the cache and unpickled from there at later starts."""
    return cached_object("gazetteer", _index_key(), _names)


def _index_key() -> str:
    """A digest of what the index is built from (the language code and data, the villages read
    per county aside; the codes and types), by name, size and modification time: an edit to any
    of them builds a new index, and no start reads them all to find out."""
    package = Path(__file__).resolve().parent
    sources = sorted(p for p in package.parent.rglob("*")
                     if p.is_file() and p.suffix not in (".zip", ".pyc") and "__pycache__" not in p.parts)
    sources += [package.parents[1] / "codes.py", package.parents[1] / "types.py"]
    digest = hashlib.sha1()
    for path in sources:
        stat = path.stat()
        digest.update(f"{path.relative_to(package.parents[1])}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode("utf-8"))
    return digest.hexdigest()[:16]


def _names() -> dict[str, Place]:
    """The gazetteer, built from the divisions, their short and former names and the aliases."""
    out: dict[str, Place] = {"中国": COUNTRY}
    for d in _gaz.divisions().values():
        place = _place(d)
        out.setdefault(d.name, place)
        for form in short_forms(d.name):
            if d.level <= PlaceLevel.CITY or form[-1] == d.name[-1]:  # 临夏, 临夏州; a county's 威宁县, not its bare 威宁
                out.setdefault(form, place)
    rows = lexicon.LEXICON.table("gazetteer/former_suffixes.tsv", ("level", "suffix", "former"), codes={"level": PlaceLevel})
    former = {(int(r["level"]), r["suffix"]): r["former"] for r in rows}
    for d in _gaz.divisions().values():
        for (level, suffix), old in former.items():
            if d.level == level and d.name.endswith(suffix) and len(d.name) > len(suffix) + 1:
                out.setdefault(d.name[: -len(suffix)] + old, out[d.name])  # 监利县 for 监利市
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


class NameFinder:
    """Every occurrence of a set of names in a text, by one Aho-Corasick pass. ahocorasick_rs
    looks a character up in a table at each state, where pyahocorasick scans the list of the
    state's next characters: over the gazetteer's 929 first characters that list cost about
    0.6 µs per character of text, most of the time of finding places."""

    def __init__(self, words: tuple[str, ...]):
        self.words = words

    @classmethod
    def of(cls, words) -> NameFinder:
        return cls(tuple(dict.fromkeys(words)))

    @cached_property
    def _every(self) -> ahocorasick_rs.AhoCorasick:
        return ahocorasick_rs.AhoCorasick(self.words)

    @cached_property
    def _longest(self) -> ahocorasick_rs.AhoCorasick:
        return ahocorasick_rs.AhoCorasick(self.words, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)

    def every(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of every occurrence, overlapping ones too, by start and longest
        first."""
        words = self.words
        hits = [(start, end, words[i]) for i, start, end in self._every.find_matches_as_indexes(text, overlapping=True)]
        return sorted(hits, key=lambda h: (h[0], h[0] - h[1]))

    def longest(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, name) of the leftmost-longest, non-overlapping occurrences: at each
        start the longest name, the next search after its end."""
        words = self.words
        return [(start, end, words[i]) for i, start, end in self._longest.find_matches_as_indexes(text)]


def _gazetteer_matches(norm: str) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping gazetteer names in the text."""
    return _automaton().longest(norm)


@lru_cache(maxsize=None)
def _patterns() -> tuple[re.Pattern, regex.Pattern]:
    """(any township or village suffix, a scope word). The suffixes are plain words, which
    ``re`` finds in a text about twice as fast as ``regex``; the scope pattern ``regex`` runs faster."""
    small = [s for s, level in _suffixes() if level >= PlaceLevel.TOWNSHIP]
    suffix = re.compile("|".join(re.escape(s) for s in small))
    local = "|".join(regex.escape(s) for s, level in _suffixes() if level >= PlaceLevel.COUNTY)
    # 全旗, 本村, 该镇, 村里, 乡里: the unit of that level the text is talking about.
    scope = regex.compile(f"(?:[全本该](?P<a>{local}))|(?:(?P<b>{local})里)")
    return suffix, scope


@lru_cache(maxsize=None)
def _stop_pattern() -> re.Pattern:
    """Any stopword, longest first. The standard ``re`` runs this alternation of plain words
    over a text several times faster than ``regex``."""
    return re.compile("|".join(re.escape(w) for w in sorted(_stopwords(), key=len, reverse=True)))


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


def _is_boundary(norm: str, i: int, ends: Container[int]) -> bool:
    if i <= 0 or i in ends:
        return True
    ch = norm[i - 1]
    return ch in _boundaries() or not (_HAN.match(ch) or ch.isdigit())


def _scope(found: list[PlaceMention], default_place: str) -> tuple[str, ...]:
    """The codes of the counties whose townships and villages are looked up (module doc)."""
    codes = [p.place.code for p in found if p.place.level == PlaceLevel.COUNTY and p.place.code]
    default = gazetteer().get(default_place)
    if default is not None and default.level == PlaceLevel.COUNTY:
        codes.append(default.code)
    elif default is None and suffix_level(default_place) == PlaceLevel.TOWNSHIP:
        holding = _gaz.township_counties(default_place)
        codes.extend(holding if len(holding) == 1 else ())  # 城关镇 is in hundreds of counties
    elif default is not None and default.level == PlaceLevel.CITY and not codes:
        codes.extend(_gaz.counties_in(default.code))
    return tuple(dict.fromkeys(codes))


def _shared(places: tuple[Place, ...]) -> Place:
    """What places of one name have in common: the divisions all of them lie in."""
    first = places[0]
    if all(p == first for p in places):
        return first
    common: list[str] = []
    for values in zip(*((p.province, p.city, p.county, p.township) for p in places)):
        if len(set(values)) > 1:
            break
        common.append(values[0])
    return Place(first.name, first.level, *(common + [""] * (4 - len(common))))


def _choose(places: tuple[Place, ...], named: set[str]) -> Place:
    """One of the places a name may be: a county (柳河 is 柳河县 before its seat 柳河镇), else the
    one whose township the document names, else what they have in common (two villages of one
    name in one county keep the county)."""
    if len(places) == 1:
        return places[0]
    county = next((p for p in places if p.level == PlaceLevel.COUNTY), None)
    if county is not None:
        return county
    inside = [p for p in places if p.township in named]
    return inside[0] if len(inside) == 1 else _shared(places)


#: A few documents in a row are often about the same counties; more would only hold memory.
@lru_cache(maxsize=4)
def _local_names(counties: tuple[str, ...]) -> tuple[dict[str, tuple[tuple[Place, ...], bool]], NameFinder]:
    """name -> (the places it names, is a short form) for the townships and villages of the
    counties, their short forms without the suffix, and the counties' own short forms; an
    automaton over them."""
    full: dict[str, list[Place]] = {}
    short: dict[str, list[Place]] = {}

    for county in counties:
        top = _place(_gaz.divisions()[county])
        for form in short_forms(top.name):
            short.setdefault(form, []).append(top)
        township = ""
        for d in _gaz.county_members(county):
            level = PlaceLevel.TOWNSHIP if d.level == PlaceLevel.TOWNSHIP else PlaceLevel.VILLAGE
            township = d.name if level == PlaceLevel.TOWNSHIP else township
            place = Place(d.name, level, top.province, top.city, top.county, township, d.code)
            full.setdefault(d.name, []).append(place)
            for form in short_forms(d.name):
                # 姜家店乡 is a full name, 姜家店 a short one
                (full if form[-1] == d.name[-1] else short).setdefault(form, []).append(place)
    # a full name wins over a short form that is spelt alike
    names = {name: (tuple(places), True) for name, places in short.items() if name not in full}
    names.update((name, (tuple(places), False)) for name, places in full.items())
    return names, NameFinder.of(names)


def _inside(place: Place, parent: Place) -> bool:
    """Whether the first place lies in the second (by code, else by the names it carries)."""
    if place.code and parent.code:
        return place.code.startswith(parent.code) and place.code != parent.code
    return parent.level < place.level and parent.name in (place.province, place.city, place.county, place.township)


def _with_local(norm: str, found: list[PlaceMention], counties: tuple[str, ...], stopped: Marks,
                default_place: str) -> list[PlaceMention]:
    """The mentions found, with the townships and villages of the counties in scope.

    A full name is taken where the gazetteer finds it, so its start is the name's own ("成了东坪村"
    gives 东坪村); one of two characters needs a boundary before it, and one that is also a common
    word (or holds a stopword) needs context. Context is the place named in full earlier in the
    text, or its county or township right before it ("通渭县寺子川"). A short form always needs
    context; a county's short form ("清水") is taken as the context of a place of that county
    right after it ("清水黄门"), or alone once the county was named in full ("信丰县 … 信丰电厂"),
    when it is no common word.
    """
    names, finder = _local_names(counties)
    hits = finder.every(norm)
    starting_at: dict[int, list[Place]] = {}
    for start, _, name in hits:
        starting_at.setdefault(start, []).extend(names[name][0])
    # the mentions never overlap, so sorted by start their ends ascend too: those that overlap a
    # hit are found by bisection over the ends
    mentions = sorted(found, key=lambda p: p.start)
    mention_ends = [p.end for p in mentions]
    named = {p.place.name for p in mentions} | {default_place}
    named_in_full = {p.place.name: p.start for p in reversed(mentions) if p.surface == p.place.name}
    ending_at = {p.end: p for p in mentions}
    last_end = 0
    for start, end, name in hits:
        if start < last_end:
            continue
        first = last = bisect_right(mention_ends, start)
        while last < len(mentions) and mentions[last].start < end:
            last += 1
        covered = mentions[first:last]
        if any(not (start <= p.start and p.end <= end and end - start > p.end - p.start) for p in covered):
            continue  # a national name stands here, and this one does not contain it
        candidates, short = names[name]
        if short and norm.startswith(_suffix_words(), end):
            continue  # 姜家店 in 姜家店乡: the start of a longer name
        place = _choose(candidates, named)
        before = ending_at.get(start)
        if place.level == PlaceLevel.COUNTY:
            context = any(_inside(q, place) for q in starting_at.get(end, ())) or (
                named_in_full.get(place.name, end) < start and jieba_frequency(name) < _COMMON_WORD_FREQ)
        else:
            context = named_in_full.get(place.name, end) < start or (
                before is not None and before.place.level >= PlaceLevel.COUNTY and _inside(place, before.place))
        if not (context or _free(norm, start, end, name, short, stopped, ending_at)):
            continue
        mention = PlaceMention(start, end, name, place)
        mentions[first:last] = [mention]
        mention_ends[first:last] = [end]
        ending_at[end] = mention
        named.add(place.name)
        if not short:
            named_in_full.setdefault(place.name, start)
        last_end = end
    return mentions


def _free(norm: str, start: int, end: int, name: str, short: bool, stopped: Marks, ending_at: Container[int]) -> bool:
    """Whether a local name stands without context: a full name, no common word and no stopword
    over it, of three characters or after a boundary. Asked only where the context does not
    already place it."""
    if short or jieba_frequency(name) >= _COMMON_WORD_FREQ or stopped.any(start, end):
        return False
    return len(name) >= 3 or _is_boundary(norm, start, ending_at)


def _opens_guarded_word(norm: str, end: int, guards: dict[str, str]) -> bool:
    """Whether the suffix character that ends a stopword opens a word with the next character
    instead: in "柳湾村村民" the stopword 村村 does not hold, as its second 村 opens 村民."""
    last, nxt = norm[end - 1:end], norm[end:end + 1]
    return bool(nxt) and nxt in guards.get(last, "")


def _later_short_forms(norm: str, found: list[PlaceMention], taken: Marks, named: Marks, ends: set[int]) -> list[PlaceMention]:
    """A township or village the gazetteer lacks, written later without its suffix ("青石镇 …
    青石：安置房300套"): the short form names it where it stands at a boundary, opens no longer
    name, and is no common word or labels a block or a list member ("青石：", "青石、")."""
    out: list[PlaceMention] = []
    labels = tuple(lexicon.punctuation("label") + lexicon.punctuation("list"))
    firsts: dict[str, PlaceMention] = {}
    for p in found:
        if not p.place.code and p.place.level >= PlaceLevel.TOWNSHIP and not p.scope:
            firsts.setdefault(strip_suffix(p.surface), p)
    for stem, first in firsts.items():
        if len(stem) < 2 or stem == first.surface:
            continue
        common = jieba_frequency(stem) >= _COMMON_WORD_FREQ
        for start in _occurrences(stem, norm, first.end):
            end = start + len(stem)
            if taken.any(start, end) or not _is_boundary(norm, start, ends) or has_place_suffix(norm[end:end + 1]):
                continue
            if common and not norm.startswith(labels, end):
                continue
            out.append(PlaceMention(start, end, stem, first.place))
            taken.mark(start, end)
            named.mark(start, end)
    return out


@dataclass(frozen=True)
class Stops:
    """The stopwords of a text (non-overlapping matches in text order, so their ends ascend too),
    with those ends kept once, so the stopwords over a span are found by bisection."""

    matches: list
    ends: list[int]

    @classmethod
    def of(cls, matches: list) -> Stops:
        return cls(matches, [m.end() for m in matches])

    def over(self, start: int, end: int) -> list:
        """The stopwords that overlap [start, end), in text order."""
        i = bisect_right(self.ends, start)
        j = i
        while j < len(self.matches) and self.matches[j].start() < end:
            j += 1
        return self.matches[i:j]


def _stopped(norm: str, stops: Stops, stopped: Marks, start: int, end: int) -> bool:
    """Whether a stopword keeps [start, end) from being a name. A two-character one that ends the
    name one character after its start does not, when the name is no common word and its stem is
    a word: 新城镇, 石城镇 and 东乡村 are names that hold 城镇 and 乡村; 小城镇 is a phrase, and
    美乡村 in "和美乡村" has no stem."""
    if not stopped.any(start, end):
        return False
    name = norm[start:end]
    for m in stops.over(start, end):
        inside = m.start() == start + 1 and m.end() == end and len(m.group()) == 2
        if not inside or jieba_frequency(name) >= _RARE_NAME_FREQ or not jieba_frequency(strip_suffix(name)):
            return True
    return False


def find_places(norm: str, default_place: str = "") -> list[PlaceMention]:
    """Every place mention in the text, in order; ``default_place`` is the document's place."""
    suffix, scope = _patterns()
    stop = _stopwords()
    found: list[PlaceMention] = []
    guards = {x.suffix: x.not_before for x in lexicon.place_suffixes()}
    stops = Stops.of([m for m in _stop_pattern().finditer(norm) if not _opens_guarded_word(norm, m.end(), guards)])
    stopped = Marks(len(norm))
    for m in stops.matches:
        stopped.mark(m.start(), m.end())
    for start, end, name in _gazetteer_matches(norm):
        if stopped.any(start, end):
            continue
        if len(name) <= 2 and not _is_boundary(norm, start, set()):
            continue  # a two-character name inside a word: 均衡水平, 示范县
        found.append(PlaceMention(start, end, name, gazetteer()[name]))
    default_place = fold(default_place)
    counties = _scope(found, default_place)
    if counties:
        found = _with_local(norm, found, counties, stopped, default_place)
    taken = Marks(len(norm))
    for p in found:
        taken.mark(p.start, p.end)
    named = Marks(len(norm))
    for p in found:
        named.mark(p.start, p.end)
    ends = {p.end for p in found}
    for m in suffix.finditer(norm):
        if norm[m.end():m.end() + 1] and norm[m.end()] in guards.get(m.group(), ""):
            continue  # 村民, 乡里, 镇上: the suffix character opens another word
        end = m.end()
        while (longer := suffix.match(norm, end)) is not None and norm[longer.end():longer.end() + 1] not in guards.get(longer.group(), "x"):
            end = longer.end()  # 金宝屯镇, 新胜屯村: the last suffix names the unit; 柳湾村村民 stops at 柳湾村
        if taken.any(m.start(), end):
            continue
        for start in range(max(0, m.start() - 6), m.start() - 1):
            name = norm[start:end]
            if taken.any(start, end) or _stopped(norm, stops, stopped, start, end):
                continue
            if not _HAN.fullmatch(name) or not _is_boundary(norm, start, ends):
                continue
            if not _plausible_stem(strip_suffix(name)) or name in stop:
                continue
            found.append(PlaceMention(start, end, name, Place(name, suffix_level(name))))
            taken.mark(start, end)
            named.mark(start, end)
            ends.add(end)
            break
    found.extend(_later_short_forms(norm, found, taken, named, ends))
    for m in scope.finditer(norm):
        unit = m.group("a") or m.group("b")
        if not named.any(m.start(), m.end()):
            found.append(PlaceMention(m.start(), m.end(), m.group(), Place(unit, suffix_level(unit)), scope=True))
    if "全国" in norm:
        found.extend(PlaceMention(start, start + 2, "全国", COUNTRY, scope=True) for start in _occurrences("全国", norm))
    out: list[PlaceMention] = []
    orgs, donors = lexicon.word_pattern("org_words.tsv", "word"), lexicon.donor_verb_pattern()
    for p in sorted(found, key=lambda p: p.start):
        if orgs.match(norm, p.end):
            continue  # 北京交通大学: part of an organisation's name
        before = {_boundaries().get(norm[max(0, p.start - k):p.start]) for k in (1, 2)}
        compared = "compare" in before
        for_whom = norm[max(0, p.start - 1):p.start] in lexicon.grammar("beneficiary")  # 为柳河县捐资: the recipient
        elsewhere = compared or bool(before & {"partner", "from"}) or (bool(donors.match(norm, p.end)) and not for_whom)
        if out and out[-1].end == p.start and out[-1].partner:
            elsewhere = True  # 与北京市怀柔区: the county of a partner city is a partner too
        home = p.place.level >= PlaceLevel.TOWNSHIP and norm.startswith(lexicon.grammar("resident"), p.end)
        out.append(PlaceMention(p.start, p.end, p.surface, p.place, partner=elsewhere, scope=p.scope,
                                compared=compared, home=home))
    return out


def _occurrences(word: str, text: str, start: int = 0) -> Iterator[int]:
    """The starts of the word's occurrences in the text from ``start`` on, each search after the
    last one's end: a string search, where a pattern would be compiled for each word."""
    at = text.find(word, start)
    while at >= 0:
        yield at
        at = text.find(word, at + len(word))


@lru_cache(maxsize=None)
def _english() -> dict[str, str]:
    return lexicon.place_english_names()


@lru_cache(maxsize=None)
def _pinyin() -> Memo:
    """pypinyin's romanisation, remembered across runs: its phrase tables take about a second to
    load, far more than a document costs, and only names outside the English table need them."""

    def romanise(text: str) -> str:
        from pypinyin import lazy_pinyin

        return "".join(lazy_pinyin(text))

    return Memo("pinyin", _pinyin_key(), romanise)


def _pinyin_key() -> str:
    """The installed pypinyin, by the size and modification time of its package files' entry
    point, which an upgrade replaces: found without importing it, or importlib.metadata (which
    pulls in the email package, a few hundredths of a second at every start)."""
    from importlib.util import find_spec

    spec = find_spec("pypinyin")
    if spec is None or spec.origin is None:
        return "none"
    stat = Path(spec.origin).stat()
    return hashlib.sha1(f"{spec.origin}\0{stat.st_size}\0{stat.st_mtime_ns}".encode("utf-8")).hexdigest()[:16]


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


def place_key(name: str) -> str:
    """The key of the place's English name (see the English bundle), so that 迤那镇 = "Yina
    Township"; a traditional spelling is folded first (寧強縣 = 宁强县)."""
    from ..en.places import place_key as english_key

    return english_key(place_english(fold(name))) if name else ""


#: A person's name is a word of this many characters.
_NAME_LENGTH = (2, 3)


def _person_name(word: str) -> bool:
    """A word that can be a person's name: two or three characters and no common word ("茶叶" in
    "石桥村的茶叶加工厂" is no person)."""
    return (_NAME_LENGTH[0] <= len(word) <= _NAME_LENGTH[1] and bool(_HAN.fullmatch(word))
            and (jieba_frequency(word) < _COMMON_WORD_FREQ or (len(word) == 2 and word.startswith(lexicon.grammar("address_form")))))


@lru_cache(maxsize=None)
def _resident_pattern() -> regex.Pattern:
    """A village group and a resident word after a place ("3组村民"), before a person's name."""
    groups = "|".join(map(regex.escape, lexicon.grammar("address_unit")))
    residents = "|".join(map(regex.escape, sorted(lexicon.grammar("resident"), key=len, reverse=True)))
    numerals = regex.escape("".join(lexicon.grammar("address_numeral")))
    return regex.compile(rf"(?:[0-9{numerals}]+(?:{groups}))?(?:{residents})")


def people_places(ctx) -> dict[str, PlaceMention]:
    """Persons introduced with their village keep it (claims-spec 2.2): "努古斯台嘎查的春梅",
    "柳湾村3组村民王小山", "王小山是柳湾村村民"; person -> the place mention they were
    introduced with."""
    norm, out = ctx.doc.norm, {}
    copulas = lexicon.grammar("copula")
    for p in ctx.places.items:
        if p.place.level < PlaceLevel.TOWNSHIP or p.partner:
            continue
        resident = _resident_pattern().match(norm, p.end)
        if norm.startswith(lexicon.grammar("modifier"), p.end):
            name = first_word(norm[p.end + 1:p.end + 5])
        elif resident:
            name = first_word(norm[resident.end():resident.end() + 4])
        else:
            name = ""
        if _person_name(name):
            out[name] = p
        if resident and norm[p.start - 1:p.start] in copulas:  # 王小山是柳湾村村民
            words = [w for w, _ in _tagged(norm[max(0, p.start - 1 - _NAME_LENGTH[1] - 2):p.start - 1])]
            if words and _person_name(words[-1]):
                out[words[-1]] = p
    for r in _resident_pattern().finditer(norm):
        if r.start() in ctx.place_ending_at:
            continue  # introduced with its place above
        name = first_word(norm[r.end():r.end() + 4])
        if name not in out and _person_name(name):
            home = _scene_village(ctx, r.start())
            if home is not None:  # 走进迤那镇中海村。村民李元忠在基地里锄草
                out[name] = home
    return out


def _scene_village(ctx, pos: int) -> PlaceMention | None:
    """The village the text is at when a resident is named without one ("村民李元忠"): the last
    village named in this sentence or the one before."""
    si = ctx.sentence_of(pos)
    start = ctx.sentences[max(0, si - 1)].start
    found = [p for p in ctx.places.starting_in(start, pos)
             if p.place.level == PlaceLevel.VILLAGE and not p.partner and not p.compared and p.end <= pos]
    return found[-1] if found else None


def _tagged(text: str) -> list[tuple[str, str]]:
    from .words import tag

    return list(tag(text))


def division(place: str, pos: int, ctx) -> Place | None:
    """The gazetteer entry of a place: a division, or a township or village the text names (the
    nearest mention of that name before the number); a township or village the gazetteer does
    not hold takes the county the text last named before the number (else the document's
    place), as it lies inside it."""
    found = gazetteer().get(place)
    if found or not place:
        return found
    named = ctx.once("places.by_surface", lambda: _by_surface(ctx.places.items)).get(place)
    if named:
        before = bisect_left(named, pos, key=lambda p: p.start)
        return named[before - 1 if before else -1].place
    counties = ctx.once("places.counties", lambda: _counties(ctx.places.items))
    before = bisect_left(counties, pos, key=lambda p: p.start)
    return counties[before - 1].place if before else gazetteer().get(ctx.doc.place)


def _counties(places: list[PlaceMention]) -> list[PlaceMention]:
    """The mentions of counties that place what lies inside them (not partners), in text order:
    built once per document, where each claim would walk back over every place before it."""
    return [p for p in places if p.place.level == PlaceLevel.COUNTY and p.place.county and not p.partner]


def _by_surface(places: list[PlaceMention]) -> dict[str, list[PlaceMention]]:
    """surface -> the mentions of that name that carry a county, in text order: built once per
    document, where each claim would scan every place mention."""
    out: dict[str, list[PlaceMention]] = {}
    for p in places:
        if p.place.county:
            out.setdefault(p.surface, []).append(p)
    return out
