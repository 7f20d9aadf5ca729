"""Fact tables read back with the same types from every format; bad files and failed writes
are reported, never half-written."""
from __future__ import annotations

import codecs
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pandas.testing import assert_frame_equal

from zhfacts.errors import ZhfactsError
from zhfacts.io.tables import normalise, read_table, write_table
from zhfacts.io.writer import csv_text, frame_rows, jsonl_text
from zhfacts.table import COLUMNS, to_frame

ROWS = [
    {"doc_id": "d1", "start": 6, "end": 12, "text": "3000多名", "value": 3000.0, "value_max": math.nan,
     "unit": "person", "qualifier": ">", "metric": "贫困人口", "year": "2019", "place": "科左后旗", "per": ""},
    {"doc_id": "d1", "start": 17, "end": 22, "text": "3-5万元", "value": 30000.0, "value_max": 50000.0,
     "unit": "CNY", "qualifier": "=", "metric": "投入资金", "year": "2014-2020", "place": "", "per": "person/year"},
    {"doc_id": "d2", "start": 0, "end": 3, "text": "三成", "value": 100 / 3, "value_max": math.nan,
     "unit": "%", "qualifier": "~", "metric": "", "year": "", "place": "内蒙古", "per": ""},
]


@pytest.fixture
def table() -> pd.DataFrame:
    return normalise(pd.DataFrame(ROWS), "test")


@pytest.mark.parametrize("suffix", ["csv", "jsonl", "parquet"])
def test_round_trip_keeps_values_and_types(tmp_path, table, suffix):
    path = tmp_path / f"facts.{suffix}"
    write_table(table, path)
    back = read_table(path)
    assert_frame_equal(back, table)
    assert back["start"].dtype == "int64" and back["value_max"].dtype == "float64"
    assert list(back["year"]) == ["2019", "2014-2020", ""]


def test_csv_is_written_with_bom_and_jsonl_keeps_chinese(tmp_path, table):
    write_table(table, tmp_path / "a.csv")
    write_table(table, tmp_path / "a.jsonl")
    assert (tmp_path / "a.csv").read_bytes().startswith(codecs.BOM_UTF8)
    assert "贫困人口" in (tmp_path / "a.jsonl").read_text(encoding="utf-8")


def test_fmt_overrides_suffix(tmp_path, table):
    path = tmp_path / "facts.out"
    write_table(table, path, fmt="jsonl")
    assert path.read_text(encoding="utf-8").startswith('{"doc_id": "d1"')


CSV = "doc_id,start,end,value,value_max,year,note\nd1,6,12,3000,,2019,\nd1,17,22,2.3e4,5e4,,x\n"


@pytest.mark.parametrize("name, data", [
    ("plain.csv", CSV.encode("utf-8")),
    ("bom.csv", codecs.BOM_UTF8 + CSV.encode("utf-8")),
    ("numbers.jsonl", b'{"doc_id":"d1","start":6,"end":12,"value":3000,"value_max":null,"year":2019,"note":null}\n'
                      b'\n{"doc_id":"d1","start":17.0,"end":22,"value":23000,"value_max":50000,"year":null,"note":"x"}\n'),
])
def test_reading_normalises_types(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    df = read_table(path)
    assert list(df.columns)[0] == "doc_id"
    assert list(df["start"]) == [6, 17] and df["start"].dtype == "int64"
    assert list(df["value"]) == [3000.0, 23000.0]
    assert math.isnan(df["value_max"][0]) and df["value_max"][1] == 50000.0
    assert list(df["year"]) == ["2019", ""]
    assert list(df["note"]) == ["", "x"]


def test_parquet_float_year_becomes_text(tmp_path):
    path = tmp_path / "y.parquet"
    pd.DataFrame({"doc_id": ["d1", "d1"], "start": [0, 5], "end": [2, 7], "value": [1.0, 2.0],
                  "year": [2019.0, math.nan]}).to_parquet(path)
    assert list(read_table(path)["year"]) == ["2019", ""]


def test_directory_reads_tables_directly_inside(tmp_path, table):
    write_table(table.iloc[:2], tmp_path / "a.csv")
    write_table(table.iloc[2:], tmp_path / "b.jsonl")
    (tmp_path / "readme.txt").write_text("not a table", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    write_table(table, tmp_path / "sub" / "c.csv")
    df = read_table(tmp_path)
    assert list(df["doc_id"]) == ["d1", "d1", "d2"]
    assert list(df["year"]) == ["2019", "2014-2020", ""]


@pytest.mark.parametrize("name, data, problem", [
    ("missing.csv", None, "no such file"),
    ("empty.csv", b"", "empty file"),
    ("blank.csv", b"\n  \n", "empty file"),
    ("empty.jsonl", b"", "empty file"),
    ("empty.parquet", b"", "empty file"),
    ("ragged.csv", b"a,b\n1,2\n1,2,3,4\n", "not a readable CSV"),
    ("gbk.csv", "doc_id,text\nd1,贫困\n".encode("gb18030"), "not UTF-8"),
    ("bad.jsonl", b'{"doc_id": "d1"}\n{"doc_id": \n', "line 2: not valid JSON"),
    ("list.jsonl", b'["d1", 1]\n', "line 1: expected a JSON object"),
    ("junk.parquet", b"this is not parquet", "not a readable Parquet"),
    ("facts.xlsx", b"PK", "unknown table format 'xlsx'"),
    ("start.csv", b"doc_id,start,end,value\nd1,6,12,1\nd1,x,12,1\n", "row 2: column start: 'x' is not a number"),
    ("half.csv", b"doc_id,start,end,value\nd1,6.5,12,1\n", "row 1: column start: '6.5' is not a whole number"),
    ("value.csv", b"doc_id,start,end,value\nd1,6,12,\n", "row 1: column value: empty"),
])
def test_bad_files_raise_one_line_error_naming_file(tmp_path, name, data, problem):
    path = tmp_path / name
    if data is not None:
        path.write_bytes(data)
    with pytest.raises(ZhfactsError, match=problem) as err:
        read_table(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_empty_directory_is_an_error(tmp_path):
    with pytest.raises(ZhfactsError, match="no .csv, .jsonl or .parquet"):
        read_table(tmp_path)


@pytest.mark.parametrize("suffix, bad_cell", [
    ("parquet", [1, "two", 3.0]),
    ("jsonl", [{1}, {2}, {3}]),
])
def test_failed_write_leaves_existing_file_untouched(tmp_path, table, suffix, bad_cell):
    path = tmp_path / f"facts.{suffix}"
    write_table(table, path)
    before = path.read_bytes()
    broken = table.assign(note=pd.Series(bad_cell, dtype=object))
    with pytest.raises(ZhfactsError, match="cannot write"):
        write_table(broken, path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("target, problem", [
    ("no/such/dir/facts.csv", "cannot create a file in"),
    ("facts.doc", "unknown table format"),
])
def test_unwritable_path_is_an_error(tmp_path, table, target, problem):
    with pytest.raises(ZhfactsError, match=problem):
        write_table(table, tmp_path / target)


def test_writing_over_a_directory_is_an_error(tmp_path, table):
    (tmp_path / "out.csv").mkdir()
    with pytest.raises(ZhfactsError, match="is a directory"):
        write_table(table, tmp_path / "out.csv")
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


_TEXT = st.text(st.sampled_from('ab,"\n\r 万元%;\'\t'), max_size=6)
_FLOAT = st.one_of(st.none(), st.floats(allow_nan=False, allow_infinity=False),
                   st.sampled_from([1e16, 1e-5, 0.1, 125000.0, 2.0 ** 70, -0.0]))
_ROW = st.fixed_dictionaries({
    "doc_id": _TEXT, "start": st.integers(0, 2 ** 40), "end": st.integers(0, 2 ** 40), "text": _TEXT,
    "value": _FLOAT, "value_max": _FLOAT, "year": st.one_of(st.none(), _TEXT), "confidence": _FLOAT,
    "place_start": st.one_of(st.none(), st.integers(0, 10 ** 6)), "sentence": _TEXT,
})


@settings(max_examples=200, deadline=None)
@given(st.lists(_ROW, max_size=4))
def test_rows_are_written_as_pandas_wrote_their_typed_table(rows):
    """Extract writes rows without pandas; every cell must come out as pandas' writer of the
    typed table put it (floats, empty cells, quoting), and the pandas path now shares the rows'."""
    frame = to_frame(rows)
    assert csv_text(rows, COLUMNS, header=True) == frame.to_csv(index=False)
    assert jsonl_text(rows, COLUMNS) == jsonl_text(frame_rows(frame), COLUMNS)
