"""The metric windows read from shared work answer as when cut for each number alone.

The text around a number is blanked from one copy of the document blanked once (times, places
and claims); each window is checked here against the window blanked span by span, at random
windows around the corpus's numbers and with spans too long for the shared copy.
"""
from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.context import Ask
from zhfacts.lang.zh import lexicon
from zhfacts.lang.zh.rules import metric
from zhfacts.lang.zh.rules.exclude import LONGEST_SPAN

from test_indexes import ZH, _doc_context, contexts, scan_bare_change, scan_trim

DOC = st.integers(min_value=0, max_value=len(contexts()) - 1)
FRACTION = st.floats(min_value=0, max_value=1, allow_nan=False)


def _mentions(ctx):
    return ctx.once("test.mentions", lambda: ZH.find_mentions(ctx.doc))


def _ask(ctx, i: int, claims: list[tuple[int, int]]) -> Ask:
    ask = Ask(_mentions(ctx)[i], ctx)
    ask.claims = claims
    return ask


@settings(max_examples=400, deadline=None)
@given(d=DOC, f=FRACTION, left=st.integers(0, 70), right=st.integers(0, 70), every=st.integers(1, 3),
       qualifier=st.integers(-1, 6))
def test_window_from_the_blanked_document_as_span_by_span(d, f, left, right, every, qualifier):
    ctx = contexts()[d]
    mentions = _mentions(ctx)
    i = min(len(mentions) - 1, int(f * len(mentions)))
    claims = sorted((m.start, m.end) for m in mentions[::every])  # claims: some of the mentions
    ask = _ask(ctx, i, claims)
    m = ask.mention
    if qualifier >= 0:
        ask = Ask(replace(m, qualifier_start=max(0, m.start - qualifier)), ctx)
        ask.claims = claims
    for a, b in ((max(0, m.start - left), m.start), (m.end, min(len(ctx.doc.norm), m.end + right)),
                 (max(0, m.start - left), min(len(ctx.doc.norm), m.end + right))):
        assert metric._blank(ask, a, b) == metric._blank_spans(ask, a, b)


def test_spans_longer_than_the_longest_are_blanked_only_near_their_start():
    ctx = contexts()[0]
    mentions = _mentions(ctx)
    m = mentions[len(mentions) // 2]
    far = (max(0, m.start - 3 * LONGEST_SPAN), m.start - 2)  # starts too far before the window
    near = (m.start - LONGEST_SPAN - 5, m.start - 1)  # long, and starts near enough
    for long_span in (far, near):
        ask = _ask(ctx, len(mentions) // 2, sorted([long_span, (m.start, m.end)]))
        ask.ctx.memo.pop("metric.blanked", None)
        for a in (max(0, m.start - LONGEST_SPAN), m.start - 10):
            assert metric._blank(ask, a, m.start) == metric._blank_spans(ask, a, m.start)


@settings(max_examples=400, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(0, 20))
def test_trim_and_bare_change_of_corpus_phrases_as_by_walk(d, f, width):
    """A phrase whose ends can begin no trim is kept without a look-up; the walks decide the rest."""
    norm = contexts()[d].doc.norm
    start = min(len(norm), int(f * len(norm)))
    phrase = norm[start:start + width]
    assert metric._trim(phrase) == scan_trim(phrase)
    assert metric._bare_change(phrase) == scan_bare_change(phrase)


def scan_run(ask):
    """The list a claim stands in, each neighbour's join read where it is met."""
    s, norm, m, claims = ask.sentence, ask.norm, ask.mention, ask.claims
    joins = frozenset(lexicon.punctuation("list")) | frozenset(lexicon.grammar("list_joiner"))
    if (m.start, m.end) not in claims:
        return []
    i = claims.index((m.start, m.end))

    def joined(end, start):
        q = lexicon.after_qualifier_pattern().match(norm, end, start)
        return norm[q.end() if q else end:start] in joins

    lo, hi = i, i
    while lo > 0 and i - lo < metric._LIST_MAX and claims[lo - 1][0] >= s.start and joined(claims[lo - 1][1], claims[lo][0]):
        lo -= 1
    while hi + 1 < len(claims) and hi - i < metric._LIST_MAX and claims[hi + 1][0] < s.end and joined(claims[hi][1], claims[hi + 1][0]):
        hi += 1
    return claims[lo:hi + 1]


def _asks_near(d: int, f: float, every: int, reach: int):
    """Asks of the mentions within ``reach`` of the one at fraction ``f`` of document ``d``, with
    every ``every``-th mention of the document a claim."""
    ctx = contexts()[d]
    mentions = _mentions(ctx)
    claims = sorted((m.start, m.end) for m in mentions[::every])
    i = min(len(mentions) - 1, int(f * len(mentions)))
    return [_ask(ctx, j, claims) for j in range(max(0, i - reach), min(len(mentions), i + reach))]


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, every=st.integers(1, 3))
def test_list_runs_by_links_read_once_as_by_walk(d, f, every):
    for ask in _asks_near(d, f, every, 3):
        assert metric._run(ask) == scan_run(ask)


def test_list_runs_of_an_invented_list():
    text = "原煤、原油、天然气产量达到6640.8万吨、1253.6万吨和9.1亿立方米左右，分别增长5%、6%左右。"
    ctx = _doc_context(text)
    mentions = ZH.find_mentions(ctx.doc)
    claims = sorted((m.start, m.end) for m in mentions)
    for m in mentions:
        ask = Ask(m, ctx)
        ask.claims = claims
        assert metric._run(ask) == scan_run(ask)
    ask = Ask(mentions[0], ctx)
    ask.claims = claims
    assert len(metric._run(ask)) == 3


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, every=st.integers(1, 3))
def test_a_claim_the_list_guard_turns_away_stands_in_no_list(d, f, every):
    """The list-member guard says no only to a claim whose list is itself alone: the rule that
    pairs a list with its members proposes nothing there."""
    for ask in _asks_near(d, f, every, 5):
        if not metric.LIST_MEMBER.test(ask):
            assert len(scan_run(ask)) < 2 and not list(metric.respective_member(ask))


def test_the_members_of_an_invented_list_pass_the_list_guard():
    text = "原煤、原油、天然气产量达到6640.8万吨、1253.6万吨和9.1亿立方米左右，分别增长5%、6%左右。全年接待游客120万人次。"
    ctx = _doc_context(text)
    mentions = ZH.find_mentions(ctx.doc)
    claims = sorted((m.start, m.end) for m in mentions)
    passed = []
    for m in mentions:
        ask = Ask(m, ctx)
        ask.claims = claims
        passed.append(metric.LIST_MEMBER.test(ask))
    assert passed == [True] * 5 + [False]
