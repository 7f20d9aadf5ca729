"""The extraction as a Dask DataFrame, for users who already work in Dask: one partition per
document, with the fact table's dtypes, computed wherever the active Dask scheduler runs it.

    import zhfacts.dask
    claims = zhfacts.dask.extract(["reports/"], year="2020")
    claims.groupby("unit").value.sum().compute()
"""
from __future__ import annotations

from pathlib import Path

from .errors import ZhfactsError
from .engines import Options, extract_table
from .learn.decider import ON_BY_DEFAULT
from .table import to_frame


def extract(paths: list[str | Path], year: str | None = None, place: str | None = None,
            explain: bool = False, model: bool = ON_BY_DEFAULT):
    """A Dask DataFrame of the claims of the given files and directories of .txt files."""
    import dask
    import dask.dataframe as dd

    from .cli.extract import input_files

    files = input_files([str(p) for p in paths])
    if any(f == "-" for f, _ in files):
        raise ZhfactsError("-", "standard input cannot be sent to Dask workers; give files")
    options = Options(year, place, explain, model)
    parts = [dask.delayed(extract_table, pure=True)(Path(f), options, doc_id) for f, doc_id in files]
    # The table's own dtypes (text as objects), not Dask's conversion of text to Arrow strings.
    with dask.config.set({"dataframe.convert-string": False}):
        return dd.from_delayed(parts, meta=to_frame([]), verify_meta=True)
