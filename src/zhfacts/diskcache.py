"""Tables that are slow to build at every start (jieba's dictionary with zhfacts' words, its
word tags, CC-CEDICT), built once into the user's cache directory (platformdirs) and then opened
in milliseconds: memory-mapped or looked up word by word instead of loaded whole. A cache entry
is named by a key of what it was built from, so a new version builds a new entry; a cache that
cannot be read or written is rebuilt or skipped, and never changes a result."""
from __future__ import annotations

import os
import sqlite3
import tempfile
from contextlib import closing, suppress
from pathlib import Path
from typing import Callable

_VERSION = "3"


def cache_dir() -> Path:
    """zhfacts' directory in the user's cache directory (on Linux $XDG_CACHE_HOME/zhfacts)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("zhfacts")) / _VERSION


def cached_path(name: str, key: str, build: Callable[[Path], None]) -> Path | None:
    """The cache file ``name-key``, built by ``build(path)`` when missing; None when the cache
    directory cannot be written. Built beside the target and moved into place, so a reader
    never sees half a file."""
    path = cache_dir() / f"{name}-{key}"
    if path.exists():
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        os.close(fd)
    except OSError:
        return None
    try:
        build(Path(tmp))
        os.replace(tmp, path)
        return path
    except (OSError, sqlite3.Error):
        return None
    finally:
        with suppress(FileNotFoundError):
            os.unlink(tmp)


class WordTable:
    """A read-only str -> str mapping over an SQLite table in the cache, or over a dict when no
    cache can be written (a read-only home)."""

    def __init__(self, name: str, key: str, build: Callable[[], dict[str, str]]):
        self._memory: dict[str, str] | None = None
        self._seen: dict[str, str | None] = {}
        self._db: sqlite3.Connection | None = None
        path = cached_path(name, f"{key}.sqlite", lambda tmp: _write(tmp, build()))
        if path is not None:
            with suppress(sqlite3.Error):
                self._db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
                return
        self._memory = build()

    def get(self, word: str, default: str | None = None) -> str | None:
        if self._memory is not None:
            return self._memory.get(word, default)
        if word not in self._seen:
            row = self._db.execute("SELECT v FROM t WHERE k = ?", (word,)).fetchone()
            self._seen[word] = row[0] if row else None
        found = self._seen[word]
        return default if found is None else found


class Memo:
    """A pure function of a string whose first call is slow (it loads large tables), remembered
    across runs in an SQLite table in the cache; when the cache cannot be used, only in memory."""

    def __init__(self, name: str, key: str, compute: Callable[[str], str]):
        self._compute = compute
        self._memory: dict[str, str] = {}
        self._db: sqlite3.Connection | None = None
        with suppress(sqlite3.Error, OSError):
            path = cache_dir() / f"{name}-{key}.sqlite"
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=5, isolation_level=None, check_same_thread=False)
            db.execute("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
            self._db = db

    def __call__(self, text: str) -> str:
        if text in self._memory:
            return self._memory[text]
        value = None
        if self._db is not None:
            with suppress(sqlite3.Error):
                row = self._db.execute("SELECT v FROM t WHERE k = ?", (text,)).fetchone()
                value = row[0] if row else None
        if value is None:
            value = self._compute(text)
            if self._db is not None:
                with suppress(sqlite3.Error):
                    self._db.execute("INSERT OR IGNORE INTO t VALUES (?, ?)", (text, value))
        self._memory[text] = value
        return value


def _write(path: Path, table: dict[str, str]) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO t VALUES (?, ?)", table.items())
        db.commit()
