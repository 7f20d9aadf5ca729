"""Caches are checked when opened and rebuilt when broken, fall back to memory when nothing can
be written, live in zhfacts' own cache directory (jieba's too), and never change a result."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zhfacts import diskcache
from zhfacts.diskcache import WordTable
from zhfacts.errors import ZhfactsError
from zhfacts.pipeline import extract_text_table

WORDS = {f"词{i}": f"tag{i}" for i in range(5000)}


@pytest.fixture
def cache(tmp_path, monkeypatch):
    directory = tmp_path / "cache"
    monkeypatch.setenv("ZHFACTS_CACHE_DIR", str(directory))
    return directory


def _table(builds: list) -> WordTable:
    return WordTable("words", "k1", lambda: builds.append(1) or dict(WORDS))


def test_cache_is_built_once_then_read(cache):
    builds = []
    assert _table(builds).get("词42") == "tag42" and _table(builds).get("词4999") == "tag4999"
    assert builds == [1] and [p.name for p in cache.iterdir()] == [f"words-{diskcache._VERSION}-k1-{sys.byteorder}.table"]


def _break_truncated(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _break_schema(path: Path) -> None:
    path.unlink()
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (word TEXT, tag TEXT)")


def _break_garbage(path: Path) -> None:
    path.write_bytes(b"not a database" * 100)


def other_byte_order(path: Path) -> None:
    """The file as a machine of the other byte order would have written its header (its integers
    would read as other numbers here)."""
    other = {"little": "big", "big": "little"}[sys.byteorder]
    data = path.read_bytes()
    path.write_bytes(data.replace(f" {sys.byteorder} ".encode(), f" {other} ".encode(), 1))


@pytest.mark.parametrize("damage", [_break_truncated, _break_schema, _break_garbage, other_byte_order])
def test_broken_cache_is_rebuilt(cache, damage):
    _table([])
    path = next(cache.iterdir())
    damage(path)
    builds = []
    table = _table(builds)
    assert builds == [1] and table.get("词4999") == "tag4999" and table.get("词") is None
    builds = []
    assert _table(builds).get("词7") == "tag7" and builds == []  # the rebuilt file is whole


def test_unwritable_cache_directory_falls_back_to_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ZHFACTS_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    builds = []
    assert _table(builds).get("词3") == "tag3" and _table(builds).get("词4") == "tag4"
    assert builds == [1, 1]


def test_lone_surrogates_are_no_word_and_no_crash(cache, tmp_path):
    assert _table([]).get("\udc80") is None
    with pytest.raises(ZhfactsError, match="lone surrogate U\\+DC80 at offset 7"):
        extract_text_table("2020年投入\udc8030万元，村民\ud800。", "d", year="2020")


def test_jieba_cache_is_zhfacts_own_and_no_temp_file_is_left(tmp_path):
    temp, cache = tmp_path / "tmp", tmp_path / "cache"
    temp.mkdir()
    doc = tmp_path / "d.txt"
    doc.write_text("2020年全旗一共有三个村，共投入资金2.3万元。", encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(temp), "ZHFACTS_CACHE_DIR": str(cache)}
    for _ in range(2):
        done = subprocess.run([sys.executable, "-m", "zhfacts", "extract", str(doc)], env=env,
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert list(temp.iterdir()) == []
    assert any(p.name.startswith("jieba") for p in cache.iterdir())


def _object(builds: list) -> dict:
    return diskcache.cached_object("names", "k1", lambda: builds.append(1) or dict(WORDS))


@pytest.mark.parametrize("damage", [None, _break_truncated, _break_garbage])
def test_an_object_is_pickled_once_and_rebuilt_when_broken(cache, damage):
    first = []
    assert _object(first) == WORDS and first == [1]
    if damage:
        damage(cache / f"names-{diskcache._VERSION}-k1.pickle")
    again = []
    assert _object(again) == WORDS and again == ([1] if damage else [])
    assert _object(again) == WORDS and again == ([1] if damage else [])  # the rebuilt file is whole


def test_an_object_without_a_cache_is_built_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("ZHFACTS_CACHE_DIR", str(blocker / "cache"))
    builds = []
    assert _object(builds) == WORDS and _object(builds) == WORDS and builds == [1, 1]
