"""Tables written as a directory: a partitioned Parquet dataset, one file per document.

A directory output is built in a temporary directory beside the target and moved into place
only when the whole run succeeded, so a failed or interrupted run leaves neither output nor
temporary files, and an earlier output survives it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator

from ..errors import ZhfactsError
from .atomic import raise_if_stopped, signals_held
from ..table import DTYPES

if TYPE_CHECKING:
    import pandas as pd

#: The name of partition ``i``: zero-padded so that name order is partition order.
PART = "part.{:05d}.parquet"


def is_dataset(path: Path | str, fmt: str | None) -> bool:
    """``-o DIR --format parquet``: a Parquet output not named ``*.parquet`` is a dataset, unless
    it is stdout or something other than a directory already (a device, a file, a link to one)."""
    target = Path(path)
    return (fmt == "parquet" and str(path) != "-" and target.suffix.lower() != ".parquet"
            and not (target.exists() and not target.is_dir()))


def arrow_schema():
    """The Arrow schema of every partition, from the table's dtypes (an empty partition too)."""
    import pyarrow as pa

    types = {"int64": pa.int64(), "Int64": pa.int64(), "float64": pa.float64(), "str": pa.string()}
    return pa.schema([(column, types[dtype]) for column, dtype in DTYPES.items()])


@contextmanager
def atomic_directory(target: Path | str, kind: str, ours: Callable[[Path], bool]) -> Iterator[Path]:
    """A temporary directory that replaces ``target`` when the block succeeds. An existing
    target is replaced only if every file in it is one this kind of output writes."""
    target = Path(target)
    if target.exists() and not (target.is_dir() and all(ours(p) for p in target.iterdir())):
        raise ZhfactsError(target, f"exists and is not a {kind}; not replacing it")
    parent = target.parent if str(target.parent) else Path(".")
    try:
        tmp = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".tmp"))
    except OSError as exc:
        raise ZhfactsError(target, f"cannot create a directory in {parent}: {exc.strerror or exc}") from None
    try:
        yield tmp
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)
        with signals_held():  # an interruption waits until the target is whole again
            raise_if_stopped()
            _swap(tmp, target, parent)
    except OSError as exc:
        raise ZhfactsError(target, f"cannot write {kind}: {exc.strerror or exc}") from None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _swap(new: Path, target: Path, parent: Path) -> None:
    """Move ``new`` to ``target``; an existing target is moved aside first (a directory cannot be
    replaced in one step) and put back if the second step fails."""
    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(dir=parent, prefix=f".{target.name}.", suffix=".old"))
    try:
        os.replace(target, old)
    except BaseException:
        old.rmdir()
        raise
    try:
        os.replace(new, target)
    except BaseException:
        os.replace(old, target)
        raise
    shutil.rmtree(old)


def _is_part(path: Path) -> bool:
    return path.is_file() and path.name.startswith("part.") and path.suffix == ".parquet"


class ParquetDatasetWriter:
    """Writes each table given to it as the next partition of a Parquet dataset directory."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self._dir: Path | None = None
        self._parts = 0

    def __enter__(self) -> "ParquetDatasetWriter":
        self._context = atomic_directory(self.path, "Parquet dataset", _is_part)
        self._dir = self._context.__enter__()
        return self

    #: A partition is a typed table.
    takes_rows = False

    def write(self, df: "pd.DataFrame") -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pandas(df, schema=arrow_schema(), preserve_index=False)
        pq.write_table(table, self._dir / PART.format(self._parts))
        self._parts += 1

    def write_dask(self, ddf, *also):
        """A Dask DataFrame's partitions written by the workers that hold them; ``also`` are lazy
        values computed with them (from the same tasks), returned."""
        import dask

        write = ddf.to_parquet(self._dir, schema=arrow_schema(), write_index=False, write_metadata_file=False,
                               name_function=PART.format, compute=False)
        return dask.compute(write, *also)[1:]

    def __exit__(self, exc_type, exc, tb) -> bool:
        return self._context.__exit__(exc_type, exc, tb)
