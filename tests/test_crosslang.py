"""Fact-checking a Chinese report against its English translation: claims aligned across
languages by value after scale, unit, year, place and metric meaning.

The expected pairs of the two real parallel documents are labelled by hand in
tests/data/parallel-alignment.csv (see its header); the invented pair carries one translation
error of the counted thing ("12个乡镇" as "12 counties") and one of the number.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from zhfacts.factcheck.align import align
from zhfacts.factcheck.load import load_claims
from zhfacts.lang import bundle

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
#: Of the 30 labelled pairs, the Chinese extractor misses "十几亩" (its gold span) today: 29 can pair.
ALIGNED_AT_LEAST = 29


def _labels() -> list[dict]:
    with (DATA / "parallel-alignment.csv").open(encoding="utf-8") as f:
        return list(csv.DictReader(line for line in f if not line.startswith("#")))


def _overlaps(start: int, text: str, table, side: str) -> int | None:
    """The start of the aligned claim whose span overlaps the labelled one."""
    for _, r in table.iterrows():
        s, e = r[f"{side}_start"], r[f"{side}_end"]
        if not pd.isna(s) and s < start + len(text) and start < e:
            return int(s)
    return None


@pytest.fixture(scope="module")
def diffs():
    out = {}
    for pair in ("yina", "ningxia"):
        zh, _ = load_claims(ROOT / "corpus" / f"wmt21-{pair}-zh.txt")
        en, _ = load_claims(ROOT / "corpus" / f"wmt21-{pair}-en.txt")
        out[pair] = align(zh, en), align(en, zh)
    return out


@pytest.mark.parametrize("order", ["zh_en", "en_zh"])
def test_parallel_pairs_aligned_as_labelled(diffs, order):
    """At least 29 of the 30 hand-labelled pairs come out paired with their own partner and
    status, in either order of the two documents."""
    right, wrong = 0, []
    for label in _labels():
        forward, backward = diffs[label["pair"]]
        table, zh_side, en_side = (forward, "a", "b") if order == "zh_en" else (backward, "b", "a")
        zh_start = _overlaps(int(label["zh_start"]), label["zh_text"], table, zh_side)
        row = table[(table[f"{zh_side}_start"] == zh_start)] if zh_start is not None else table.iloc[0:0]
        got = (int(row.iloc[0][f"{en_side}_start"]) if len(row) and not pd.isna(row.iloc[0][f"{en_side}_start"]) else None,
               row.iloc[0]["status"] if len(row) else None)
        en_end = int(label["en_start"]) + len(label["en_text"])
        if got[0] is not None and got[0] < en_end and int(label["en_start"]) <= got[0] + 2 and got[1] == label["status"]:
            right += 1
        else:
            wrong.append((label["pair"], label["zh_text"], label["en_text"], got))
    assert right >= ALIGNED_AT_LEAST, wrong


def test_translation_errors_are_not_same():
    zh, _ = load_claims(DATA / "parallel-invented-zh.txt", year="2020")
    en, _ = load_claims(DATA / "parallel-invented-en.txt", year="2020")
    for table, zh_side, en_side in ((align(zh, en), "a", "b"), (align(en, zh), "b", "a")):
        statuses = {(r[f"{zh_side}_text"], r[f"{en_side}_text"]): r["status"] for _, r in table.iterrows()}
        assert statuses[("12个", "12")] == "metric_differs"
        assert statuses[("3500个", "3,800")] == "changed"
        assert statuses[("86个", "86")] == "same"
        assert statuses[("10500元", "10,500 yuan")] == "same"
        assert statuses[("9.5%", "9.5%")] == "same"


# (Chinese place, English place, same): a Chinese name and its English forms are one place
PLACES = [
    ("迤那镇", "Yina Township", True),
    ("中海村", "Zhonghai Village", True),
    ("宁夏回族自治区", "Ningxia", True),
    ("宁夏", "Ningxia Hui Autonomous Region", True),
    ("内蒙古", "Inner Mongolia", True),
    ("广西壮族自治区", "Guangxi Zhuang Autonomous Region", True),
    ("新疆", "Xinjiang Uygur Autonomous Region", True),
    ("西藏自治区", "Tibet", True),
    ("香港特别行政区", "Hong Kong SAR", True),
    ("银川市", "Yinchuan", True),
    ("陕西省", "Shaanxi Province", True),
    ("山西省", "Shaanxi Province", False),
    ("银川市", "Ningxia", False),
    ("寧強縣", "Ningqiang County", True),  # traditional spellings are folded first
    ("陝西省", "Shaanxi Province", True),
    ("銀川市", "Ningxia", False),
]


@pytest.mark.parametrize("zh, en, same", PLACES)
def test_place_keys_across_languages(zh, en, same):
    assert (bundle("zh").place_key(zh) == bundle("en").place_key(en)) is same


# (Chinese metric, English metric, differ): the thing counted
MEANINGS = [
    ("乡镇", "counties", True),
    ("乡镇", "townships", False),
    ("国家湿地公园", "national wetland parks", False),
    ("贫困户", "poor households", False),
    ("学校", "hospitals", True),
]


@pytest.mark.parametrize("zh, en, differ", MEANINGS)
def test_counted_things_across_languages(zh, en, differ):
    from zhfacts.factcheck.crosslang import _meaning_overlap

    a = (*bundle("zh").meaning(zh), frozenset())
    b = (*bundle("en").meaning(en), frozenset())
    assert _meaning_overlap(a, b)[1] is differ


def test_report_shows_two_languages_side_by_side():
    from zhfacts.factcheck.report import build_report

    html = build_report([str(DATA / "parallel-invented-zh.txt"), str(DATA / "parallel-invented-en.txt")], year="2020")
    assert '<div class="side-by-side">' in html
    assert 'class="doctext" lang="zh"' in html and 'class="doctext" lang="en"' in html
    assert '<td class="sentence" lang="zh">' in html and '<td class="sentence" lang="en">' in html
    assert "<mark>12</mark> counties" in html and "metric_differs" in html


@pytest.mark.parametrize("metric, thing", [
    ("乡镇全部通硬化路", "乡镇"),     # noun phrase after the classifier, then a predicate
    ("建成村级卫生室", "卫生室"),     # verb first: the last word is what is counted
    ("新增就业岗位", "岗位"),
])
def test_the_thing_counted(metric, thing):
    from zhfacts.lang.zh.gloss import _thing_counted

    assert _thing_counted(metric) == thing
