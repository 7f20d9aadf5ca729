"""The learned decider: offline loading, empty and place-less documents, the feature table,
labels from gold, and a tiny trained model that ranks an obvious case right."""
from __future__ import annotations

import math
import re
import socket
from pathlib import Path

import pytest

from zhfacts.codes import Slot
from zhfacts.decide import DEFAULT
from zhfacts.learn.decider import MODEL_DIR, ON_BY_DEFAULT, Learned, decider_for, load_model
from zhfacts.learn.features import FEATURES, NUMERIC
from zhfacts.learn.training import SLOTS, fit, labelled, record
from zhfacts.pipeline import extract_claims, make_document

ROOT = Path(__file__).resolve().parents[1]


def doc_of(text: str, place: str = "科左后旗", year: str = "2020"):
    return make_document("t", text, year, place)


def test_shipped_model_loads_offline(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network used while loading the model")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    model = load_model(MODEL_DIR)
    assert set(model.boosters) <= set(SLOTS) and Slot.PLACE in model.boosters
    assert model.meta["features"] == list(FEATURES)
    claims = extract_claims(doc_of("努古斯台嘎查养牛1200头。"), Learned(model))
    assert [c.mention.start for c in claims if c.status == "claim"] == [8]


def test_a_directory_without_a_model_is_a_clear_error(tmp_path):
    with pytest.raises(Exception, match=r"no usable trained model .*scripts/train.py"):
        load_model(tmp_path)


@pytest.mark.parametrize("text", ["", "   \n", "没有数字的句子。", "会议于2019年4月召开。"])
def test_model_survives_documents_without_claims(text):
    claims = extract_claims(doc_of(text), decider_for(True))
    assert all(c.status != "claim" for c in claims)


def test_model_decides_a_document_with_no_places():
    doc = make_document("t", "会议共有120人参加，投资5000万元。", "2020", "")
    claims = [c for c in extract_claims(doc, decider_for(True)) if c.status == "claim"]
    assert [c.mention.end - c.mention.start for c in claims] == [4, 6]
    for c in claims:
        assert c.place == "" and c.year == ""
        assert 0.0 < c.confidence <= 1.0
        place = c.decision(Slot.PLACE)
        assert place.decider == "model" and len(place.scores) == len(place.candidates)


def test_rule_order_sets_no_confidence():
    [claim] = [c for c in extract_claims(doc_of("养牛1200头。"), decider_for(False)) if c.status == "claim"]
    assert decider_for(False) is DEFAULT and claim.confidence is None


TEXT = "2019年，科左后旗努古斯台嘎查养牛1200头，与北京市合作建设大棚（50个）。"


def _rows(text: str, slot: Slot, number: str):
    """The feature rows of one slot of the mention starting at ``number``, by (rule, value)."""
    doc = doc_of(text)
    _, groups = record(doc)
    start = text.index(number)
    [group] = [g for g in groups if g.slot == slot and g.start == start]
    return {(row["rule"], value): row for row, value in zip(group.rows, group.values)}, group


FEATURE_CASES = [
    # (slot, number, (rule, value), expected features) over TEXT, a document of 科左后旗 (level 3)
    (Slot.PLACE, "1200头", ("place_before", "努古斯台嘎查"),
     {"from_text": 1, "before": 1, "same_clause": 1, "same_sentence": 1, "clauses_between": 0,
      "log_distance": math.log1p(2), "place_level": 5, "default_level": 3, "level_difference": 2, "partner": 0,
      "in_brackets": 0, "is_first": 1, "position": 0, "rank": 0, "between_words": 1, "between_n": 1}),
    (Slot.PLACE, "1200头", ("place_before", "科左后旗"),
     {"place_level": 3, "level_difference": 0, "rank": 1, "position": 1, "document_default": 1,
      "n_same_value": 1, "contains_other": 0}),
    (Slot.PLACE, "1200头", ("document_place", "科左后旗"),
     {"from_text": 0, "place_level": -1, "document_default": 1, "default_level": 3, "is_first": 0, "rank": 0}),
    (Slot.YEAR, "1200头", ("time_before", "2019"),
     {"from_text": 1, "before": 1, "same_clause": 0, "clauses_between": 1, "time_direct": 0, "time_vague": 0,
      "document_default": 0, "time_span": 0}),
    (Slot.PLACE, "50个", ("place_before", "努古斯台嘎查"),
     {"same_clause": 0, "same_sentence": 1, "clauses_between": 1, "in_brackets": 0, "between_v": 2}),
    (Slot.EXCLUDE, "50个", ("claim", ""), {"from_text": 0, "empty": 1, "length": 0}),
]


@pytest.mark.parametrize("slot, number, key, expected", FEATURE_CASES)
def test_feature_table(slot, number, key, expected):
    rows, _ = _rows(TEXT, slot, number)
    row = rows[key]
    assert set(row) == set(FEATURES)
    assert {k: row[k] for k in expected} == pytest.approx(expected)


#: Evidence in brackets or quotes, and a rule's second answer: (text, slot, number, position of
#: the candidate in rule order, its rule, expected features). The values are those the engine
#: gave when it computed these facts for every candidate.
ENCLOSED_CASES = [
    ("“十四五”时期（2021—2025年）完成投资300亿元。", Slot.YEAR, "300亿元", 0, "time_before",
     {"rank": 0, "in_brackets": 1, "in_quotes": 0, "same_clause": 1}),
    ("“十四五”时期（2021—2025年）完成投资300亿元。", Slot.YEAR, "300亿元", 1, "time_before",
     {"rank": 1, "in_brackets": 0, "in_quotes": 1, "same_clause": 1}),
    ("“十三五”期间（2016—2020年）新增就业5万人。", Slot.YEAR, "5万人", 1, "time_before",
     {"rank": 1, "in_brackets": 0, "in_quotes": 1}),
    ("全旗实施“养牛1200头”工程。", Slot.EXCLUDE, "1200头", 0, "quoted_name",
     {"rank": 0, "in_quotes": 1, "in_brackets": 0, "same_clause": 1}),
    ("启动“百村千户”计划，（全县养羊50万只）。", Slot.METRIC, "50万只", 0, "phrase_before",
     {"in_brackets": 1, "in_quotes": 0, "same_clause": 1}),
    ("启动“百村千户”计划，（全县养羊50万只）。", Slot.PLACE, "50万只", 0, "place_before",
     {"in_brackets": 0, "same_clause": 0}),
]


@pytest.mark.parametrize("text, slot, number, position, rule, expected", ENCLOSED_CASES)
def test_enclosed_evidence_and_rank(text, slot, number, position, rule, expected):
    _, group = _rows(text, slot, number)
    row = group.rows[position]
    assert row["rule"] == rule
    assert {k: row[k] for k in expected} == pytest.approx(expected)


def test_agreement_features_count_candidates_that_agree():
    rows, group = _rows(TEXT, Slot.PLACE, "1200头")
    values = list(group.values)
    for row, value in zip(group.rows, values):
        assert row["n_same_value"] == values.count(value) - 1
        assert row["n_candidates"] == len(values) and row["n_distinct"] == len(set(values))
        assert row["same_as_first"] == float(value == values[0])


def test_words_between_are_counted_by_coarse_tag():
    rows, _ = _rows("努古斯台嘎查的牧民购买了母牛50头。", Slot.PLACE, "50头")
    row = rows[("place_before", "努古斯台嘎查")]
    assert (row["between_words"], row["between_u"], row["between_v"], row["between_n"]) == (5, 2, 1, 2)
    assert all(isinstance(row[k], float) for k in NUMERIC)


def test_labels_follow_the_scorer():
    text = "努古斯台嘎查养牛1200头，第3批。"
    _, groups = record(doc_of(text))
    start = text.index("1200头")
    gold = [{"start": start, "end": start + 5, "metric": "养牛", "year": "2020", "place": "科左后旗", "kind": "actual"}]
    labels = {(g.slot, g.start): (g.values, right) for g, right in labelled(groups, gold)}
    values, right = labels[(Slot.PLACE, start)]
    assert dict(zip(values, right)) == {"努古斯台嘎查": False, "科左后旗": True}
    # every mention gets an exclusion label: "claim" ("") is right only for the paired one
    ordinal = text.index("3批")
    assert dict(zip(*labels[(Slot.EXCLUDE, start)]))[""] is True
    assert dict(zip(*labels[(Slot.EXCLUDE, ordinal)]))[""] is False
    assert (Slot.PLACE, ordinal) not in labels


def _tiny_corpus():
    """Ten documents whose gold always puts the cattle in the county, never in the village the
    sentence names: the rule order is always wrong there, the pattern obvious."""
    examples = []
    for i, village in enumerate(["努古斯台", "布拉", "巴彦", "乌兰", "查干", "哈日", "宝力", "额尔", "塔拉", "阿古"]):
        text = f"{village}嘎查养牛{1200 + i}头。"
        doc = make_document(f"d{i}", text, "2020", "科左后旗")
        _, groups = record(doc)
        start = text.index("养牛") + 2
        gold = [{"start": start, "end": len(text) - 1, "metric": "养牛", "year": "2020", "place": "科左后旗",
                 "kind": "actual"}]
        examples += labelled(groups, gold)
    return examples


def test_tiny_trained_model_ranks_an_obvious_case_right():
    model = fit(_tiny_corpus(), (Slot.PLACE,))
    doc = make_document("new", "新发嘎查养牛300头。", "2020", "科左后旗")
    [rules] = [c for c in extract_claims(doc) if c.status == "claim"]
    [learned] = [c for c in extract_claims(doc, Learned(model)) if c.status == "claim"]
    assert rules.place == "新发嘎查"
    assert learned.place == "科左后旗" and learned.rule_of(Slot.PLACE) == "document_place+model"
    place = learned.decision(Slot.PLACE)
    assert place.scores[place.chosen[0]] > max(s for i, s in enumerate(place.scores) if i != place.chosen[0])
    # the other slots have no classifier and keep the rule order
    assert learned.decision(Slot.YEAR).decider == "rule_order"


def test_training_is_reproducible():
    examples = _tiny_corpus()
    first, second = fit(examples, (Slot.PLACE,)), fit(examples, (Slot.PLACE,))
    assert first.boosters[Slot.PLACE].model_to_string() == second.boosters[Slot.PLACE].model_to_string()


def test_the_default_follows_the_ablation_page():
    page = (ROOT / "docs" / "model.md").read_text(encoding="utf-8")
    [default] = re.findall(r"\*\*Model default: (on|off)\.\*\*", page)
    assert (default == "on") == ON_BY_DEFAULT


class _Recording:
    """A predictor that keeps every matrix it is asked about."""

    def __init__(self, inner):
        self.inner, self.seen = inner, []

    def predict(self, matrix):
        self.seen.append(matrix.copy())
        return self.inner.predict(matrix)


@pytest.mark.parametrize("doc", ["gansu-2025", "kzhq-2020", "en-economist-villages-2020"])
def test_the_c_library_predicts_exactly_what_the_lightgbm_package_does(doc):
    import lightgbm
    import numpy

    from zhfacts.learn.decider import Model
    from zhfacts.pipeline import document_for_path

    model = load_model(MODEL_DIR)
    recording = {slot: _Recording(p) for slot, p in model.boosters.items()}
    extract_claims(document_for_path(ROOT / "corpus" / f"{doc}.txt"),
                   Learned(Model(recording, model.vocabulary, model.meta)))
    checked = 0
    for slot, rec in recording.items():
        booster = lightgbm.Booster(model_str=model.boosters[slot].model_to_string())
        for matrix in rec.seen:
            assert list(model.boosters[slot].predict(matrix)) == list(booster.predict(numpy.array(matrix), num_threads=1))
            checked += len(matrix)
    assert checked >= 50  # candidates of many mentions, not a handful


def test_extraction_with_the_model_does_not_import_the_lightgbm_package():
    import subprocess
    import sys

    code = ("import sys; from zhfacts.pipeline import extract_text_table; "
            "extract_text_table('2020年全旗黄牛存栏达80万头。', 't', model=True); print('lightgbm' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def _ablation():
    import importlib.util
    spec = importlib.util.spec_from_file_location("ablation", ROOT / "scripts" / "ablation.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ceiling_counts_mentions_where_some_candidate_is_right():
    examples = _tiny_corpus()
    place = [(g, labels) for g, labels in examples if g.slot == Slot.PLACE]
    assert place and all(any(labels) for _, labels in place)  # the county is always offered
    wrong = [(g, [False] * len(labels)) for g, labels in place[:5]]
    best = _ablation().ceiling({"a": place[5:], "b": wrong})
    assert best["place"] == pytest.approx(len(place[5:]) / len(place))
