"""Table rules (claims-spec 2.4): a number cell's unit, metric and year come from its table.

The table reader (``lang/zh/tables.py``) reads every number cell's column header, row label, unit
column, unit line and title once; these rules propose those readings, each under its own name
with its evidence, ahead of the prose rules, which a table cell never reaches.
"""
from __future__ import annotations

from ....codes import Slot, Status
from ....registry import rule
from .guards import IN_TABLE, IS_CELL
from .guards import table_cell as _cell

EXCLUDED = Status.EXCLUDED.value


def _readings(ask, slot: str, name: str):
    """The cell's readings of one slot ("units", "years") that the source ``name`` gave."""
    cell = _cell(ask)
    if cell is not None:
        for r in getattr(cell, slot):
            if r.rule == name:
                yield r.value, r.start, r.end


# --- exclude ---------------------------------------------------------------------------------

@rule("zh", Slot.EXCLUDE, "table_cell", order=1, when=IS_CELL)
def table_cell(ask):
    """A number cell of a table is a claim."""
    cell = _cell(ask)
    if cell is not None:
        yield "", cell.mention.start, cell.mention.end


def _inside(ask, spans):
    m = ask.mention
    for x in spans:
        if x.start <= m.start and m.end <= x.end:
            yield EXCLUDED, x.start, x.end


@rule("zh", Slot.EXCLUDE, "table_text_cell", order=2, when=IN_TABLE)
def table_text_cell(ask):
    """A number inside a table's label, header or unit cell ("0-15岁", "万吨") is part of its words."""
    table = ask.ctx.table_at(ask.mention.start)
    if table is not None and _cell(ask) is None:
        yield from _inside(ask, table.text_cells)


@rule("zh", Slot.EXCLUDE, "table_code_cell", order=3, when=IN_TABLE)
def table_code_cell(ask):
    """A cell that numbers the row (序号) or gives a code is no claim."""
    table = ask.ctx.table_at(ask.mention.start)
    if table is not None:
        yield from _inside(ask, table.code_cells)


# --- unit ------------------------------------------------------------------------------------

#: Where a cell's unit is read, in the order the readings are tried; tables.py names each unit
#: it reads by one of these, and each is one unit rule.
_UNIT_SOURCES = (
    ("table_cell_unit", 'A unit written in the cell itself: "5.2%", "3.2万吨".'),
    ("table_column_header", 'The unit in the cell\'s column header: "产量（万吨）", "比重%".'),
    ("table_growth_column", 'A growth or share column ("比上年增长", "比重") holds percentages.'),
    ("table_row_label", 'The unit in the row label: "大牲畜（万头）".'),
    ("table_unit_column", 'The row\'s cell in a unit column ("计量单位": "万吨").'),
    ("table_unit_line", 'The table\'s unit line: "单位：亿元".'),
)


def _unit_rule(name: str, order: int, doc: str) -> None:
    """Register the unit rule that proposes the cell's unit read from one source."""
    def propose(ask):
        yield from _readings(ask, "units", name)
    propose.__name__, propose.__qualname__, propose.__doc__ = name, name, doc
    rule("zh", Slot.UNIT, name, order=order, when=IS_CELL)(propose)


for _order, (_name, _doc) in enumerate(_UNIT_SOURCES, start=1):
    _unit_rule(_name, _order, _doc)


@rule("zh", Slot.UNIT, "table_no_unit", order=7, when=IS_CELL)
def table_no_unit(ask):
    """A number cell its table gives no unit: the words of the next cell are no counted noun."""
    if _cell(ask) is not None:
        yield "", -1, -1


# --- metric ----------------------------------------------------------------------------------

@rule("zh", Slot.METRIC, "table_row", order=1, when=IS_CELL)
def table_row(ask):
    """The row label, without its "of which" marker, for a cell of the plain values: "粮食"."""
    cell = _cell(ask)
    if cell is not None and cell.metric.rule == "table_row":
        yield cell.metric.value, cell.metric.start, cell.metric.end


@rule("zh", Slot.METRIC, "table_row_column", order=2, when=IS_CELL)
def table_row_column(ask):
    """The row label joined with the column header: "粮食" + "同比增长"."""
    cell = _cell(ask)
    if cell is not None and cell.metric.rule == "table_row_column":
        yield cell.metric.value, cell.metric.start, cell.metric.end


# --- year ------------------------------------------------------------------------------------

@rule("zh", Slot.YEAR, "table_column_year", order=1, when=IS_CELL)
def table_column_year(ask):
    """The year the cell's column header names: "2024年"."""
    yield from _readings(ask, "years", "table_column_year")


@rule("zh", Slot.YEAR, "table_title_year", order=2, when=IS_CELL)
def table_title_year(ask):
    """The year the table's title names: "表1  2025年年末人口数及其构成"."""
    yield from _readings(ask, "years", "table_title_year")


@rule("zh", Slot.YEAR, "table_heading_year", order=3, when=IS_CELL)
def table_heading_year(ask):
    """The year of the section heading over the table."""
    if _cell(ask) is not None:
        over = ask.ctx.heading_over(ask.si)
        if over is not None and over.year:
            yield over.year, over.start, over.end


@rule("zh", Slot.YEAR, "table_document_year", order=4, when=IS_CELL)
def table_document_year(ask):
    """A table that names no year reports the document's."""
    if _cell(ask) is not None:
        yield ask.ctx.doc.year, -1, -1
