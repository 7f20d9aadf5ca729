"""The decision stage's shortcuts answer as the plain computations they stand for.

Rules exit early when a mention cannot match, read per-sentence answers found once for all the
numbers of a sentence, and the context finds each clause once; a decision of one candidate reads
its value and rule from it. Each is checked here against the plain form, written out as the
reference, at random positions of the corpus's Chinese documents and on invented values.
"""
from __future__ import annotations

import pickle
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
import pytest

from zhfacts.codes import Slot
from zhfacts.context import Ask
from zhfacts.lang.zh import lexicon
from zhfacts.lang.zh.rules import exclude, kind, per, place, year
from zhfacts.lang.zh.sentences import ITEM
from zhfacts.types import Candidate, Decision, Mention

from test_indexes import DOC, FRACTION, _at, _doc_context, contexts


def _ask(ctx, pos: int, width: int = 1) -> Ask:
    end = min(len(ctx.doc.norm), pos + width)
    return Ask(Mention(pos, end, Decimal(1), None, "", "", "=", "bare_number", unit_end=end), ctx)


# --- the plain forms ----------------------------------------------------------------------------

def plain_in_time_expression(ask):
    m = ask.mention
    return [("excluded", t.start, t.end) for t in ask.ctx.times.items if t.start <= m.start < t.end]


def plain_enumerator(ask):
    m, norm = ask.mention, ask.norm
    a, _ = ask.ctx.lang.clause_bounds(norm, m.start, False)
    item = ITEM.match(norm, a, m.end + 2)
    if item and m.end <= item.end() and norm[a:m.start].strip("（( \t\u3000") == "":
        return [("excluded", item.start(), item.end())]
    return []


def plain_person_place(ask):
    ctx, norm, si = ask.ctx, ask.norm, ask.si
    s = ctx.sentences[si]
    text = norm[s.start:s.end]
    following = ctx.sentences[si + 1] if si + 1 < len(ctx.sentences) else None
    if following is not None and following.end - following.start <= place._SPEECH_TAG_MAX \
            and place._is_speech_tag(following, norm):
        text += norm[following.start:following.end]
    return [(place.written(p, ask), p.start, p.end) for person, p in ctx.people.items() if person in text]


def plain_per_marker(ask):
    m, norm = ask.mention, ask.norm
    a, b = ask.ctx.lang.clause_bounds(norm, m.start, False)
    return [(unit, x.start(), x.end()) for x in lexicon.per_marker_pattern().finditer(norm, a, b)
            if x.end() <= m.start for unit in lexicon.per_markers()[x.group()].split("/")]


# --- corpus positions ---------------------------------------------------------------------------

@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=1, max_value=6), lists=st.booleans())
def test_shortcut_rules_as_their_plain_forms(d, f, width, lists):
    ctx = contexts()[d]
    pos = _at(ctx, f)
    for _ in range(2):  # the second ask reads what the first left in the document's memo
        ask = _ask(ctx, pos, width)
        assert ctx.clause_bounds(pos, lists) == ctx.lang.clause_bounds(ctx.doc.norm, pos, lists)
        assert list(exclude.in_time_expression(ask)) == plain_in_time_expression(ask)
        assert list(exclude.enumerator(ask)) == plain_enumerator(ask)
        assert year._in_sentence(ask) == year._times_of(ctx, ask.sentence)
        assert list(place.person_place(ask)) == plain_person_place(ask)
        assert list(per.per_marker(ask)) == plain_per_marker(ask)


def test_no_per_marker_holds_a_clause_break():
    """The per markers of a clause are read from one scan of the document: a marker that held a
    clause break could start in one clause and hide one of the next."""
    breaks = set(lexicon.punctuation("clause") + lexicon.punctuation("list") + "\n")
    assert not [w for w in lexicon.per_markers() if breaks & set(w)]


def _asks_everywhere(ctx) -> list[Ask]:
    """An ask of a one-character number at every position of the document."""
    return [_ask(ctx, pos) for pos in range(len(ctx.doc.norm))]


def test_per_markers_of_invented_clauses():
    ctx = _doc_context("全县人均可支配收入1.2万元，每户每年增收3000元；年人均纯收入5000元，每亩产量600公斤。")
    norm = ctx.doc.norm
    for ask in _asks_everywhere(ctx):
        assert list(per.per_marker(ask)) == plain_per_marker(ask)
    assert [u for u, _, _ in per.per_marker(_ask(ctx, norm.index("3000")))] == ["household", "year"]


def plain_kind_markers(norm: str, a: int, b: int) -> list[tuple[int, int, str]]:
    """The kind markers a scan of [a, b) alone finds."""
    return [(x.start(), x.end(), x.group()) for x in lexicon.kind_markers()[0].finditer(norm, a, b)]


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=0, max_value=80))
def test_kind_markers_of_any_range_as_by_its_own_scan(d, f, width):
    """The kind markers of a range, from the document's one scan, are those a scan of the range
    alone finds, also where a marker crosses an end of the range."""
    ctx = contexts()[d]
    a = _at(ctx, f)
    b = min(len(ctx.doc.norm), a + width)
    assert kind._kind_markers_in(ctx, a, b) == plain_kind_markers(ctx.doc.norm, a, b)


def test_kind_markers_cut_by_a_range():
    ctx = _doc_context("力争全年粮食产量达到6亿斤。预计明年增长5%。")
    norm = ctx.doc.norm
    at = norm.index("力争")
    for a, b in ((at + 1, len(norm)), (0, at + 1), (at, at + 2), (0, len(norm))):
        assert kind._kind_markers_in(ctx, a, b) == plain_kind_markers(norm, a, b)
    assert [m for _, _, m in kind._kind_markers_in(ctx, 0, len(norm))] == ["力争", "预计"]


def test_person_place_of_every_sentence_of_a_story():
    """An invented story: the speaker keeps her village in the quotation her speech tag closes and
    in a later sentence; a variant whose speech tag is too long to be one names nobody after it."""
    for tag in ("春梅说。", "春梅在合作社的院子里一边晒玉米一边对前来调研的干部们高兴地说。"):
        ctx = _doc_context(f"走进柳湾村。柳湾村的春梅今年养牛12头。\n“今年收入3万元。”{tag}\n春梅又种植玉米20亩。")
        assert ctx.people
        for s in ctx.sentences:
            for _ in range(2):
                ask = _ask(ctx, s.start)
                assert list(place.person_place(ask)) == plain_person_place(ask)


def test_enumerator_only_where_the_number_opens_its_clause():
    ctx = _doc_context("主要做法：一是新建学校3所；（二）培训农民200人次，其三是修路5公里。")
    norm = ctx.doc.norm
    for ask in _asks_everywhere(ctx):
        assert list(exclude.enumerator(ask)) == plain_enumerator(ask)
    assert list(exclude.enumerator(_ask(ctx, norm.index("一是")))), "一是 opens its clause"
    assert not list(exclude.enumerator(_ask(ctx, norm.index("3所")))), "3 does not"


# --- decisions of one candidate -----------------------------------------------------------------

def plain_decision(d: Decision) -> tuple:
    winners = tuple(d.candidates[i] for i in d.chosen)
    value = "/".join(c.value for c in winners if c.value)
    names = "+".join(dict.fromkeys(c.rule for c in winners))
    overruled = d.ranking and d.candidates and value != d.candidates[0].value
    return winners, value, f"{names}+{d.decider}" if overruled else names


CANDIDATE = st.builds(Candidate, st.just(Slot.YEAR), st.sampled_from(["", "2019", "2020"]),
                      st.sampled_from(["time_before", "heading_year", "no_year"]))


@given(candidates=st.lists(CANDIDATE, min_size=1, max_size=4), data=st.data())
def test_decision_of_one_candidate_as_the_general_form(candidates, data):
    candidates = tuple(candidates)
    chosen = (data.draw(st.integers(min_value=0, max_value=len(candidates) - 1)),)
    ranked = data.draw(st.booleans())
    ranking = chosen + tuple(i for i in range(len(candidates)) if i not in chosen) if ranked else ()
    d = Decision(Slot.YEAR, candidates, chosen, "model" if ranked else "rule_order", ranking)
    assert (d.winners, d.value, d.rule) == plain_decision(d)


@given(candidates=st.lists(CANDIDATE, min_size=1, max_size=4), data=st.data())
def test_a_decision_is_an_immutable_value(candidates, data):
    """A decision (a tuple of its given and derived fields) is equal, after pickling (as the
    worker processes send them) and after a change of its choice and back, to the same decision,
    and no field of it or of its candidates can be set."""
    candidates = tuple(candidates)
    chosen = (data.draw(st.integers(min_value=0, max_value=len(candidates) - 1)),)
    d = Decision(Slot.YEAR, candidates, chosen)
    assert pickle.loads(pickle.dumps(d)) == d and (pickle.loads(pickle.dumps(d)).rule, d.value) == (d.rule, d.value)
    other = d._replace(chosen=(0,), decider="model", ranking=(0,))
    assert other._replace(chosen=chosen, decider="rule_order", ranking=()) == d
    assert (other.winners, other.value, other.rule) == plain_decision(other)
    with pytest.raises(AttributeError):
        d.value = "2021"
    with pytest.raises(AttributeError):
        candidates[0].value = "2021"
