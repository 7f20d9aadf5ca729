"""Interrupted runs: SIGTERM and SIGHUP clean up the temporary output as Ctrl-C does, also when
they come to the whole process group of a --jobs run; Ctrl-C in start-up is one line, and a full
disk while Parquet writes its footer is a one-line error."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from zhfacts.cli import main

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def big_doc(tmp_path_factory):
    """A document that takes the extractor a few seconds."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    text = "\n".join((CORPUS / f"{d}.txt").read_text(encoding="utf-8") for d in ("kzhq-2020", "gwr-2020"))
    path.write_text((text + "\n") * 12, encoding="utf-8")
    return path


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signal_removes_the_temporary_output(tmp_path, big_doc, signum):
    out = tmp_path / "out.csv"
    proc = subprocess.Popen([sys.executable, "-m", "zhfacts", "extract", str(big_doc), "-o", str(out)],
                            stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".out.csv.*.tmp")):  # the run is under way
        assert proc.poll() is None and time.monotonic() < deadline, "no temporary output appeared"
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 128 + signum
    assert err.count("\n") == 1 and err.startswith("zhfacts: interrupted") and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid``, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:  # the process ended while it was read
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs (a zombie left to an init that does not reap
    counts as ended), from /proc."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rpartition(")")[2].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            return True
    return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="workers are found in /proc")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signal_to_the_process_group_of_a_pool_run(tmp_path, big_doc, signum):
    """What timeout, systemd and ``kill -TERM -PGID`` do: the workers get the signal too."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text((CORPUS / "nea-2022.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "b.txt").write_bytes(big_doc.read_bytes())
    out = tmp_path / "out.csv"
    proc = subprocess.Popen([sys.executable, "-m", "zhfacts", "extract", str(docs), "-o", str(out), "--jobs", "2"],
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        # a.txt written: one worker waits for work (holding the lock of the task queue), one is busy
        while len(_children(proc.pid)) < 2 or not any(p.stat().st_size for p in tmp_path.glob(".out.csv.*.tmp")):
            assert proc.poll() is None and time.monotonic() < deadline, "the first document was not written"
            time.sleep(0.05)
        os.killpg(proc.pid, signum)
        _, err = proc.communicate(timeout=120)
        deadline = time.monotonic() + 60  # the resource tracker of spawned workers ends after the run
        while _group_alive(proc.pid):
            assert time.monotonic() < deadline, "a process of the run outlived it"
            time.sleep(0.05)
    finally:
        if _group_alive(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == 128 + signum
    assert err.count("\n") == 1 and err.startswith("zhfacts: interrupted") and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]


def test_ctrl_c_during_start_up_is_one_line(tmp_path):
    fake = tmp_path / "jieba"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise KeyboardInterrupt\n")  # Ctrl-C while the segmenter loads
    (tmp_path / "x.txt").write_text("2020年全旗黄牛存栏达80万头。", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "zhfacts", "extract", "x.txt"], env=env, cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 130 and done.stderr == "zhfacts: interrupted\n"


def test_full_disk_while_parquet_writes_its_footer(tmp_path, capsys, monkeypatch):
    import pyarrow.parquet as pq

    doc = tmp_path / "d.txt"
    doc.write_text("2020年投入30万元。", encoding="utf-8")
    real_close = pq.ParquetWriter.close

    def full(self):
        real_close(self)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(pq.ParquetWriter, "close", full)
    code = main(["extract", str(doc), "-o", str(tmp_path / "t.parquet")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "No space left on device" in err
    assert [p.name for p in tmp_path.iterdir()] == ["d.txt"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_full_device_is_one_line(capfd, fmt):
    done = subprocess.run([sys.executable, "-m", "zhfacts", "extract", str(CORPUS / "nea-2022.txt"),
                           "-o", "/dev/full", "--format", fmt], capture_output=True, text=True)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "No space left on device" in done.stderr


SWALLOWED = """
import gc, os, signal, sys
from zhfacts import cli
from zhfacts.engines import serial

class Finaliser:
    def __del__(self):
        try:
            os.kill(os.getpid(), signal.SIGTERM)  # its exception is raised here, in a finaliser,
            signal.pthread_sigmask(signal.SIG_BLOCK, [])  # where Python ignores it
        except BaseException:
            pass

real = serial.results

def results(*args):
    for done in real(*args):
        Finaliser()
        gc.collect()
        yield done

serial.results = results
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize("target", ["out.csv", "dataset"])
def test_a_stop_signal_swallowed_by_a_finaliser_still_leaves_no_output(tmp_path, target):
    """A signal's exception raised inside a finaliser is lost; the run still stops with 143 and
    commits no output."""
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(3):
        (docs / f"d{i}.txt").write_text("2020年全旗黄牛存栏达80万头。", encoding="utf-8")
    out = tmp_path / target
    args = ["extract", str(docs), "-o", str(out), "--jobs", "1"] + (["--format", "parquet"] if target == "dataset" else [])
    done = subprocess.run([sys.executable, "-c", SWALLOWED, *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 143 and done.stderr.strip().endswith("zhfacts: interrupted (SIGTERM)"), done.stderr[-500:]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs"]
