"""The command line's conventions (docs/cli.md): where data and messages go, output targets,
formats, exit codes, document names and years, and the bundled corpus from any directory."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pandas as pd
import pytest

import zhfacts
from zhfacts import pipeline
from zhfacts.cli import main
from zhfacts.cli.extract import input_files
from zhfacts.io.tables import read_table

REPO = Path(__file__).resolve().parents[1]
TEXT = "2020年全旗黄牛存栏达80万头,人均养牛2.4头。"


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


# --- where the table goes --------------------------------------------------------------------------

@pytest.mark.parametrize("args, first", [
    (["-o", "-"], "doc_id,start,end"),
    (["-o", "-", "--format", "jsonl"], '{"doc_id": "doc"'),
    (["--format", "csv"], "doc_id,start,end"),
    (["--format", "jsonl"], '{"doc_id": "doc"'),
])
def test_table_to_stdout_in_its_format(doc, capsys, args, first):
    code, out, err = run(["extract", str(doc), "--year", "2020", *args], capsys)
    assert code == 0 and out.startswith(first) and err == ""
    assert "80万头" in out and len([line for line in out.splitlines() if "头" in line]) == 2


def test_symlink_output_is_written_through(tmp_path, doc, capsys):
    target = tmp_path / "real.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert run(["extract", str(doc), "-o", str(link)], capsys)[0] == 0
    assert link.is_symlink() and list(read_table(target)["text"]) == ["80万头", "2.4头"]


@pytest.mark.parametrize("existing, umask, mode", [
    (None, 0o022, 0o644),
    (None, 0o077, 0o600),
    (None, 0o002, 0o664),
    (0o600, 0o022, 0o600),  # a replaced file keeps its permissions
    (0o664, 0o077, 0o664),
])
@pytest.mark.parametrize("through_link", [False, True], ids=["file", "link"])
def test_report_output_keeps_link_and_permissions(tmp_path, doc, capsys, existing, umask, mode, through_link):
    target = tmp_path / "real.html"
    if existing is not None:
        target.write_text("old", encoding="utf-8")
        target.chmod(existing)
    given = tmp_path / "link.html" if through_link else target
    if through_link:
        given.symlink_to(target)
    previous = os.umask(umask)
    try:
        code, _, err = run(["report", str(doc), "-o", str(given), "--year", "2020", "-q"], capsys)
    finally:
        os.umask(previous)
    assert (code, err) == (0, "")
    assert given.is_symlink() == through_link and "80万头" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == mode
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({"doc.txt", target.name, given.name})


def test_fifo_output_is_written_to_not_replaced(tmp_path, doc, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    code = main(["extract", str(doc), "-o", str(fifo), "--format", "jsonl"])
    reader.join(timeout=30)
    assert code == 0 and fifo.is_fifo()
    assert [json.loads(line)["text"] for line in received[0].decode("utf-8").splitlines()] == ["80万头", "2.4头"]


def test_suffix_and_format_must_agree(tmp_path, doc, capsys):
    code, _, err = run(["extract", str(doc), "-o", str(tmp_path / "x.csv"), "--format", "jsonl"], capsys)
    assert code == 2 and "does not match --format jsonl" in err and err.count("\n") == 1
    assert not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("command", [["extract"], ["diff", "{doc}"]])
def test_directory_output_is_refused_before_the_work(tmp_path, doc, capsys, monkeypatch, command):
    def no_work(*args, **kwargs):
        raise AssertionError("extraction ran before the output was checked")

    monkeypatch.setattr(pipeline, "document_rows", no_work)
    args = [c.format(doc=doc) for c in command] + [str(doc), "-o", str(tmp_path)]
    code, _, err = run(args, capsys)
    assert code == 2 and "is a directory" in err


# --- document names ----------------------------------------------------------------------------

def test_same_name_in_two_folders_gets_two_doc_ids_and_no_false_contradiction(tmp_path, capsys):
    for folder, value in (("2019", "40"), ("2020", "42")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "report.txt").write_text(f"{folder}年脱贫人口{value}万人。", encoding="utf-8")
    a, b = tmp_path / "2019" / "report.txt", tmp_path / "2020" / "report.txt"
    assert [d for _, d in input_files([str(a), str(b), str(a)])] == ["2019/report", "2020/report"]
    out = tmp_path / "t.csv"
    assert run(["extract", str(a), str(b), str(a), "-o", str(out)], capsys)[0] == 0
    assert list(read_table(out)["doc_id"]) == ["2019/report", "2020/report"]
    code, stdout, _ = run(["check", str(out), "--fail"], capsys)
    assert code == 0 and "0 mismatch" in stdout


# --- version, streams, quiet -----------------------------------------------------------------------

def test_version_everywhere(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out.strip() == f"zhfacts {zhfacts.__version__}"
    assert zhfacts.__version__[0].isdigit()
    assert (Path(zhfacts.__file__).parent / "py.typed").is_file()
    module = subprocess.run([sys.executable, "-m", "zhfacts", "--version"], capture_output=True, text=True)
    assert module.returncode == 0 and module.stdout.strip() == f"zhfacts {zhfacts.__version__}"


def test_quiet_silences_messages(tmp_path, doc, capsys):
    code, out, err = run(["report", str(doc), "-o", str(tmp_path / "r.html"), "--quiet"], capsys)
    assert code == 0 and out == "" and err == ""


def test_check_json_writes_chinese(tmp_path, capsys):
    path = tmp_path / "d.txt"
    path.write_text("2020年全村贫困户500户，其中因病致贫300户、因学致贫250户。", encoding="utf-8")
    code, out, _ = run(["check", str(path), "--json"], capsys)
    assert code == 0 and "因病致贫" in out and "\\u" not in out
    assert json.loads(out)[0]["status"] == "mismatch"
    ascii_locale = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    done = subprocess.run([sys.executable, "-m", "zhfacts", "check", str(path), "--json"], env=ascii_locale,
                          capture_output=True)
    assert done.returncode == 0 and "因病致贫" in done.stdout.decode("utf-8"), done.stderr.decode()


class _ClosedPipe(io.TextIOBase):
    """A stdout whose reader went away (``| head -1``)."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")


def test_broken_pipe_is_not_success(tmp_path, doc, monkeypatch):
    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    assert main(["diff", str(doc), str(doc), "--year-a", "2020", "--year-b", "2020", "--fail-on", "changed"]) == 1


# --- years -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("year", ["20", "二〇二〇", "2020a", "20200"])
def test_year_must_be_four_digits(doc, capsys, year):
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(doc), "--year", year])
    assert exit_.value.code == 2 and "four digits" in capsys.readouterr().err


def test_year_overrides_the_manifest(tmp_path, capsys):
    (tmp_path / "d.txt").write_text("今年投入100万元。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "doc_id,title,language,year,default_place,source,licence\nd,t,zh,2019,某县,,\n", encoding="utf-8")
    for args, year in (([], "2019"), (["--year", "2021"], "2021")):
        out = tmp_path / "t.csv"
        assert run(["extract", str(tmp_path / "d.txt"), "-o", str(out), *args], capsys)[0] == 0
        assert list(read_table(out)["year"]) == [year]


def test_diff_takes_document_years_from_the_text_and_warns_without_one(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("2019年工作报告\n今年全县投入100万元。\n", encoding="utf-8")
    b.write_text("2020年工作报告\n今年全县投入120万元。\n", encoding="utf-8")
    code, out, err = run(["diff", str(a), str(b)], capsys)
    assert code == 0 and "1 over_time" in out and "2019 -> 2020" in out and err == ""
    c = tmp_path / "c.txt"
    c.write_text("全县投入100万元。\n", encoding="utf-8")
    code, out, err = run(["diff", str(c), str(a)], capsys)
    assert code == 0 and "1 same" in out
    assert f"{c}: no document year" in err and err.count("\n") == 1


# --- the bundled corpus and gold from any directory ------------------------------------------------

def test_bundled_corpus_and_gold_from_any_directory(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    files = input_files([])
    assert "kzhq-2020" in [d for _, d in files] and all(Path(f).is_file() for f, _ in files)
    out = tmp_path / "pred.csv"
    assert run(["extract", str(pipeline.CORPUS_DIR / "nea-2022.txt"), "-o", str(out)], capsys)[0] == 0
    code, stdout, _ = run(["score", str(REPO / "gold" / "nea-2022.csv"), str(out)], capsys)
    assert code == 0 and "nea-2022" in stdout


# --- keep going -------------------------------------------------------------------------------------

def test_keep_going_reports_bad_files_and_goes_on(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "t.csv"
    code, _, err = run(["extract", str(folder), "-o", str(out)], capsys)
    assert code == 2 and not out.exists()
    code, _, err = run(["extract", str(folder), "-o", str(out), "--keep-going"], capsys)
    assert code == 1 and "b.txt" in err and "binary" in err and "skipped" in err
    assert set(read_table(out)["doc_id"]) == {"a"}


@pytest.mark.parametrize("names", [["b.txt"], ["a.txt", "b.txt"]])
@pytest.mark.parametrize("quiet", [[], ["--quiet"]])
def test_keep_going_reports_a_skipped_file_with_or_without_a_progress_bar(tmp_path, capsys, names, quiet):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    out = tmp_path / "t.csv"
    code, _, err = run(["extract", *(str(tmp_path / n) for n in names), "-o", str(out), "--keep-going", *quiet], capsys)
    assert code == 1 and err.count("skipped") == 1 and "b.txt" in err and "binary" in err
    assert set(read_table(out)["doc_id"]) == ({"a"} if "a.txt" in names else set())


# --- ranges -----------------------------------------------------------------------------------------

def test_ranges_show_both_ends(tmp_path, capsys):
    path = tmp_path / "r.txt"
    path.write_text("2020年每户投入4至5万元。", encoding="utf-8")
    code, out, _ = run(["extract", str(path)], capsys)
    assert code == 0 and "40,000–50,000" in out
    page = tmp_path / "r.html"
    assert run(["report", str(path), "-o", str(page)], capsys)[0] == 0
    assert '<td data-sort="40000.0">40,000–50,000</td>' in page.read_text(encoding="utf-8")
