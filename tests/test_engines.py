"""Engines: the serial run, the process pool (--jobs) and a Dask LocalCluster (--scheduler local)
give the same rows in input order, and an interrupted parallel run leaves nothing behind."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from zhfacts.cli import main
from zhfacts.engines import Options, results
from zhfacts.io.tables import read_table

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def serial(tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("serial") / "serial.csv"
    assert main(["extract", str(CORPUS), "-o", str(out), "--jobs", "1"]) == 0
    return read_table(out)


def corpus_run(tmp_path, *options) -> pd.DataFrame:
    out = tmp_path / "out.csv"
    assert main(["extract", str(CORPUS), "-o", str(out), *options]) == 0
    return read_table(out)


def test_the_corpus_gives_rows_in_input_order(serial):
    order = [p.stem for p in sorted(CORPUS.glob("*.txt"))]
    seen = list(dict.fromkeys(serial["doc_id"]))
    assert seen == [d for d in order if d in seen] and len(seen) > 20


def test_process_pool_gives_exactly_the_serial_rows(tmp_path, serial):
    pd.testing.assert_frame_equal(corpus_run(tmp_path, "--jobs", "2"), serial)


def test_dask_local_cluster_gives_exactly_the_serial_rows(tmp_path, serial):
    pd.testing.assert_frame_equal(corpus_run(tmp_path, "--scheduler", "local"), serial)


def test_pool_keeps_input_order_when_an_early_file_is_slow(tmp_path):
    big = max(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    small = min(CORPUS.glob("*.txt"), key=lambda p: p.stat().st_size)
    items = [tmp_path / "a-big.txt"] + [tmp_path / f"b-small-{i}.txt" for i in range(5)]
    shutil.copyfile(big, items[0])
    for item in items[1:]:
        shutil.copyfile(small, item)
    done = list(results(items, Options(), jobs=2))
    assert [d.doc_id for d in done] == [p.stem for p in items]
    assert [d.characters for d in done] == [len(p.read_text(encoding="utf-8")) for p in items]


LOAD_COUNT = """
import os, shutil, sys
from pathlib import Path
from zhfacts.engines import Options
from zhfacts.engines import results
from zhfacts.lang.zh import words
from zhfacts.learn import decider

log, corpus, tmp = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])

def recorded(module, name):
    # a wrapper that appends "name pid" to the log; forked workers inherit it
    original = getattr(module, name)
    def wrapper(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{name} {os.getpid()}\\n")
        return original(*args, **kwargs)
    setattr(module, name, wrapper)

recorded(decider, "load_model")
recorded(words, "cached_path")  # the word trie, opened by tokenizer()
items = []
for i, doc in enumerate(sorted(corpus.glob("*-20*.txt"))[:6]):
    items.append(tmp / f"{i}-{doc.name}")
    shutil.copyfile(doc, items[-1])
done = list(results(items, Options(model=True), jobs=2))
assert [d.doc_id for d in done] == [p.stem for p in items] and sum(len(d.table) for d in done) > 0
print(os.getpid())
"""


def test_workers_load_nothing_the_parent_loaded(tmp_path):
    """In a fresh one-thread process (as the command line is), the parent loads the word trie and
    the model once and the forked workers load nothing."""
    log = tmp_path / "loads"
    done = subprocess.run([sys.executable, "-c", LOAD_COUNT, str(log), str(CORPUS), str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    pid = done.stdout.strip()
    assert sorted(log.read_text(encoding="utf-8").splitlines()) == [f"cached_path {pid}", f"load_model {pid}"]


LANGUAGES = """
import shutil, sys
from pathlib import Path
from zhfacts.engines import Options, results

corpus, tmp, lang = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
items = [tmp / f"{i}.txt" for i in range(3)]
for item in items:
    shutil.copyfile(corpus / ("wmt21-yina-en.txt" if lang == "en" else "kzhq-2020.txt"), item)
done = list(results(items, Options(), jobs=2))
assert all(d.rows for d in done)
print("spacy" in sys.modules)
"""


@pytest.mark.parametrize("lang, spacy", [("zh", False), ("en", True)])
def test_the_parent_loads_the_languages_of_its_documents_only(tmp_path, lang, spacy):
    """English needs spaCy, whose load costs more than a report: a Chinese archive never loads it."""
    done = subprocess.run([sys.executable, "-c", LANGUAGES, str(CORPUS), str(tmp_path), lang],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == str(spacy)


def test_languages_are_peeked_from_the_opening_of_each_file(tmp_path):
    from zhfacts.engines import languages_of

    legacy = tmp_path / "big5.txt"
    legacy.write_bytes(("全縣財政收入增長百分之十。\n" * 2000).encode("big5"))  # cut past the peek
    english = tmp_path / "en.txt"
    shutil.copyfile(CORPUS / "wmt21-yina-en.txt", english)
    missing = tmp_path / "missing.txt"
    assert languages_of([legacy, missing], Options()) == {"zh", "zh-Hant"}
    assert languages_of([legacy, english], Options()) == {"zh", "zh-Hant", "en"}
    assert languages_of([english], Options(lang="zh")) == {"zh"}


def test_a_process_with_other_threads_spawns_its_workers():
    """A fork copies locks other threads may hold: with a second thread alive, workers are spawned."""
    from zhfacts.engines import pool

    assert pool._context()[1] == (pool._threads() == 1)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        context, inherited = pool._context()
        assert context.get_start_method() == "spawn" and not inherited
    finally:
        stop.set()
        other.join()


LARGEST_FIRST = """
import shutil, sys
from pathlib import Path
from zhfacts import pipeline
from zhfacts.engines import Options, results

log, corpus, tmp = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
original = pipeline.document_for_path

def started(path, *args, **kwargs):
    with open(log, "a", encoding="utf-8") as f:
        f.write(Path(path).stem + "\\n")
    return original(path, *args, **kwargs)

pipeline.document_for_path = started  # forked workers inherit it
big = max(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)
small = min(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)
items = [tmp / f"a-small-{i}.txt" for i in range(5)] + [tmp / "b-big.txt"]
for item in items[:-1]:
    shutil.copyfile(small, item)
shutil.copyfile(big, items[-1])
done = list(results(items, Options(), jobs=2))
assert [d.doc_id for d in done] == [p.stem for p in items]
"""


def test_pool_sends_the_largest_waiting_document_first(tmp_path):
    log = tmp_path / "started"
    done = subprocess.run([sys.executable, "-c", LARGEST_FIRST, str(log), str(CORPUS), str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "b-big" in log.read_text(encoding="utf-8").splitlines()[:2]


def test_errors_from_a_worker_name_the_file(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("2020年全旗黄牛存栏达80万头。", encoding="utf-8")
    bad = tmp_path / "zbad.txt"
    bad.write_bytes(b"\x00\x01binary")
    out = tmp_path / "out.csv"
    assert main(["extract", str(good), str(bad), "-o", str(out), "--jobs", "2"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err and "binary" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.txt", "zbad.txt"]


def test_jobs_must_be_a_positive_number(capsys):
    with pytest.raises(SystemExit):
        main(["extract", "--jobs", "0"])
    assert "--jobs" in capsys.readouterr().err


@pytest.fixture
def archive(tmp_path) -> Path:
    """Eighty copies of the corpus reports: long enough a run to interrupt in the middle."""
    folder = tmp_path / "archive"
    folder.mkdir()
    docs = sorted(CORPUS.glob("*.txt"))
    for i in range(80):
        shutil.copyfile(docs[i % len(docs)], folder / f"doc-{i:02d}.txt")
    return folder


def _partly_written(folder: Path) -> bool:
    """A temporary output beside the target holds some rows already."""
    for tmp in folder.glob(".*"):
        if tmp.is_file() and tmp.stat().st_size or tmp.is_dir() and any(tmp.glob("part.*")):
            return True
    return False


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("target", ["out.csv", "dataset"])
def test_interrupted_parallel_run_leaves_no_output_and_no_temp_files(tmp_path, archive, sig, target):
    out = tmp_path / "out"
    out.mkdir()
    cmd = [sys.executable, "-m", "zhfacts", "extract", str(archive), "-o", str(out / target), "--jobs", "2"]
    if target == "dataset":
        cmd += ["--format", "parquet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # Interrupt once the first documents are written: workers busy, output half built.
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and not _partly_written(out):
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode != 0 and "interrupted" in err
    assert list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "out"]


def test_a_long_document_comes_block_by_block_on_every_engine(tmp_path, monkeypatch):
    """Each block's rows are written when it is done (flat memory), and a pool or a cluster
    spreads the blocks of one file over its workers, cut where this process cut them; a
    document list still has one row for the file."""
    import zhfacts.engines as engines

    path = tmp_path / "long.txt"
    path.write_text("\n\n".join(f"{2000 + i}年第{i}村投入{i + 1}万元。" for i in range(30)) + "\n", encoding="utf-8")
    monkeypatch.setattr(engines, "BLOCK_CHARS", 120)
    serial = list(engines.results([path], Options(year="2040"), jobs=1))
    assert len(serial) > 3 and [d.block for d in serial] == list(range(len(serial)))
    assert [d.last for d in serial] == [False] * (len(serial) - 1) + [True]
    assert {d.characters for d in serial} == {len(path.read_text(encoding="utf-8"))}
    whole = engines.extract_item(path, Options(year="2040"))
    assert whole.blocks == 1 and whole.rows == [row for d in serial for row in d.rows]
    pooled = list(engines.results([path], Options(year="2040"), jobs=2))
    assert [(d.block, d.blocks, d.rows) for d in pooled] == [(d.block, d.blocks, d.rows) for d in serial]
    clustered = list(engines.results([path], Options(year="2040"), scheduler="local"))
    assert [(d.block, d.blocks, d.rows) for d in clustered] == [(d.block, d.blocks, d.rows) for d in serial]


@pytest.mark.parametrize("files, blocks, pooled", [(1, 1, False), (1, 3, True), (2, 1, True)],
                         ids=["one file of one block", "one file of three blocks", "two files"])
def test_a_pool_starts_only_for_more_than_one_task(tmp_path, monkeypatch, files, blocks, pooled):
    """--jobs 2 starts worker processes only where there are two tasks to share: a file of more
    bytes than a block has characters (Chinese text, three bytes a character) but of one block
    is extracted in this process, as a pool of one worker would only add its start-up."""
    import zhfacts.engines as engines
    import zhfacts.engines.pool as pool

    started = []
    real = pool.results
    monkeypatch.setattr(pool, "results", lambda *args: started.append(True) or real(*args))
    paragraph = "全县今年投入资金5万元。"
    monkeypatch.setattr(engines, "BLOCK_CHARS", len(paragraph) + 3)  # a paragraph a block
    paths = []
    for k in range(files):
        path = tmp_path / f"doc{k}.txt"
        path.write_text("\n\n".join([paragraph] * blocks) + "\n", encoding="utf-8")
        assert path.stat().st_size > engines.BLOCK_CHARS and len(engines.blocks(path.read_text(encoding="utf-8"))) == blocks
        paths.append(path)
    found = list(engines.results(paths, Options(), jobs=2))
    assert bool(started) == pooled
    assert len(found) == files * blocks and all(d.rows for d in found)
    assert found == list(engines.results(paths, Options(), jobs=1))


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_off_within_a_block_and_as_it_was_after(tmp_path, monkeypatch, enabled):
    """A block is extracted with the cyclic collector off; afterwards it is as the caller had it,
    also when the extraction fails."""
    import gc

    import zhfacts.pipeline as pipeline
    import zhfacts.engines as engines

    path = tmp_path / "one.txt"
    path.write_text("2020年全县投入资金300万元。\n", encoding="utf-8")
    seen = []
    rows = pipeline.document_rows

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return rows(*args, **kwargs)

    monkeypatch.setattr(pipeline, "document_rows", spy)
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        assert len(engines.extract_item(path, Options()).rows) == 1
        assert seen == [False] and gc.isenabled() is enabled

        def fail(*args, **kwargs):
            raise RuntimeError("stop")

        monkeypatch.setattr(pipeline, "document_rows", fail)
        with pytest.raises(RuntimeError):
            engines.extract_item(path, Options())
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
