"""The fast paths of the stages around the decisions answer as the plain code they replace.

Each one (an automaton pass instead of a search per name, a table of per-document answers) is
checked against the plain answer, written out here as the reference, on slices of the corpus's
Chinese documents and on invented texts.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh import folding, lexicon, numbers, sentences
from zhfacts.lang.zh import places as zh_places
from zhfacts.lang.zh.numerals import parse_numeral
from zhfacts.pipeline import document_for_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@lru_cache(maxsize=None)
def chinese_texts() -> tuple[str, ...]:
    docs = [document_for_path(p) for p in sorted(CORPUS.glob("*.txt"))]
    return tuple(d.norm for d in docs if d.lang == "zh")


@st.composite
def corpus_slices(draw, size: int = 400) -> str:
    text = draw(st.sampled_from(chinese_texts()))
    start = draw(st.integers(min_value=0, max_value=max(0, len(text) - size)))
    return text[start:start + size]


# --- the plain answers ----------------------------------------------------------------------------

def every_occurrence(words, text: str) -> list[tuple[int, int, str]]:
    """Every occurrence of the words, by start and longest first."""
    hits = [(start, start + len(w), w) for start in range(len(text)) for w in set(words) if text.startswith(w, start)]
    return sorted(hits, key=lambda h: (h[0], h[0] - h[1]))


def leftmost_longest(words, text: str) -> list[tuple[int, int, str]]:
    out, last_end = [], 0
    for start, end, word in every_occurrence(words, text):
        if start >= last_end:
            out.append((start, end, word))
            last_end = end
    return out


def plain_read_core(norm: str, a: int, b: int):
    """The core read at every cut, each shorter numeral before whatever unit follows it."""
    inner = lexicon.qualifiers()["inner"]
    options = []
    for cut in range(b, a, -1):
        value = parse_numeral(norm[a:cut])
        if value is None:
            continue
        if cut == b and b < len(norm) and norm[b] in inner:
            mult, unit, end = numbers._scale_then_unit(norm, b + 1)
            options.append((len(unit.surface) if unit else 0, cut, value * mult, inner[norm[b]], unit, end))
            continue
        unit = numbers._unit_at(norm, cut)
        if unit is None and cut < b:
            continue
        options.append((len(unit.surface) if unit else 0, cut, value, "", unit, cut + (len(unit.surface) if unit else 0)))
    if not options:
        return None
    _, cut, value, qual, unit, end = max(options, key=lambda o: (o[0], o[1]))
    return value, qual, unit, cut, end


# --- numbers --------------------------------------------------------------------------------------

CORES = st.sampled_from(["五千瓦", "三千米", "2000千瓦时", "一百万千瓦", "十万亩", "3.5万元", "二十多万元", "千千万万"])


@settings(max_examples=150, deadline=None)
@given(st.one_of(corpus_slices(60), CORES))
def test_numeral_cores_read_as_at_every_cut(text):
    for m in numbers._patterns()["core"].finditer(text):
        assert numbers._read_core(text, m.start(), m.end()) == plain_read_core(text, m.start(), m.end())


@settings(max_examples=60, deadline=None)
@given(corpus_slices(200))
def test_no_unit_stands_where_no_unit_begins(text):
    for pos in range(len(text) + 1):
        if text[pos:pos + 1] not in lexicon.unit_starts():
            assert lexicon.unit_pattern().match(text, pos) is None


# --- the automaton over names ---------------------------------------------------------------------

WORDS = st.lists(st.text(alphabet="东西南北山水河县", min_size=1, max_size=4), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(WORDS, st.text(alphabet="东西南北山水河县村😀a", max_size=40))
def test_name_finder_finds_as_a_search_per_name(words, text):
    finder = zh_places.NameFinder.of(words)
    assert finder.every(text) == every_occurrence(words, text)
    assert finder.longest(text) == leftmost_longest(words, text)


@lru_cache(maxsize=None)
def gazetteer_lengths() -> dict[int, set[str]]:
    by_length: dict[int, set[str]] = {}
    for name in zh_places._automaton().words:
        by_length.setdefault(len(name), set()).add(name)
    return by_length


@settings(max_examples=40, deadline=None)
@given(corpus_slices())
def test_gazetteer_matches_are_leftmost_longest(text):
    hits = [(start, start + n, text[start:start + n]) for start in range(len(text))
            for n, names in gazetteer_lengths().items() if text[start:start + n] in names]
    hits.sort(key=lambda h: (h[0], h[0] - h[1]))
    out, last_end = [], 0
    for start, end, name in hits:
        if start >= last_end:
            out.append((start, end, name))
            last_end = end
    assert zh_places._gazetteer_matches(text) == out


# --- folding and clause breaks --------------------------------------------------------------------

FOLDABLE = st.text(alphabet=st.sampled_from(sorted(folding._table()) + list("中文12,，　臺灣abc\n")), max_size=60)


@settings(max_examples=200, deadline=None)
@given(st.one_of(FOLDABLE, corpus_slices(300)))
def test_fold_replaces_as_a_character_table(text):
    table = {ord(k): v for k, v in folding._table().items()}
    assert folding.fold(text) == folding._WIDE_GROUP.sub(",", text).translate(table)


@settings(max_examples=60, deadline=None)
@given(corpus_slices(400), st.booleans())
def test_break_offsets_are_the_break_characters(text, lists):
    breaks = sentences._breaks(lists)
    assert sentences._break_offsets(text, breaks) == [i for i, ch in enumerate(text) if ch in breaks]


@settings(max_examples=60, deadline=None)
@given(st.one_of(corpus_slices(400), st.text(alphabet="城镇乡村新小东农民", max_size=40)))
def test_stopwords_found_as_the_regex_alternation_finds_them(text):
    words = sorted(zh_places._stopwords(), key=len, reverse=True)
    alternation = regex.compile("|".join(regex.escape(w) for w in words))
    assert ([m.span() for m in zh_places._stop_pattern().finditer(text)]
            == [m.span() for m in alternation.finditer(text)])
