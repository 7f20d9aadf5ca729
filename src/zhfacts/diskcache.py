"""Tables that are slow to build at every start (jieba's dictionary with zhfacts' words, its
word tags, CC-CEDICT, romanised place names, the gazetteer's index), built once into zhfacts' cache directory and then
opened in milliseconds: memory-mapped or looked up word by word instead of loaded whole.

The cache directory is the user's (platformdirs: ~/.cache/zhfacts on Linux), or
``$ZHFACTS_CACHE_DIR``. A cache entry is named by a key of what it was built from, so a new
version builds a new entry. A cache file is checked when opened (its schema version, its row
count, so a truncated or foreign file is noticed) and rebuilt when it fails; when nothing can be
written there (a read-only directory) the table is kept in memory. A cache never changes a result.
"""
from __future__ import annotations

import os
import pickle
import sqlite3
import tempfile
import weakref
from contextlib import closing, suppress
from pathlib import Path
from typing import Callable

_VERSION = "3"

#: Every table with an open SQLite connection. SQLite connections must not be carried across a
#: fork: a forked worker opens its own, to the same file, before its first look-up.
_CONNECTED: weakref.WeakSet = weakref.WeakSet()


def _reconnect_all() -> None:
    for table in list(_CONNECTED):
        table._reconnect()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reconnect_all)


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


def cached_path(name: str, key: str, build: Callable[[Path], None], rebuild: bool = False) -> Path | None:
    """The cache file ``name-version-key``, built by ``build(path)`` when missing (or when
    ``rebuild``, after a reader found it broken); None when the cache directory cannot be
    written. Built beside the target and moved into place, so a reader never sees half a file."""
    directory = cache_dir()
    if directory is None:
        return None
    path = directory / f"{name}-{_VERSION}-{key}"
    if path.exists() and not rebuild:
        return path
    try:
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.")
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


def cached_object(name: str, key: str, build: Callable[[], object]) -> object:
    """A value slow to build and quick to unpickle (a dict of thousands of names and its
    automaton), built once into the cache and loaded from there; built again when the file is
    broken, and kept in memory only when nothing can be written."""
    built: list[object] = []

    def write(tmp: Path) -> None:
        built[:] = built or [build()]
        tmp.write_bytes(pickle.dumps(built[0], protocol=pickle.HIGHEST_PROTOCOL))

    for rebuild in (False, True):
        path = cached_path(name, f"{key}.pickle", write, rebuild=rebuild)
        if built:
            return built[0]
        if path is None:
            break
        try:
            return pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
            continue  # truncated or foreign: built again
    return build()


class WordTable:
    """A read-only str -> str mapping over an SQLite table, or over a dict when no cache can be
    written. Words looked up once are remembered in memory."""

    def __init__(self, name: str, key: str, build: Callable[[], dict[str, str]]):
        self._memory: dict[str, str] | None = None
        self._seen: dict[str, str | None] = {}
        self._db: sqlite3.Connection | None = None
        table: dict[str, str] | None = None

        def write(tmp: Path) -> None:
            nonlocal table
            table = build() if table is None else table
            _write(tmp, table)

        path = cached_path(name, f"{key}.sqlite", write)
        if path is not None:
            self._db = _open(path)
            if self._db is None:  # truncated, foreign or stale: built again
                path = cached_path(name, f"{key}.sqlite", write, rebuild=True)
                self._db = _open(path) if path is not None else None
            if self._db is not None:
                self._path = path
                _CONNECTED.add(self)
                return
        self._memory = build() if table is None else table

    def _reconnect(self) -> None:
        self._db = sqlite3.connect(f"file:{self._path}?mode=ro", uri=True, check_same_thread=False)

    def get(self, word: str, default: str | None = None) -> str | None:
        if self._memory is not None:
            return self._memory.get(word, default)
        if word not in self._seen:
            try:
                row = self._db.execute("SELECT v FROM t WHERE k = ?", (word,)).fetchone()
            except UnicodeEncodeError:
                return default  # a lone surrogate is no word of any table
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
        directory = cache_dir()
        if directory is None:
            return
        self._path = directory / f"{name}-{_VERSION}-{key}.sqlite"
        self._reconnect()
        if self._db is not None:
            _CONNECTED.add(self)

    def _reconnect(self) -> None:
        self._db = None
        with suppress(sqlite3.Error, OSError):
            db = sqlite3.connect(self._path, timeout=5, isolation_level=None, check_same_thread=False)
            db.execute("CREATE TABLE IF NOT EXISTS t (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
            self._db = db

    def __call__(self, text: str) -> str:
        if text in self._memory:
            return self._memory[text]
        value = None
        if self._db is not None:
            with suppress(sqlite3.Error, UnicodeEncodeError):
                row = self._db.execute("SELECT v FROM t WHERE k = ?", (text,)).fetchone()
                value = row[0] if row else None
        if value is None:
            value = self._compute(text)
            if self._db is not None:
                with suppress(sqlite3.Error, UnicodeEncodeError):
                    self._db.execute("INSERT OR IGNORE INTO t VALUES (?, ?)", (text, value))
        self._memory[text] = value
        return value


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
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID")
        db.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
        db.executemany("INSERT INTO t VALUES (?, ?)", table.items())
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("version", _VERSION), ("rows", str(len(table)))])
        db.commit()
