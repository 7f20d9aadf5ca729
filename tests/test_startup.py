"""Start-up: jieba's dictionary read from a memory-mapped trie segments exactly as jieba does,
and the word caches are built once into the user's cache directory, never into a temp dir."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jieba
import pytest

from zhfacts.lang.zh import words as tokens
from zhfacts.diskcache import cache_path

from test_word_tags import reference as jieba_reference

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def reference() -> jieba.Tokenizer:
    """jieba's own tokenizer with zhfacts' words added the documented way."""
    return jieba_reference()


@pytest.mark.parametrize("doc", sorted(p.stem for p in CORPUS.glob("*.txt")))
def test_trie_segments_every_corpus_document_as_jieba_does(reference, doc):
    text = (CORPUS / f"{doc}.txt").read_text(encoding="utf-8")
    assert list(tokens.tokenizer().tokenize(text, HMM=False)) == list(reference.tokenize(text, HMM=False))
    assert tokens.tokenizer().lcut(text, HMM=True) == reference.lcut(text, HMM=True)


@pytest.mark.parametrize("word", ["中国", "贫困", "千瓦时", "科左后旗", "贫困发生率", "中", "xyz", "巴彦"])
def test_frequencies_and_total_are_jiebas(reference, word):
    assert tokens.jieba_frequency(word) == (reference.FREQ.get(word) or 0)
    assert tokens.tokenizer().total == reference.total


def test_own_words_keep_their_tags(reference):
    assert tokens.tokenizer().user_word_tag_tab == reference.user_word_tag_tab


def test_cache_directory_is_the_users(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("ZHFACTS_CACHE_DIR", raising=False)
    assert cache_path() == tmp_path / "zhfacts"


def _extract(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    src = tmp_path / "one.txt"
    src.write_text("2020年全旗黄牛存栏达80万头,人均养牛2.4头,人均收入1.2万元。", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "zhfacts", "extract", str(src), "-o", str(tmp_path / "out.csv")],
                          env={**_without_cache_dir(), **env}, capture_output=True, text=True, timeout=300)


def _without_cache_dir() -> dict[str, str]:
    """The environment without ``ZHFACTS_CACHE_DIR``, which would override the user cache
    directory the tests set."""
    return {k: v for k, v in os.environ.items() if k != "ZHFACTS_CACHE_DIR"}


def test_caches_are_built_once_in_the_user_cache_and_not_in_the_temp_dir(tmp_path):
    cache, temp_a, temp_b = tmp_path / "cache", tmp_path / "tmp-a", tmp_path / "tmp-b"
    temp_a.mkdir()
    temp_b.mkdir()
    first = _extract(tmp_path, {"XDG_CACHE_HOME": str(cache), "TMPDIR": str(temp_a)})
    assert first.returncode == 0, first.stderr
    built = {p.name: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()}
    assert {name.split("-")[0] for name in built} >= {"jieba", "gazetteer"}
    second = _extract(tmp_path, {"XDG_CACHE_HOME": str(cache), "TMPDIR": str(temp_b)})
    assert second.returncode == 0, second.stderr
    assert {p.name: p.stat().st_mtime_ns for p in cache.rglob("*") if p.is_file()} == built
    assert list(temp_a.iterdir()) == [] and list(temp_b.iterdir()) == []


def test_an_unwritable_cache_gives_the_same_rows(tmp_path):
    cached = _extract(tmp_path, {})
    rows = (tmp_path / "out.csv").read_bytes()
    blocked = tmp_path / "blocked"
    blocked.write_text("a file, so no cache directory can be made under it", encoding="utf-8")
    run = _extract(tmp_path, {"XDG_CACHE_HOME": str(blocked)})
    assert cached.returncode == 0 and run.returncode == 0, run.stderr
    assert (tmp_path / "out.csv").read_bytes() == rows


ROMANISE = """
import sys
from zhfacts.lang.zh.places import place_english
print(place_english("巴彦嘎查"), place_english("努古斯台镇"), "pypinyin" in sys.modules, sep="|")
"""


def test_romanised_names_are_remembered_across_runs(tmp_path):
    env = {**_without_cache_dir(), "XDG_CACHE_HOME": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", ROMANISE], env=env, capture_output=True, text=True, timeout=300)
            for _ in range(2)]
    assert [r.returncode for r in runs] == [0, 0], runs[0].stderr
    first, second = (r.stdout.strip().split("|") for r in runs)
    assert first == ["Bayan Gacha", "Nugusitai Town", "True"]
    assert second == ["Bayan Gacha", "Nugusitai Town", "False"]


def test_memo_without_a_cache_still_computes(monkeypatch, tmp_path):
    from zhfacts.diskcache import Memo

    blocked = tmp_path / "blocked"
    blocked.write_text("a file, not a directory", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.delenv("ZHFACTS_CACHE_DIR", raising=False)
    calls = []
    memo = Memo("upper", "1", lambda text: calls.append(text) or text.upper())
    assert [memo("ab"), memo("ab"), memo("cd")] == ["AB", "AB", "CD"] and calls == ["ab", "cd"]


HEAVY = ("pandas", "pyarrow", "tqdm", "zhfacts.factcheck", "zhfacts.eval")

LOADED = """
import sys
from zhfacts import cli
code = cli.main(["extract", "-q", *sys.argv[1:]])
print(code, *sorted(m for m in {heavy!r} if m in sys.modules), sep="|", file=sys.stderr)
"""


@pytest.mark.parametrize("output", [["-o", "out.csv"], ["-o", "out.jsonl"], ["--format", "jsonl"], []])
def test_extract_of_one_file_imports_neither_pandas_nor_the_fact_check_nor_a_progress_bar(tmp_path, output):
    src = tmp_path / "one.txt"
    src.write_text("2020年全旗黄牛存栏达80万头,人均收入1.2万元。", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", LOADED.format(heavy=HEAVY), str(src), *output], cwd=tmp_path,
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines()[-1] == "0", run.stderr
    assert "80万头" in (run.stdout + "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("out.*")))


def test_parquet_output_still_builds_a_typed_table(tmp_path):
    src = tmp_path / "one.txt"
    src.write_text("2020年全旗黄牛存栏达80万头。", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", LOADED.format(heavy=HEAVY), str(src), "-o", "out.parquet"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stderr.strip().splitlines()[-1].split("|")[1:] == ["pandas", "pyarrow"]
