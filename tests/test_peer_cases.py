"""Peer cases from Microsoft Recognizers-Text's Chinese specs (see tests/data/*.README.md).

Each row is a short claim sentence that must give exactly one claim with the expected value
(relative tolerance 1e-9), unit and qualifier. The shared copy (../shared/peer-cases relative
to the repository root) is read when present, else the byte-for-byte copy in tests/data.
"""
from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

from zhfacts.pipeline import extract_text_table

REPO_ROOT = Path(__file__).resolve().parents[1]
NAME = "recognizers-text-zh.tsv"
SHARED = REPO_ROOT.parent / "shared" / "peer-cases" / NAME
LOCAL = Path(__file__).resolve().parent / "data" / NAME


def _source() -> Path:
    return SHARED if SHARED.exists() else LOCAL


def load_cases(path: Path) -> list:
    cases = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            sentence, value, unit, qualifier = row[:4]
            cases.append(pytest.param(sentence, float(value), unit, qualifier, id=sentence))
    return cases


CASES = load_cases(_source())


def test_local_copy_matches_shared():
    """tests/data holds the shared file byte for byte (when the shared file is here to compare)."""
    assert LOCAL.exists()
    if SHARED.exists():
        assert LOCAL.read_bytes() == SHARED.read_bytes()


def test_case_count():
    assert len(CASES) >= 150


@pytest.mark.parametrize("sentence, value, unit, qualifier", CASES)
def test_peer_case(sentence, value, unit, qualifier):
    table = extract_text_table(sentence, "peer", year="2020", place="某县")
    table = table[table["status"] == "claim"]
    got = [(r["text"], r["value"], r["unit"], r["qualifier"]) for _, r in table.iterrows()]
    assert len(got) == 1, f"{sentence}: expected one claim, got {got}"
    _, got_value, got_unit, got_qualifier = got[0]
    assert math.isclose(got_value, value, rel_tol=1e-9), f"{sentence}: value {got_value}, expected {value}"
    assert (got_unit, got_qualifier) == (unit, qualifier), f"{sentence}: {got[0]}"
