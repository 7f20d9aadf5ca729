"""Tables that are slow to build at every start (jieba's dictionary with zhfacts' words and
their tags, CC-CEDICT, romanised place names, the gazetteer's index), built once into zhfacts'
cache directory and then opened in milliseconds: memory-mapped, their pages read as the words
are looked up, instead of loaded whole.

The cache directory is the user's (platformdirs: ~/.cache/zhfacts on Linux), or
``$ZHFACTS_CACHE_DIR``. A cache entry is named by a key of what it was built from, so a new
version builds a new entry. A cache file is checked when opened (its kind and version, the
byte order it was written in, its size and the count of its keys, so a truncated, foreign or
damaged file is noticed) and rebuilt when it fails; when nothing can be
written there (a read-only directory) the table is kept in memory. A cache never changes a result.
"""
from __future__ import annotations

import mmap
import os
import pickle
import sqlite3
import sys
import tempfile
import weakref
from array import array
from contextlib import suppress
from pathlib import Path
from typing import Callable

_VERSION = "3"

#: Every memo with an open SQLite connection. SQLite connections must not be carried across a
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


def write_sections(path: Path, kind: str, fields: list[str], sections: list[bytes]) -> None:
    """A file of byte sections memory-mapped by ``read_sections``: one header line (the kind, the
    machine's byte order, the sections' sizes, a few words of the caller's), then each section
    from an offset that is a multiple of 8, so a section of integers can be read in place."""
    sizes = [str(len(section)) for section in sections]
    header = f"{' '.join([kind, sys.byteorder, str(len(sections)), *sizes, *fields])}\n".encode("utf-8")
    with open(path, "wb") as fh:
        fh.write(header)
        for start, section in zip(_offsets(len(header), list(map(len, sections))), sections):
            fh.write(b"\0" * (start - fh.tell()))
            fh.write(section)


def read_sections(path: Path, kind: str) -> tuple[list[str], list[memoryview]]:
    """The caller's header words and the sections of a file ``write_sections`` wrote, mapped in
    place (the views keep the map open); ValueError when the file is of another kind, of the other
    byte order (its integers would read as other numbers) or not whole."""
    with open(path, "rb") as fh:
        mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    header = mapped[:mapped.find(b"\n") + 1]
    words = header.decode("utf-8").split()
    if len(words) < 3 or words[0] != kind or words[1] != sys.byteorder:
        raise ValueError(f"{path}: not a {kind} file of this machine")
    count = int(words[2])
    sizes = [int(w) for w in words[3:3 + count]]
    starts = _offsets(len(header), sizes)
    if len(sizes) != count or len(mapped) != (starts[-1] + sizes[-1] if sizes else len(header)):
        raise ValueError(f"{path}: not a whole {kind} file")
    view = memoryview(mapped)
    return words[3 + count:], [view[start:start + size] for start, size in zip(starts, sizes)]


def _offsets(header_size: int, sizes: list[int]) -> list[int]:
    starts, at = [], header_size
    for size in sizes:
        at = -(-at // 8) * 8
        starts.append(at)
        at += size
    return starts


class WordTable:
    """A read-only str -> str mapping built once into a memory-mapped file: a marisa trie of the
    words, and by key id where the word's value lies in one UTF-8 text, so a look-up is a trie
    probe and a slice; a dict when no cache can be written."""

    def __init__(self, name: str, key: str, build: Callable[[], dict[str, str]]):
        self._memory: dict[str, str] | None = None
        table: dict[str, str] | None = None

        def write(tmp: Path) -> None:
            nonlocal table
            table = build() if table is None else table
            _write_table(tmp, table)

        for rebuild in (False, True):
            # the byte order in the name: machines of both orders can share a cache directory
            path = cached_path(name, f"{key}-{sys.byteorder}.table", write, rebuild=rebuild)
            if path is None:
                break
            try:
                self._trie, self._bounds, self._text = _read_table(path)
                return
            except (OSError, RuntimeError, UnicodeDecodeError, ValueError):
                continue  # truncated, foreign or stale: built again
        self._memory = build() if table is None else table

    def get(self, word: str, default: str | None = None) -> str | None:
        if self._memory is not None:
            return self._memory.get(word, default)
        try:
            key = self._trie.get(word)
        except UnicodeEncodeError:
            return default  # a lone surrogate is no word of any table
        if key is None:
            return default
        return str(self._text[self._bounds[key]:self._bounds[key + 1]], "utf-8")


_TABLE = f"zhfacts-table-{_VERSION}"


def _write_table(path: Path, table: dict[str, str]) -> None:
    """The trie of the words, the bounds of each word's value by key id, the values' text."""
    import marisa_trie

    trie = marisa_trie.Trie(table)
    values = [b""] * len(trie)
    for word, value in table.items():
        values[trie.key_id(word)] = value.encode("utf-8")
    bounds = array("Q", [0])
    for value in values:
        bounds.append(bounds[-1] + len(value))
    write_sections(path, _TABLE, [], [trie.tobytes(), bounds.tobytes(), b"".join(values)])


def _read_table(path: Path):
    import marisa_trie

    _, (trie_bytes, bounds, text) = read_sections(path, _TABLE)
    trie = marisa_trie.Trie()
    trie.map(trie_bytes)  # the map stays open while the bounds and the text are read from it
    bounds = bounds.cast("Q")
    if len(bounds) != len(trie) + 1 or bounds[-1] != len(text):
        raise ValueError(f"{path}: its words and values do not match")
    return trie, bounds, text


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
