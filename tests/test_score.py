"""The scorer follows claims-spec section 4: pairing, field rules, tuple F1, averaging, gates."""
from __future__ import annotations

import json
import math
from decimal import Decimal
from fractions import Fraction

import pandas as pd
import pytest

from zhfacts import cli
from zhfacts.errors import ZhfactsError
from zhfacts.lang.zh.placenames import canonical_place, same_place
from zhfacts.compare import dice
from zhfacts.eval.score import field_matches, format_errors, format_report, pair_rows, score


def spans(*pairs):
    return [{"start": s, "end": e} for s, e in pairs]


@pytest.mark.parametrize("gold, pred, pairs", [
    (spans((0, 5)), spans((0, 5)), [(0, 0)]),
    (spans((0, 5)), spans((5, 8)), []),  # touching is not overlapping
    (spans((0, 10)), spans((0, 3), (2, 10)), [(0, 1)]),  # largest overlap wins
    (spans((0, 4), (3, 8)), spans((2, 8)), [(1, 0)]),
    (spans((0, 5), (5, 10)), spans((0, 10)), [(0, 0)]),  # one to one; tie -> smaller start distance
    (spans((2, 4)), spans((0, 3), (3, 6)), [(0, 1)]),  # tie on overlap -> smaller start distance
    (spans((0, 4)), spans((0, 4), (0, 4)), [(0, 0)]),  # full tie -> earlier row
    (spans((0, 6), (6, 12)), spans((3, 9), (9, 12)), [(0, 0), (1, 1)]),  # a taken pred is not reused
    ([], spans((0, 4)), []),
])
def test_pairing(gold, pred, pairs):
    assert pair_rows(gold, pred) == pairs


@pytest.mark.parametrize("field, gold, pred, same", [
    ("value", 100.0, 100.00001, True),
    ("value", 100.0, 100.001, False),
    ("value", 0.0, 0.0, True),
    ("value", 0.0, 1e-9, False),
    ("value", 30000.0, 3.0, False),
    ("value_max", math.nan, math.nan, True),
    ("value_max", math.nan, 50000.0, False),
    ("value_max", 50000.0, 50000.0000001, True),
    ("unit", "CNY", "CNY", True),
    ("unit", "CNY", "USD", False),
    ("qualifier", ">", ">=", False),
    ("year", "2019", "2019", True),
    ("year", "2019", "2014-2019", False),
    ("per", "person/year", "person", False),
    ("per", "", "", True),
    ("kind", "target", "actual", False),
    ("metric", "贫困人口", "贫困人口数", True),
    ("metric", "黄牛存栏", "存栏", True),
    ("metric", "资金", "资产", True),  # Dice exactly 0.5 is a match
    ("metric", "黄牛存栏", "牛羊", False),  # Dice 1/3
    ("metric", "驻村工作队", "", False),
    ("metric", "", "", True),
    ("place", "内蒙古", "内蒙古自治区", True),
    ("place", "广顺", "广顺镇", True),
    ("place", "科左后旗", "科尔沁左翼后旗", True),
    ("place", "通辽市科左后旗", "科左后旗", True),
    ("place", "全国", "中国", True),
    ("place", "吉林省", "吉林市", False),
    ("place", "北京", "内蒙古", False),
])
def test_field_comparison(field, gold, pred, same):
    assert field_matches(field, gold, pred) is same


@pytest.mark.parametrize("a, b, expected", [
    ("牛牛", "牛", 2 / 3),  # multisets, not sets
    ("黄牛存栏", "牛羊", 1 / 3),
    ("", "", 1.0),
    ("abc", "xyz", 0.0),
])
def test_dice(a, b, expected):
    assert dice(a, b) == pytest.approx(expected)


@pytest.mark.parametrize("a, b, same", [
    ("内蒙古自治区通辽市科左后旗", "科尔沁左翼后旗", True),  # leading places are dropped
    ("甲市城区", "城区", True),
    ("甲市城区", "乙市城区", False),  # but only from one side
    ("吉林", "吉林市", True),
    ("新村镇", "新村", True),  # short form that itself ends like a suffix
    ("广顺镇", "广顺村", False),  # different levels
    ("宁夏", "宁夏回族自治区", True),  # longest suffix first
    ("通辽市 科左后旗", "通辽市科左后旗", True),
    ("新村镇", "镇", False),
    ("", "", True),
    ("", "北京", False),
])
def test_same_place(a, b, same):
    assert same_place(a, b) is same and same_place(b, a) is same


def test_canonical_place_uses_the_alias_table():
    assert canonical_place(" 科左后旗 ") == "科尔沁左翼后旗"
    assert canonical_place("广顺镇") == "广顺镇"


def fact(doc="d1", start=0, end=4, **fields) -> dict:
    row = {"doc_id": doc, "start": start, "end": end, "text": "t", "value": 10.0, "value_max": math.nan,
           "unit": "CNY", "qualifier": "=", "metric": "资金", "metric_en": "", "year": "2019", "place": "广顺镇",
           "per": "", "sentence": f"sentence of {doc}:{start}"}
    return {**row, **fields}


def table(*rows) -> pd.DataFrame:
    return pd.DataFrame(list(rows), columns=list(fact()))


def test_perfect_prediction_scores_one_everywhere():
    rows = [fact(), fact(start=10, end=14, unit="mu", value_max=20.0, per="household")]
    result = score(table(*rows), table(*rows))
    assert set(result["all"]["figures"].values()) == {1.0}
    assert "kind" not in result["fields"]


@pytest.mark.parametrize("gold, pred, figures", [
    ([], [fact()], {"mention_p": 0.0, "mention_r": None, "mention_f1": 0.0, "value": None}),
    ([fact()], [], {"mention_p": None, "mention_r": 0.0, "mention_f1": 0.0, "strict_f1": 0.0}),
    ([], [], {"mention_p": None, "mention_r": None, "mention_f1": None, "full_f1": None}),
])
def test_empty_sides(gold, pred, figures):
    result = score(table(*gold), table(*pred))
    assert {k: result["all"]["figures"][k] for k in figures} == figures


@pytest.mark.parametrize("pred_fields, strict, full", [
    ({}, 1.0, 1.0),
    ({"metric": "资产投入总额"}, 1.0, 0.0),  # metric counts for full only
    ({"year": "2020"}, 0.0, 0.0),
    ({"place": "广顺"}, 1.0, 1.0),
    ({"qualifier": "~", "per": "person"}, 1.0, 1.0),  # not tuple fields
    ({"value": 10.5}, 0.0, 0.0),
])
def test_tuple_f1(pred_fields, strict, full):
    figures = score(table(fact()), table(fact(**pred_fields)))["all"]["figures"]
    assert (figures["strict_f1"], figures["full_f1"]) == (strict, full)


def test_micro_average_sums_counts_over_documents():
    gold = table(fact("a"), fact("b", 0, 4), fact("b", 10, 14), fact("b", 20, 24))
    pred = table(fact("a"), fact("b", 1, 3, year="2020"))
    result = score(gold, pred)
    docs = result["documents"]
    assert docs["a"]["figures"]["mention_f1"] == 1.0
    assert docs["b"]["figures"]["mention_f1"] == 0.5
    assert result["all"]["figures"]["mention_f1"] == pytest.approx(4 / 6)  # not the mean 0.75
    assert docs["b"]["figures"]["year"] == 0.0 and result["all"]["figures"]["year"] == 0.5
    counts = result["all"]["counts"]
    assert {k: counts[k] for k in ("gold", "pred", "pairs", "strict", "full")} == {
        "gold": 4, "pred": 2, "pairs": 2, "strict": 1, "full": 1}


def test_documents_on_one_side_only_are_all_misses_or_all_spurious():
    result = score(table(fact("only_gold")), table(fact("only_pred"), fact("only_pred", 5, 9)))
    assert result["documents"]["only_gold"]["figures"]["mention_r"] == 0.0
    assert len(result["errors"]["only_gold"]["misses"]) == 1
    assert len(result["errors"]["only_pred"]["spurious"]) == 2
    assert result["all"]["figures"]["mention_p"] == 0.0


@pytest.mark.parametrize("gold_kinds, pred_kinds, kind", [
    (["actual", "target"], ["actual", "actual"], 0.5),
    (["actual", ""], ["actual", "target"], 1.0),  # rows without gold kind are not counted
    (["", ""], ["actual", "target"], "absent"),
    (None, ["actual", "target"], "absent"),
])
def test_kind_accuracy_only_when_gold_has_kinds(gold_kinds, pred_kinds, kind):
    gold = table(fact(), fact(start=10, end=14))
    pred = table(fact(), fact(start=10, end=14)).assign(kind=pred_kinds)
    if gold_kinds is not None:
        gold = gold.assign(kind=gold_kinds)
    figures = score(gold, pred)["all"]["figures"]
    assert figures.get("kind", "absent") == kind


def test_result_is_json_and_errors_are_listed_by_offset():
    gold = table(fact(start=20, end=24, sentence="后一句"), fact(start=0, end=4, year="2018", sentence="前一句"))
    pred = table(fact(start=0, end=3), fact(start=40, end=44, sentence="多出的一句"))
    result = score(gold, pred)
    json.dumps(result, allow_nan=False)
    errors = result["errors"]["d1"]
    assert errors["wrong"] == [{"start": 0, "end": 4, "text": "t", "pred_start": 0, "pred_end": 3, "pred_text": "t",
                                "field": "year", "gold": "2018", "pred": "2019", "sentence": "前一句"}]
    assert [e["start"] for e in errors["misses"]] == [20]
    assert [e["start"] for e in errors["spurious"]] == [40]
    listing = format_errors(result)
    assert listing.index("year") < listing.index("miss") < listing.index("spurious")
    assert "gold 2018 | pred 2019" in listing and "前一句" in listing and "多出的一句" in listing
    report = format_report(result)
    assert report.splitlines()[0].split()[:7] == ["document", "gold", "pred", "pairs", "P", "R", "F1"]
    assert report.splitlines()[-1].startswith("ALL")


def test_missing_prediction_column_is_an_error():
    with pytest.raises(ZhfactsError, match="pred: missing columns: place"):
        score(table(fact()), table(fact()).drop(columns=["place"]))


# --- the score command -------------------------------------------------------------------------

DOC = "全旗贫困人口3000多名，投入资金2.3万元。"


@pytest.fixture
def files(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "d1.txt").write_text(DOC, encoding="utf-8")
    gold = table(fact(start=6, end=12, text="3000多名", value=3000.0, unit="person", sentence=DOC),
                 fact(start=17, end=22, text="2.3万元", value=23000.0, sentence=DOC))
    pred = table(fact(start=6, end=10, text="3000", value=3000.0, unit="person", year="2020"))
    gold.to_csv(tmp_path / "gold.csv", index=False)
    pred.to_csv(tmp_path / "pred.csv", index=False)
    return tmp_path


@pytest.fixture
def run_cli(monkeypatch):
    """The CLI with only the gold and scoring subcommands, so these tests depend on no others."""
    monkeypatch.setattr(cli, "COMMANDS", {"score": "score", "check-gold": "check_gold"})
    return cli.main


# With the files above: mention P 1.0, R 0.5, F1 0.667; year accuracy 0.0; value 1.0.
@pytest.mark.parametrize("minimums, code, message", [
    ([], 0, None),
    (["mention_f1=0.6", "value=1"], 0, None),
    (["mention_f1=0.7"], 1, "below minimum: mention_f1 = 0.667, minimum 0.7"),
    (["d1:mention_r=0.6"], 1, "below minimum: d1:mention_r = 0.500, minimum 0.6"),
    (["d1:mention_p=1.0", "year=0.5"], 1, "below minimum: year = 0.000, minimum 0.5"),
    (["kind=0.5"], 1, "below minimum: kind = undefined (nothing to count), minimum 0.5"),
    (["nodoc:mention_f1=0.5"], 2, "--min: no document 'nodoc'"),
])
def test_min_exit_codes(files, capsys, run_cli, minimums, code, message):
    args = ["score", str(files / "gold.csv"), str(files / "pred.csv"), "--corpus", str(files / "corpus")]
    args += [f"--min={m}" for m in minimums]
    assert run_cli(args) == code
    err = capsys.readouterr().err
    assert (message in err) if message else err == ""


@pytest.mark.parametrize("minimum", ["f1=0.5", "mention_f1", "mention_f1=high"])
def test_bad_min_is_a_usage_error(files, run_cli, minimum):
    with pytest.raises(SystemExit) as exit_:
        run_cli(["score", str(files / "gold.csv"), str(files / "pred.csv"), "--min", minimum])
    assert exit_.value.code == 2


def test_malformed_gold_exits_2_with_one_line(files, capsys, run_cli):
    broken = pd.read_csv(files / "gold.csv").assign(unit="yuan")
    broken.to_csv(files / "gold.csv", index=False)
    assert run_cli(["score", str(files / "gold.csv"), str(files / "pred.csv"), "--corpus", str(files / "corpus")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "invalid gold" in err and "unknown unit 'yuan'" in err


def test_json_output_with_errors(files, capsys, run_cli):
    args = ["score", str(files / "gold.csv"), str(files / "pred.csv"), "--corpus", str(files / "corpus")]
    assert run_cli(args + ["--json"]) == 0
    assert "errors" not in json.loads(capsys.readouterr().out)
    assert run_cli(args + ["--json", "--errors"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["all"]["figures"]["mention_r"] == 0.5
    assert [e["text"] for e in result["errors"]["d1"]["misses"]] == ["2.3万元"]


def ruled(**fields) -> dict:
    rules = {"rule": "number_unit", "unit_rule": "unit_word", "metric_rule": "noun_after", "year_rule": "time_before",
             "place_rule": "place_before", "per_rule": "no_per", "kind_rule": "actual", "exclude_rule": "",
             "status": "claim"}
    return fact(**{**rules, **fields})


def test_by_rule_counts_fired_paired_and_right():
    from zhfacts.eval.score import by_rule, format_by_rule

    gold = table(fact(), fact(start=10, end=14, year="2018"), fact(start=20, end=24))
    pred = pd.DataFrame([
        ruled(),
        ruled(start=10, end=14, year="2019"),
        ruled(start=30, end=34, year_rule="heading_year"),  # spurious
        ruled(start=20, end=24, status="excluded", exclude_rule="no_unit"),  # dropped a gold claim
        ruled(start=40, end=44, status="excluded", exclude_rule="no_unit"),
    ])
    result = by_rule(gold, pred)
    assert result["year"]["time_before"] == {"fired": 2, "paired": 2, "right": 1, "accuracy": 0.5, "precision": 1.0}
    assert result["year"]["heading_year"]["fired"] == 1 and result["year"]["heading_year"]["accuracy"] is None
    assert (result["exclude"]["no_unit"]["fired"], result["exclude"]["no_unit"]["right"]) == (2, 1)
    assert result["mention"]["number_unit"]["precision"] == pytest.approx(2 / 3)
    text = format_by_rule(result)
    assert any(line.split()[:2] == ["year", "time_before"] and line.endswith("0.500") for line in text.splitlines())


@pytest.mark.parametrize("excluded", [
    ruled(start=30, end=34, status="excluded", exclude_rule="no_unit"),  # no gold there: it would be spurious
    ruled(start=20, end=24, status="excluded", exclude_rule="no_unit"),  # a missed gold claim: it would pair
], ids=["spurious", "pairs"])
def test_excluded_mentions_are_no_predictions(excluded):
    """A table from ``extract --explain`` scores as the same table without its excluded rows."""
    gold = table(fact(), fact(start=20, end=24))
    claims = pd.DataFrame([ruled()])
    explained = pd.concat([claims, pd.DataFrame([excluded])], ignore_index=True)
    assert score(gold, explained)["all"] == score(gold, claims)["all"]
    assert score(gold, explained)["all"]["counts"]["pred"] == 1


def test_by_rule_needs_the_rule_columns():
    from zhfacts.eval.score import by_rule

    with pytest.raises(ZhfactsError, match="extract the table again"):
        by_rule(table(fact()), table(fact()))


def test_score_by_rule_on_the_command_line(files, capsys, run_cli):
    import json

    pd.DataFrame([ruled(start=6, end=10, text="3000", value=3000.0, unit="person", year="2020")]).to_csv(
        files / "ruled.csv", index=False)
    args = ["score", str(files / "gold.csv"), str(files / "ruled.csv"), "--corpus", str(files / "corpus"), "--by-rule"]
    assert run_cli(args + ["--json"]) == 0
    rules = json.loads(capsys.readouterr().out)["by_rule"]
    assert rules["year"]["time_before"] == {"fired": 1, "paired": 1, "right": 0, "accuracy": 0.0, "precision": 1.0}
    assert run_cli(args) == 0
    assert any(line.split()[:2] == ["metric", "noun_after"] for line in capsys.readouterr().out.splitlines())


def test_documents_without_gold_are_not_scored(files, capsys, run_cli):
    """A corpus holds documents not yet labelled: their predictions are set aside, not spurious."""
    pred = pd.read_csv(files / "pred.csv")
    extra = pred.assign(doc_id="unlabelled")
    pd.concat([pred, extra]).to_csv(files / "pred.csv", index=False)
    args = ["score", str(files / "gold.csv"), str(files / "pred.csv"), "--corpus", str(files / "corpus")]
    assert run_cli(args + ["--min=mention_p=1.0"]) == 0
    assert "not scored (no gold): 1 document(s): unlabelled" in capsys.readouterr().err


def test_a_header_only_gold_file_labels_a_document_with_no_claims(files, capsys, run_cli):
    gold_dir = files / "gold"
    gold_dir.mkdir()
    (files / "gold.csv").rename(gold_dir / "d1.csv")
    (files / "corpus" / "d2.txt").write_text("没有数字。", encoding="utf-8")
    pd.read_csv(gold_dir / "d1.csv").head(0).assign(doc_id=[]).to_csv(gold_dir / "d2.csv", index=False)
    pred = pd.read_csv(files / "pred.csv")
    pd.concat([pred, pred.assign(doc_id="d2")]).to_csv(files / "pred.csv", index=False)
    args = ["score", str(gold_dir), str(files / "pred.csv"), "--corpus", str(files / "corpus"), "--json"]
    assert run_cli(args) == 0
    out = capsys.readouterr()
    assert "not scored" not in out.err
    assert '"d2"' in out.out


@pytest.mark.parametrize("gold, pred, equal", [
    (0.35, 0.01 + 0.34, True),  # the float sum stands for the digits it prints, within 1e-6
    (Decimal("0.35"), Decimal("0.35"), True),
    (Decimal("1000000"), Decimal("1000001"), True),  # relative 1e-6, exactly at the bound
    (Decimal("1000000"), Decimal("1000002"), False),
    (0.333333, Fraction(1, 3), True),
    (0.3333, Fraction(1, 3), False),
    (math.nan, math.nan, True),
    (math.nan, 0.0, False),
    (math.inf, math.inf, True),
    (math.inf, 1e308, False),
])
def test_values_equal_exactly_within_the_spec_tolerance(gold, pred, equal):
    from zhfacts.compare import values_equal

    assert values_equal(gold, pred) is equal
    assert values_equal(pred, gold) is equal
