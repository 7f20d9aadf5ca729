"""Traditional characters (claims-spec 2.5): folded to simplified in the same-length copy, so every
numeral, unit and qualifier works, while text is written as the document writes it."""
from __future__ import annotations

import math

import pytest

from zhfacts.lang.zh.folding import fold
from zhfacts.pipeline import extract_text_table

# sentence, text, value, unit, qualifier[, metric, place]: text, metric and place as the document
# writes them (claims-spec 2.5), the rest as for simplified text.
CASES = [
    ("全縣有貧困人口3萬人。", "3萬人", 30000, "person", "="),
    ("財政收入2億元。", "2億元", 200000000, "CNY", "="),
    ("比重提高1.5個百分點。", "1.5個百分點", 1.5, "pp", "="),
    ("共有農戶1200戶。", "1200戶", 1200, "household", "="),
    ("種植果樹3000畝。", "3000畝", 3000, "mu", "="),
    ("產量約5萬噸。", "5萬噸", 50000, "t", "~"),
    ("收入減逾五成。", "五成", 50, "%", ">"),
    ("每月收入兩千元。", "兩千元", 2000, "CNY", "="),
    ("近兩萬人參與。", "兩萬人", 20000, "person", "<"),
    ("月入1090元以下。", "1090元", 1090, "CNY", "<="),
    ("國庫結餘不夠發1個月薪。", "1個月", 1, "month", "<"),
    ("寧強縣有貧困人口3萬人。", "3萬人", 30000, "person", "=", "有貧困人口", "寧強縣"),
    ("廣東省財政收入2億元。", "2億元", 200000000, "CNY", "=", "財政收入", "廣東省"),
    ("寧強縣共有農戶1200戶。", "1200戶", 1200, "household", "=", "共有農戶", "寧強縣"),
    ("雲南省種植果樹3000畝。", "3000畝", 3000, "mu", "=", "種植果樹", "雲南省"),
    ("河北省糧食產量約5萬噸。", "5萬噸", 50000, "t", "~", "糧食產量", "河北省"),
    ("陝西省貧困發生率下降1.5個百分點。", "1.5個百分點", 1.5, "pp", "=", "貧困發生率下降", "陝西省"),
    ("縣級政府首季收入減逾五成。", "五成", 50, "%", ">", "收入減", "某縣"),
    ("陝西省新增就業崗位逾12萬個。", "12萬個", 120000, "item", ">", "新增就業崗位", "陝西省"),
    ("近兩萬人參與培訓。", "兩萬人", 20000, "person", "<", "參與培訓", "某縣"),
    ("香港特區政府撥款50億港元。", "50億港元", 5000000000, "HKD", "=", "特區政府撥款", "香港"),
    ("居民存款達300億港幣。", "300億港幣", 30000000000, "HKD", "=", "居民存款", "某縣"),
    ("臺灣出口額120億新台幣。", "120億新台幣", 12000000000, "TWD", "=", "出口額", "臺灣"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_traditional_claim(case):
    sentence, text, value, unit, qualifier, *metric_place = case
    table = extract_text_table(sentence, "hant", year="2020", place="某縣")
    assert len(table) == 1, list(table.text)
    row = table.iloc[0]
    assert (row.text, row.unit, row.qualifier) == (text, unit, qualifier)
    assert math.isclose(row.value, value, rel_tol=1e-9)
    assert sentence[row.start:row.end] == text
    if metric_place:
        assert [row.metric, row.place] == metric_place


def test_traditional_metric_is_glossed_and_place_located():
    """The glossary and the gazetteer are simplified: a traditional metric and place reach them folded."""
    hant = extract_text_table("寧強縣財政收入2億元。", "hant", year="2020").iloc[0]
    hans = extract_text_table("宁强县财政收入2亿元。", "hans", year="2020").iloc[0]
    assert (hant.metric, hant.place) == ("財政收入", "寧強縣")
    assert (hant.metric_en, hant.place_en, hant.province, hant.county) == (hans.metric_en, hans.place_en, hans.province, hans.county)


def test_traditional_table():
    text = "表1  2020年主要指標\n單位：萬元\n指標\t絕對數\t比上年增長（%）\n財政收入\t1,200\t-3.5\n"
    table = extract_text_table(text, "hant", year="2020", place="某縣")
    got = [(r.text, r.value, r.unit, r.metric, r.year) for r in table.itertuples()]
    assert got == [("1,200", 12000000.0, "CNY", "財政收入", "2020"), ("-3.5", -3.5, "%", "財政收入比上年增長", "2020")]


@pytest.mark.parametrize("traditional, simplified", [
    ("萬億兩個百分點", "万亿两个百分点"),
    ("戶畝噸圓", "户亩吨圆"),
    ("寧強縣", "宁强县"),
    ("港幣", "港币"),
])
def test_fold_is_same_length_and_simplified(traditional, simplified):
    assert fold(traditional) == simplified
    assert len(fold(traditional)) == len(traditional)


def test_simplified_text_is_left_as_it_is():
    text = "全县有贫困人口3万人，比重提高1.5个百分点。"
    assert fold(text) == text


@pytest.mark.parametrize("written, simplified", [("寧強縣", "宁强县"), ("中國", "中国"), ("寧強", "宁强县")])
def test_a_place_equals_its_simplified_form(written, simplified):
    from zhfacts.lang.zh.placenames import same_place

    assert same_place(written, simplified) and same_place(simplified, written)
