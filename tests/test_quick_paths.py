"""Readers with a shortcut for the common case answer as the plain formulation they skip.

An ASCII numeral is read as Arabic digits at once (no numeral character of the table is ASCII);
alternations of plain words are matched by ``re`` where ``regex`` compiled them. Each check below
writes the plain reading out as the reference and compares on corpus text and on invented strings.
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh import lexicon, numerals


def plain_parse_numeral(s: str) -> Decimal | None:
    """The general reading of a string that holds no numeral character: its scale, point and
    zero checks find nothing, and it is read as an atom."""
    return numerals._atom(s) if s else None


def test_no_numeral_character_is_ascii():
    assert not [char for char, _, _ in lexicon.numeral_table() if char.isascii()]


_ARABIC = st.text(alphabet="0123456789.,０１２９．，", max_size=14)


@settings(max_examples=400, deadline=None)
@given(_ARABIC)
def test_arabic_numerals_read_as_the_plain_reading(s):
    numerals.parse_numeral.cache_clear()
    assert numerals.parse_numeral(s) == plain_parse_numeral(s)


def _corpus_text() -> str:
    from zhfacts.pipeline import CORPUS_DIR, make_document

    return "".join(make_document(p.stem, p.read_text(encoding="utf-8")).norm for p in sorted(CORPUS_DIR.glob("*.txt")))


def _grammar_classes() -> list[str]:
    return sorted({r["set"] for r in lexicon.read_tsv("grammar.tsv")})


def _plain_word_patterns() -> dict[str, tuple[object, object]]:
    """The alternations of plain words that ``re`` matches, each beside the same alternation
    compiled by ``regex`` as it was."""
    from zhfacts.lang.zh import numbers, places

    fast = {"units": lexicon.unit_pattern(), "after qualifiers": lexicon.after_qualifier_pattern(),
            "org words": lexicon.word_pattern("org_words.tsv", "word"),
            "place suffixes": places._patterns()[0], "share words": numbers._patterns()["share"],
            "donor verbs": lexicon.donor_verb_pattern(), "kind markers": lexicon.kind_markers()[0],
            "per markers": lexicon.per_marker_pattern(), "counted nouns": lexicon.counted_noun_pattern(),
            **{f"grammar {name}": lexicon.grammar_pattern(name) for name in _grammar_classes()}}
    return {name: (pattern, regex.compile(pattern.pattern)) for name, pattern in fast.items()}


def test_word_patterns_find_as_regex_does_in_the_corpus():
    text = _corpus_text()
    assert len(text) > 50_000
    found = {}
    for name, (fast, plain) in _plain_word_patterns().items():
        found[name] = [m.span() for m in fast.finditer(text)]
        assert found[name] == [m.span() for m in plain.finditer(text)], name
    assert found["units"] and found["per markers"] and found["kind markers"] and found["place suffixes"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="全国的村乡", max_size=12), st.sampled_from(["全国", "村", "乡村"]), st.integers(0, 12))
def test_occurrences_are_the_literal_matches(text, word, start):
    from zhfacts.lang.zh import places

    assert list(places._occurrences(word, text, start)) == [m.start() for m in regex.finditer(regex.escape(word), text, pos=start)]


@lru_cache(maxsize=None)
def _patterns_and_words() -> list[tuple[object, object, list[str]]]:
    """Each pattern pair with the words of its alternation (unescaped) and a few others."""
    return [(fast, plain, [re.sub(r"\\(.)", r"\1", w) for w in fast.pattern.split("|")] + ["的", "1", "。"])
            for fast, plain in _plain_word_patterns().values()]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_word_patterns_match_as_regex_does_on_their_words(data):
    fast, plain, words = data.draw(st.sampled_from(_patterns_and_words()))
    text = "".join(data.draw(st.lists(st.sampled_from(words), max_size=6)))
    for i in range(len(text) + 1):
        f, p = fast.match(text, i), plain.match(text, i)
        assert (f and f.group()) == (p and p.group())


def _plain_class_patterns() -> dict[str, tuple[object, object]]:
    """The character-class patterns that ``re`` finds, each beside ``regex``'s reading of them."""
    from zhfacts.lang.zh import sentences

    fast = {"clause marks": sentences._CLAUSE, "quoted names": lexicon.quoted_name_pattern(),
            **{f"breaks {lists}": sentences._break_class(sentences._breaks(lists)) for lists in (False, True)}}
    return {name: (pattern, regex.compile(pattern.pattern)) for name, pattern in fast.items()}


def test_class_patterns_find_as_regex_does_in_the_corpus():
    text = _corpus_text()
    for name, (fast, plain) in _plain_class_patterns().items():
        found = [(m.span(), m.groups()) for m in fast.finditer(text)]
        assert found and found == [(m.span(), m.groups()) for m in plain.finditer(text)], name


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_class_patterns_find_as_regex_does_in_invented_text(data):
    from zhfacts.lang.zh import sentences

    marks = lexicon.punctuation("name_open") + lexicon.punctuation("name_close") + sentences._breaks(True)
    fast, plain = data.draw(st.sampled_from(list(_plain_class_patterns().values())))
    text = data.draw(st.text(alphabet=marks + lexicon.punctuation("clause_mark") + "的1a-]\\^ ", max_size=30))
    start = data.draw(st.integers(0, len(text)))
    assert ([(m.span(), m.groups()) for m in fast.finditer(text, start)]
            == [(m.span(), m.groups()) for m in plain.finditer(text, start)])
