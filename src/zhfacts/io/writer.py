"""Writing tables (CSV, JSONL, Parquet) atomically, from rows or from a pandas table.

A row is a dict of column -> cell; a missing cell is None (or NaN). CSV and JSONL are written
from rows by the one formatting below, whether the rows come straight from the extractor or
from a pandas table, so extract writes them without importing pandas; Parquet needs a typed
pandas table.
"""
from __future__ import annotations

import csv
import io
import json
import math
import os
import sys
import tempfile
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from ..errors import ZhfactsError
from .atomic import new_mode, raise_if_stopped, signals_held

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("csv", "jsonl", "parquet")


def table_format(path: Path | str, fmt: str | None = None) -> str:
    """The format named by ``fmt`` or, failing that, by the file suffix (``-`` is stdout: CSV
    unless ``fmt`` says otherwise). A suffix naming another table format than ``fmt`` is refused,
    so that what is written can be read back by its name."""
    suffix = "" if str(path) == "-" else Path(path).suffix.lstrip(".").lower()
    if fmt and suffix in FORMATS and suffix != fmt:
        raise ZhfactsError(path, f"the suffix .{suffix} does not match --format {fmt}; name the file .{fmt}")
    name = (fmt or suffix or ("csv" if str(path) == "-" else "")).lower()
    if name not in FORMATS:
        wanted = ", ".join(f".{f}" for f in FORMATS)
        raise ZhfactsError(path, f"unknown table format {name!r} (expected {wanted})")
    return name


def one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def blank(cell: object) -> bool:
    """An empty cell: None or NaN (a pandas table's NA is None by the time it is a row)."""
    return cell is None or (isinstance(cell, float) and math.isnan(cell))


def csv_text(rows: Iterable[dict], columns: list[str], header: bool) -> str:
    """CSV lines of the rows: empty cells empty, floats at full precision (repr), minimal quoting."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(columns)
    writer.writerows(_cells(row, columns, "") for row in rows)
    return out.getvalue()


def _cells(row: dict, columns: list[str], empty: object) -> list:
    """The row's cells in column order, ``empty`` for a blank one (missing, None or NaN). A row
    holds plain cells (``frame_rows`` turns a pandas NA into None), among which NaN is the one
    unequal to itself: the test ``blank`` makes, without a call per cell of every row."""
    return [empty if cell is None or cell != cell else cell for cell in map(row.get, columns)]


def jsonl_text(rows: Iterable[dict], columns: list[str]) -> str:
    """One JSON object per line, Chinese kept readable, floats at full precision, empty as null."""
    return "".join(json.dumps(dict(zip(columns, _cells(row, columns, None))),
                              ensure_ascii=False, allow_nan=False, default=_json_default) + "\n"
                   for row in rows)


def _json_default(value: object) -> object:
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def frame_rows(df: "pd.DataFrame") -> list[dict]:
    """A pandas table as rows of plain Python cells, NA as None."""
    return df.astype(object).where(df.notna(), None).to_dict("records")


class TableWriter:
    """Streams tables chunk by chunk to their target and, for a regular file, atomically.

    A regular file (or a symbolic link to one, which stays a link) is written to a temporary
    file beside it and moved into place only on success; any exception inside the ``with``
    block removes the temporary file and leaves an existing target untouched. ``-`` is
    standard output; a device or FIFO (``/dev/stdout``) is written to as it is. Memory stays
    flat however many documents are written. The target is checked when the writer is made,
    before any extraction work.
    """

    def __init__(self, path: Path | str, fmt: str | None = None):
        self.name = str(path)
        self.stream = self.name == "-"
        given = Path(path)
        if given.is_dir():
            raise ZhfactsError(self.name, "is a directory, expected a table file")
        self.direct = self.stream or (given.exists() and not given.is_file())
        # A symbolic link is written through: the file it names is replaced, the link stays.
        self.path = given if self.direct else Path(os.path.realpath(given))
        self.fmt = table_format("-" if self.direct and not Path(path).suffix else path, fmt)
        self._tmp = ""
        self._out = None
        self._sink = None
        self._columns: list[str] | None = None

    def __enter__(self) -> "TableWriter":
        if self.stream:
            self._out = sys.stdout.buffer
            return self
        if self.direct:
            try:
                self._out = open(self.path, "wb")
            except OSError as exc:
                raise ZhfactsError(self.name, f"cannot open for writing: {exc.strerror or exc}") from None
            return self
        directory = self.path.parent
        try:
            with signals_held():  # the temporary file is known before a signal can arrive
                try:
                    fd, self._tmp = tempfile.mkstemp(dir=directory, prefix=f".{self.path.name}.", suffix=".tmp")
                except OSError as exc:
                    raise ZhfactsError(self.name, f"cannot create a file in {directory}: {exc.strerror or exc}") from None
                self._out = os.fdopen(fd, "wb")
        except BaseException:  # a signal held back above arrives here, before the with block
            self._finish(KeyboardInterrupt)
            raise
        return self

    @property
    def takes_rows(self) -> bool:
        """Whether rows can be written as they are (CSV, JSONL); Parquet needs a typed table."""
        return self.fmt != "parquet"

    def write(self, df: "pd.DataFrame") -> None:
        if self.takes_rows:
            self.write_rows(frame_rows(df), list(df.columns))
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        with self._errors():
            table = pa.Table.from_pandas(df, preserve_index=False)
            if self._sink is None:
                self._sink = pq.ParquetWriter(self._out, table.schema)
            self._sink.write_table(table.cast(self._sink.schema))
        self._columns = list(df.columns)

    def write_rows(self, rows: list[dict], columns: list[str]) -> None:
        """The next rows, CSV or JSONL: the header (and, to a file, the BOM Excel needs) first."""
        with self._errors():
            if self.fmt == "csv":
                first = self._columns is None
                bom = "\ufeff" if first and not self.direct else ""  # Excel needs it; a pipe does not
                self._out.write((bom + csv_text(rows, columns, header=first)).encode("utf-8"))
            else:
                self._out.write(jsonl_text(rows, columns).encode("utf-8"))
        self._columns = list(columns)

    @contextmanager
    def _errors(self):
        """A failed write as one line naming the file; a reader of stdout that went away as itself."""
        try:
            yield
            self._out.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError, TypeError, NotImplementedError) as exc:
            raise ZhfactsError(self.name, f"cannot write {self.fmt} table: {one_line(exc)}") from None

    def __exit__(self, exc_type, exc, tb) -> None:
        with signals_held():  # an interruption during clean-up waits until it is done
            self._finish(exc_type)

    def _finish(self, exc_type) -> None:
        try:
            if exc_type is None:
                try:
                    if self._sink is not None:
                        self._sink.close()  # the Parquet footer: a full disk shows here
                    self._out.flush()
                    if not self.stream:
                        self._out.close()
                    if not self.direct:
                        raise_if_stopped()
                        os.chmod(self._tmp, new_mode(self.path))
                        os.replace(self._tmp, self.path)
                except BrokenPipeError:
                    raise
                except OSError as err:
                    raise ZhfactsError(self.name, f"cannot write {self.fmt} table: {one_line(err)}") from None
        finally:
            if self._sink is not None and getattr(self._sink, "is_open", False):
                with suppress(Exception):  # after a failed write; not again when garbage-collected
                    self._sink.close()
                self._sink.is_open = False
            if not self.stream and self._out is not None:
                with suppress(OSError):
                    self._out.close()
            if self._tmp:
                with suppress(FileNotFoundError):
                    os.unlink(self._tmp)
