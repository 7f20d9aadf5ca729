"""Traditional characters (claims-spec 2.5): folded to simplified in the same-length copy, so every
numeral, unit and qualifier works, while text is written as the document writes it."""
from __future__ import annotations

import math

import pytest

from zhfacts.lang.zh.folding import fold
from zhfacts.pipeline import extract_text_table

# sentence, text, value, unit, qualifier
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
]


@pytest.mark.parametrize("sentence, text, value, unit, qualifier", CASES, ids=[c[0] for c in CASES])
def test_traditional_claim(sentence, text, value, unit, qualifier):
    table = extract_text_table(sentence, "hant", year="2020", place="某縣")
    got = [(r.text, r.value, r.unit, r.qualifier) for r in table.itertuples()]
    assert len(got) == 1, got
    assert got[0][0] == text and got[0][2:] == (unit, qualifier), got
    assert math.isclose(got[0][1], value, rel_tol=1e-9)


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
