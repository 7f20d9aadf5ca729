"""The extraction as a Dask DataFrame, for users who already work in Dask: one partition per
document, with the fact table's dtypes, computed wherever the active Dask scheduler runs it.

    import zhfacts.dask
    claims = zhfacts.dask.extract(["reports/"], year="2020")
    claims.groupby("unit").value.sum().compute()
"""
from __future__ import annotations

from pathlib import Path

from .errors import ZhfactsError
from .engines import Options, extract_item
from .learn.decider import ON_BY_DEFAULT
from .table import to_frame


def extract(paths: list[str | Path], year: str | None = None, place: str | None = None,
            explain: bool = False, model: bool = ON_BY_DEFAULT, lang: str | None = None,
            kind: str | None = None, keep_going: bool = False):
    """A Dask DataFrame of the claims of the given files and directories of .txt files, with
    the options of ``zhfacts extract``; with ``keep_going`` an unreadable file is an empty
    partition instead of an error."""
    from .cli.extract import input_files

    frame, _ = partitions(input_files([str(p) for p in paths]), Options(year, place, explain, model, lang, kind, keep_going))
    return frame


def partitions(files: list[tuple[str, str]], options: Options):
    """The Dask DataFrame of (file, doc_id) pairs, and beside it, one lazy value per file: why it
    was skipped (``--keep-going``), else None. Both come from one extraction per file when
    computed together."""
    import dask
    import dask.dataframe as dd

    if any(f == "-" for f, _ in files):
        raise ZhfactsError("-", "standard input cannot be sent to Dask workers; give files")
    done = [dask.delayed(extract_item, pure=True)(Path(f), options, doc_id) for f, doc_id in files]
    # The table's own dtypes (text as objects), not Dask's conversion of text to Arrow strings.
    with dask.config.set({"dataframe.convert-string": False}):
        frame = dd.from_delayed([d.table for d in done], meta=to_frame([]), verify_meta=True)
    return frame, [d.skipped for d in done]
