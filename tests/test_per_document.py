"""A rule that reads the document only is asked once per document.

The engine gives every mention of a document the candidates a per-document rule proposed for
the first mention that reached it. Here each such rule is asked at every mention of the corpus
and at random positions with invented units and values, and must answer as it did at the
document's first mention; and the engine's candidates are compared with every rule asked
plainly, in rule order, guards included.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.codes import Slot
from zhfacts.context import Ask, build_context, with_table_cells
from zhfacts.engine import candidates, guarded_runs
from zhfacts.lang import bundle
from zhfacts.pipeline import document_for_path
from zhfacts.profiles import profile_for
from zhfacts.registry import rules_for
from zhfacts.types import Candidate, Mention

from test_indexes import CORPUS

LANGS = ("zh", "en")
PER_DOCUMENT = tuple(r for lang in LANGS for slot in Slot for r in rules_for(lang, slot) if r.per_document)


@lru_cache(maxsize=None)
def contexts() -> tuple:
    """A context, and its mentions, for every document of the corpus."""
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        doc = document_for_path(path)
        lang = bundle(doc.lang)
        sentences, tables = lang.split_sentences(doc), lang.find_tables(doc)
        mentions = with_table_cells(lang.find_mentions(doc), tables)
        tokens = lang.tokenize(doc, lang.word_windows(doc, mentions))
        out.append((build_context(doc, lang, profile_for(doc.kind), sentences, tokens, tables), mentions))
    return tuple(out)


def _plain(slot: Slot, ask: Ask) -> tuple[Candidate, ...]:
    """Every rule of the slot asked at the mention, in rule order, where its guard holds."""
    return tuple(Candidate(slot, value, r.name, start, end)
                 for r in rules_for(ask.ctx.lang.code, slot, ask.ctx.profile)
                 if r.when is None or r.when.test(ask)
                 for value, start, end in r.propose(ask))


def test_the_fallbacks_are_asked_per_document():
    names = {(r.lang, r.slot, r.name) for r in PER_DOCUMENT}
    for lang in LANGS:
        assert {(lang, Slot.EXCLUDE, "claim"), (lang, Slot.PLACE, "document_place"), (lang, Slot.YEAR, "no_year"),
                (lang, Slot.PER, "no_per"), (lang, Slot.KIND, "actual"), (lang, Slot.UNIT, "no_unit")} <= names


def test_per_document_rules_answer_alike_at_every_corpus_mention():
    for ctx, mentions in contexts():
        rules = [r for r in PER_DOCUMENT if r.lang == ctx.lang.code]
        first = {r.name: list(r.propose(Ask(mentions[0], ctx))) for r in rules}
        for m in mentions:
            ask = Ask(m, ctx)
            assert {r.name: list(r.propose(ask)) for r in rules} == first, (ctx.doc.doc_id, m)


@settings(max_examples=200, deadline=None)
@given(d=st.integers(min_value=0, max_value=len(contexts()) - 1), f=st.floats(min_value=0, max_value=1),
       unit=st.sampled_from(["", "person", "yuan", "percent", "year"]),
       value=st.sampled_from([Decimal(1), Decimal(2019), Decimal("0.5")]))
def test_per_document_rules_answer_alike_at_any_position(d, f, unit, value):
    ctx, mentions = contexts()[d]
    pos = min(len(ctx.doc.norm) - 1, int(f * len(ctx.doc.norm)))
    ask = Ask(Mention(pos, pos + 1, value, None, unit, "", "=", "bare_number"), ctx)
    for r in PER_DOCUMENT:
        if r.lang == ctx.lang.code:
            assert list(r.propose(ask)) == list(r.propose(Ask(mentions[0], ctx))), r.name


def test_engine_candidates_equal_every_rule_asked_plainly():
    for ctx, mentions in contexts():
        runs = {slot: guarded_runs(rules_for(ctx.lang.code, slot, ctx.profile)) for slot in Slot}
        for m in mentions:
            ask = Ask(m, ctx)
            for slot in Slot:
                plain = _plain(slot, ask)
                assert candidates(slot, runs[slot], ask) == plain, (ctx.doc.doc_id, m, slot)
                assert candidates(slot, runs[slot], ask, 1) == plain[:1], (ctx.doc.doc_id, m, slot)
