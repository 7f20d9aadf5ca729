"""Over the whole corpus: every row names the rule of each slot, and every evidence offset points
at the sentence, place or time it names (``text[place_start:place_end]`` is the place named)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from zhfacts.lang import bundle
from zhfacts.pipeline import document_for_path, document_rows
from zhfacts.schema import RULE_COLUMNS

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
DOCS = sorted(p.stem for p in CORPUS.glob("*.txt"))
CLAIM_SLOTS = ("unit", "metric", "year", "place", "per", "kind")


@pytest.fixture(scope="module", params=DOCS)
def extracted(request):
    doc = document_for_path(CORPUS / f"{request.param}.txt")
    return doc, document_rows(doc, explain=True)


def _missing(value) -> bool:
    return value is None or value is pd.NA


def test_every_row_names_the_rule_of_each_slot(extracted):
    _, rows = extracted
    assert rows
    for row in rows:
        assert row["rule"], row
        if row["status"] == "claim":
            assert not row["exclude_rule"]
            assert all(row[RULE_COLUMNS[slot]] for slot in CLAIM_SLOTS), row
        else:
            assert row["exclude_rule"] and row["unit_rule"], row


def test_every_row_lies_in_its_sentence(extracted):
    doc, rows = extracted
    for row in rows:
        assert row["sentence_start"] <= row["start"] < row["end"] <= row["sentence_end"] <= len(doc.text)


def test_year_evidence_is_the_time_expression_that_gives_the_year(extracted):
    doc, rows = extracted
    times = {(t.start, t.end): t for t in bundle(doc.lang).find_times(doc.norm, doc.year)}
    for row in (r for r in rows if r["status"] == "claim"):
        if _missing(row["year_start"]):
            assert row["year"] == "" and _missing(row["year_end"]), row
            continue
        found = times.get((row["year_start"], row["year_end"]))
        assert found is not None, f"{doc.text[row['year_start']:row['year_end']]!r} is no time expression"
        assert found.year == row["year"], (doc.text[found.start:found.end], row["year"])


def test_place_evidence_is_the_place_the_text_names(extracted):
    doc, rows = extracted
    places = {(p.start, p.end): p for p in bundle(doc.lang).find_places(doc.norm)}
    for row in (r for r in rows if r["status"] == "claim"):
        if _missing(row["place_start"]):
            assert row["place"] == doc.place and _missing(row["place_end"]), row
            continue
        named = doc.text[row["place_start"]:row["place_end"]]
        found = places.get((row["place_start"], row["place_end"]))
        assert found is not None, f"{named!r} is no place mention"
        assert row["place"] in (found.surface, found.place.name), (named, row["place"])
        assert bundle(doc.lang).fold(named) == found.surface
