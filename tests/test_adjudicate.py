"""scripts/adjudicate.py: gold is written only when every difference of the two passes is decided."""
from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "adjudicate.py"
spec = importlib.util.spec_from_file_location("adjudicate", SCRIPT)
adjudicate = importlib.util.module_from_spec(spec)
spec.loader.exec_module(adjudicate)

TEXT = "全村有300户，投入资金50万元，约有三成土地。"


def row(start, end, **fields):
    base = {"doc_id": "d", "start": str(start), "end": str(end), "text": TEXT[start:end], "value": "",
            "value_max": "", "unit": "", "qualifier": "=", "metric": "m", "metric_en": "", "year": "2020",
            "place": "某村", "per": "", "kind": "actual", "sentence": TEXT, "note": ""}
    base.update(fields)
    return base


def write(path: Path, rows: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=adjudicate.COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def root(tmp_path):
    write(tmp_path / "annotation" / "d.a.csv", [
        row(3, 7, value="300", unit="household", metric="户数"),
        row(12, 16, value="500000", unit="CNY", metric="投入资金"),
    ])
    write(tmp_path / "annotation" / "d.b.csv", [
        row(3, 7, value="300", unit="household", metric="户数", year=""),
        row(12, 16, value="500000", unit="CNY", metric="投入资金"),
        row(19, 21, value="30", unit="%", qualifier="~", metric="土地"),
    ])
    return tmp_path


def decide(root: Path, table: str) -> None:
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "adjudication-d.md").write_text(
        "# d\n\n## Decisions\n\n| span | field | decision | why |\n|---|---|---|---|\n" + table, encoding="utf-8")


def gold(root: Path) -> list[dict]:
    with (root / "gold" / "d.csv").open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_undecided_differences_write_nothing(root, capsys):
    decide(root, "| 3-7 | year | A | stated |\n")
    assert adjudicate.adjudicate("d", root) == 1
    assert "19-21 | row" in capsys.readouterr().err
    assert not (root / "gold" / "d.csv").exists()


def test_decisions_are_applied(root):
    decide(root, "| 3-7 | year | B | no time |\n| 19-21 | row | keep | a share |\n"
                 "| 12-16 | metric | = 资金 | shorter |\n")
    assert adjudicate.adjudicate("d", root) == 0
    rows = gold(root)
    assert [(r["start"], r["year"], r["metric"]) for r in rows] == [
        ("3", "", "户数"), ("12", "2020", "资金"), ("19", "2020", "土地")]


def test_a_row_only_one_pass_has_can_be_dropped(root):
    decide(root, "| 3-7 | year | A | stated |\n| 19-21 | row | drop | not a claim |\n")
    assert adjudicate.adjudicate("d", root) == 0
    assert [r["start"] for r in gold(root)] == ["3", "12"]
