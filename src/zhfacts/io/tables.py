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
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd

from ..errors import ZhfactsError
from ..schema import EVIDENCE_COLUMNS
from .writer import FORMATS, TableWriter, one_line, table_format


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
        raise ZhfactsError(path, f"not a readable CSV table ({one_line(exc)})") from None


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
        raise ZhfactsError(path, f"not a readable Parquet file ({one_line(exc)})") from None


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
