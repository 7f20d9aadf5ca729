"""The metric rules' phrase helpers answer as the plain word-list walks they replace.

``_trim`` and ``_modifiers_only`` look words up by length in a set instead of testing every
word of a longest-first list, and ``_last_pieces`` reads the pieces before a number from the
end, stopping at the two the rules use. Each is checked against the plain walk (the trim and
modifier walks of test_indexes, the others written out here), on phrases built from the
lexicon's own words and invented text.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from functools import lru_cache
from pathlib import Path

from zhfacts.context import Ask, build_context, with_table_cells
from zhfacts.lang import bundle
from zhfacts.lang.zh import lexicon
from zhfacts.lang.zh.rules import metric
from zhfacts.lang.zh.rules.exclude import LONGEST_SPAN
from zhfacts.pipeline import document_for_path
from zhfacts.profiles import profile_for

from test_indexes import scan_modifiers_only, scan_trim

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ZH = bundle("zh")

# --- the plain forms (the trim and modifier walks are test_indexes') ---------------------------


def plain_pieces(text: str) -> list[str]:
    return [p for p in (metric._trim(p) for p in text.split(metric._BLANK) if p) if not metric._is_filler(p)]


def plain_blank(ask, a: int, b: int) -> str:
    m, ctx, norm = ask.mention, ask.ctx, ask.norm
    near = ctx.times.starting_in(a - LONGEST_SPAN, b) + ctx.places.starting_in(a - LONGEST_SPAN, b)
    spans = [(x.start, x.end) for x in near]
    spans += [c for c in ask.claims if a - LONGEST_SPAN <= c[0] < b and c != (m.start, m.end)]
    if m.qualifier_start >= 0:
        spans.append((m.qualifier_start, m.start))
    blanked = [ch for ch in norm[a:b]]
    for x, y in spans:
        for i in range(max(x, a), min(y, b)):
            blanked[i - a] = metric._BLANK
    return "".join(blanked)


# --- phrases made of the lexicon's words ------------------------------------------------------

_TRIM = sorted(set(lexicon.metric_trim_words()[0]) | set(lexicon.metric_trim_words()[1]))
_MODIFIERS = sorted(lexicon.change_modifiers())
_FILL = ["粮食产量", "从业人员", "增长", "上年", "项目", "投资", "（不含农户）", "，", "、", "的", "在"]
WORD = st.sampled_from(_TRIM + _MODIFIERS + _FILL) | st.text(alphabet="农民收入比为达到了", min_size=1, max_size=3)
PHRASE = st.lists(WORD, max_size=6).map("".join)
PIECES = st.lists(PHRASE, max_size=6).map(metric._BLANK.join)


@settings(max_examples=400, deadline=None)
@given(PHRASE)
def test_trim_takes_the_longest_whole_word_at_each_end(phrase):
    assert metric._trim(phrase) == scan_trim(phrase)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MODIFIERS + ["增", "比", "实"]), max_size=5).map("".join))
def test_modifiers_walk_takes_the_longest_modifier(text):
    assert metric._modifiers_only(text) == scan_modifiers_only(text)


@settings(max_examples=300, deadline=None)
@given(PIECES)
def test_last_pieces_are_the_last_two_of_all_pieces(text):
    every = plain_pieces(text)
    assert metric._last_pieces(text) == every[-2:]


@pytest.mark.parametrize("phrase, trimmed", [
    ("累计粮食产量达到", "粮食产量"),      # a trim word at each end
    ("已经累计投资为", "投资"),            # several, the longest first ("已经", not "已")
    ("从业人员", "从业人员"),              # "从" of "从业人员" is no preposition
    ("现已从业人员", "从业人员"),
    ("共有养殖户", "共有养殖户"),          # an end word at the start stays
])
def test_trim_cuts_whole_trim_words_only(phrase, trimmed):
    assert metric._trim(phrase) == trimmed == scan_trim(phrase)


@lru_cache(maxsize=None)
def documents() -> tuple:
    """(context, mentions) of every Chinese document of the corpus."""
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = document_for_path(path)
        if doc.lang != "zh":
            continue
        sentences, tables = ZH.split_sentences(doc), ZH.find_tables(doc)
        mentions = with_table_cells(ZH.find_mentions(doc), tables)
        tokens = ZH.tokenize(doc, ZH.word_windows(doc, mentions))
        out.append((build_context(doc, ZH, profile_for(doc.kind), sentences, tokens, tables), mentions))
    return tuple(out)


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=len(documents()) - 1), st.floats(min_value=0, max_value=1),
       st.integers(min_value=0, max_value=2 * metric._METRIC_REACH), st.integers(min_value=0, max_value=2 * metric._METRIC_REACH))
def test_blank_blanks_what_the_plain_scan_blanks(d, fraction, before, after):
    ctx, mentions = documents()[d]
    m = mentions[min(len(mentions) - 1, int(fraction * len(mentions)))]
    ask = Ask(m, ctx, claims=sorted((x.start, x.end) for x in mentions))
    a, b = max(0, m.start - before), min(len(ctx.doc.norm), m.end + after)
    assert metric._blank(ask, a, m.start) == plain_blank(ask, a, m.start)
    assert metric._blank(ask, m.end, b) == plain_blank(ask, m.end, b)
    assert metric._blank(ask, a, b) == plain_blank(ask, a, b)
