"""The readers made faster answer as the plain formulations they replace.

Short forms of place names split a name by set look-ups where a regular expression tried every
cut; rows look a claim's decisions up by slot once. Each is checked against the plain
formulation, written out here as the reference, on every division of the gazetteer, on the
villages of counties, and on invented names.
"""
from __future__ import annotations

from functools import lru_cache

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh import gazetteer, lexicon
from zhfacts.lang.zh import places as zh_places


@lru_cache(maxsize=None)
def _plain_patterns() -> tuple[regex.Pattern, regex.Pattern]:
    suffixes = "|".join(regex.escape(s) for s, _ in zh_places._suffixes())
    rows = lexicon.LEXICON.table("ethnic_groups.tsv", ("name", "source"), unique=("name",))
    groups = sorted((r["name"] for r in rows), key=len, reverse=True)
    return (regex.compile(f"(?P<base>.{{2,}}?)(?P<suffix>{suffixes})"),
            regex.compile(f"(?:{'|'.join(map(regex.escape, groups))})+$"))


def plain_short_forms(name: str) -> tuple[str, ...]:
    """short_forms as a lazy base and an alternation of suffixes, the ethnic groups searched in
    every base."""
    split_pattern, groups = _plain_patterns()
    split = split_pattern.fullmatch(name)
    if split is None:
        return ()
    base = split.group("base")
    stem = groups.sub("", base)
    if len(stem) < 2:
        return (base,)
    plain = zh_places._plain_suffixes().get(split.group("suffix"), "")
    return (stem, stem + plain) if stem != base and plain else (stem,)


def _names() -> list[str]:
    """Every division's name, and the townships and villages of one county in fifty."""
    divisions = gazetteer.divisions()
    counties = [c for c, d in divisions.items() if d.level == 3][::50]
    return [d.name for d in divisions.values()] + [m.name for c in counties for m in gazetteer.county_members(c)]


def test_short_forms_of_the_gazetteer():
    names = _names()
    assert len(names) > 10_000
    assert [zh_places.short_forms(n) for n in names] == [plain_short_forms(n) for n in names]


_PIECES = st.sampled_from(["威宁", "姜家店", "新华", "东", "彝族", "回族", "朝鲜族", "苗族", "蒙古族", "族",
                           "乡", "镇", "村", "县", "自治县", "民族乡", "嘎查", "苏木", "旗", "市", "区", "州"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=5).map("".join))
def test_short_forms_of_invented_names(name):
    assert zh_places.short_forms(name) == plain_short_forms(name)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=20, max_value=400))
def test_set_phrases_found_as_the_regex_module_finds_them(seed, length):
    """The set phrases, searched with ``re``, are the spans ``regex`` finds in corpus text."""
    texts = _corpus_texts()
    text = texts[seed % len(texts)]
    start = seed * 37 % max(1, len(text) - length)
    piece = text[start:start + length]
    words = sorted({r["phrase"] for r in lexicon.read_tsv("set_phrases.tsv")}, key=len, reverse=True)
    plain = regex.compile("|".join(map(regex.escape, words)))
    assert [m.span() for m in lexicon.set_phrase_pattern().finditer(piece)] == [m.span() for m in plain.finditer(piece)]


@lru_cache(maxsize=None)
def _corpus_texts() -> tuple[str, ...]:
    from pathlib import Path

    from zhfacts.pipeline import document_for_path

    corpus = Path(__file__).resolve().parent.parent / "corpus"
    docs = [document_for_path(p) for p in sorted(corpus.glob("*.txt"))]
    return tuple(d.norm for d in docs if d.lang == "zh")


def test_set_phrases_of_the_corpus_found_as_the_regex_module_finds_them():
    words = sorted({r["phrase"] for r in lexicon.read_tsv("set_phrases.tsv")}, key=len, reverse=True)
    plain = regex.compile("|".join(map(regex.escape, words)))
    found = [[m.span() for m in lexicon.set_phrase_pattern().finditer(t)] for t in _corpus_texts()]
    assert sum(map(len, found)) > 0
    assert found == [[m.span() for m in plain.finditer(t)] for t in _corpus_texts()]
