"""The trained metric ranker and claim filter: offline loading, no-op cases, feature tokens, labels."""
from __future__ import annotations

import socket
from decimal import Decimal

import pytest
import spacy

from zhfacts.codes import Slot, Status
from zhfacts.learn.decider import CLAIM, FILTER, GOOD, MODELS_DIR, RANKER, _load, apply_model, model_available
from zhfacts.learn.examples import filter_examples, ranker_examples
from zhfacts.learn.features import candidate_features, mention_features
from zhfacts.pipeline import extract_claims, make_document
from zhfacts.types import Candidate, Claim, Decision, Mention, Sentence


def hand_claim(doc, number: str, unit: str, unit_surface: str, candidates=(), rule: str = "number_unit",
               excluded: str = "") -> Claim:
    """A claim over the first occurrence of ``number`` in a one-sentence document."""
    start = doc.text.index(number)
    end = start + len(number)
    mention = Mention(start, end, Decimal(1), None, unit, unit_surface, "=", rule, unit_end=end)
    sentence = Sentence(0, len(doc.text), ((0, len(doc.text)),))
    if excluded:
        drop = Decision(Slot.EXCLUDE, (Candidate(Slot.EXCLUDE, "excluded", excluded),), (0,))
        return Claim(doc.doc_id, mention, sentence, Status.EXCLUDED, (drop,))
    metric = Decision(Slot.METRIC, tuple(Candidate(Slot.METRIC, p, r) for p, r in candidates),
                      (0,) if candidates else ())
    return Claim(doc.doc_id, mention, sentence, Status.CLAIM, (metric,))


def doc_of(text: str):
    return make_document("t", text, "2020", "科左后旗")


def test_shipped_model_loads_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network used while loading the model")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    assert model_available()
    for name, label in ((RANKER, GOOD), (FILTER, CLAIM)):
        nlp = _load.__wrapped__(str(MODELS_DIR / name))
        cats = nlp("rule_noun_after rank0 len2").cats
        assert label in cats and sum(cats.values()) == pytest.approx(1.0)


@pytest.mark.parametrize("text", ["", "会议于2019年4月召开。", "没有数字的句子。"])
def test_apply_model_without_claims_is_a_no_op(text):
    doc = doc_of(text)
    claims = extract_claims(doc)
    assert all(c.status != "claim" for c in claims)
    assert apply_model(claims, doc) == claims


def test_apply_model_reorders_candidates_and_leaves_input_alone():
    doc = doc_of("40万内蒙古科左后旗人民告别贫困历史。")
    candidates = [("人民", "noun_after"), ("人民告别贫困历史", "verb_phrase_after")]
    claim = hand_claim(doc, "40万", "person", "", candidates, rule="bare_number+counted_noun")
    [out] = apply_model([claim], doc)
    assert claim.metric_candidates == candidates and claim.confidence is None
    assert sorted(out.metric_candidates) == sorted(candidates)
    assert (out.metric, out.metric_rule.removesuffix("+model")) == out.metric_candidates[0]
    assert out.metric_rule.endswith("+model") == (out.metric_candidates[0] != candidates[0])
    assert 0.0 <= out.confidence <= 1.0


SHARE = "全旗共有贫困户2000户，人均收入增长10%。"
PEOPLE = "40万内蒙古科左后旗人民告别贫困历史。"

CANDIDATE_CASES = [
    # (sentence, number, unit, unit surface, candidates, candidate index, expected feature tokens)
    (SHARE, "10%", "%", "%", [("人均收入增长", "phrase_before"), ("共有贫困户", "previous_metric")], 0,
     {"rule_phrase_before", "rank0", "rule_phrase_before_rank0", "len6_8", "n2", "unit_x25", "cat_share",
      "after_stop", "longest", "start_人", "end_长", "人", "均"}),
    (SHARE, "10%", "%", "%", [("人均收入增长", "phrase_before"), ("共有贫困户", "previous_metric")], 1,
     {"rule_previous_metric", "rank1", "top_rule_phrase_before", "top_len6_8", "len4_5", "verb"}),
    (PEOPLE, "40万", "person", "", [("人民", "noun_after"), ("人民告别贫困历史", "verb_phrase_after")], 0,
     {"rule_noun_after", "len2", "noverb", "shape_n", "inside_other", "cat_none", "after_han"}),
    (PEOPLE, "40万", "person", "", [("人民", "noun_after"), ("人民告别贫困历史", "verb_phrase_after")], 1,
     {"rule_verb_phrase_after", "contains_top", "contains_other", "longest", "verb", "len6_8"}),
    ("发电量达到5万千瓦时，", "5万千瓦时", "kWh", "千瓦时", [("发电量", "phrase_before")], 0,
     {"rule_phrase_before", "rank0", "n1", "unit_kWh", "after_comma", "glossary"}),
]


@pytest.mark.parametrize("sentence, number, unit, surface, candidates, index, expected", CANDIDATE_CASES)
def test_candidate_features(sentence, number, unit, surface, candidates, index, expected):
    doc = doc_of(sentence)
    texts = candidate_features(hand_claim(doc, number, unit, surface, candidates), doc)
    assert len(texts) == len(candidates)
    assert expected <= set(texts[index].split())


MENTION_CASES = [
    # (sentence, number, unit, unit surface, excluded by, expected feature tokens)
    ("“三个一”工程覆盖3个村。", "三个", "item", "个", "set_phrase",
     {"excl_set_phrase", "quoted", "nodigits", "b1_quote", "m_三", "unit_item", "cat_count"}),
    ("“三个一”工程覆盖3个村。", "3个", "item", "个", "",
     {"excl_none", "unquoted", "digits", "a1_han", "a1c_村", "b1c_盖", "m_3"}),
    ("贫困发生率降至0.04%。", "0.04%", "%", "%", "",
     {"unit_x25", "cat_share", "a1_stop", "usurf", "prose", "mlen4_5"}),
    ("第3批，", "3", "", "", "ordinal", {"excl_ordinal", "unit_none", "nousurf", "b1c_第", "a1_han"}),
]


@pytest.mark.parametrize("sentence, number, unit, surface, excluded, expected", MENTION_CASES)
def test_mention_features(sentence, number, unit, surface, excluded, expected):
    doc = doc_of(sentence)
    text = mention_features(hand_claim(doc, number, unit, surface, excluded=excluded), doc)
    assert expected <= set(text.split())


def test_feature_tokens_stay_single_spacy_tokens():
    nlp = spacy.blank("xx")
    texts = []
    for sentence, number, unit, surface, candidates, _, _ in CANDIDATE_CASES:
        doc = doc_of(sentence)
        claim = hand_claim(doc, number, unit, surface, candidates)
        texts += candidate_features(claim, doc) + [mention_features(claim, doc)]
    for text in texts:
        assert [t.text for t in nlp.make_doc(text)] == text.split()


def test_training_examples_label_a_tiny_gold():
    doc = doc_of("全旗共有贫困户2000户，人均收入增长10%，第3批。")
    households = hand_claim(doc, "2000户", "household", "户", [("共有", "phrase_before"), ("贫困户", "noun_after")])
    share = hand_claim(doc, "10%", "%", "%", [("人均收入增长", "phrase_before")])
    ordinal = hand_claim(doc, "3", "", "", excluded="ordinal")
    start = doc.text.index("2000户")
    gold = [{"start": start, "end": start + 5, "metric": "贫困户"},
            {"start": ordinal.mention.start, "end": ordinal.mention.end, "metric": "批"}]
    claims = [households, share, ordinal]
    # Only claims paired with gold give ranker examples; GOOD means the phrase scores as the gold metric.
    assert [label for _, label in ranker_examples(claims, gold, doc)] == [False, True]
    # Every mention gives a filter example; CLAIM means it overlaps a gold span, excluded or not.
    assert [label for _, label in filter_examples(claims, gold, doc)] == [True, False, True]
