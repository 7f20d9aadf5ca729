"""zhfacts report: highlights from offsets, escaping, self-containment, charts, diff, CLI."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pandas as pd
import pytest

from zhfacts.cli import main
from zhfacts.factcheck.align import align
from zhfacts.factcheck.load import load_claims, normalize_claims
from zhfacts.factcheck.report import highlight_segments, render_report, year_charts

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

TEXT = ("贫困人口发生率从2014年的11%降至2019年的0.04%。\n"
        "全村贫困户500户，其中因病致贫300户、因学致贫200户。<script>alert('x')</script> & “引号”")


def claims_for(text: str, items: list[tuple]) -> pd.DataFrame:
    """(surface, value, unit, metric, year) found left to right in text."""
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^。]+。?", text)]
    rows, pos = [], 0
    for surface, value, unit, metric, year in items:
        start = text.index(surface, pos)
        pos = start + len(surface)
        sentence = next(text[a:b] for a, b in sentences if a <= start < b).strip()
        rows.append({"doc_id": "t", "start": start, "end": pos, "text": surface, "value": value, "unit": unit,
                     "metric": metric, "metric_en": f"{metric} <en>", "year": year, "place": "科左后旗",
                     "place_en": "Horqin Left Rear Banner", "sentence": sentence})
    return normalize_claims(pd.DataFrame(rows), "test")


ITEMS = [("11%", 11, "%", "贫困人口发生率", "2014"), ("0.04%", 0.04, "%", "贫困人口发生率", "2019"),
         ("500户", 500, "household", "贫困户", "2020"), ("300户", 300, "household", "因病致贫", "2020"),
         ("200户", 200, "household", "因学致贫", "2020")]


def rendered(text: str = TEXT, items=ITEMS, second: tuple | None = None) -> str:
    documents = [{"name": "a.txt", "text": text, "claims": claims_for(text, items)}]
    diff = None
    if second:
        documents.append({"name": "b.txt", "text": second[0], "claims": claims_for(*second)})
        diff = align(documents[0]["claims"], documents[1]["claims"])
    return render_report(documents, diff)


@pytest.mark.parametrize("spans, expected", [
    ([(0, 2, "ab")], [("ab", 0), ("cdef", None)]),
    ([(2, 4, "cd"), (0, 1, "a")], [("a", 1), ("b", None), ("cd", 0), ("ef", None)]),
    ([(1, 3, "bc"), (2, 4, "cd")], [("a", None), ("bc", 0), ("def", None)]),  # overlap: the later is not marked
    ([(4, 9, "ef???")], [("abcdef", None)]),  # beyond the text
    ([(0, 2, "xx")], [("abcdef", None)]),  # offsets do not hold the claim's text
    ([(3, 3, "")], [("abcdef", None)]),
])
def test_highlight_segments(spans, expected):
    claims = pd.DataFrame([{"start": s, "end": e, "text": t} for s, e, t in spans])
    pieces = highlight_segments("abcdef", claims)
    assert [(p["text"], p["claim"]) for p in pieces] == expected
    assert "".join(p["text"] for p in pieces) == "abcdef"


def test_report_highlights_every_claim_and_keeps_the_text():
    page = rendered()
    marks = re.findall(r'<mark class="claim[^"]*" id="d0-c(\d+)"[^>]*>(.*?)</mark>', page)
    assert [html.unescape(t) for _, t in marks] == [i[0] for i in ITEMS]
    assert len(re.findall(r'<tr class="claim-row', page)) == len(ITEMS)
    body = re.search(r'<div class="doctext" lang="zh">(.*?)</div>', page, re.S).group(1)
    assert html.unescape(re.sub(r"<[^>]+>", "", body)) == TEXT


def test_report_escapes_text_and_fields():
    page = rendered()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; “引号”" in page
    data = re.search(r'<script type="application/json" class="claim-data" data-doc="0">(.*?)</script>', page, re.S).group(1)
    assert "<en>" not in data
    fields = json.loads(data)["0"]
    assert fields["metric_en"] == "贫困人口发生率 <en>" and fields["place_en"] == "Horqin Left Rear Banner"
    assert fields["value"] == "11" and fields["year"] == "2014"


def test_report_is_self_contained():
    page = rendered()
    assert not re.search(r'(src|href)\s*=\s*"(?!#)', page)
    assert "http://" not in page and "https://" not in page
    assert "default-src 'none'" in page
    assert "<style>" in page and "function applyFilter" in page


def test_report_findings_and_chart():
    page = rendered()
    assert "verified" in page and re.search(r"其中(&#34;|&quot;|\") at \d+: 300户 \+ 200户", page)
    assert page.count('<figure class="chart">') == 1
    assert 'href="#d0-c2"' in page  # the finding links to the total's highlight


@pytest.mark.parametrize("years, charts", [
    (["2014", "2019"], 1),
    (["2019", "2019"], 0),
    (["2014-2020", "2019"], 0),
    (["", "2019"], 0),
])
def test_year_charts(years, charts):
    claims = normalize_claims(pd.DataFrame([
        {"doc_id": "t", "start": i, "end": i + 1, "text": "1", "value": v, "unit": "%", "metric": "发生率", "year": y}
        for i, (v, y) in enumerate(zip([11, 0.04], years))]), "t")
    found = year_charts(claims)
    assert len(found) == charts
    if charts:
        chart = found[0]
        assert [label["text"] for label in chart["x_labels"]] == years
        assert len(chart["points"]) == 2 and chart["line"].count(",") == 2


@pytest.mark.parametrize("places, lang, charts", [
    (["寧強縣", "宁强县"], "zh-Hant", 1),
    (["宁强县", "略阳县"], "zh", 2),
    (["Ningqiang County", "ningqiang"], "en", 1),
    (["Ningqiang", "Lueyang"], "en", 2),
])
def test_year_charts_group_spellings_of_one_place_by_the_document_s_language(places, lang, charts):
    claims = normalize_claims(pd.DataFrame([
        {"doc_id": "t", "start": i, "end": i + 1, "text": "1", "value": 3, "unit": "%", "metric": "m",
         "year": y, "place": p} for i, (p, y) in enumerate(zip(places, ["2014", "2019"]))]), "t")
    assert len(year_charts(pd.concat([claims, claims.assign(year=["2015", "2020"])]), {"t": lang})) == charts


def test_report_with_diff():
    second_text = TEXT.replace("300户", "320户")
    page = rendered(second=(second_text, [i if i[0] != "300户" else ("320户", 320, "household", "因病致贫", "2020")
                                           for i in ITEMS]))
    assert '<section class="diff" id="diff">' in page
    assert "changed: 1" in page and "same: 4" in page
    assert 'id="d1-c3"' in page and 'class="claim s-changed"' in page


# --- command line -----------------------------------------------------------------------------------

def test_cli_report_document(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", str(CORPUS / "kzhq-2020.txt"), "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    claims, text = load_claims(CORPUS / "kzhq-2020.txt")
    assert len(re.findall(r'<mark class="claim', page)) == len(claims)
    assert len(re.findall(r'<tr class="claim-row', page)) == len(claims)
    assert "Values over the years" in page  # 贫困人口发生率 in 2014 and 2019
    captured = capsys.readouterr()
    assert captured.out == "" and f"wrote {out}" in captured.err  # data on stdout, messages on stderr


def test_cli_report_two_documents(tmp_path):
    edited = tmp_path / "kzhq-edited.txt"
    edited.write_text((CORPUS / "kzhq-2020.txt").read_text(encoding="utf-8").replace("全旗黄牛存栏达80万头", "全旗黄牛存栏达85万头"),
                      encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(CORPUS / "kzhq-2020.txt"), str(edited), "--year", "2020", "--place", "科左后旗",
                 "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "changed: 1" in page


@pytest.mark.parametrize("args, problem", [
    (["missing.txt"], "no such file"),
    (["table.csv"], "report needs a document"),
    (["a.txt", "a.txt", "a.txt"], "too many documents"),
])
def test_cli_report_bad_input(tmp_path, capsys, monkeypatch, args, problem):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("全村贫困户500户。", encoding="utf-8")
    (tmp_path / "table.csv").write_text("value,unit,metric\n1,item,x\n", encoding="utf-8")
    assert main(["report", *args, "-o", "out.html"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and problem in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "table.csv"]


def test_cli_report_unwritable_output(tmp_path, capsys):
    doc = tmp_path / "a.txt"
    doc.write_text("全村贫困户500户。", encoding="utf-8")
    assert main(["report", str(doc), "-o", str(tmp_path / "no-dir" / "r.html")]) == 2
    assert capsys.readouterr().err.count("\n") == 1
