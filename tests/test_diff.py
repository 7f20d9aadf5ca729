"""zhfacts diff: value intervals, qualifier compatibility, alignment, and the command line."""
from __future__ import annotations

import json
import math
from fractions import Fraction
import shutil
from pathlib import Path

import pandas as pd
import pytest

from zhfacts.cli import main
from zhfacts.factcheck.align import align
from zhfacts.factcheck.intervals import compatible, digit_places, interval
from zhfacts.factcheck.consistency import reading
from zhfacts.factcheck.load import normalize_claims
from zhfacts.io.tables import read_table, write_table

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def claim(text: str, value: float, qualifier: str = "=", value_max: float = math.nan) -> dict:
    return {"text": text, "value": value, "qualifier": qualifier, "value_max": value_max}


def table(*rows: dict) -> pd.DataFrame:
    """A fact table from partial rows; defaults make each row a distinct claim of 科左后旗 2020."""
    full = []
    for number, row in enumerate(rows):
        base = {"doc_id": "t", "start": 10 * number, "end": 10 * number + 3, "text": "", "value_max": math.nan,
                "qualifier": "=", "metric": "指标", "year": "2020", "place": "科左后旗", "per": "",
                "sentence": f"第{number}句。"}
        full.append(base | row)
    return normalize_claims(pd.DataFrame(full), "test")


@pytest.mark.parametrize("text, value, expected", [
    ("82.69%", 82.69, (0.01, 0.01)),
    ("40万", 4e5, (1e4, 1e5)),
    ("2000多户", 2000, (1, 1000)),
    ("20多万元", 2e5, (1e4, 1e5)),
    ("1.2万余件", 1.2e4, (1e3, 1e3)),
    ("12,856头", 12856, (1, 1)),
    ("13,062万元", 1.3062e8, (1e4, 1e4)),
    ("３０％", 30, (1, 10)),
    ("三成", 30, (10, 10)),
    ("", 2450, (10, 10)),
])
def test_digit_places(text, value, expected):
    assert digit_places(text, value) == pytest.approx(expected)


@pytest.mark.parametrize("a, b, expected", [
    (claim("2000多户", 2000, ">"), claim("2100户", 2100), True),
    (claim("2000多户", 2000, ">"), claim("2999户", 2999), True),
    (claim("2000多户", 2000, ">"), claim("3000户", 3000), False),
    (claim("2000多户", 2000, ">"), claim("2000户", 2000), False),
    (claim("20多万元", 2e5, ">"), claim("25万元", 2.5e5), True),
    (claim("1500多元", 1500, ">"), claim("1650元", 1650), False),
    (claim("40万亿元", 4e13, ">"), claim("99万亿元", 9.9e13), True),  # 超过: no upper bound
    (claim("5万", 5e4, "~"), claim("5.1万", 5.1e4), True),
    (claim("5万", 5e4, "~"), claim("5.5万", 5.5e4), True),
    (claim("5万", 5e4, "~"), claim("5.6万", 5.6e4), False),
    (claim("2500万元", 2.5e7, "~"), claim("2600万元", 2.6e7), True),
    (claim("2500万元", 2.5e7, "~"), claim("2700万元", 2.7e7), False),
    (claim("100元", 100, "~"), claim("约110元", 110, "~"), True),
    (claim("2100户", 2100), claim("2101户", 2101), False),
    (claim("40万", 4e5), claim("40万", 4e5), True),
    (claim("40万", 4e5), claim("40.2万", 4.02e5), False),
    (claim("95%", 95, ">="), claim("97%", 97), True),
    (claim("95%", 95, ">="), claim("95%", 95), True),
    (claim("95%", 95, ">="), claim("90%", 90), False),
    (claim("40%", 40, "<"), claim("38%", 38), True),
    (claim("40%", 40, "<"), claim("40%", 40), False),
    (claim("2万亿元", 2e12, "<="), claim("2万亿元", 2e12), True),
    (claim("3-5万元", 3e4, "=", 5e4), claim("4万元", 4e4), True),
    (claim("3-5万元", 3e4, "=", 5e4), claim("6万元", 6e4), False),
    (claim("2000多户", 2000, ">"), claim("2500多户", 2500, ">"), True),
])
def test_compatible(a, b, expected):
    more = reading("zh")("bounded_more")
    assert compatible(a, b, more) is expected
    assert compatible(b, a, more) is expected


@pytest.mark.parametrize("c, rounding, expected", [
    # rounding is half up: the upper end rounds away from the value
    (claim("82.69%", 82.69), True, (Fraction("82.685"), Fraction("82.695"), False, True)),
    (claim("82.69%", 82.69), False, (Fraction("82.69"), Fraction("82.69"), False, False)),
    (claim("40万", 4e5), True, (395000, 405000, False, True)),
    (claim("-40万", -4e5), True, (-405000, -395000, True, False)),
    (claim("2000多户", 2000, ">"), True, (2000, 3000, True, True)),
    (claim("95%", 95, ">="), True, (Fraction("94.5"), None, False, True)),
    (claim("0.1", 0.1), False, (Fraction(1, 10), Fraction(1, 10), False, False)),
])
def test_interval(c, rounding, expected):
    assert interval(c, reading("zh")("bounded_more"), rounding=rounding) == expected


def statuses(result: pd.DataFrame) -> list[tuple]:
    """(a_index, b_index, status) per row, in index order, for readable expectations."""
    rows = [(None if pd.isna(r.a_index) else int(r.a_index), None if pd.isna(r.b_index) else int(r.b_index), r.status)
            for r in result.itertuples()]
    return sorted(rows, key=lambda r: (r[0] is None, r[0] or 0, r[1] or 0))


BODY = "2019年4月,40万科左后旗人民告别贫困历史。"
SUBTITLE = "2019年4月,40万内蒙古科左后旗人民告别贫困历史"


@pytest.mark.parametrize("name, a_rows, b_rows, expected", [
    ("identical", [dict(text="40万", value=4e5, unit="person")], [dict(text="40万", value=4e5, unit="person")],
     [(0, 0, "same")]),
    ("edited value", [dict(text="80万头", value=8e5, unit="head")], [dict(text="85万头", value=8.5e5, unit="head")],
     [(0, 0, "changed")]),
    ("qualifier edited", [dict(text="2000多户", value=2000, unit="household", qualifier=">")],
     [dict(text="2000户", value=2000, unit="household")], [(0, 0, "changed")]),
    ("repeat, second edited: i-th with i-th by sentence",
     [dict(text="40万", value=4e5, unit="person", sentence=SUBTITLE), dict(text="40万", value=4e5, unit="person", sentence=BODY)],
     [dict(text="40万", value=4e5, unit="person", sentence=SUBTITLE), dict(text="45万", value=4.5e5, unit="person", sentence=BODY.replace("40万", "45万"))],
     [(0, 0, "same"), (1, 1, "changed")]),
    ("repeat, first edited",
     [dict(text="40万", value=4e5, unit="person", sentence=SUBTITLE), dict(text="40万", value=4e5, unit="person", sentence=BODY)],
     [dict(text="45万", value=4.5e5, unit="person", sentence=SUBTITLE.replace("40万", "45万")), dict(text="40万", value=4e5, unit="person", sentence=BODY)],
     [(0, 0, "changed"), (1, 1, "same")]),
    ("verbatim repeats pair by position",
     [dict(text="61家", value=61, unit="item", sentence="和北京61家超市签订订单。")] * 3,
     [dict(text="61家", value=61, unit="item", sentence="和北京61家超市签订订单。")] * 3,
     [(0, 0, "same"), (1, 1, "same"), (2, 2, "same")]),
    ("one repeat dropped in B",
     [dict(text="61家", value=61, unit="item", sentence="和北京61家超市签订订单。"),
      dict(text="61家", value=61, unit="item", sentence="我们和北京61家超市签订了订单。")],
     [dict(text="61家", value=61, unit="item", sentence="我们和北京61家超市签订了订单。")],
     [(0, None, "only_in_a"), (1, 0, "same")]),
    ("over time across document years",
     [dict(text="80万头", value=8e5, unit="head", metric="黄牛存栏", year="2019")],
     [dict(text="85万头", value=8.5e5, unit="head", metric="黄牛存栏", year="2020")],
     [(0, 0, "over_time")]),
    ("same year preferred, the rest over time",
     [dict(text="11%", value=11, unit="%", metric="贫困发生率", year="2014"),
      dict(text="0.04%", value=0.04, unit="%", metric="贫困发生率", year="2019")],
     [dict(text="0%", value=0, unit="%", metric="贫困发生率", year="2020"),
      dict(text="11%", value=11, unit="%", metric="贫困发生率", year="2014")],
     [(0, 1, "same"), (1, 0, "over_time")]),
    ("unknown year on one side is no change over time",
     [dict(text="80万头", value=8e5, unit="head", year="")], [dict(text="85万头", value=8.5e5, unit="head", year="2020")],
     [(0, 0, "changed")]),
    ("different units never pair", [dict(text="40万", value=4e5, unit="person")],
     [dict(text="40万户", value=4e5, unit="household")], [(0, None, "only_in_a"), (None, 0, "only_in_b")]),
    ("different per never pair", [dict(text="2.4头", value=2.4, unit="head", per="person")],
     [dict(text="2.4头", value=2.4, unit="head")], [(0, None, "only_in_a"), (None, 0, "only_in_b")]),
    ("place alias pairs", [dict(text="40万", value=4e5, unit="person", place="科左后旗")],
     [dict(text="40万", value=4e5, unit="person", place="科尔沁左翼后旗")], [(0, 0, "same")]),
    ("different places never pair", [dict(text="61家", value=61, unit="item", place="北京")],
     [dict(text="61家", value=61, unit="item", place="科左后旗")], [(0, None, "only_in_a"), (None, 0, "only_in_b")]),
    ("dissimilar metrics never pair", [dict(text="4370座", value=4370, unit="item", metric="建设棚舍")],
     [dict(text="2092台", value=2092, unit="item", metric="购置饲草切割机")],
     [(0, None, "only_in_a"), (None, 0, "only_in_b")]),
    ("edited sentence beats a value match elsewhere",
     [dict(text="80万头", value=8e5, unit="head", metric="黄牛", sentence="全旗黄牛存栏达80万头。"),
      dict(text="85万头", value=8.5e5, unit="head", metric="黄牛", sentence="全盟黄牛出栏85万头,同比增长。")],
     [dict(text="85万头", value=8.5e5, unit="head", metric="黄牛", sentence="全旗黄牛存栏达85万头。"),
      dict(text="85万头", value=8.5e5, unit="head", metric="黄牛", sentence="全盟黄牛出栏85万头,同比增长。")],
     [(0, 0, "changed"), (1, 1, "same")]),
])
def test_align(name, a_rows, b_rows, expected):
    assert statuses(align(table(*a_rows), table(*b_rows))) == expected


def test_align_is_deterministic_and_grouped_by_status():
    a = table(dict(text="1户", value=1, unit="household"), dict(text="2户", value=2, unit="household"),
              dict(text="3人", value=3, unit="person"))
    b = table(dict(text="1户", value=1, unit="household"), dict(text="5户", value=5, unit="household"),
              dict(text="3元", value=3, unit="CNY"))
    first, second = align(a, b), align(a, b)
    pd.testing.assert_frame_equal(first, second)
    assert first["status"].tolist() == ["changed", "only_in_a", "only_in_b", "same"]


def test_changed_pair_fields():
    row = align(table(dict(text="80万头", value=8e5, unit="head")), table(dict(text="85万头", value=8.5e5, unit="head"))).iloc[0]
    assert row["abs_diff"] == 5e4
    assert row["rel_diff"] == pytest.approx(0.0625)
    assert not row["compatible"]
    over = align(table(dict(text="1头", value=1, unit="head", year="2019")), table(dict(text="2头", value=2, unit="head"))).iloc[0]
    assert over["status"] == "over_time" and over["abs_diff"] == 1 and pd.isna(over["compatible"])


def test_normalize_drops_excluded_mentions_and_fills_defaults():
    df = pd.DataFrame([{"value": 1.0, "unit": "item", "metric": "x", "status": "excluded"},
                       {"value": 2.0, "unit": "item", "metric": "y", "status": "claim"}])
    out = normalize_claims(df, "t")
    assert out["value"].tolist() == [2.0]
    assert out.loc[0, "qualifier"] == "="
    assert out.loc[0, "year"] == ""


# --- command line ----------------------------------------------------------------------------


def write(path: Path, df: pd.DataFrame) -> Path:
    write_table(df, path)
    return path


@pytest.fixture
def tables(tmp_path):
    a = table(dict(text="80万头", value=8e5, unit="head", metric="黄牛存栏"), dict(text="40万", value=4e5, unit="person"))
    b = table(dict(text="85万头", value=8.5e5, unit="head", metric="黄牛存栏"), dict(text="40万", value=4e5, unit="person"))
    return write(tmp_path / "a.csv", a), write(tmp_path / "b.jsonl", b), write(tmp_path / "c.parquet", a)


@pytest.mark.parametrize("extra, code", [([], 0), (["--fail-on", "changed"], 1)])
def test_cli_diff_tables(tables, tmp_path, capsys, extra, code):
    a, b, _ = tables
    out = tmp_path / "pairs.jsonl"
    assert main(["diff", str(a), str(b), "-o", str(out), *extra]) == code
    report = capsys.readouterr().out
    assert "1 changed" in report and "1 same" in report
    assert report.index("changed (1)") < report.index("same (1)")
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["status"] for r in rows) == ["changed", "same"]


def test_cli_diff_identical_does_not_fail(tables, capsys):
    a, _, c = tables
    assert main(["diff", str(a), str(c), "--fail-on", "changed"]) == 0
    assert "2 same" in capsys.readouterr().out


def test_cli_diff_format_option(tables, tmp_path):
    a, b, _ = tables
    out = tmp_path / "pairs.out"
    assert main(["diff", str(a), str(b), "-o", str(out), "--format", "parquet"]) == 0
    assert len(pd.read_parquet(out)) == 2


@pytest.mark.parametrize("content, suffix, problem", [
    (None, ".csv", "no such file"),
    ("a,b\n1,2\n", ".csv", "missing column(s) value, unit, metric"),
    ('{"value": 1, "unit": "item", "metric": "x"}\n{broken\n', ".jsonl", "not valid JSON"),
    ("value,unit,metric\nabc,item,x\n", ".csv", "not a number"),
    ("value,unit,metric,qualifier\n1,item,x,about\n", ".csv", "unknown code 'about'"),
    ("", ".csv", "empty file"),
    (None, ".txt", "no such file"),
])
def test_cli_diff_bad_input(tables, tmp_path, capsys, content, suffix, problem):
    a, _, _ = tables
    bad = tmp_path / f"bad{suffix}"
    if content is not None:
        bad.write_text(content, encoding="utf-8")
    out = tmp_path / "pairs.csv"
    assert main(["diff", str(a), str(bad), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("zhfacts: ") and str(bad) in err and problem in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_cli_diff_unwritable_output_is_refused_before_the_work(tables, tmp_path, capsys, monkeypatch):
    import zhfacts.cli.diff as diff

    def no_work(*args, **kwargs):
        raise AssertionError("the claims were loaded before the output was checked")

    monkeypatch.setattr(diff, "load_claims", no_work)
    a, b, _ = tables
    out = tmp_path / "missing-dir" / "pairs.csv"
    assert main(["diff", str(a), str(b), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing-dir" in err and "No such file or directory" in err
    assert not out.exists()


# --- documents through the extractor ---------------------------------------------------------------

EDITS = [("全旗黄牛存栏达80万头", "全旗黄牛存栏达85万头"),
         ("已募集社会各界捐款1309万元", "已募集社会各界捐款1390万元"),
         ("建设文化活动室292个", "建设文化活动室229个")]


def test_document_against_edited_copy(tmp_path, capsys):
    """Acceptance: a copy with three numbers edited shows exactly those three as changed."""
    original = tmp_path / "kzhq-2020.txt"
    shutil.copy(CORPUS / "kzhq-2020.txt", original)
    text = original.read_text(encoding="utf-8")
    for old, new in EDITS:
        assert text.count(old) == 1
        text = text.replace(old, new)
    edited = tmp_path / "kzhq-edited.txt"
    edited.write_text(text, encoding="utf-8")
    out = tmp_path / "pairs.csv"
    args = ["--year-a", "2020", "--year-b", "2020", "--place", "科左后旗", "-o", str(out)]
    assert main(["diff", str(original), str(edited), *args, "--fail-on", "changed"]) == 1
    pairs = read_table(out)
    changed = pairs[pairs["status"] == "changed"]
    assert sorted(zip(changed["a_text"], changed["b_text"])) == sorted(
        [("80万头", "85万头"), ("1309万元", "1390万元"), ("292个", "229个")])
    assert set(pairs["status"]) == {"same", "changed"}
    assert (pairs["a_start"] == pairs["b_start"]).all()
    assert "3 changed" in capsys.readouterr().out


def test_document_against_its_table(tmp_path):
    """A corpus document and its own extracted table are the same claims."""
    out = tmp_path / "kzhq.jsonl"
    assert main(["extract", str(CORPUS / "kzhq-2020.txt"), "-o", str(out)]) == 0
    pairs = tmp_path / "pairs.csv"
    assert main(["diff", str(CORPUS / "kzhq-2020.txt"), str(out), "-o", str(pairs), "--fail-on", "changed"]) == 0
    assert set(read_table(pairs)["status"]) == {"same"}


def test_documents_of_different_years_change_over_time(tmp_path, capsys):
    """A stock stated for 今年 in a 2019 and a 2020 document is a change over time."""
    a, b = tmp_path / "report-2019.txt", tmp_path / "report-2020.txt"
    a.write_text("科左后旗概况\n\n今年全旗黄牛存栏达到80万头。\n", encoding="utf-8")
    b.write_text("科左后旗概况\n\n今年全旗黄牛存栏达到85万头。\n", encoding="utf-8")
    args = ["diff", str(a), str(b), "--year-a", "2019", "--year-b", "2020", "--place", "科左后旗", "--fail-on", "changed"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "0 changed, 0 metric_differs, 1 over_time" in out and "+50,000 head, +6.25%, 2019 -> 2020" in out
