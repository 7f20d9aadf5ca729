"""Inputs at the edges of size: values beyond float range, clauses and sentences that run for
thousands of characters. Costs are checked by counting work, never by the clock
(scripts/bench.py times them)."""
from __future__ import annotations

import json
import math
import sys

import pandas as pd
import pytest

from zhfacts.cli import main
from zhfacts.factcheck.consistency import check
from zhfacts.factcheck.align import align
from zhfacts.factcheck.load import load_claims
from zhfacts.pipeline import extract_text_table
from zhfacts.lang.zh.sentences import WINDOW_REACH
from zhfacts.io.tables import read_table

HUGE = "2" + "0" * 308


# --- values beyond float range ------------------------------------------------------------------

@pytest.fixture
def huge_doc(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_text(f"2020年投入{HUGE}元。\n", encoding="utf-8")
    return path


def test_huge_value_is_kept_exact_and_never_inf():
    table = extract_text_table(f"2020年投入{HUGE}元。", "d", year="2020")
    row = table.iloc[0]
    assert row["value_exact"] == HUGE and math.isnan(row["value"])


def test_value_exact_is_plain_digits():
    table = extract_text_table("投入4至5万元，增长2.5%。", "d", year="2020")
    assert list(table["value_exact"]) == ["40000", "2.5"]


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_huge_value_round_trips_in_every_format(tmp_path, huge_doc, fmt):
    out = tmp_path / f"t.{fmt}"
    assert main(["extract", str(huge_doc), "-o", str(out)]) == 0
    if fmt != "parquet":
        text = out.read_text(encoding="utf-8-sig")
        assert "inf" not in text.lower().replace(HUGE, "")
    if fmt == "jsonl":
        json.loads(out.read_text(encoding="utf-8"), parse_constant=lambda c: pytest.fail(f"non-JSON {c}"))
    table = read_table(out)
    assert table.at[0, "value_exact"] == HUGE and math.isinf(table.at[0, "value"])
    assert main(["check", str(out)]) == 0
    assert main(["score", str(out), str(out), "--corpus", str(huge_doc.parent)]) == 0


def test_huge_value_is_not_the_same_as_a_small_one(tmp_path, huge_doc):
    small = tmp_path / "small.txt"
    small.write_text("2020年投入30000元。\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(f"2020年投入3{HUGE[1:]}元。\n", encoding="utf-8")
    a, _ = load_claims(huge_doc, year="2020")
    assert list(align(a, load_claims(small, year="2020")[0])["status"]) == ["changed"]
    assert list(align(a, load_claims(other, year="2020")[0])["status"]) == ["changed"]
    assert list(align(a, a)["status"]) == ["same"]
    out = tmp_path / "diff.jsonl"
    assert main(["diff", str(huge_doc), str(other), "--year-a", "2020", "--year-b", "2020", "-o", str(out)]) == 0
    assert "Infinity" not in out.read_text(encoding="utf-8")
    assert check(a) == []


# --- long clauses and sentences ---------------------------------------------------------------------

def test_sentence_column_is_a_window_with_the_whole_sentence_offsets():
    text = "全县" + "，".join(f"第{i}村投入{i + 1}万元" for i in range(40)) + "。后一句。"
    table = extract_text_table(text, "d", year="2020")
    end = text.index("。") + 1
    assert (table["sentence_start"] == 0).all() and (table["sentence_end"] == end).all()
    for _, row in table.iterrows():
        assert row["text"] in row["sentence"] and row["sentence"] in text[:end]
        assert len(row["sentence"]) <= len(row["text"]) + 2 * WINDOW_REACH
    middle = table.iloc[20]["sentence"]
    assert middle.startswith("第") and middle.endswith("，")  # cut after clause punctuation


def test_check_of_a_written_table_still_sees_a_long_sentence_whole(tmp_path):
    filler = "，".join(f"第{i}组开展培训" for i in range(30))
    text = f"全村贫困户500户，{filler}，其中因病致贫300户、因学致贫250户。"
    doc = tmp_path / "d.txt"
    doc.write_text(text, encoding="utf-8")
    out = tmp_path / "d.csv"
    assert main(["extract", str(doc), "-o", str(out), "--year", "2020"]) == 0
    findings = check(load_claims(out)[0])
    assert [(f["check"], f["status"]) for f in findings] == [("sum", "mismatch")]


def _line_events(n: int) -> tuple[int, pd.DataFrame]:
    """Lines of zhfacts code run to extract one line of n "3万人" without punctuation: an
    operation count, the same on any machine."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if "zhfacts" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    extract_text_table("3万人", "warm-up", year="2020")
    sys.settrace(tracer)
    try:
        table = extract_text_table("3万人" * n, "d", year="2020")
    finally:
        sys.settrace(None)
    assert len(table) == n
    return count, table


def test_one_long_clause_costs_linear_work():
    small, _ = _line_events(150)
    large, table = _line_events(600)
    assert large / small < 5  # 4 times the text: 4 times the work, not 16
    assert table["sentence"].str.len().max() <= 3 + 2 * WINDOW_REACH
