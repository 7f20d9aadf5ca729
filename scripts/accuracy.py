"""Per-document and overall accuracy of `zhfacts extract` against the hand-labelled gold.

Each corpus document is extracted on its own and scored against its own gold file, so every
row of the table is a held-out figure for the rules' behaviour on that document. Prints a
Markdown table (the one in docs/accuracy.md).

    python scripts/accuracy.py [--corpus corpus] [--gold gold]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from zhfacts.pipeline import extract_table
from zhfacts.eval.score import report_rows, score
from zhfacts.io.tables import read_table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--gold", default="gold")
    args = parser.parse_args(argv)
    gold = read_table(args.gold)
    docs = sorted(gold["doc_id"].unique())
    pred = pd.concat([extract_table(Path(args.corpus) / f"{d}.txt") for d in docs], ignore_index=True)
    header, rows = report_rows(score(gold, pred))
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
