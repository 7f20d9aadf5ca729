"""Reading and writing fact tables (CSV, JSONL, Parquet) with one set of column types.

Gold files are edited by hand in spreadsheets and extractor output is written by code, so the
reader makes every format come back the same: offsets as int, values as float, everything
else as str with '' for missing ("2019" stays a string, never 2019.0). Writes are atomic so a
failed run never leaves a half-written or clobbered table.
"""
from __future__ import annotations

import io
import json
import math
import os
import signal
import sys
import tempfile
from contextlib import contextmanager, suppress
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from ..errors import ZhfactsError
from ..schema import EVIDENCE_COLUMNS

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


def table_files(path: Path | str) -> list[Path]:
    """The table files a path stands for: itself, or the tables directly inside a directory."""
    path = Path(path)
    if not path.exists():
        raise ZhfactsError(path, "no such file or directory")
    if not path.is_dir():
        return [path]
    files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower().lstrip(".") in FORMATS)
    if not files:
        raise ZhfactsError(path, "directory holds no .csv, .jsonl or .parquet files")
    return files


def read_table(path: Path | str) -> pd.DataFrame:
    """A fact table from one file or from every table directly inside a directory."""
    frames = [normalise(read_raw(f), f) for f in table_files(path)]
    if len(frames) == 1:
        return frames[0]
    return normalise(pd.concat(frames, ignore_index=True), path)


def read_raw(path: Path | str) -> pd.DataFrame:
    """One table file with cells as stored (CSV cells all str), for checks that report rows."""
    path = Path(path)
    fmt = table_format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ZhfactsError(path, exc.strerror or str(exc)) from None
    if not data.strip():
        raise ZhfactsError(path, "empty file")
    return {"csv": _read_csv, "jsonl": _read_jsonl, "parquet": _read_parquet}[fmt](path, data)


def _read_csv(path: Path, data: bytes) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ZhfactsError(path, f"not UTF-8 (byte {exc.start}); save the CSV as UTF-8") from None
    try:
        return pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise ZhfactsError(path, f"not a readable CSV table ({_one_line(exc)})") from None


def _read_jsonl(path: Path, data: bytes) -> pd.DataFrame:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ZhfactsError(path, f"not UTF-8 (byte {exc.start})") from None
    records = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ZhfactsError(path, f"line {number}: not valid JSON ({exc.msg})") from None
        if not isinstance(record, dict):
            raise ZhfactsError(path, f"line {number}: expected a JSON object, found {type(record).__name__}")
        records.append(record)
    return pd.DataFrame.from_records(records)


def _read_parquet(path: Path, data: bytes) -> pd.DataFrame:
    # Imported here: pyarrow is slow to import and most runs read CSV or JSONL.
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.read_table(pa.BufferReader(data)).to_pandas()
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise ZhfactsError(path, f"not a readable Parquet file ({_one_line(exc)})") from None


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def normalise(df: pd.DataFrame, source: Path | str) -> pd.DataFrame:
    """The table with the contract's types; a cell that cannot take its type names its row."""
    df = with_exact_values(df.copy())
    for column in df.columns:
        convert, dtype = NUMERIC_COLUMNS.get(column, (as_text, str))
        df[column] = pd.Series(_convert(df[column], source, column, convert), index=df.index, dtype=dtype)
    return df


def _convert(series: pd.Series, source: Path | str, column: str, convert) -> list:
    values = []
    for row, cell in enumerate(series, 1):
        try:
            values.append(convert(cell))
        except ValueError as exc:
            raise ZhfactsError(source, f"row {row}: column {column}: {exc}") from None
    return values


def is_missing(cell: object) -> bool:
    """True for an empty cell in any format: None, NaN, or blank text."""
    if cell is None:
        return True
    if isinstance(cell, float):
        return math.isnan(cell)
    if isinstance(cell, str):
        return not cell.strip()
    return bool(pd.isna(cell)) if pd.api.types.is_scalar(cell) else False


def as_text(cell: object) -> str:
    """A cell as text: '' when missing, integral numbers without '.0' (years stay "2019")."""
    if is_missing(cell):
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if hasattr(cell, "item") and not isinstance(cell, str):
        return as_text(cell.item())
    return str(cell)


def _to_float(cell: object) -> float:
    if is_missing(cell):
        raise ValueError("empty, expected a number")
    if isinstance(cell, bool):
        raise ValueError(f"{cell!r} is not a number")
    try:
        number = float(cell)
    except (TypeError, ValueError):
        raise ValueError(f"{cell!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{cell!r} is not a finite number")
    return number


def with_exact_values(df: pd.DataFrame) -> pd.DataFrame:
    """Fill an empty value from value_exact (a value beyond float range is written that way)."""
    if "value_exact" in df.columns and "value" in df.columns:
        df["value"] = [_exact_float(exact) if is_missing(value) and not is_missing(exact) else value
                       for value, exact in zip(df["value"], df["value_exact"])]
    return df


def exact_value(record: dict) -> Decimal:
    """A row's value exactly: value_exact when the table has it, else the float value."""
    exact = record.get("value_exact")
    return Decimal(str(exact).strip()) if not is_missing(exact) else Decimal(repr(float(record["value"])))


def _exact_float(cell: object) -> float:
    """A value_exact cell as a float: ±inf stands in memory for a value beyond float range
    (comparisons that must be exact read value_exact)."""
    try:
        return float(Decimal(str(cell).strip()))
    except InvalidOperation:
        raise ValueError(f"column value_exact: {cell!r} is not a number") from None


def _to_value(cell: object) -> float:
    if isinstance(cell, float) and math.isinf(cell):
        return cell
    return _to_float(cell)


def _to_optional_float(cell: object) -> float:
    return math.nan if is_missing(cell) else _to_float(cell)


def _to_int(cell: object) -> int:
    number = _to_float(cell)
    if not number.is_integer():
        raise ValueError(f"{cell!r} is not a whole number")
    if abs(number) >= 2 ** 63:
        raise ValueError(f"{as_text(cell)[:20]}… is too large for an offset")
    return int(number)


def _to_optional_int(cell: object):
    return pd.NA if is_missing(cell) else _to_int(cell)


#: Columns with a numeric type (converter, dtype); every other column is text.
NUMERIC_COLUMNS = {
    **{column: (_to_optional_int, "Int64") for column in EVIDENCE_COLUMNS},
    "start": (_to_int, "int64"),
    "end": (_to_int, "int64"),
    "value": (_to_value, "float64"),
    "value_max": (_to_optional_float, "float64"),
    "confidence": (_to_optional_float, "float64"),
}


def write_table(df: pd.DataFrame, path: Path | str, fmt: str | None = None) -> None:
    """Write atomically: a temporary file beside the target, then os.replace over it."""
    with TableWriter(path, fmt) as writer:
        writer.write(df)


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
            with _signals_held():  # the temporary file is known before a signal can arrive
                try:
                    fd, self._tmp = tempfile.mkstemp(dir=directory, prefix=f".{self.path.name}.", suffix=".tmp")
                except OSError as exc:
                    raise ZhfactsError(self.name, f"cannot create a file in {directory}: {exc.strerror or exc}") from None
                self._out = os.fdopen(fd, "wb")
        except BaseException:  # a signal held back above arrives here, before the with block
            self._finish(KeyboardInterrupt)
            raise
        return self

    def write(self, df: pd.DataFrame) -> None:
        try:
            if self.fmt == "parquet":
                import pyarrow as pa
                import pyarrow.parquet as pq

                table = pa.Table.from_pandas(df, preserve_index=False)
                if self._sink is None:
                    self._sink = pq.ParquetWriter(self._out, table.schema)
                self._sink.write_table(table.cast(self._sink.schema))
            elif self.fmt == "csv":
                first = self._columns is None
                bom = "\ufeff" if first and not self.direct else ""  # Excel needs it; a pipe does not
                self._out.write((bom + df.to_csv(index=False, header=first)).encode("utf-8"))
            else:
                self._out.write(_jsonl(df).encode("utf-8"))
            self._out.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError, TypeError, NotImplementedError) as exc:
            raise ZhfactsError(self.name, f"cannot write {self.fmt} table: {_one_line(exc)}") from None
        self._columns = list(df.columns)

    def __exit__(self, exc_type, exc, tb) -> None:
        with _signals_held():  # an interruption during clean-up waits until it is done
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
                        os.chmod(self._tmp, _mode_for(self.path))
                        os.replace(self._tmp, self.path)
                except BrokenPipeError:
                    raise
                except OSError as err:
                    raise ZhfactsError(self.name, f"cannot write {self.fmt} table: {_one_line(err)}") from None
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


@contextmanager
def _signals_held():
    """Hold Ctrl-C, SIGTERM and SIGHUP back for a moment: they arrive when it is over."""
    held = {signal.SIGINT, signal.SIGTERM} | ({signal.SIGHUP} if hasattr(signal, "SIGHUP") else set())
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode."""
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _jsonl(df: pd.DataFrame) -> str:
    """One JSON object per line, Chinese kept readable, floats at full precision, NaN as null."""
    lines = []
    for record in df.to_dict("records"):
        clean = {k: None if is_missing(v) and not isinstance(v, str) else v for k, v in record.items()}
        lines.append(json.dumps(clean, ensure_ascii=False, allow_nan=False, default=_json_default) + "\n")
    return "".join(lines)


def _json_default(value: object) -> object:
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")
