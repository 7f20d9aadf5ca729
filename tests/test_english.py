"""English under the same engine (claims-spec section 5): numerals, mentions with exact spans,
negatives that must yield no claim, and the attributes a claim takes from its sentence.

Every expected value comes from English grammar and the contract, not from running the extractor.
"""
from __future__ import annotations

import math
from decimal import Decimal

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang import detect
from zhfacts.lang.en.numbers import find_mentions, word_value
from zhfacts.pipeline import extract_text_table, make_document

# --- numerals: each class is spellings of one number ----------------------------------------------

CLASSES: dict[str, tuple[str, list[str]]] = {
    "2": ("2", ["2", "two", "Two"]),
    "12": ("12", ["12", "twelve", "a dozen", "dozen"]),
    "25": ("25", ["25", "twenty-five", "twenty five"]),
    "306": ("306", ["306", "three hundred and six", "three hundred six"]),
    "4056": ("4056", ["4056", "4,056"]),
    "1200": ("1200", ["1200", "1,200", "twelve hundred"]),
    "100": ("100", ["100", "a hundred", "one hundred"]),
}


@pytest.mark.parametrize("expected, spelling", [(v, s) for v, ss in CLASSES.values() for s in ss])
def test_number_word_value(expected, spelling):
    assert word_value(spelling) == Decimal(expected)


def _mentions(text: str):
    doc = make_document("t", text, year="2020", place="China", lang="en")
    return [(text[m.start:m.end], m.value, m.value_max, m.unit, m.qualifier) for m in find_mentions(doc)]


# (sentence, span text, value, value_max, unit, qualifier): scales, currencies, fractions, ranges
MENTIONS = [
    ("It fell to 98.99 million.", "98.99 million", Decimal("98990000"), None, "", "="),
    ("The country has 1.4bn people.", "1.4bn", Decimal("1400000000"), None, "", "="),
    ("Shandong has more than 100m people.", "100m", Decimal("100000000"), None, "", ">"),
    ("Debt reached $5tn.", "$5tn", Decimal("5000000000000"), None, "USD", "="),
    ("A line of $1.90 a day.", "$1.90", Decimal("1.90"), None, "USD", "="),
    ("It spent RMB120 billion.", "RMB120 billion", Decimal("120000000000"), None, "CNY", "="),
    ("It borrowed US$3 billion.", "US$3 billion", Decimal("3000000000"), None, "USD", "="),
    ("It invested 3.45 billion RMB.", "3.45 billion RMB", Decimal("3450000000"), None, "CNY", "="),
    ("They earn 2,800 yuan.", "2,800 yuan", Decimal("2800"), None, "CNY", "="),
    ("About 3-5 million people moved.", "3-5 million", Decimal("3000000"), Decimal("5000000"), "", "~"),
    ("It has between 10 and 12 counties.", "10 and 12", Decimal("10"), Decimal("12"), "", "="),
    ("Growth was 4.9% last quarter.", "4.9%", Decimal("4.9"), None, "%", "="),
    ("Growth was 4.9 per cent.", "4.9 per cent", Decimal("4.9"), None, "%", "="),
    ("It added five percentage points.", "five percentage points", Decimal("5"), None, "pp", "="),
    ("It fell by 0.5 points.", "0.5 points", Decimal("0.5"), None, "pp", "="),
    ("Nearly a third of them left.", "a third", Decimal(100) / 3, None, "%", "<"),
    ("Two-thirds of them left.", "Two-thirds", Decimal(200) / 3, None, "%", "="),
    ("Half of them left.", "Half", Decimal("50"), None, "%", "="),
    ("It grew tenfold.", "tenfold", Decimal("1000"), None, "%", "="),
    ("Prices have tripled.", "tripled", Decimal("300"), None, "%", "="),
    ("It is 10 times that of corn.", "10 times", Decimal("1000"), None, "%", "="),
    ("Tens of millions of people moved.", "Tens of millions", Decimal("10000000"), None, "", ">="),
    ("They own a dozen of mu of land.", "a dozen of mu", Decimal("12"), None, "mu", "="),
    ("It covers 19,200 hectares.", "19,200 hectares", Decimal("19200"), None, "ha", "="),
    ("Some 1,300km away.", "1,300km", Decimal("1300"), None, "km", "~"),
    ("After an 11-week lockdown.", "11-week", Decimal("11"), None, "week", "="),
    ("A 500-meter zone.", "500-meter", Decimal("500"), None, "m", "="),
    ("They built it in about a week.", "a week", Decimal("1"), None, "week", "~"),
    ("It has 70,000 or so villages.", "70,000", Decimal("70000"), None, "", "~"),
    ("Just over 20,000 are left.", "20,000", Decimal("20000"), None, "", ">"),
    ("At least 300 schools shut.", "300", Decimal("300"), None, "", ">="),
    ("Up to 40 tonnes a day.", "40 tonnes", Decimal("40"), None, "t", "<="),
]


@pytest.mark.parametrize("sentence, text, value, value_max, unit, qualifier", MENTIONS, ids=[m[0] for m in MENTIONS])
def test_mention(sentence, text, value, value_max, unit, qualifier):
    found = [m for m in _mentions(sentence) if m[0] == text]
    assert found, f"{text!r} not found in {_mentions(sentence)}"
    _, got, got_max, got_unit, got_qualifier = found[0]
    assert abs(got - value) < Decimal("1e-9") and got_unit == unit and got_qualifier == qualifier
    assert (got_max is None and value_max is None) or abs(got_max - value_max) < Decimal("1e-9")


def _claims(text: str, year: str = "2020", place: str = "China"):
    return extract_text_table(text, "t", year=year, place=place, lang="en", model=False)


# --- claims with their attributes: (sentence, span, unit, year, place, per, kind, metric) -----------

CLAIMS = [
    ("China has 98.99 million rural residents.", "98.99 million", "person", "", "China", "", "actual", "rural residents"),
    ("There are 832 poor counties.", "832", "item", "", "China", "", "actual", "poor counties"),
    ("In 2019, the local poverty rate was 25.8%.", "25.8%", "%", "2019", "China", "", "actual", "poverty rate"),
    ("Since 2012, Guizhou has built 400 schools.", "400", "item", "2012-2020", "Guizhou", "", "actual", "schools"),
    ("Last year Hubei produced 20,000 tonnes.", "20,000 tonnes", "t", "2019", "Hubei", "", "actual", ""),
    ("There are 6,000 mu of apples in Zhonghai Village.", "6,000 mu", "mu", "", "Zhonghai Village", "", "actual", "apples"),
    ("Each worker gets 80 yuan per day each.", "80 yuan", "CNY", "", "China", "person/day", "actual", ""),
    ("Per capita disposable income was 2,000 yuan.", "2,000 yuan", "CNY", "", "China", "person", "actual", ""),
    ("Its annual output is 15,000 yuan per mu.", "15,000 yuan", "CNY", "", "China", "mu/year", "actual", ""),
    ("The province will build 300 roads.", "300", "item", "", "China", "", "plan", "roads"),
    ("The county aims to plant 5,000 trees.", "5,000", "tree", "", "China", "", "target", "trees"),
    ("In the 13th Five-Year Plan period, output rose 8%.", "8%", "%", "2016-2020", "China", "", "actual", ""),
    ("Gu Jincheng, 64, lives by the river.", "64", "year", "", "China", "", "actual", ""),
    ("The relict gull has just over 20,000 left in the world.", "20,000", "head", "", "world", "", "actual", ""),
    ("The crane is rare, with just over 500 left.", "500", "head", "", "China", "", "actual", ""),
    ("Inner Mongolia has 1,000 herders.", "1,000", "person", "", "Inner Mongolia", "", "actual", "herders"),
    ("BEIJING, Jan. 20 (Xinhua) -- China lifted 11.09 million rural residents out of poverty in 2019.",
     "11.09 million", "person", "2019", "China", "", "actual", "rural residents"),
    ("China lifts 10 million more people out of poverty.", "10 million", "person", "", "China", "", "actual", "people"),
    ("Income reached 11,567 yuan (about 1,680 U.S. dollars).", "1,680 U.S. dollars", "USD", "", "China", "", "actual", ""),
]


@pytest.mark.parametrize("sentence, text, unit, year, place, per, kind, metric", CLAIMS, ids=[c[0] for c in CLAIMS])
def test_claim_attributes(sentence, text, unit, year, place, per, kind, metric):
    table = _claims(sentence)
    rows = table[table["text"] == text]
    assert len(rows) == 1, table[["text", "unit", "metric"]].to_string()
    row = rows.iloc[0]
    assert sentence[row.start:row.end] == text
    got = (row.unit, row.year or "", row.place, row.per or "", row.kind)
    assert got == (unit, year, place, per, kind)
    if metric:
        assert row.metric == metric


# --- negatives: no claim --------------------------------------------------------------------------

NEGATIVES = [
    "In 2019 the plan was adopted.",
    "By 2020 the work was done.",
    "The 13th Five-Year Plan was adopted.",
    "It was the first time.",
    "See Article 5 of the law.",
    "The figure is on page 12.",
    "As shown in Table 3, it rose.",
    "This is stated in footnote 4.",
    "Covid-19 spread fast.",
    "The G20 met in Osaka.",
    "It follows the Two Assurances and Three Guarantees policy.",
    "It was reported on December 29, 2019.",
    "2020-07-26 11:42:58 Source: www.ce.cn",
    "Nearly four months after the lockdown they danced.",
    "Over the past three decades the land changed.",
    "Ten years ago it was poor.",
    "Rates climbed to a five-year high.",
    "One of the men said so.",
    "China got one crucial thing right.",
    "In the first half the output rose.",
    "The 24th of October was cold.",
    "Wuhan's 5G network spread.",
    "It was revised in the 2nd edition [3].",
    "BEIJING, Jan. 20 (Xinhua) -- The bureau said so.",
    "It set up a five-level responsibility system.",
]


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_negative(sentence):
    table = _claims(sentence)
    assert table.empty, table[["text", "unit", "metric"]].to_string()


# --- properties -----------------------------------------------------------------------------------

@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["", " yuan", " hectares", "%"]))
def test_digits_with_separators_read_exactly(n, unit):
    text = f"It reached {n:,}{unit}."
    found = _mentions(text)
    assert len(found) == 1 and found[0][1] == n
    start = text.index(f"{n:,}")
    assert found[0][0] == text[start:start + len(f"{n:,}{unit}")]


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet="abc 0123456789.,%$-–’“”\n", max_size=80))
def test_spans_point_into_the_text(text):
    doc = make_document("t", text, lang="en")
    for m in find_mentions(doc):
        assert 0 <= m.start < m.end <= len(text)
        assert not math.isnan(float(m.value))


def test_language_from_script():
    assert detect("The economy grew by 4.9% in the third quarter.") == "en"
    assert detect("全县有贫困人口3万人。") == "zh"


def test_lang_option_reads_a_file_without_manifest(tmp_path, capsys):
    from zhfacts.cli import main

    src = tmp_path / "note.txt"
    src.write_text("Guizhou built 400 schools in 2019.\n", encoding="utf-8")
    for lang in ("en", "auto"):
        out = tmp_path / f"{lang}.csv"
        assert main(["extract", str(src), "--lang", lang, "--year", "2020", "-o", str(out)]) == 0
        table = pd.read_csv(out, dtype=str)
        assert list(table["text"]) == ["400"] and list(table["unit"]) == ["item"] and list(table["year"]) == ["2019"]


def test_spacy_pipeline_in_english():
    import zhfacts

    nlp = zhfacts.load(lang="en", year="2020", place="China", model=False)
    doc = nlp("Yinchuan has 5 national wetland parks and 19,200 hectares of wetlands.")
    assert [(s.text, s._.claim["unit"], s._.claim["place"]) for s in doc.spans["claims"]] == [
        ("5", "item", "Yinchuan"), ("19,200 hectares", "ha", "Yinchuan")]


def test_unit_codes_cover_both_lexicons():
    """A code only a second row of a surface gives ("‰") and the English table's codes are valid."""
    from zhfacts.lang.en.lexicon import units
    from zhfacts.schema import unit_codes

    assert {"‰", "mile", "week"} <= unit_codes()
    assert {u.code for u in units().values()} <= unit_codes()
