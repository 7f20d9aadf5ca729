"""The per-document indexes answer as the scans they replace.

The rules read precomputed indexes (headings by bisection, section tenses and list
introductions once per document, stopwords and places by name) where they used to scan the
document per mention. Each index is checked here against the plain scan, written out as the
reference, at random positions of the corpus's Chinese documents and on invented texts.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.codes import PlaceLevel
from zhfacts.context import Ask, build_context, with_table_cells
from zhfacts.lang import bundle
from zhfacts.lang.zh import lexicon
from zhfacts.lang.zh import places as zh_places
from zhfacts.lang.zh import words
from zhfacts.lang.zh.rules import kind, metric, place, year
from zhfacts.lang.zh.sentences import ITEM
from zhfacts.pipeline import document_for_path, make_document
from zhfacts.profiles import profile_for
from zhfacts.types import Mention

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
ZH = bundle("zh")


def _context(doc):
    sentences, tables = ZH.split_sentences(doc), ZH.find_tables(doc)
    mentions = with_table_cells(ZH.find_mentions(doc), tables)
    tokens = ZH.tokenize(doc, ZH.word_windows(doc, mentions))
    return build_context(doc, ZH, profile_for(doc.kind), sentences, tokens, tables)


@lru_cache(maxsize=None)
def contexts() -> tuple:
    """A context for every Chinese document of the corpus."""
    docs = [document_for_path(p) for p in sorted(CORPUS.glob("*.txt"))]
    return tuple(_context(d) for d in docs if d.lang == "zh")


def _ask(ctx, pos: int) -> Ask:
    return Ask(Mention(pos, pos + 1, Decimal(1), None, "", "", "=", "bare_number"), ctx)


DOC = st.integers(min_value=0, max_value=len(contexts()) - 1)
FRACTION = st.floats(min_value=0, max_value=1, allow_nan=False)


def _at(ctx, fraction: float) -> int:
    return min(len(ctx.doc.norm) - 1, int(fraction * len(ctx.doc.norm)))


# --- the scans the indexes replace --------------------------------------------------------------

def scan_headings_above(ctx, si):
    return [h for h in ctx.headings if h.sentence < si]


def scan_section_tense(ctx, si):
    norm = ctx.doc.norm
    doc_year = int(ctx.doc.year) if ctx.doc.year.isdigit() else None
    for h in reversed(scan_headings_above(ctx, si)):
        if h.sentence == 0:
            break
        s = ctx.sentences[h.sentence]
        text = norm[s.start:s.end]
        if any(w in text for w in lexicon.grammar("review_heading")):
            return kind.REVIEW, s.start, s.end
        if any(w in text for w in lexicon.grammar("forward_heading")):
            return kind.FORWARD, s.start, s.end
        if h.year.isdigit() and doc_year is not None:
            return (kind.REVIEW if int(h.year) < doc_year else kind.FORWARD), s.start, s.end
    return "", -1, -1


def scan_opens_line(norm, pos):
    return not norm[:pos].strip(" \t\u3000") or norm[:pos].rstrip(" \t\u3000").endswith("\n")


def scan_list_intro(ctx, i):
    norm = ctx.doc.norm
    while i > 0 and not scan_opens_line(norm, ctx.sentences[i].start):
        i -= 1
    while i > 0 and ITEM.match(norm, ctx.sentences[i].start) and not ctx.sentences[i].heading:
        intro = ctx.sentences[i - 1]
        if norm[intro.end - 1:intro.end] in lexicon.punctuation("label"):
            named = [t for t in ctx.times.starting_in(intro.start, intro.end) if t.governs and not t.direct]
            return named[-1] if named else None
        i -= 1
        while i > 0 and not scan_opens_line(norm, ctx.sentences[i].start):
            i -= 1
    return None


def scan_division(ctx, name, pos):
    found = zh_places.gazetteer().get(name)
    if found or not name:
        return found
    named = [p for p in ctx.places.items if p.surface == name and p.place.county]
    if named:
        return ([p for p in named if p.start < pos] or named)[-1].place
    for p in reversed(ctx.places.before(pos)):
        if p.place.level == PlaceLevel.COUNTY and p.place.county and not p.partner:
            return p.place
    return zh_places.gazetteer().get(ctx.doc.place)


def scan_bare_change(phrase):
    return any(phrase.endswith(v) and metric._modifiers_only(phrase[:-len(v)]) for v in lexicon.change_verbs())


def scan_trim(phrase):
    start_words, end_words = lexicon.metric_trim_words()
    strip = lexicon.punctuation("trim")
    changed = True
    while changed and phrase:
        changed = False
        phrase = metric._strip(phrase, strip)
        for w in start_words:
            if phrase.startswith(w) and len(phrase) > len(w) and metric._whole_word(phrase, w, 0):
                phrase, changed = phrase[len(w):], True
                break
        for w in end_words:
            if phrase.endswith(w) and len(phrase) > len(w) and metric._whole_word(phrase, w, -1):
                phrase, changed = phrase[: -len(w)], True
                break
    return phrase


# --- the indexes against them -------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION)
def test_headings_over_a_sentence_by_bisection(d, f):
    ctx = contexts()[d]
    si = ctx.sentence_of(_at(ctx, f))
    above = scan_headings_above(ctx, si)
    assert ctx.headings_before(si) == len(above)
    assert ctx.heading_over(si) == (above[-1] if above else None)


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION)
def test_section_tense_once_per_document(d, f):
    ctx = contexts()[d]
    ask = _ask(ctx, _at(ctx, f))
    assert kind.section_tense(ask) == scan_section_tense(ctx, ask.si)


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION)
def test_line_openings_and_list_introductions(d, f):
    ctx = contexts()[d]
    pos = _at(ctx, f)
    assert year._opens_line(ctx.doc.norm, pos) == scan_opens_line(ctx.doc.norm, pos)
    si = ctx.sentence_of(pos)
    assert year._list_intro_time(ctx, si) == scan_list_intro(ctx, si)


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, k=st.integers(min_value=0, max_value=200))
def test_division_of_a_named_place_by_name_index(d, f, k):
    ctx = contexts()[d]
    names = sorted({p.surface for p in ctx.places.items}) + ["某村"]
    name, pos = names[k % len(names)], _at(ctx, f)
    assert zh_places.division(name, pos, ctx) == scan_division(ctx, name, pos)


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=1, max_value=8))
def test_stopwords_over_a_span_by_bisection(d, f, width):
    ctx = contexts()[d]
    norm = ctx.doc.norm
    matches = list(zh_places._stop_pattern().finditer(norm))
    stops = zh_places.Stops.of(matches)
    start = _at(ctx, f)
    end = min(len(norm), start + width)
    assert stops.over(start, end) == [m for m in matches if m.start() < end and start < m.end()]


PHRASE_PIECES = st.sampled_from(sorted(lexicon.change_verbs()) + list(lexicon.change_modifiers())
                                + lexicon.metric_trim_words()[0] + lexicon.metric_trim_words()[1]
                                + ["粮食", "产量", "增", "，", "（", "）", "的"])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PHRASE_PIECES, max_size=5))
def test_bare_change_and_trim_by_look_up(pieces):
    phrase = "".join(pieces)
    assert metric._bare_change(phrase) == scan_bare_change(phrase)
    assert metric._trim(phrase) == scan_trim(phrase)


# --- invented texts: the indexes where a scan would walk far ------------------------------------

def _doc_context(text: str, year_: str = "2020"):
    return _context(make_document("t", text, year_, "某县"))


@pytest.mark.parametrize("text", [
    # a list of items on their own lines, introduced by a colon: every item takes its year
    "2018年主要做法如下：\n" + "".join(f"{n}是培训农民{k}人次；\n" for n, k in zip("一二三四五六七八九", range(10, 100, 10))),
    # a variant: items introduced by a line that names no year, and lines indented with spaces
    "主要做法如下：\n" + "".join(f"\u3000\u3000{n}是新建学校{k}所；\n" for n, k in zip("一二三四五", range(1, 6))),
])
def test_list_introductions_of_long_lists(text):
    ctx = _doc_context(text)
    for si in range(len(ctx.sentences)):
        assert year._list_intro_time(ctx, si) == scan_list_intro(ctx, si)


def test_person_place_found_by_automaton_as_by_substring():
    """An invented feature story: the speaker introduced with her village keeps it in the
    quotation her speech tag closes, and in a later sentence naming her."""
    text = ("走进柳湾村。柳湾村的春梅今年养牛12头。\n“今年收入3万元。”春梅说。\n"
            "王小山是柳湾村村民，他种植玉米20亩。春梅和王小山合作社分红5000元。")
    ctx = _doc_context(text)
    assert ctx.people, "the text introduces persons"
    for si, s in enumerate(ctx.sentences):
        ask = _ask(ctx, s.start)
        text_of = ctx.doc.norm[s.start:s.end]
        following = ctx.sentences[si + 1] if si + 1 < len(ctx.sentences) else None
        if following is not None and len(following.parts[0]) and place._is_speech_tag(following, ctx.doc.norm):
            text_of += ctx.doc.norm[following.start:following.end]
        expected = [(place.written(p, ask), p.start, p.end) for person, p in ctx.people.items() if person in text_of]
        assert list(place.person_place(ask)) == expected


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION)
def test_walk_back_from_a_position_as_over_the_list_before_it(d, f):
    ctx = contexts()[d]
    pos = _at(ctx, f)
    for spans in (ctx.places, ctx.times, ctx.tables, ctx.bracketed):
        assert list(spans.nearest_before(pos)) == list(reversed(spans.before(pos)))
    table = next((t for t in reversed(ctx.tables.before(pos + 1))), None)
    assert ctx.table_at(pos) == (table if table is not None and pos < table.end else None)


# --- the word graph and the change modifiers --------------------------------------------------

def scan_word_graph(text):
    """The word graph as a trie prefix search at every position gives it: the prefixes of the
    text that are words (the trie also holds the prefixes of words, of frequency 0)."""
    trie = words.tokenizer()._trie
    longest = max(map(len, trie.keys()))
    return {k: [k + len(w) - 1 for w in trie.prefixes(text[k:k + longest]) if words.jieba_frequency(w)] or [k]
            for k in range(len(text))}


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=1, max_value=40))
def test_word_graph_by_fragment_probes_as_by_prefix_search(d, f, width):
    norm = contexts()[d].doc.norm
    text = norm[_at(contexts()[d], f):][:width]
    assert words.tokenizer().get_DAG(text) == scan_word_graph(text)


def test_word_graph_of_invented_words():
    for text in ("中华人民共和国国家统计局", "千瓦时贫困发生率", "科左后旗", "xyz中", "亿"):
        assert words.tokenizer().get_DAG(text) == scan_word_graph(text)


def scan_modifiers_only(text):
    while text:
        word = next((w for w in lexicon.change_modifiers() if text.startswith(w)), None)
        if word is None:
            return False
        text = text[len(word):]
    return True


MODIFIER_RUNS = st.lists(st.sampled_from(lexicon.change_modifiers() + ("年", "增", "比上")), max_size=4).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=MODIFIER_RUNS)
def test_change_modifiers_by_look_up_as_by_longest_first_walk(text):
    assert metric._modifiers_only(text) == scan_modifiers_only(text)
