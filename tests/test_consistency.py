"""zhfacts check: repeated facts, breakdowns and 分别 lists against totals, shares against counts."""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.cli import main
from zhfacts.factcheck.consistency import check
from zhfacts.factcheck.load import load_claims, normalize_claims
from zhfacts.io.tables import write_table

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def claims_from(text: str, items: list[tuple]) -> pd.DataFrame:
    """A fact table for ``text``: each item (surface, value, unit, metric[, qualifier[, extra]]) is
    found left to right; sentences end at 。 as in the extractor's sentence column."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。]+。?", text)]
    rows, pos = [], 0
    for surface, value, unit, metric, *rest in items:
        qualifier = rest[0] if rest else "="
        extra = rest[1] if len(rest) > 1 else {}
        start = text.index(surface, pos)
        pos = start + len(surface)
        sentence = next(text[a:b] for a, b in sentences if a <= start < b)
        rows.append({"doc_id": "t", "start": start, "end": pos, "text": surface, "value": value, "unit": unit,
                     "metric": metric, "qualifier": qualifier, "sentence": sentence, "year": "2020",
                     "place": "科左后旗", "per": ""} | extra)
    return normalize_claims(pd.DataFrame(rows), "test")


def summary(findings: list[dict]) -> list[tuple[str, str]]:
    return [(f["check"], f["status"]) for f in findings]


# --- repeats --------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, items, expected", [
    ("equal repeats", "脱贫人口40万。全旗脱贫人口40万。",
     [("40万", 4e5, "person", "脱贫人口"), ("40万", 4e5, "person", "脱贫人口")], []),
    ("compatible qualifiers", "合作农户2000多户。合作农户2100户。",
     [("2000多户", 2000, "household", "合作农户", ">"), ("2100户", 2100, "household", "合作农户")], []),
    ("about and exact", "收益约5万元。收益5.1万元。",
     [("5万元", 5e4, "CNY", "村集体收益", "~"), ("5.1万元", 5.1e4, "CNY", "村集体收益")], []),
    ("contradiction", "脱贫人口40万。全旗脱贫人口42万。",
     [("40万", 4e5, "person", "脱贫人口"), ("42万", 4.2e5, "person", "脱贫人口")], [("repeat", "mismatch")]),
    ("more-than out of range", "合作农户2000多户。合作农户3100户。",
     [("2000多户", 2000, "household", "合作农户", ">"), ("3100户", 3100, "household", "合作农户")],
     [("repeat", "mismatch")]),
    ("list members in one sentence", "每年分别补助1800元、2000元。",
     [("1800元", 1800, "CNY", "学生补助"), ("2000元", 2000, "CNY", "学生补助")], []),
    ("different years", "发生率从2014年的11%降至2019年的0.04%。发生率为0.04%。",
     [("11%", 11, "%", "贫困发生率", "=", {"year": "2014"}), ("0.04%", 0.04, "%", "贫困发生率", "=", {"year": "2019"}),
      ("0.04%", 0.04, "%", "贫困发生率", "=", {"year": "2019"})], []),
    ("different places", "北京超市61家。本地超市290家。",
     [("61家", 61, "item", "连锁超市", "=", {"place": "北京"}), ("290家", 290, "item", "连锁超市")], []),
    ("similar but different metrics", "共投入资金3.27亿元。投入资金2.89亿元。",
     [("3.27亿元", 3.27e8, "CNY", "共投入资金"), ("2.89亿元", 2.89e8, "CNY", "投入资金")], []),
    ("equal metric, other words around the number", "科左后旗114个嘎查村“摘帽”出列。蹲点帮扶262个嘎查村,保持工作连续性。",
     [("114个", 114, "item", "嘎查村"), ("262个", 262, "item", "嘎查村")], []),
    ("equal metric, other facts", "强化住房保障,2014年以来,共投入资金3.27亿元,改造危房16517户。"
     "彻底解决了群众出行难的问题;投入资金2.89亿元,通过集中供水。",
     [("3.27亿元", 3.27e8, "CNY", "投入资金"), ("2.89亿元", 2.89e8, "CNY", "投入资金")], []),
    ("restated with the words after the number", "2019年4月,40万内蒙古科左后旗人民告别贫困历史。出列,42万科左后旗人民告别贫困历史。",
     [("40万", 4e5, "person", "脱贫人口"), ("42万", 4.2e5, "person", "脱贫人口")], [("repeat", "mismatch")]),
    ("a table without sentences compares by metric", "脱贫人口40万。另有42万。",
     [("40万", 4e5, "person", "脱贫人口", "=", {"sentence": ""}), ("42万", 4.2e5, "person", "脱贫人口", "=", {"sentence": ""})],
     [("repeat", "mismatch")]),
    ("too short a metric", "比去年增加1万亿元。比去年增加1.6万亿元。",
     [("1万亿元", 1e12, "CNY", "增加"), ("1.6万亿元", 1.6e12, "CNY", "增加")], []),
    ("place alias is the same place", "脱贫人口40万。脱贫人口42万。",
     [("40万", 4e5, "person", "脱贫人口"), ("42万", 4.2e5, "person", "脱贫人口", "=", {"place": "科尔沁左翼后旗"})],
     [("repeat", "mismatch")]),
])
def test_repeats(name, text, items, expected):
    assert summary(check(claims_from(text, items))) == expected


def test_repeat_names_both_sentences():
    text = "脱贫人口40万。全旗脱贫人口42万。"
    [finding] = check(claims_from(text, [("40万", 4e5, "person", "脱贫人口"), ("42万", 4.2e5, "person", "脱贫人口")]))
    first, second = finding["claims"]
    assert (first["sentence"], first["start"], first["end"]) == ("脱贫人口40万。", 4, 7)
    assert (second["sentence"], second["start"], second["end"]) == ("全旗脱贫人口42万。", 14, 17)
    assert text[second["start"]:second["end"]] == "42万"


ARTICLE_REPEATS = [
    "2019年4月,40万内蒙古科左后旗人民告别贫困历史,贫困人口发生率从2014年的11%降至2019年的0.04%",
    "扶贫车间负责人张春生说:“我们和2000多户贫困户合作签订单种小麦,和北京61家连锁超市签订了采购订单。”",
    "科左后旗114个嘎查村“摘帽”出列,40万科左后旗人民告别贫困历史,贫困人口发生率从2014年的11%降至2019年的0.04%。",
    "扶贫车间负责人张春生说:“我们和2000多户贫困户合作签订单种小麦,公司提供种肥。我们和北京61家连锁超市签订了采购订单。”",
]


def test_article_repeats_by_hand_give_no_contradiction():
    """Subtitle and body repeat 40万, 11%, 0.04%; 2000多户 and 61家 are stated twice."""
    text = "\n".join(ARTICLE_REPEATS)
    items = []
    for _ in range(2):
        items += [("40万", 4e5, "person", "脱贫人口"), ("11%", 11, "%", "贫困人口发生率", "=", {"year": "2014"}),
                  ("0.04%", 0.04, "%", "贫困人口发生率", "=", {"year": "2019"}),
                  ("2000多户", 2000, "household", "合作签订单贫困户", ">"),
                  ("61家", 61, "item", "连锁超市", "=", {"place": "北京"})]
    items.insert(5, ("114个", 114, "item", "摘帽嘎查村"))
    claims = claims_from(text.replace("\n", "。"), items)
    assert check(claims) == []


def test_article_gives_no_false_contradictions():
    claims, _ = load_claims(CORPUS / "kzhq-2020.txt")
    findings = check(claims)
    assert [f for f in findings if f["check"] == "repeat"] == []
    repeated = claims[claims["text"].isin(["40万", "11%", "0.04%", "2000多户", "61家"])]
    assert repeated["text"].value_counts().min() >= 2


# --- sums ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, items, expected, computed", [
    ("breakdown adds up", "全村贫困户500户，其中因病致贫300户、因学致贫200户。",
     [("500户", 500, "household", "贫困户"), ("300户", 300, "household", "因病致贫"), ("200户", 200, "household", "因学致贫")],
     [("sum", "verified")], 500),
    ("breakdown is a subset", "建设公路5493.53公里,其中通村水泥路1965.7公里,畅通率达100%。",
     [("5493.53公里", 5493.53, "km", "公路"), ("1965.7公里", 1965.7, "km", "通村水泥路"), ("100%", 100, "%", "畅通率")],
     [("sum", "verified")], 1965.7),
    ("breakdown exceeds the total", "全村贫困户500户，其中因病致贫300户、因学致贫250户。",
     [("500户", 500, "household", "贫困户"), ("300户", 300, "household", "因病致贫"), ("250户", 250, "household", "因学致贫")],
     [("sum", "mismatch")], 550),
    ("rounded total allows the parts", "资金1.2亿元，其中中央资金8000万元、地方资金4400万元。",
     [("1.2亿元", 1.2e8, "CNY", "资金"), ("8000万元", 8e7, "CNY", "中央资金"), ("4400万元", 4.4e7, "CNY", "地方资金")],
     [("sum", "verified")], 1.24e8),
    ("parts over a total in 亿 exceed it however rounded", "2020年全县财政投入5亿元，其中中央3亿元、地方2.6亿元。",
     [("5亿元", 5e8, "CNY", "财政投入"), ("3亿元", 3e8, "CNY", "中央"), ("2.6亿元", 2.6e8, "CNY", "地方")],
     [("sum", "mismatch")], 5.6e8),
    ("a total rounds at its last stated digit", "资金5.0亿元，其中中央资金3亿元、地方资金2.06亿元。",
     [("5.0亿元", 5e8, "CNY", "资金"), ("3亿元", 3e8, "CNY", "中央资金"), ("2.06亿元", 2.06e8, "CNY", "地方资金")],
     [("sum", "mismatch")], 5.06e8),
    ("parts within the total's last stated digit", "资金5.0亿元，其中中央资金3亿元、地方资金2.04亿元。",
     [("5.0亿元", 5e8, "CNY", "资金"), ("3亿元", 3e8, "CNY", "中央资金"), ("2.04亿元", 2.04e8, "CNY", "地方资金")],
     [("sum", "verified")], 5.04e8),
    ("more-than part may exceed", "全村贫困户500户，其中因病致贫300多户、因学致贫150户。",
     [("500户", 500, "household", "贫困户"), ("300多户", 300, "household", "因病致贫", ">"),
      ("150户", 150, "household", "因学致贫")], [("sum", "verified")], 450),
    ("total in the previous sentence", "全村贫困户500户。其中因病致贫600户。",
     [("500户", 500, "household", "贫困户"), ("600户", 600, "household", "因病致贫")], [("sum", "mismatch")], 600),
    ("parts stop at a semicolon", "全村贫困户500户，其中因病致贫300户；另有边缘户400户。",
     [("500户", 500, "household", "贫困户"), ("300户", 300, "household", "因病致贫"), ("400户", 400, "household", "边缘户")],
     [("sum", "verified")], 300),
    ("shares are not summed", "增长6%，其中农村增长8%。",
     [("6%", 6, "%", "增长"), ("8%", 8, "%", "农村增长")], [], None),
    ("per-unit amounts are not summed", "人均收入1万元，其中务工收入1.2万元。",
     [("1万元", 1e4, "CNY", "收入", "=", {"per": "person"}), ("1.2万元", 1.2e4, "CNY", "务工收入", "=", {"per": "person"})],
     [], None),
    ("no total of the unit", "其中以零利率协调化解的占化解总金额的50%。",
     [("50%", 50, "%", "零利率化解占比")], [], None),
    ("respectively with a matching total", "共投入资金100万元，分别用于道路60万元、供水40万元。",
     [("100万元", 1e6, "CNY", "投入资金"), ("60万元", 6e5, "CNY", "道路"), ("40万元", 4e5, "CNY", "供水")],
     [("sum", "verified")], 1e6),
    ("respectively missing a part", "共投入资金100万元，分别用于道路60万元、供水30万元。",
     [("100万元", 1e6, "CNY", "投入资金"), ("60万元", 6e5, "CNY", "道路"), ("30万元", 3e5, "CNY", "供水")],
     [("sum", "mismatch")], 9e5),
    ("respectively without a total", "每年分别补助1800元、2000元、2400元、10,000元。",
     [("1800元", 1800, "CNY", "补助"), ("2000元", 2000, "CNY", "补助"), ("2400元", 2400, "CNY", "补助"),
      ("10,000元", 1e4, "CNY", "补助")], [], None),
    ("公共 is no total", "公共服务投入100万元，分别用于道路60万元、供水30万元。",
     [("100万元", 1e6, "CNY", "公共服务投入"), ("60万元", 6e5, "CNY", "道路"), ("30万元", 3e5, "CNY", "供水")], [], None),
])
def test_sums(name, text, items, expected, computed):
    findings = check(claims_from(text, items))
    assert summary(findings) == expected
    if computed is not None:
        assert findings[0]["computed"] == pytest.approx(computed)
        roles = [c["role"] for c in findings[0]["claims"]]
        assert roles[0] == "total" and set(roles[1:]) == {"part"}


# --- shares ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, text, items, expected", [
    ("stated whole, verified", "贫困户4300户，占全旗5200户的82.69%。",
     [("4300户", 4300, "household", "贫困户"), ("5200户", 5200, "household", "全旗户数"), ("82.69%", 82.69, "%", "占比")],
     [("share", "verified")]),
    ("coarser share, verified", "贫困户4300户，占全旗5200户的82.7%。",
     [("4300户", 4300, "household", "贫困户"), ("5200户", 5200, "household", "全旗户数"), ("82.7%", 82.7, "%", "占比")],
     [("share", "verified")]),
    ("half a unit of the last digit is the tolerance", "贫困户4300户，占全旗5200户的82.6%。",
     [("4300户", 4300, "household", "贫困户"), ("5200户", 5200, "household", "全旗户数"), ("82.6%", 82.6, "%", "占比")],
     [("share", "mismatch")]),
    ("qualifier widens", "贫困户4300户，占全旗5200户的80%以上。",
     [("4300户", 4300, "household", "贫困户"), ("5200户", 5200, "household", "全旗户数"), ("80%", 80, "%", "占比", ">=")],
     [("share", "verified")]),
    ("whole found by its metric", "全旗低保总人数13000人。贫困户中享受低保人员3343户7805人,占低保总人数的60.1%。",
     [("13000人", 13000, "person", "低保总人数"), ("3343户", 3343, "household", "享受低保户"),
      ("7805人", 7805, "person", "享受低保人员"), ("60.1%", 60.1, "%", "占比")],
     [("share", "mismatch")]),
    ("whole found by metric after another share clause", "全旗低保总人数13000人。享受低保人员7805人,占贫困人口27.1%,占低保总人数的60.0%。",
     [("13000人", 13000, "person", "低保总人数"), ("7805人", 7805, "person", "享受低保人员"),
      ("27.1%", 27.1, "%", "占比"), ("60.0%", 60.0, "%", "占比")],
     [("share", "verified")]),
    ("whole not stated", "贫困户中享受低保人员3343户7805人,占建档立卡贫困人口27.1%。",
     [("3343户", 3343, "household", "享受低保户"), ("7805人", 7805, "person", "享受低保人员"), ("27.1%", 27.1, "%", "占比")],
     []),
    ("part named but not counted", "已化解13,062万元,其中以零利率协调化解的占化解总金额的50%。",
     [("13,062万元", 1.3062e8, "CNY", "化解总金额"), ("50%", 50, "%", "零利率化解占比")], []),
    ("listed parts of a breakdown share its total", "全村贫困户500户，其中因病致贫150户、因学致贫100户，占50%。",
     [("500户", 500, "household", "贫困户"), ("150户", 150, "household", "因病致贫"), ("100户", 100, "household", "因学致贫"),
      ("50%", 50, "%", "占比")],
     [("sum", "verified"), ("share", "verified")]),
])
def test_shares(name, text, items, expected):
    assert sorted(summary(check(claims_from(text, items)))) == sorted(expected)


def test_share_finding_fields():
    text = "贫困户4300户，占全旗5200户的82.6%。"
    [finding] = check(claims_from(text, [("4300户", 4300, "household", "贫困户"), ("5200户", 5200, "household", "全旗户数"),
                                         ("82.6%", 82.6, "%", "占比")]))
    assert finding["computed"] == pytest.approx(82.6923, abs=1e-4)
    assert finding["stated"] == 82.6
    assert [c["role"] for c in finding["claims"]] == ["share", "part", "whole"]
    assert all(c["sentence"] == text for c in finding["claims"])


def test_documents_in_one_table_are_checked_apart():
    a = claims_from("脱贫人口40万。", [("40万", 4e5, "person", "脱贫人口")])
    b = claims_from("脱贫人口42万。", [("42万", 4.2e5, "person", "脱贫人口")]).assign(doc_id="u")
    assert check(normalize_claims(pd.concat([a, b]), "t")) == []


# --- command line ------------------------------------------------------------------------------------

def test_cli_check_json_and_fail(tmp_path, capsys):
    path = tmp_path / "claims.csv"
    write_table(claims_from("全村贫困户500户，其中因病致贫300户、因学致贫250户。脱贫人口40万。脱贫人口42万。",
                            [("500户", 500, "household", "贫困户"), ("300户", 300, "household", "因病致贫"),
                             ("250户", 250, "household", "因学致贫"), ("40万", 4e5, "person", "脱贫人口"),
                             ("42万", 4.2e5, "person", "脱贫人口")]), path)
    assert main(["check", str(path), "--json"]) == 0
    findings = json.loads(capsys.readouterr().out)
    assert sorted(summary(findings)) == [("repeat", "mismatch"), ("sum", "mismatch")]
    assert main(["check", str(path), "--fail"]) == 1
    out = capsys.readouterr().out
    assert out.startswith("2 finding(s): 2 mismatch, 0 verified") and "【42万】" in out


def test_cli_check_verified_only_passes(tmp_path, capsys):
    path = tmp_path / "claims.jsonl"
    write_table(claims_from("全村贫困户500户，其中因病致贫300户。", [("500户", 500, "household", "贫困户"),
                                                              ("300户", 300, "household", "因病致贫")]), path)
    assert main(["check", str(path), "--fail"]) == 0
    assert "verified  sum" in capsys.readouterr().out


def test_cli_check_document(capsys):
    assert main(["check", str(CORPUS / "kzhq-2020.txt"), "--fail"]) == 0
    assert "0 mismatch" in capsys.readouterr().out


@pytest.mark.parametrize("name, content, problem", [
    ("missing.csv", None, "no such file"),
    ("missing.txt", None, "no such file"),
    ("bad.csv", "a,b\n1,2\n", "missing column(s) value, unit, metric"),
    ("bad.jsonl", "[1, 2]\n", "expected a JSON object"),
    ("bad.parquet", "not parquet", "not a readable Parquet file"),
    ("bad.txt", "\x00\x01binary", "binary file"),
])
def test_cli_check_bad_input(tmp_path, capsys, name, content, problem):
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(path) in err and problem in err


# --- claims placed by their offsets ---------------------------------------------------------------

def _with_offsets(text: str, claims: pd.DataFrame, sentence: str | None = None) -> pd.DataFrame:
    """The table with sentence offsets, as extract writes them (one sentence: the whole text)."""
    out = claims.assign(sentence_start="0", sentence_end=str(len(text)))
    return out.assign(sentence=sentence) if sentence is not None else out


def test_claims_are_placed_by_their_offsets_not_by_their_text():
    from zhfacts.factcheck.consistency import locate

    text = "共有贫困户100户，其中新识别100户。"
    claims = claims_from(text, [("100户", 100.0, "household", "贫困户"), ("100户", 100.0, "household", "新识别")])
    by_offsets = locate(_with_offsets(text, claims))
    assert [(r["rel"], r["sentence_no"]) for r in by_offsets] == [(5, 0), (15, 0)]
    assert [text[r["start"]:r["end"]] for r in by_offsets] == ["100户", "100户"]


def test_a_window_of_the_sentence_is_read_from_the_document_text():
    """A sentence column cut to a window around the claim still checks: the words between the
    claims are read from the document between the sentence offsets."""
    text = "全旗共有贫困户3000户，其中嘎查A有2000户、嘎查B有1500户。"
    items = [("3000户", 3000.0, "household", "贫困户"), ("2000户", 2000.0, "household", "嘎查A"),
             ("1500户", 1500.0, "household", "嘎查B")]
    windowed = _with_offsets(text, claims_from(text, items), sentence="…嘎查A有2000户…")
    assert summary(check(windowed, {"t": text})) == [("sum", "mismatch")]
    assert summary(check(windowed)) == []  # without the text, no claim can be placed in the window


# --- exact arithmetic at the rounding boundary -----------------------------------------------------

HA = "ha"


@pytest.mark.parametrize("name, text, items, expected", [
    ("parts add up exactly", "2020年全县耕地面积0.3公顷，其中水田0.01公顷、旱地0.29公顷。",
     [("0.3公顷", 0.3, HA, "耕地面积"), ("0.01公顷", 0.01, HA, "水田"), ("0.29公顷", 0.29, HA, "旱地")],
     [("sum", "verified", "add up to the total 0.3公顷")]),
    ("parts exceed by the half unit the total rounds away", "2020年全县耕地面积0.3公顷，其中水田0.01公顷、旱地0.34公顷。",
     [("0.3公顷", 0.3, HA, "耕地面积"), ("0.01公顷", 0.01, HA, "水田"), ("0.34公顷", 0.34, HA, "旱地")],
     [("sum", "mismatch", "exceed the total 0.3公顷 by 0.05")]),
    ("a sum whose float is above the total", "全乡林地0.6公顷，其中公益林0.15公顷、商品林0.45公顷。",
     [("0.6公顷", 0.6, HA, "林地"), ("0.15公顷", 0.15, HA, "公益林"), ("0.45公顷", 0.45, HA, "商品林")],
     [("sum", "verified", "add up to the total 0.6公顷")]),
    ("a total written to fewer decimals rounds half up", "全乡林地0.7公顷，其中公益林0.25公顷、商品林0.399公顷。",
     [("0.7公顷", 0.7, HA, "林地"), ("0.25公顷", 0.25, HA, "公益林"), ("0.399公顷", 0.399, HA, "商品林")],
     [("sum", "verified", "add up to the total 0.7公顷")]),
    ("the lower end of a rounded total is in it", "全乡林地0.7公顷，其中公益林0.3公顷、商品林0.35公顷。",
     [("0.7公顷", 0.7, HA, "林地"), ("0.3公顷", 0.3, HA, "公益林"), ("0.35公顷", 0.35, HA, "商品林")],
     [("sum", "verified", "add up to the total 0.7公顷")]),
    ("a list of three thirds of 100", "共有农户3户，分别为1户、1户、1户。",
     [("3户", 3, "household", "农户"), ("1户", 1, "household", "农户"), ("1户", 1, "household", "农户"),
      ("1户", 1, "household", "农户")], [("sum", "verified", "matches the total 3户")]),
    ("a share of a third rounded", "贫困户10000户，占全村30000户的33.3%。",
     [("10000户", 10000, "household", "贫困户"), ("30000户", 30000, "household", "全村户数"), ("33.3%", 33.3, "%", "占比")],
     [("share", "verified", "agrees with the stated 33.3%")]),
    ("two thirds are not 66.6%", "一般户20000户，占全村30000户的66.6%。",
     [("20000户", 20000, "household", "一般户"), ("30000户", 30000, "household", "全村户数"), ("66.6%", 66.6, "%", "占比")],
     [("share", "mismatch", "disagrees with the stated 66.6%")]),
    ("shares that sum to 100 with rounding", "贫困户10000户，占全村30000户的33.3%。一般户20000户，占全村30000户的66.7%。",
     [("10000户", 10000, "household", "贫困户"), ("30000户", 30000, "household", "全村户数"), ("33.3%", 33.3, "%", "占比"),
      ("20000户", 20000, "household", "一般户"), ("30000户", 30000, "household", "全村户数"), ("66.7%", 66.7, "%", "占比")],
     [("share", "verified", "agrees with the stated 33.3%"), ("share", "verified", "agrees with the stated 66.7%")]),
    ("a third is not 33.4% however rounded", "贫困户10000户，占全村30000户的33.4%。",
     [("10000户", 10000, "household", "贫困户"), ("30000户", 30000, "household", "全村户数"), ("33.4%", 33.4, "%", "占比")],
     [("share", "mismatch", "disagrees with the stated 33.4%")]),
])
def test_exact_verdicts(name, text, items, expected):
    got = [(f["check"], f["status"], f["message"]) for f in check(claims_from(text, items))]
    assert [(c, s) for c, s, _ in got] == [(c, s) for c, s, _ in expected]
    assert all(m.endswith(e) for (_, _, m), (_, _, e) in zip(got, expected)), got


def test_messages_quote_the_marker_word_by_its_offset():
    text = "2020年全县耕地面积0.3公顷，其中水田0.01公顷、旱地0.34公顷。"
    [finding] = check(claims_from(text, [("0.3公顷", 0.3, HA, "耕地面积"), ("0.01公顷", 0.01, HA, "水田"),
                                         ("0.34公顷", 0.34, HA, "旱地")]))
    at = int(re.match(r'"(\w+)" at (\d+): ', finding["message"]).group(2))
    assert finding["message"].startswith('"其中" at ') and text[at:at + 2] == "其中"
    assert finding["stated"] == 0.3 and finding["computed"] == 0.35


@pytest.mark.parametrize("text, items, expected", [
    ("The county had 0.3 hectares of farmland, of which 0.01 hectares were paddy and 0.34 hectares dry land.",
     [("0.3 hectares", 0.3, HA, "farmland"), ("0.01 hectares", 0.01, HA, "paddy"), ("0.34 hectares", 0.34, HA, "dry land")],
     [("sum", "mismatch", '"of which"')]),
    ("The county helped a total of 100 households, respectively 60 households and 40 households.",
     [("100 households", 100, "household", "households"), ("60 households", 60, "household", "households"),
      ("40 households", 40, "household", "households")], [("sum", "verified", '"respectively"')]),
    # 其中 in an English document is no marker of English
    ("The county had 0.3 hectares 其中 0.01 hectares and 0.34 hectares.",
     [("0.3 hectares", 0.3, HA, "farmland"), ("0.01 hectares", 0.01, HA, "paddy"), ("0.34 hectares", 0.34, HA, "dry land")],
     []),
])
def test_english_documents_are_read_with_the_english_words(text, items, expected):
    findings = check(claims_from(text, items).assign(place="Guizhou"))
    assert [(f["check"], f["status"]) for f in findings] == [(c, s) for c, s, _ in expected]
    assert all(f["message"].startswith(q) for f, (_, _, q) in zip(findings, expected))


@pytest.mark.parametrize("lang, a, b, one", [
    ("en", "Guizhou Province", "guizhou", True),
    ("en", "Guizhou", "Guangxi", False),
    ("zh", "内蒙古科左后旗", "科左后旗", True),
    ("zh", "北京", "科左后旗", False),
])
def test_places_are_compared_by_the_documents_language(lang, a, b, one):
    from zhfacts.factcheck.consistency import reading

    assert reading(lang).same_place(a, b) is one


@settings(max_examples=60, deadline=None)
@given(st.lists(st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=3), min_size=2, max_size=5))
def test_parts_that_sum_exactly_to_the_total_are_verified(parts):
    """Parts drawn as decimals and a total written as their exact sum: always verified."""
    parts = [p.normalize() if p == p.to_integral() else p for p in parts]
    total = sum(parts)
    written = [f"{p:f}吨" for p in [total] + parts]
    text = f"全县产量{written[0]}，其中" + "、".join(f"品种{i}{w}" for i, w in enumerate(written[1:])) + "。"
    items = [(w, float(v), "t", "产量", "=", {"value_exact": f"{v:f}"}) for w, v in zip(written, [total] + parts)]
    [finding] = check(claims_from(text, items))
    assert (finding["check"], finding["status"]) == ("sum", "verified"), finding["message"]
