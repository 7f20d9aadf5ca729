"""Hostile input gets a clear one-line error or a correct result, never a traceback: legacy
encodings, oversized stdin, numerals that would recurse, numbers too large for their column,
gates that cannot gate, gold that points outside the corpus, and huge files read in blocks."""
from __future__ import annotations

import csv
import io
import sys

import pytest

from zhfacts.cli import main
from zhfacts import engines, pipeline
from zhfacts.io.documents import decode
from zhfacts.lang.zh.numerals import parse_numeral
from zhfacts.pipeline import extract_text_table
from zhfacts.io.tables import read_table

TRADITIONAL = "全縣財政收入增長百分之十，農民人均可支配收入達到一萬元。"
HEADER = "doc_id,start,end,text,value,value_max,unit,qualifier,metric,metric_en,year,place,per,sentence\n"


def run(args, capsys):
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


#: Texts in a legacy encoding that the other one decodes too, into something else: short ones
#: above all, where a detector has little to go on.
LEGACY = [
    (TRADITIONAL, "big5"),
    ("香港居民收入增長3%", "big5"),
    ("年", "big5"),
    ("“Exports” rose 3% — it’s the first rise", "big5"),
    ("2020年全旗黄牛存栏达80万头。", "gb18030"),
    ("2020年GDP增长5%", "gbk"),
    ("脱贫", "gbk"),
    ("村里有120户。", "gbk"),
    ("年", "gbk"),
    ("臺灣2020年人均收入", "gbk"),
    ("“Exports” rose 3% — it’s the first rise", "gb18030"),
]


@pytest.mark.parametrize("text,encoding", LEGACY)
def test_legacy_encodings_are_told_apart(text, encoding):
    data = text.encode(encoding)
    other = "gb18030" if encoding == "big5" else "big5"
    assert data.decode(other, errors="replace") != text  # both decode; only one gives the text
    assert decode(data, "x") == text


def test_bytes_that_read_as_chinese_in_neither_encoding_are_refused(tmp_path, capsys):
    path = tmp_path / "tokyo.txt"
    path.write_bytes("東京都の人口は約1400万人で、前年より増えました。".encode("shift_jis"))
    code, _, err = run(["extract", str(path)], capsys)
    assert code == 2 and str(path) in err and "neither as GB18030 nor as Big5" in err and err.count("\n") == 1


def test_stdin_has_the_file_size_limit(monkeypatch, capsys):
    import zhfacts.io.documents as docio

    monkeypatch.setattr(docio, "MAX_BYTES", 10)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("2020年投入30万元。".encode("utf-8"))))
    code, _, err = run(["extract", "-"], capsys)
    assert code == 2 and "<stdin>: too large" in err and err.count("\n") == 1


def test_chained_scale_words_are_no_numeral():
    assert parse_numeral("3" + "亿万" * 500) is None
    assert parse_numeral("5亿1万4千6百") == 500014600
    table = extract_text_table("2020年投入3" + "亿万" * 500 + "元，另投入5亿元。", "d", year="2020")
    assert list(table["text"]) == ["5亿元"]


@pytest.mark.parametrize("column", ["start", "end"])
def test_offsets_too_large_are_one_line(tmp_path, capsys, column):
    huge = "9" * 30
    row = {"start": "7", "end": "13"} | {column: huge}
    path = tmp_path / "p.csv"
    path.write_text(HEADER + f"d,{row['start']},{row['end']},30000元,30000,,CNY,=,投入,,2020,,,\n", encoding="utf-8")
    for command in (["check", str(path)], ["diff", str(path), str(path)]):
        code, _, err = run(command, capsys)
        assert code == 2 and f"column {column}" in err and "too large" in err and err.count("\n") == 1


@pytest.mark.parametrize("minimum", ["nan", "inf", "-inf"])
def test_a_minimum_must_be_finite(tmp_path, capsys, minimum):
    with pytest.raises(SystemExit) as exit_:
        main(["score", "gold", "pred", "--min", f"value={minimum}"])
    assert exit_.value.code == 2 and "finite" in capsys.readouterr().err


def test_gold_doc_id_cannot_name_a_file_outside_the_corpus(tmp_path, capsys):
    outside = tmp_path / "secret.txt"
    outside.write_text("投入30000元。", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    gold = tmp_path / "g.csv"
    gold.write_text(HEADER + f"{tmp_path / 'secret'},2,8,30000元,30000,,CNY,=,投入,,2020,,,\n", encoding="utf-8")
    code, out, _ = run(["check-gold", str(gold), "--corpus", str(corpus)], capsys)
    assert code == 1 and "is not a document name" in out


def test_huge_document_is_read_in_paragraph_blocks(tmp_path, capsys, monkeypatch):
    paragraphs = [f"{2000 + i}年第{i}村投入{i + 1}万元。" for i in range(40)]
    path = tmp_path / "big.txt"
    text = "\n\n".join(paragraphs) + "\n"
    path.write_text(text, encoding="utf-8")
    whole = tmp_path / "whole.csv"
    assert run(["extract", str(path), "-o", str(whole), "--year", "2040"], capsys)[0] == 0
    seen = []
    real = pipeline.make_document
    monkeypatch.setattr(pipeline, "make_document", lambda *a: seen.append(len(a[1])) or real(*a))
    monkeypatch.setattr(engines, "BLOCK_CHARS", 100)
    blocks = tmp_path / "blocks.csv"
    assert run(["extract", str(path), "-o", str(blocks), "--year", "2040", "--jobs", "1"], capsys)[0] == 0
    # The file is read whole once (the first document); every stage after that sees a block.
    assert seen[0] == len(text) and len(seen) > 5 and max(seen[1:]) <= 100
    a, b = read_table(whole), read_table(blocks)
    columns = ["start", "end", "text", "value", "year", "sentence_start", "sentence_end"]
    assert a[columns].equals(b[columns])
    assert all(text[s:e] == t for s, e, t in zip(b["start"], b["end"], b["text"]))
    # Over two workers, the blocks of the one file are cut where the parent cut them.
    pooled = tmp_path / "pooled.csv"
    assert run(["extract", str(path), "-o", str(pooled), "--year", "2040", "--jobs", "2"], capsys)[0] == 0
    assert read_table(pooled).equals(b)
    package = tmp_path / "package"
    assert run(["extract", str(path), "-o", str(package), "--year", "2040", "--format", "datapackage"], capsys)[0] == 0
    with open(package / "documents.csv", encoding="utf-8") as f:
        [listed] = list(csv.DictReader(f))  # one row for the file, with every block's claims
    assert (listed["doc_id"], listed["claims"], listed["characters"]) == ("big", str(len(b)), str(len(text)))


@pytest.mark.parametrize("name, content", [
    ("words.txt", "今天天气很好，大家都很高兴。\n"),  # a document without a number
    ("header.csv", HEADER),  # a fact table without rows
], ids=["document", "table"])
def test_nothing_to_check_is_an_empty_report(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run(["check", str(path), "--json", "--year", "2020"], capsys)
    assert (code, out.strip(), err) == (0, "[]", "")
    code, out, err = run(["check", str(path), "--year", "2020"], capsys)
    assert (code, out.strip()) == (0, "0 finding(s): 0 mismatch, 0 verified")
    if name.endswith(".txt"):
        page = tmp_path / "page.html"
        code, out, err = run(["report", str(path), "-o", str(page), "--year", "2020"], capsys)
        assert code == 0 and "<html" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["nonsense", "Feature", "work-report"])
def test_an_unknown_kind_is_a_one_line_error(tmp_path, capsys, kind):
    doc = tmp_path / "d.txt"
    doc.write_text("2020年投入30万元。", encoding="utf-8")
    code, out, err = run(["extract", str(doc), "--kind", kind], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"--kind: unknown kind {kind!r}" in err and "work_report" in err and "feature" in err


@pytest.mark.parametrize("content", [b"", b"   \n\n\t\n", "\u3000\n".encode("utf-8"), b"\xef\xbb\xbf\n"],
                         ids=["empty", "spaces", "ideographic-space", "bom-only"])
def test_an_empty_document_is_a_one_line_error(tmp_path, capsys, content):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    code, out, err = run(["extract", str(empty), "-o", str(tmp_path / "t.csv")], capsys)
    assert code == 2 and err.count("\n") == 1 and f"{empty}: empty document" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.txt"]
    good = tmp_path / "good.txt"
    good.write_text("2020年投入30万元。", encoding="utf-8")
    code, out, err = run(["extract", str(empty), str(good), "--keep-going", "-o", str(tmp_path / "t.csv"),
                          "--jobs", "1"], capsys)
    assert code == 1 and f"{empty}: empty document" in err and "(skipped)" in err
    assert list(read_table(tmp_path / "t.csv")["text"]) == ["30万元"]


@pytest.mark.parametrize("command", [["check-gold", "{gold}"], ["score", "{gold}", "{gold}"]])
@pytest.mark.parametrize("header", [HEADER, HEADER + "\n\n"], ids=["header", "header-and-blank-lines"])
def test_gold_without_rows_is_a_one_line_error(tmp_path, capsys, command, header):
    gold = tmp_path / "gold.csv"
    gold.write_text(header, encoding="utf-8")
    code, out, err = run([part.format(gold=gold) for part in command], capsys)
    assert code == 2 and out == "" and err.count("\n") == 1 and f"{gold}: gold has a header but no rows" in err
