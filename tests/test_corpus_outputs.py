"""The outputs of extract, diff and check on the corpus, compared with the saved ones.

A change of behaviour shows here as a changed row or line. Columns added to the table since
the fixtures were saved are ignored; every saved column must match exactly. Regenerate the
fixtures (after a deliberate change of behaviour) with ``python tests/test_corpus_outputs.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

from zhfacts.cli import main

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "corpus"

#: name -> command line (run from the repository root); "{out}" is a table written beside stdout.
COMMANDS = {
    "extract-corpus": ["extract", "corpus", "--explain", "-o", "{out}"],
    "diff-gold-kzhq": ["diff", "gold/kzhq-2020.csv", "corpus/kzhq-2020.txt", "-o", "{out}"],
    "diff-gansu-ningxia": ["diff", "corpus/gansu-2025.txt", "corpus/ningxia-2025.txt", "-o", "{out}"],
    "check-kzhq": ["check", "corpus/kzhq-2020.txt"],
    "check-gwr": ["check", "corpus/gwr-2020.txt", "--json"],
    "check-nea": ["check", "corpus/nea-2022.txt"],
    "check-gansu": ["check", "corpus/gansu-2025.txt", "--json"],
    "check-yinchuan": ["check", "corpus/tjgb-yinchuan-2025.txt"],
}


def run(name: str, out: Path, capsys) -> str:
    args = [a.replace("{out}", str(out)) for a in COMMANDS[name]]
    code = main(args)
    assert code in (0, 1), f"{name}: exit {code}"
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def _in_repository(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("name", list(COMMANDS))
def test_output_unchanged(name, tmp_path, capsys):
    out = tmp_path / "out.csv"
    stdout = run(name, out, capsys)
    assert stdout == (FIXTURES / f"{name}.out").read_text(encoding="utf-8")
    saved_table = FIXTURES / f"{name}.csv"
    if saved_table.exists():
        saved = pd.read_csv(saved_table, dtype=str, keep_default_na=False)
        now = pd.read_csv(out, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        missing = [c for c in saved.columns if c not in now.columns]
        assert not missing, f"{name}: columns gone: {missing}"
        pd.testing.assert_frame_equal(now[list(saved.columns)], saved)


def _regenerate() -> None:
    import contextlib
    import io

    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name, args in COMMANDS.items():
        table = FIXTURES / f"{name}.csv"
        buffer = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")  # JSON is written to its bytes
        with contextlib.redirect_stdout(buffer):
            main([a.replace("{out}", str(table)) for a in args])
        buffer.flush()
        (FIXTURES / f"{name}.out").write_bytes(buffer.buffer.getvalue())


if __name__ == "__main__":
    import os

    os.chdir(ROOT)
    _regenerate()
    sys.exit(0)
