"""The spaCy pipeline gives the same claims, at the same offsets, as the fact table."""
from __future__ import annotations

import math
import subprocess
import sys

import pytest

from zhfacts import extract_text_table, load

FIELDS = ["value", "value_max", "unit", "qualifier", "metric", "metric_en", "year", "place", "per",
          "kind", "rule", "place_en"]

TEXTS = [
    # text, year, place, claims the table has for it (among others)
    ("科左后旗黄牛存栏达80万头,人均养牛2.4头。", "2020", "科左后旗", ["80万头", "2.4头"]),
    ("全旗15头牛的农户有3头牛。", "2020", "科左后旗", ["15头", "3头"]),  # jieba joins "头牛"
    ("２０１９年全旗农民人均可支配收入达到１２３４５元。", "2020", "科左后旗", ["１２３４５元"]),
    ("贫困发生率由11%降至0.04%。\n\n  全年发电量 7.5万千瓦时。", "2020", "科左后旗",
     ["11%", "0.04%", "7.5万千瓦时"]),
    ("2019年国内生产总值达到99.1万亿元,增长6.1%。", "2020", "中国", ["99.1万亿元", "6.1%"]),
    ("今年粮食产量超过6500亿斤，新增就业900万人以上。", "2020", "中国", ["6500亿斤", "900万人"]),
]


@pytest.fixture(scope="module")
def nlp():
    return load()


def _same(a, b) -> bool:
    missing = lambda x: x is None or (isinstance(x, float) and math.isnan(x))  # noqa: E731
    return (missing(a) and missing(b)) or a == b


def _doc(nlp, text, year, place):
    doc = nlp.make_doc(text)
    doc.user_data.update(doc_id="doc", year=year, place=place)
    return nlp(doc)


OFFLINE = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network access attempted")
socket.socket.connect = socket.create_connection = refuse
import zhfacts
nlp = zhfacts.load()
print(len(nlp("人均养牛2.4头。").spans["claims"]))
"""


def test_loads_with_the_network_refused():
    out = subprocess.run([sys.executable, "-c", OFFLINE], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "1"


def test_component_is_in_the_pipeline(nlp):
    assert nlp.pipe_names == ["zhfacts_claims"]
    assert nlp.lang == "zh"


@pytest.mark.parametrize("text", ["", " ", "\n\n", "没有数字的句子。"])
def test_text_without_claims_gives_no_spans(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    assert list(doc.spans["claims"]) == []
    assert doc._.zhfacts_excluded == []


@pytest.mark.parametrize("text, year, place, claims", TEXTS)
def test_spans_equal_the_table_rows(nlp, text, year, place, claims):
    doc = _doc(nlp, text, year, place)
    table = extract_text_table(text, "doc", year, place)
    spans = list(doc.spans["claims"])
    assert set(claims) <= set(table["text"])  # the cases these texts are here for
    assert [(s.start_char, s.end_char, s.text) for s in spans] == list(zip(table["start"], table["end"], table["text"]))
    assert doc.text == text
    for span, row in zip(spans, table.to_dict("records")):
        assert span.label_ == "CLAIM"
        for field in FIELDS:
            assert _same(span._.claim[field], row[field]), field


def test_excluded_mentions_carry_their_rule(nlp):
    doc = _doc(nlp, "2019年是第十三个五年规划的第四年，全旗有2.4万户。", "2020", "科左后旗")
    excluded = doc._.zhfacts_excluded
    assert excluded and all(row["rule"] and row["status"] == "excluded" for row in excluded)
    assert not {(r["start"], r["end"]) for r in excluded} & {(s.start_char, s.end_char) for s in doc.spans["claims"]}


def test_user_data_overrides_the_config():
    text = "全年发电量7.5万千瓦时。"
    nlp = load(year="2018", place="中国")
    doc = nlp(text)
    assert doc.spans["claims"][0]._.claim["year"] == "2018"
    doc = nlp.make_doc(text)
    doc.user_data.update(year="2021", place="科左后旗", doc_id="kzhq")
    claim = nlp(doc).spans["claims"][0]._.claim
    assert (claim["year"], claim["place"], claim["doc_id"]) == ("2021", "科左后旗", "kzhq")


def test_pipe_over_several_texts(nlp):
    texts = [text for text, *_ in TEXTS]
    docs = list(nlp.pipe(texts, batch_size=2))
    assert [d.text for d in docs] == texts
    assert [[s.text for s in d.spans["claims"]] for d in docs] == [
        list(extract_text_table(text, "doc")["text"]) for text in texts
    ]


@pytest.mark.parametrize("model", [True, False])
def test_claims_carry_every_slots_candidates(model):
    doc = _doc(load(model=model), "努古斯台嘎查养牛1200头。", "2020", "科左后旗")
    [span] = doc.spans["claims"]
    candidates = span._.claim["candidates"]
    place = candidates["place"]
    assert [c["value"] for c in place if c["chosen"]] == [span._.claim["place"]]
    assert {c["value"] for c in place} == {"努古斯台嘎查", "科左后旗"}
    if model:
        scores = [c["score"] for c in place]
        assert scores == sorted(scores, reverse=True) and span._.claim["confidence"] > 0
    else:
        assert all(c["score"] is None for c in place) and span._.claim["confidence"] is None
