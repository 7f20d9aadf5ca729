"""Each kind of broken gold is rejected with a message naming file, row and problem."""
from __future__ import annotations

import pandas as pd
import pytest

from zhfacts import cli
from zhfacts.errors import ZhfactsError
from zhfacts.goldcheck import check_gold_path, load_gold, validate_gold
from zhfacts.schema import SPEC_COLUMNS

DOC = "全旗贫困人口3000多名，投入资金2.3万元。"


def gold_row(**changes) -> dict:
    row = {"doc_id": "d1", "start": "6", "end": "12", "text": "3000多名", "value": "3000", "value_max": "",
           "unit": "person", "qualifier": ">", "metric": "贫困人口", "metric_en": "poor population",
           "year": "2019", "place": "科左后旗", "per": "", "sentence": DOC, "kind": "actual", "note": ""}
    return {**row, **changes}


SECOND = {"start": "17", "end": "22", "text": "2.3万元", "value": "23000", "unit": "CNY", "qualifier": "=",
          "metric": "投入资金", "year": "2014-2020", "per": "household/year", "kind": ""}


@pytest.fixture
def corpus(tmp_path):
    directory = tmp_path / "corpus"
    directory.mkdir()
    (directory / "d1.txt").write_text(DOC, encoding="utf-8")
    return directory


def write_gold(path, rows, drop=()):
    pd.DataFrame(rows).drop(columns=list(drop)).to_csv(path, index=False, encoding="utf-8-sig")
    return path


def test_valid_gold_passes(tmp_path, corpus):
    path = write_gold(tmp_path / "gold.csv", [gold_row(), gold_row(**SECOND)])
    assert check_gold_path(path, corpus) == []
    assert len(load_gold(path, corpus)) == 2


@pytest.mark.parametrize("changes, problem", [
    ({"unit": "yuan"}, "unknown unit 'yuan'"),
    ({"unit": ""}, "unit is empty"),
    ({"qualifier": "about"}, "unknown qualifier 'about'"),
    ({"kind": "guess"}, "unknown kind 'guess'"),
    ({"per": "student"}, "per 'student' is not unit codes"),
    ({"per": "person/"}, "per 'person/' is not unit codes"),
    ({"year": "2019.0"}, "year '2019.0' is not empty, YYYY or YYYY-YYYY"),
    ({"year": "2020-2014"}, "year '2020-2014'"),
    ({"year": "19"}, "year '19'"),
    ({"value": "abc"}, "value 'abc' is not a number"),
    ({"value": ""}, "value '' is not a number"),
    ({"value_max": "x"}, "value_max 'x' is not a number"),
    ({"value_max": "2000"}, "value_max 2000 is not above value 3000"),
    ({"start": "x"}, "start 'x' is not a whole number"),
    ({"start": "-1"}, "start -1 is negative"),
    ({"start": "12"}, "start 12 is not before end 12"),
    ({"text": "3001多名"}, "text '3001多名' is not the document text '3000多名'"),
    ({"start": "40", "end": "45"}, "runs past the end of d1.txt"),
    ({"doc_id": "nodoc"}, "no corpus document"),
    ({"doc_id": ""}, "doc_id is empty"),
])
def test_broken_row_is_rejected(tmp_path, corpus, changes, problem):
    path = write_gold(tmp_path / "gold.csv", [gold_row(**SECOND), gold_row(**changes)])
    problems = check_gold_path(path, corpus)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}: row 2: ") and problem in problems[0]


@pytest.mark.parametrize("rows, problem", [
    ([gold_row(), gold_row(**SECOND), gold_row()], "row 3: same span [6,12) as row 1"),
    ([gold_row(start="4", end="8", text="人口30"), gold_row()], "row 2: span [6,12) overlaps row 1 [4,8)"),
    ([gold_row(start="0", end="22", text=DOC[:22]), gold_row(**SECOND), gold_row()], "row 3: span [6,12) overlaps row 1"),
])
def test_span_conflicts_are_rejected(tmp_path, corpus, rows, problem):
    problems = check_gold_path(write_gold(tmp_path / "gold.csv", rows), corpus)
    assert any(problem in p for p in problems), problems


@pytest.mark.parametrize("column", ["per", "sentence", "metric_en"])
def test_missing_spec_column_is_rejected(tmp_path, corpus, column):
    path = write_gold(tmp_path / "gold.csv", [gold_row()], drop=[column])
    assert check_gold_path(path, corpus) == [f"{path}: missing columns: {column}"]


@pytest.mark.parametrize("column", ["kind", "note"])
def test_optional_columns_may_be_absent(tmp_path, corpus, column):
    path = write_gold(tmp_path / "gold.csv", [gold_row()], drop=[column])
    assert check_gold_path(path, corpus) == []


def test_jsonl_gold_with_numeric_year_is_valid(corpus):
    df = pd.DataFrame([gold_row(start=6, end=12, value=3000, year=2019)])
    assert validate_gold(df, corpus) == []


def test_document_in_two_files_of_a_directory(tmp_path, corpus):
    gold = tmp_path / "gold"
    gold.mkdir()
    write_gold(gold / "a.csv", [gold_row()])
    write_gold(gold / "b.csv", [gold_row(**SECOND)])
    assert check_gold_path(gold, corpus) == [f"{gold / 'b.csv'}: row 1: document 'd1' is also labelled in {gold / 'a.csv'}"]


def test_load_gold_summarises_on_one_line(tmp_path, corpus):
    rows = [gold_row(unit="yuan"), gold_row(**{**SECOND, "qualifier": "?"})] + [gold_row(start="x")] * 3
    path = write_gold(tmp_path / "gold.csv", rows)
    with pytest.raises(ZhfactsError, match=r"invalid gold, 5 problem\(s\): .*row 1: unknown unit") as err:
        load_gold(path, corpus)
    assert "and 2 more (run zhfacts check-gold)" in str(err.value) and "\n" not in str(err.value)


@pytest.fixture
def run_cli(monkeypatch):
    """The CLI with only the gold and scoring subcommands, so these tests depend on no others."""
    monkeypatch.setattr(cli, "COMMANDS", {"score": "score", "check-gold": "check_gold"})
    return cli.main


@pytest.mark.parametrize("rows, code, output", [
    ([gold_row(), gold_row(**SECOND)], 0, "ok: 2 rows in 1 documents"),
    ([gold_row(unit="yuan"), gold_row(**{**SECOND, "year": "二〇一九"})], 1, "row 2: year '二〇一九'"),
])
def test_check_gold_command(tmp_path, corpus, capsys, run_cli, rows, code, output):
    path = write_gold(tmp_path / "gold.csv", rows)
    assert run_cli(["check-gold", str(path), "--corpus", str(corpus)]) == code
    assert output in capsys.readouterr().out


def test_check_gold_command_unreadable_file_exits_2(tmp_path, corpus, capsys, run_cli):
    assert run_cli(["check-gold", str(tmp_path / "none.csv"), "--corpus", str(corpus)]) == 2
    assert "no such file" in capsys.readouterr().err


def test_every_spec_column_is_required():
    problems = validate_gold(pd.DataFrame(columns=["doc_id"]), ".")
    assert problems == [f"gold: missing columns: {', '.join(SPEC_COLUMNS[1:])}"]
