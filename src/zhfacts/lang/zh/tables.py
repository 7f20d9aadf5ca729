"""Tables (claims-spec 2.4): blocks of TAB-separated rows, read cell by cell.

A table is a run of lines holding TABs (an empty cell is two TABs in a row). Above it stand its
title and unit line ("单位：亿元"); its first rows are headers (a row with no number cell under a
value column; a cell left empty in an upper header row is covered by the cell to its left). Each
number cell becomes a mention whose span is the number alone; its unit, metric and year are read
from the cell's column header, its row label, a unit column and the unit line, each reading with
the rule that makes it and its evidence, so the claim's rule columns say why. Everything is read
on the folded copy and every offset points into the document as stored.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from ...types import TABLE_CELL, Document, Mention, Reading, Span, Table, TableCell
from . import lexicon
from .numerals import parse_numeral, scale_chars
from .times import find_times

_NUMBER = regex.compile(r"(?P<sign>[+\-−])?(?P<digits>\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?P<decimals>\.\d+)?(?P<unit>[%‰])?")
#: A title or unit line above a table is a short line that ends no sentence.
_TITLE_MAX = 80
#: Header rows above the body: a table never has more.
_HEADERS_MAX = 3
_SPACE = " \t\u3000"


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int  # stripped of white space; start == end for an empty cell


@dataclass(frozen=True)
class _Unit:
    code: str
    factor: Decimal
    surface: str
    start: int
    end: int


def _lines(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        out.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    return out


def _cells(norm: str, a: int, b: int) -> list[_Cell]:
    out, pos = [], a
    for raw in norm[a:b].split("\t"):
        x, y = pos, pos + len(raw)
        while x < y and norm[x] in _SPACE:
            x += 1
        while y > x and norm[y - 1] in _SPACE:
            y -= 1
        out.append(_Cell(x, y))
        pos += len(raw) + 1
    return out


def unit_phrase(norm: str, a: int, b: int) -> _Unit | None:
    """The unit named by the whole of norm[a:b] ("万吨", "亿千瓦小时", "%"), scale words applied."""
    text = norm[a:b].strip(_SPACE + "±")
    if not text:
        return None
    a = norm.find(text, a, b)
    units = lexicon.units()
    for k in range(len(text)):  # the longest unit wins: 千升 over 千 + 升
        unit = units.get(text[k:])
        if unit and all(ch in scale_chars() for ch in text[:k]):
            factor = unit.factor
            for ch in text[:k]:
                factor *= parse_numeral(ch)
            return _Unit(unit.code, factor, unit.surface, a, b)
    return None


@lru_cache(maxsize=None)
def _marker_pattern() -> regex.Pattern:
    """A unit marker and the unit after it (group 1): "单位：亿元", "计量单位：万吨"."""
    markers = "|".join(map(regex.escape, lexicon.table_words()["unit_marker"]))
    return regex.compile(rf"(?:{markers})[:：]\s*([^\s，,；;。）)]*)")


def _unit_in(norm: str, cell: _Cell) -> _Unit | None:
    """A unit a header or label cell names: in brackets ("产量（万吨）"), after a unit marker
    ("单位：亿元"), or as a trailing percent sign ("比重%")."""
    for m in lexicon.bracket_pattern().finditer(norm, cell.start, cell.end):
        found = unit_phrase(norm, m.start(1), m.end(1))
        if found:
            return found
    marked = _unit_line(norm, cell.start, cell.end)
    if marked:
        return marked
    if cell.end > cell.start and norm[cell.end - 1] in "%‰":
        return unit_phrase(norm, cell.end - 1, cell.end)
    return None


def _unit_line(norm: str, a: int, b: int) -> _Unit | None:
    """The unit after a unit marker in norm[a:b]: "单位：亿元", "计量单位：万吨"."""
    m = _marker_pattern().search(norm, a, b)
    return unit_phrase(norm, m.start(1), m.end(1)) if m else None


def _kept(norm: str, cell: _Cell, times) -> list[tuple[int, int]]:
    """The pieces of a header or label cell that name the thing: without unit brackets, a
    trailing percent sign, a unit line, time expressions and white space."""
    drop = bytearray(cell.end - cell.start)

    def cut(x: int, y: int) -> None:
        drop[max(x, cell.start) - cell.start:min(y, cell.end) - cell.start] = b"\x01" * (min(y, cell.end) - max(x, cell.start))

    for m in lexicon.bracket_pattern().finditer(norm, cell.start, cell.end):
        inside = norm[m.start(1):m.end(1)].strip(_SPACE + "±")
        if not inside or unit_phrase(norm, m.start(1), m.end(1)):
            cut(m.start(), m.end())
    for m in _marker_pattern().finditer(norm, cell.start, cell.end):
        cut(m.start(), m.end())
    for t in times:
        cut(t.start, t.end)
    for i in range(cell.start, cell.end):
        if norm[i] in _SPACE + "%‰±":
            cut(i, i + 1)
    pieces, run = [], None
    for i in range(cell.start, cell.end):
        if drop[i - cell.start]:
            if run is not None:
                pieces.append((run, i))
                run = None
        elif run is None:
            run = i
    if run is not None:
        pieces.append((run, cell.end))
    return pieces


def _joined(text: str, pieces: list[tuple[int, int]]) -> str:
    return "".join(text[a:b] for a, b in pieces)


def _number(norm: str, cell: _Cell) -> tuple[regex.Match, _Unit | None] | None:
    """The number a cell holds, with the unit written in the cell ("5.2%", "3.2万吨"); None for
    a cell of words ("持平", "—")."""
    m = _NUMBER.match(norm, cell.start, cell.end)
    if m is None:
        return None
    if m.end() == cell.end:
        return m, unit_phrase(norm, m.start("unit"), m.end("unit")) if m["unit"] else None
    if m["unit"] or norm[m.end():cell.end] in lexicon.grammar("date_unit"):
        return None  # "2019年" in a cell is a date
    own = unit_phrase(norm, m.end(), cell.end)
    return (m, own) if own else None


def _is_number(norm: str, cell: _Cell) -> bool:
    return _number(norm, cell) is not None


def _has(norm: str, cell: _Cell, role: str) -> tuple[int, int] | None:
    for word in lexicon.table_words()[role]:
        at = norm.find(word, cell.start, cell.end)
        if at >= 0:
            return at, at + len(word)
    return None


@dataclass
class _Column:
    parts: list[_Cell]  # its header cells, top to bottom (a covered cell is the one covering it)
    code: bool = False
    units: bool = False
    growth: tuple[int, int] | None = None  # the growth or share word of its header


def _header_parts(headers: list[list[_Cell]], k: int) -> list[_Cell]:
    parts = []
    for r, row in enumerate(headers):
        cell = row[k] if k < len(row) else None
        if (cell is None or cell.start == cell.end) and r < len(headers) - 1:
            left = [c for c in row[:k] if c.start < c.end]
            cell = left[-1] if left else None  # a merged cell spans the empty ones to its right
        if cell is not None and cell.start < cell.end:
            parts.append(cell)
    return parts


def _column(norm: str, parts: list[_Cell]) -> _Column:
    words = lexicon.table_words()
    column = _Column(parts)
    for cell in parts:
        whole = norm[cell.start:cell.end]
        column.code = column.code or whole in words["code_column"]
        column.units = column.units or whole in words["unit_column"]
        column.growth = column.growth or _has(norm, cell, "growth") or _has(norm, cell, "share")
    return column


def _title_lines(norm: str, lines: list[tuple[int, int]], first: int) -> list[tuple[int, int]]:
    """The title and unit lines right above the table's first row (no blank line between): a
    unit line ("单位：亿元") may stand under the title; the title ends the climb."""
    out = []
    markers = lexicon.table_words()["unit_marker"]
    for a, b in reversed(lines[max(0, first - 2):first]):
        line = norm[a:b].strip(_SPACE)
        if not line or len(line) > _TITLE_MAX or line.endswith(tuple(lexicon.punctuation("line_final"))):
            break
        out.append((a, b))
        if not (line.startswith(markers) and _unit_line(norm, a, b)):
            break
    return out[::-1]


def _is_header(norm: str, row: list[_Cell], columns: int) -> bool:
    """A row whose cells under value columns hold no number."""
    return not any(_is_number(norm, c) for c in row[1:columns])


def _is_title_row(norm: str, row: list[_Cell]) -> bool:
    """A first line that holds only a title and a unit cell ("表2  财政收支\t单位：万元")."""
    filled = [c for c in row if c.start < c.end]
    return 1 <= len(filled) <= 2 and _unit_line(norm, filled[-1].start, filled[-1].end) is not None


def _read(doc: Document, lines: list[tuple[int, int]], first: int, last: int) -> Table | None:
    norm, text = doc.norm, doc.text
    titles = _title_lines(norm, lines, first)
    if _is_title_row(norm, _cells(norm, *lines[first])):
        titles, first = titles + [lines[first]], first + 1
    if last - first < 2:
        return None
    rows = [_cells(norm, *lines[i]) for i in range(first, last)]
    width = max(len(r) for r in rows)
    n_headers = 1
    while n_headers < min(_HEADERS_MAX, len(rows) - 1) and _is_header(norm, rows[n_headers], width):
        n_headers += 1
    headers, body = rows[:n_headers], rows[n_headers:]
    start = titles[0][0] if titles else lines[first][0]
    columns = [_column(norm, _header_parts(headers, k)) for k in range(width)]
    label_at = next((k for k, c in enumerate(columns) if not c.code), 0)
    unit_line = next((u for u in (_unit_line(norm, a, b) for a, b in titles) if u), None)
    if unit_line is None:
        unit_line = next((u for row in headers for c in row if c.start < c.end
                          for u in [_unit_line(norm, c.start, c.end)] if u), None)
    title_times = [t for a, b in titles for t in _times(doc, a, b) if t.year and t.governs]
    numbered = {k for row in body for k, c in enumerate(row) if _is_number(norm, c)}
    value_columns = [k for k, c in enumerate(columns) if k != label_at and k in numbered and not (c.code or c.units)]
    first_value = next((k for k in value_columns if not columns[k].growth), -1)
    plain_words = lexicon.table_words()["plain"]
    of_which = lexicon.table_words()["of_which"]

    cells, text_cells, code_cells = [], [_title_label(norm, a, b) for a, b in titles], []
    text_cells += [Span(u.start, u.end) for u in [unit_line] if u]
    for row in headers:
        text_cells += [Span(c.start, c.end) for c in row if c.start < c.end]
    for row in body:
        label = row[label_at] if label_at < len(row) else _Cell(lines[first][0], lines[first][0])
        label_pieces = _label_pieces(norm, label, of_which)
        row_unit = _unit_in(norm, label) if label.start < label.end else None
        unit_cell = next((row[k] for k, c in enumerate(columns) if c.units and k < len(row)), None)
        cell_unit = unit_phrase(norm, unit_cell.start, unit_cell.end) if unit_cell and unit_cell.start < unit_cell.end else None
        for k, cell in enumerate(row):
            if cell.start == cell.end:
                continue
            column = columns[k] if k < len(columns) else _Column([])
            if column.code:
                code_cells.append(Span(cell.start, cell.end))
                continue
            if k == label_at or column.units or not _is_number(norm, cell):
                text_cells.append(Span(cell.start, cell.end))
                continue
            header_times = [t for p in column.parts for t in _times(doc, p.start, p.end) if t.year and t.governs]
            readings = []
            number, own = _number(norm, cell)
            readings.append(("table_cell_unit", own))
            header = next((u for p in reversed(column.parts) for u in [_unit_in(norm, p)] if u), None)
            readings.append(("table_column_header", header))
            if column.growth:
                readings.append(("table_growth_column", _Unit("%", Decimal(1), "%", *column.growth)))
            readings += [("table_row_label", row_unit), ("table_unit_column", cell_unit), ("table_unit_line", unit_line)]
            units = tuple(Reading(rule, u.code, u.start, u.end) for rule, u in readings if u)
            chosen = next((u for _, u in readings if u), None)
            cells.append(TableCell(
                mention=_mention(norm, cell, number, chosen),
                units=units,
                metric=_metric(text, norm, label, label_pieces, column, k == first_value, plain_words, header_times),
                years=tuple([Reading("table_column_year", t.year, t.start, t.end) for t in header_times[:1]]
                            + [Reading("table_title_year", t.year, t.start, t.end) for t in title_times[:1]]),
            ))
    return Table(start, lines[last - 1][1], tuple(cells), tuple(text_cells), tuple(code_cells))


@lru_cache(maxsize=None)
def _caption_pattern() -> regex.Pattern:
    """The number label that opens a table's or a figure's caption: "表1", "图2", "附表3"."""
    labels = "|".join(map(regex.escape, lexicon.table_words()["title_label"]))
    return regex.compile(rf"\s*(?:{labels})\s*\d+")


def is_caption(text: str) -> bool:
    """A table's or a figure's caption ("图2  2021-2025年三次产业增加值"): it names what the table
    or figure shows and heads no section of the text."""
    return _caption_pattern().match(text) is not None


def _title_label(norm: str, a: int, b: int) -> Span:
    """The number label that opens a title ("表1"), which numbers the table."""
    m = _caption_pattern().match(norm, a, b)
    return Span(a, m.end()) if m else Span(a, a)


def _times(doc: Document, a: int, b: int):
    """The time expressions of norm[a:b], with offsets into the document."""
    return [type(t)(t.start + a, t.end + a, t.year, t.direct, t.base, t.event) for t in find_times(doc.norm[a:b], doc.year)]


def _label_pieces(norm: str, label: _Cell, of_which: tuple[str, ...]) -> list[tuple[int, int]]:
    """The row label without its "of which" marker ("其中：", "#"), its unit and inner spaces."""
    a = label.start
    marked = True
    while marked:
        marked = False
        for word in of_which:
            if norm.startswith(word, a):
                a += len(word)
                marked = True
        while a < label.end and norm[a] in _SPACE:
            a += 1
    return _kept(norm, _Cell(a, label.end), ())


def _mention(norm: str, cell: _Cell, number, unit: _Unit | None) -> Mention:
    """The number of a cell as a mention: its span is the number (with its sign and its own
    percent sign), its value scaled by the unit the table gives it."""
    digits = number["digits"].replace(",", "") + (number["decimals"] or "")
    value = Decimal(digits) * (unit.factor if unit else 1)
    if number["sign"] in ("-", "−"):
        value = -value
    return Mention(
        start=cell.start, end=cell.end, value=value, value_max=None,
        unit=unit.code if unit else "", unit_surface=unit.surface if unit else "",
        qualifier="=", rule=TABLE_CELL, unit_end=cell.end,
    )


def _metric(text: str, norm: str, label: _Cell, label_pieces, column: _Column, first_value: bool,
            plain: tuple[str, ...], header_times) -> Reading:
    """The row label as written, joined with the column header's words unless the column holds
    the plain values (the first value column, or one headed "绝对数", a year or a unit alone)."""
    row = _joined(text, label_pieces)
    parts = sorted(column.parts, key=lambda c: _has(norm, c, "growth") is not None or _has(norm, c, "share") is not None)
    pieces = [p for cell in parts for p in _kept(norm, cell, header_times)]  # "产量" before "比上年增长"
    words = _joined(text, pieces)
    folded = _joined(norm, pieces)
    is_plain = not column.growth and (first_value or not folded or folded in plain)
    if is_plain or not words:
        return Reading("table_row", row, label.start, label.end)
    return Reading("table_row_column", row + words, label.start, label.end)


def find_tables(doc: Document) -> list[Table]:
    """Every table of the document: each run of lines holding a TAB, read with its title."""
    lines = _lines(doc.norm)
    out, i = [], 0
    while i < len(lines):
        if "\t" not in doc.norm[lines[i][0]:lines[i][1]]:
            i += 1
            continue
        j = i
        while j < len(lines) and "\t" in doc.norm[lines[j][0]:lines[j][1]]:
            j += 1
        table = _read(doc, lines, i, j) if j - i >= 2 else None
        if table is not None:
            out.append(table)
        i = j
    return out
