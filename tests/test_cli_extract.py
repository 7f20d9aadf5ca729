"""The extract command on real files: encodings, bad input, atomic output, stdin."""
from __future__ import annotations

import io
import sys

import pandas as pd
import pytest

from zhfacts.cli import main

TEXT = "2020年全旗黄牛存栏达80万头,人均养牛2.4头。"


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("encoding,data", [
    ("utf-8", TEXT.encode("utf-8")),
    ("utf-8-sig", TEXT.encode("utf-8-sig")),
    ("gb18030", TEXT.encode("gb18030")),
    ("gbk", TEXT.encode("gbk")),
    ("utf-16", TEXT.encode("utf-16")),
    ("utf-16-le without BOM", TEXT.encode("utf-16-le")),
    ("utf-16-be without BOM", TEXT.encode("utf-16-be")),
])
def test_encodings_give_the_same_claims_and_offsets(tmp_path, capsys, encoding, data):
    src = tmp_path / "doc.txt"
    src.write_bytes(data)
    out = tmp_path / "out.csv"
    assert run([
        "extract", str(src), "-o", str(out), "--year", "2020", "--place", "科左后旗"], capsys)[0] == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert list(table["text"]) == ["80万头", "2.4头"]
    assert [TEXT[s:e] for s, e in zip(table["start"], table["end"])] == ["80万头", "2.4头"]
    assert list(table["value"]) == [800000, 2.4]


@pytest.mark.parametrize("name,content,problem", [
    ("missing.txt", None, "no such file"),
    ("binary.txt", b"\x00\x01\x02binary", "binary"),
    ("bad.txt", b"abc\x80\xff", "decode"),
])
def test_bad_input_is_one_line_naming_the_file(tmp_path, capsys, name, content, problem):
    src = tmp_path / name
    if content is not None:
        src.write_bytes(content)
    code, out, err = run(["extract", str(src), "-o", str(tmp_path / "out.csv")], capsys)
    assert code == 2
    assert err.count("\n") == 1 and str(src) in err and problem in err.lower()
    assert "Traceback" not in err
    assert not (tmp_path / "out.csv").exists()


def test_directory_without_documents(tmp_path, capsys):
    code, _, err = run(["extract", str(tmp_path)], capsys)
    assert code == 2 and str(tmp_path) in err and "no .txt" in err


def test_a_document_without_claims_gives_header_only(tmp_path, capsys):
    src = tmp_path / "words.txt"
    src.write_text("今天天气很好，大家都很高兴。\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run(["extract", str(src), "-o", str(out)], capsys)[0] == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    assert len(table) == 0 and "metric" in table.columns


def test_failed_run_leaves_existing_output_untouched(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.csv"
    out.write_text("previous results\n", encoding="utf-8")
    code, _, _ = run(["extract", str(good), str(tmp_path / "missing.txt"), "-o", str(out)], capsys)
    assert code == 2
    assert out.read_text(encoding="utf-8") == "previous results\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.csv")] == []


def test_unwritable_output(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    target = tmp_path / "no-such-dir" / "out.csv"
    code, _, err = run(["extract", str(good), "-o", str(target)], capsys)
    assert code == 2 and "no-such-dir" in err


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_formats_round_trip(tmp_path, capsys, fmt):
    from zhfacts.io.tables import read_table
    good = tmp_path / "good.txt"
    good.write_text(TEXT, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    assert run(["extract", str(good), "-o", str(out), "--year", "2020"], capsys)[0] == 0
    table = read_table(out)
    assert list(table["text"]) == ["80万头", "2.4头"] and list(table["year"]) == ["2020", "2020"]


def test_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    code, out, _ = run(["extract", "-", "--year", "2020"], capsys)
    assert code == 0 and "80万头" in out and "2.4头" in out


def test_explain_lists_excluded_mentions_with_their_rule(tmp_path, capsys):
    src = tmp_path / "doc.txt"
    src.write_text("2019年4月,第一书记推进“七个一”工作机制,帮扶400户贫困户。", encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run(["extract", str(src), "-o", str(out), "--explain"], capsys)[0] == 0
    table = pd.read_csv(out, encoding="utf-8-sig")
    claims = table[table["status"] == "claim"]
    assert list(claims["text"]) == ["400户"]
    dropped = table[table["status"] == "excluded"]
    excluded = dict(zip(dropped["text"], dropped["exclude_rule"]))
    assert excluded.get("2019年") == "in_time_expression"
    assert dict(zip(dropped["text"], dropped["rule"])).get("2019年") == "number_unit"  # the rule that found it
    assert "set_phrase" in excluded.values() or "quoted_name" in excluded.values()


def test_huge_input_is_refused(tmp_path, capsys, monkeypatch):
    import zhfacts.io.documents as docio
    monkeypatch.setattr(docio, "MAX_BYTES", 10)
    src = tmp_path / "big.txt"
    src.write_text(TEXT, encoding="utf-8")
    code, _, err = run(["extract", str(src), "-o", str(tmp_path / "out.csv")], capsys)
    assert code == 2 and "too large" in err and str(src) in err
    assert not (tmp_path / "out.csv").exists()


def test_lang_and_kind_reach_the_document(tmp_path, capsys, monkeypatch):
    import zhfacts.pipeline as extract  # the engines find the pipeline here

    seen = []
    real = extract.document_rows
    monkeypatch.setattr(extract, "document_rows", lambda doc, **kw: seen.append((doc.lang, doc.kind)) or real(doc, **kw))
    src = tmp_path / "doc.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert run(["extract", str(src), "-o", str(tmp_path / "a.csv")], capsys)[0] == 0
    assert run(["extract", str(src), "-o", str(tmp_path / "b.csv"), "--lang", "zh-Hant", "--kind", "press"], capsys)[0] == 0
    assert seen == [("zh", "default"), ("zh-Hant", "press")]
