"""Tables (claims-spec 2.4): every number cell is a claim, read from its row and column.

Each layout is one row of TABLES: the table as stored (TAB-separated cells, an empty cell is two
TABs), and every claim it must give, in text order, with the rule that gives its unit. A number
in a label or unit cell, a row number, "持平" and "—" give none. Layouts from NBS-style
communiqués (the corpus has tjgb-turpan-2025) and the layouts it lacks.
"""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.pipeline import extract_text_table

DOC_YEAR = "2025"

# name, document text, [(text, value, unit, metric, year, unit_rule)]
TABLES = [
    ("unit line under the title", (
        "表1  2024年主要经济指标\n"
        "单位：亿元\n"
        "指标\t绝对数\t比上年增长（%）\n"
        "地区生产总值\t668.10\t3.3\n"
        "其中：第一产业\t95.20\t4.1\n"),
     [("668.10", 66810000000, "CNY", "地区生产总值", "2024", "table_unit_line"),
      ("3.3", 3.3, "%", "地区生产总值比上年增长", "2024", "table_column_header"),
      ("95.20", 9520000000, "CNY", "第一产业", "2024", "table_unit_line"),
      ("4.1", 4.1, "%", "第一产业比上年增长", "2024", "table_column_header")]),
    ("unit line at the end of the title", (
        "表2  2023年财政收支\t单位：万元\n"
        "项目\t金额\n"
        "一般公共预算收入\t12,856\n"),
     [("12,856", 128560000, "CNY", "一般公共预算收入", "2023", "table_unit_line")]),
    ("empty spacer cell, signed growth", (
        "表3  2025年主要农产品产量\n"
        "指标\t\t产量（万吨）\t同比增长（±%）\n"
        "粮食\t\t658.2\t-1.6\n"
        "油料\t\t12.5\t+2.0\n"),
     [("658.2", 6582000, "t", "粮食", "2025", "table_column_header"),
      ("-1.6", -1.6, "%", "粮食同比增长", "2025", "table_column_header"),
      ("12.5", 125000, "t", "油料", "2025", "table_column_header"),
      ("+2.0", 2.0, "%", "油料同比增长", "2025", "table_column_header")]),
    ("of-which rows with # and a unit in the row label", (
        "表4  2022年末畜牧业\n"
        "指标\t年末数\t比上年增长%\n"
        "大牲畜（万头）\t120.5\t3.2\n"
        "#牛\t80.2\t-0.5\n"
        "  # 羊\t30.1\t1.1\n"),
     [("120.5", 1205000, "head", "大牲畜", "2022", "table_row_label"),
      ("3.2", 3.2, "%", "大牲畜比上年增长", "2022", "table_column_header"),
      ("80.2", 80.2, "", "牛", "2022", "table_no_unit"),
      ("-0.5", -0.5, "%", "牛比上年增长", "2022", "table_column_header"),
      ("30.1", 30.1, "", "羊", "2022", "table_no_unit"),
      ("1.1", 1.1, "%", "羊比上年增长", "2022", "table_column_header")]),
    ("unit column, 持平 and — give no row", (
        "表5  2025年主要工业产品产量\n"
        "产品名称\t计量单位\t产量\t比上年增长\n"
        "原煤\t万吨\t3934.68\t持平\n"
        "发电量\t亿千瓦小时\t263.58\t2.5\n"
        "葡萄酒\t千升\t—\t-28.3\n"),
     [("3934.68", 39346800, "t", "原煤", "2025", "table_unit_column"),
      ("263.58", 26358000000, "kWh", "发电量", "2025", "table_unit_column"),
      ("2.5", 2.5, "%", "发电量比上年增长", "2025", "table_growth_column"),
      ("-28.3", -28.3, "%", "葡萄酒比上年增长", "2025", "table_growth_column")]),
    ("share column and a number inside the row label", (
        "表6  2025年年末人口数及其构成\n"
        "指标\t年末数（万人）\t比重（%）\n"
        "全市人口\t70.15\t100.0\n"
        "其中：0-15岁\t13.50\t19.2\n"),
     [("70.15", 701500, "person", "全市人口", "2025", "table_column_header"),
      ("100.0", 100, "%", "全市人口比重", "2025", "table_column_header"),
      ("13.50", 135000, "person", "0-15岁", "2025", "table_column_header"),
      ("19.2", 19.2, "%", "0-15岁比重", "2025", "table_column_header")]),
    ("two-row header: a merged group cell over its columns", (
        "表7  主要农作物\n"
        "指标\t2024年\t\t比上年增长（%）\t\n"
        "\t产量（万吨）\t面积（万亩）\t产量\t面积\n"
        "粮食\t658.2\t120.5\t3.1\t-0.5\n"),
     [("658.2", 6582000, "t", "粮食", "2024", "table_column_header"),
      ("120.5", 1205000, "mu", "粮食面积", "2024", "table_column_header"),
      ("3.1", 3.1, "%", "粮食产量比上年增长", DOC_YEAR, "table_column_header"),
      ("-0.5", -0.5, "%", "粮食面积比上年增长", DOC_YEAR, "table_column_header")]),
    ("row numbers and a title without a year", (
        "财政收支情况\n"
        "序号\t项目\t金额（万元）\n"
        "1\t财政收入\t1200\n"
        "2\t财政支出\t3400\n"),
     [("1200", 12000000, "CNY", "财政收入", DOC_YEAR, "table_column_header"),
      ("3400", 34000000, "CNY", "财政支出", DOC_YEAR, "table_column_header")]),
    ("units written in the cells, a date cell", (
        "表9  2025年重点项目\n"
        "项目\t投资\t投产年份\n"
        "风电场\t3.2亿元\t2019年\n"
        "光伏电站\t8000万元\t2020年\n"),
     [("3.2亿元", 320000000, "CNY", "风电场", "2025", "table_cell_unit"),
      ("8000万元", 80000000, "CNY", "光伏电站", "2025", "table_cell_unit")]),
    ("years as column headers", (
        "表8  城乡居民收入\n"
        "指标\t2024年（元）\t2025年（元）\n"
        "农村居民人均可支配收入\t18,500\t19,600\n"),
     [("18,500", 18500, "CNY", "农村居民人均可支配收入", "2024", "table_column_header"),
      ("19,600", 19600, "CNY", "农村居民人均可支配收入", "2025", "table_column_header")]),
]


def _rows(text: str):
    table = extract_text_table(text, "table", year=DOC_YEAR, place="某市")
    return table, [(r.text, r.value, r.unit, r.metric, r.year, r.unit_rule) for r in table.itertuples()]


@pytest.mark.parametrize("name, text, expected", TABLES, ids=[t[0] for t in TABLES])
def test_table_cells(name, text, expected):
    table, got = _rows(text)
    assert [g[0] for g in got] == [e[0] for e in expected], got
    for g, e in zip(got, expected):
        assert math.isclose(g[1], e[1], rel_tol=1e-9, abs_tol=1e-12), (g, e)
        assert g[2:] == e[2:], (g, e)
    for r in table.itertuples():
        assert text[r.start:r.end] == r.text
        assert r.rule == "table_cell" and r.qualifier == "="


def test_table_rules_name_their_evidence():
    text = TABLES[0][1]
    table, _ = _rows(text)
    first = table.iloc[0]
    assert first.metric_rule == "table_row" and first.year_rule == "table_title_year"
    assert text[int(first.year_start):int(first.year_end)] == "2024年"
    growth = table.iloc[1]
    assert growth.metric_rule == "table_row_column"


def test_year_of_a_table_under_a_heading():
    text = "一、2023年农业生产\n全年粮食丰收。\n农产品产量\n指标\t产量（万吨）\n粮食\t658.2\n"
    table, got = _rows(text)
    assert [(g[0], g[4]) for g in got] == [("658.2", "2023")]
    assert table.iloc[0].year_rule == "table_heading_year"


def test_a_table_title_heads_no_prose():
    text = "表1  2019年主要指标\n指标\t数值（亿元）\n生产总值\t12.5\n\n新增就业8501人。\n"
    _, got = _rows(text)
    assert [(g[0], g[4]) for g in got] == [("12.5", "2019"), ("8501人", "")]


@pytest.mark.parametrize("caption", ["图1  2019-2023年地区生产总值及增长速度", "附图2 2019年工业增加值", "表3  2019年主要指标"])
def test_a_caption_heads_no_section(caption):
    """A figure's or a table's caption names what it shows: the prose under it keeps the year
    of the section heading above."""
    text = f"一、2023年综合\n{caption}\n新增就业8501人。\n"
    table, got = _rows(text)
    assert [(g[0], g[4]) for g in got] == [("8501人", "2023")]
    assert table.iloc[0].year_rule == "heading_year"


@pytest.mark.parametrize("text", [
    "全年粮食产量658.2万吨\t比上年增长3.1%。\n",  # one line with a TAB is prose, not a table
    "指标\t说明\n粮食\t持平\n油料\t—\n",  # no number cell
])
def test_no_table(text):
    table, got = _rows(text)
    assert all(r.rule != "table_cell" for r in table.itertuples()), got


_LABEL = st.text(alphabet="粮食油料棉花蔬菜水果肉类禽蛋", min_size=1, max_size=6)
_VALUE = st.decimals(min_value=-9999, max_value=99999, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(_LABEL, _VALUE, _VALUE), min_size=1, max_size=6))
def test_every_number_cell_is_one_claim(rows):
    """Whatever the labels and values, each number cell gives one claim: its span is the cell's
    number, its value the number scaled by the header's unit, its metric the row label."""
    body = "".join(f"{label}\t{a}\t{b}\n" for label, a, b in rows)
    text = "表1  2024年主要产品\n指标\t产量（万吨）\t比上年增长（%）\n" + body
    table, got = _rows(text)
    cells = [(label, a, "t", 10000) for label, a, _ in rows]
    expected = [x for label, a, b in rows for x in ((label, a, "t", 10000), (label + "比上年增长", b, "%", 1))]
    assert cells and len(got) == len(expected)
    for g, (metric, value, unit, factor) in zip(got, expected):
        assert g[0] == str(value) and g[2] == unit and g[3] == metric
        assert math.isclose(g[1], float(value) * factor, rel_tol=1e-9, abs_tol=1e-9)


_CELL = st.one_of(st.sampled_from(["", " ", "持平", "—", "-", "5.2%", "12,856", "+3", "3.2万吨", "2019年", "（万吨）",
                                   "#粮食", "其中：", "单位：亿元", "比重%", "序号", "计量单位", "萬噸", "1"]),
                  st.text(alphabet="0123456789.-+%万亿元吨粮食（）：#\t ", max_size=8))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=1, max_size=5), min_size=1, max_size=6))
def test_any_tab_separated_text_reads_cleanly(rows):
    """Malformed tables (ragged rows, empty and odd cells) never fail, and every claim's text is
    the document at its span."""
    text = "表1  2024年\n" + "".join("\t".join(r) + "\n" for r in rows)
    table, _ = _rows(text)
    for r in table.itertuples():
        assert text[r.start:r.end] == r.text and r.start < r.end
