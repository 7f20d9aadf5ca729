"""Word tables that are slow to parse at every start (jieba's word tags, CC-CEDICT), parsed once
into an SQLite file in the temporary directory and then looked up word by word, so a process
opens them in a millisecond instead of loading them whole. A cache that cannot be read or
written is rebuilt or skipped; it never changes a result."""
from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing, suppress
from pathlib import Path
from typing import Callable

_VERSION = "2"


class WordTable:
    """A read-only str -> str mapping over an SQLite table, or over a dict when no cache can be
    written (a read-only temporary directory)."""

    def __init__(self, name: str, key: str, build: Callable[[], dict[str, str]]):
        path = Path(tempfile.gettempdir()) / f"zhfacts-{name}-{_VERSION}-{key}.sqlite"
        self._memory: dict[str, str] | None = None
        self._db: sqlite3.Connection | None = None
        with suppress(sqlite3.Error):
            if path.exists():
                self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                return
        table = build()
        with suppress(sqlite3.Error, OSError):
            _write(path, table)
            self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            return
        self._memory = table

    def get(self, word: str, default: str | None = None) -> str | None:
        if self._memory is not None:
            return self._memory.get(word, default)
        row = self._db.execute("SELECT v FROM t WHERE k = ?", (word,)).fetchone()
        return row[0] if row else default


def _write(path: Path, table: dict[str, str]) -> None:
    """Write beside the target, then move into place, so a reader never sees half a table."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
    os.close(fd)
    try:
        with closing(sqlite3.connect(tmp)) as db:
            db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
            db.executemany("INSERT INTO t VALUES (?, ?)", table.items())
            db.commit()
        os.replace(tmp, path)
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
