"""Word tables that are slow to parse at every start (jieba's word tags, CC-CEDICT), parsed once
into an SQLite file in zhfacts' cache directory and then looked up word by word, so a process
opens them in a millisecond instead of loading them whole.

The cache directory is the user's (platformdirs: ~/.cache/zhfacts on Linux), or
``$ZHFACTS_CACHE_DIR``; jieba's own dictionary cache is kept there too. A cache file is
checked when opened (its schema version, its row count, so a truncated or foreign file is
noticed) and rebuilt when it fails; when nothing can be written there (a read-only
directory) the table is kept in memory. A cache never changes a result.
"""
from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing, suppress
from pathlib import Path
from typing import Callable

_VERSION = "3"


def cache_path() -> Path:
    """Where zhfacts keeps its caches: $ZHFACTS_CACHE_DIR, else the user's cache directory."""
    from platformdirs import user_cache_dir

    return Path(os.environ.get("ZHFACTS_CACHE_DIR") or user_cache_dir("zhfacts"))


def cache_dir() -> Path | None:
    """The cache directory, created if need be; None when it cannot be written."""
    path = cache_path()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return path if os.access(path, os.W_OK | os.X_OK) else None


class WordTable:
    """A read-only str -> str mapping over an SQLite table, or over a dict when no cache can be
    written."""

    def __init__(self, name: str, key: str, build: Callable[[], dict[str, str]]):
        directory = cache_dir()
        self._memory: dict[str, str] | None = None
        self._db: sqlite3.Connection | None = None
        path = directory / f"{name}-{_VERSION}-{key}.sqlite" if directory else None
        if path is not None and path.exists():
            self._db = _open(path)
            if self._db is not None:
                return
        table = build()
        if path is not None:
            with suppress(sqlite3.Error, OSError):
                _write(path, table)
                self._db = _open(path)
                if self._db is not None:
                    return
        self._memory = table

    def get(self, word: str, default: str | None = None) -> str | None:
        if self._memory is not None:
            return self._memory.get(word, default)
        try:
            row = self._db.execute("SELECT v FROM t WHERE k = ?", (word,)).fetchone()
        except UnicodeEncodeError:
            return default  # a lone surrogate is no word of any table
        return row[0] if row else default


def _open(path: Path) -> sqlite3.Connection | None:
    """A checked read-only connection, or None when the file is not a whole table of this
    version (truncated, another schema, not SQLite)."""
    db = None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(db.execute("SELECT k, v FROM meta"))
        if meta.get("version") != _VERSION or db.execute("SELECT count(*) FROM t").fetchone()[0] != int(meta["rows"]):
            raise sqlite3.DatabaseError("stale cache")
        db.execute("SELECT k, v FROM t ORDER BY k DESC LIMIT 1").fetchall()  # reads the last page
        return db
    except (sqlite3.Error, KeyError, ValueError, TypeError):
        if db is not None:
            db.close()
        return None


def _write(path: Path, table: dict[str, str]) -> None:
    """Write beside the target, then move into place, so a reader never sees half a table."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    os.close(fd)
    try:
        with closing(sqlite3.connect(tmp)) as db:
            db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
            db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
            db.executemany("INSERT INTO t VALUES (?, ?)", table.items())
            db.executemany("INSERT INTO meta VALUES (?, ?)", [("version", _VERSION), ("rows", str(len(table)))])
            db.commit()
        os.replace(tmp, path)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
