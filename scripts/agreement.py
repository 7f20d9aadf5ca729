#!/usr/bin/env python3
"""Inter-annotator agreement between two labelling passes of the same documents.

Pass A is treated as the reference and pass B is scored against it with the scorer's own
pairing and field rules, so agreement and extractor scores are read the same way. Mention F1 is
symmetric; field agreement is measured on the paired mentions. --disagreements lists what an
adjudicator has to look at: rows only one pass has, and fields the passes label differently.

    python scripts/agreement.py annotation/nea-2022.a.csv annotation/nea-2022.b.csv
    python scripts/agreement.py A1 B1 A2 B2 --markdown --disagreements
    python scripts/agreement.py --dir annotation --markdown   # every <doc>.a.csv with its <doc>.b.csv

Each pair must cover its own documents (a doc_id in two pairs would be merged).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from zhfacts.errors import ZhfactsError
from zhfacts.score import format_errors, format_table, report_rows, score
from zhfacts.tableio import read_table


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", metavar="A B",
                        help="pairs of fact tables: pass A then pass B of the same documents")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown")
    parser.add_argument("--disagreements", action="store_true",
                        help="list rows only one pass has and fields that differ, with sentences")
    parser.add_argument("--dir", help="pair every <doc>.a.csv in this folder with its <doc>.b.csv")
    args = parser.parse_args(argv)
    if args.dir:
        args.files += [str(p) for a in sorted(Path(args.dir).glob("*.a.csv"))
                       for p in (a, a.with_name(a.name[:-len(".a.csv")] + ".b.csv"))]
    if not args.files:
        parser.error("give pairs of files, or --dir")
    if len(args.files) % 2:
        parser.error("files come in pairs: pass A then pass B")
    return args


def agreement(files: list[str]) -> dict:
    """The scorer's result for all pairs at once, pass A as reference."""
    passes_a = pd.concat([read_table(f) for f in files[0::2]], ignore_index=True)
    passes_b = pd.concat([read_table(f) for f in files[1::2]], ignore_index=True)
    return score(passes_a, passes_b, gold_name="pass A", pred_name="pass B")


def agreement_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    """The scorer's summary rows, with the count columns named after the passes."""
    header, rows = report_rows(result)
    return ["document", "A", "B", "paired", *header[4:]], rows


def format_markdown(result: dict) -> str:
    header, rows = agreement_rows(result)
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["---:"] * (len(header) - 1)) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        result = agreement(args.files)
    except ZhfactsError as exc:
        print(f"agreement: {exc}", file=sys.stderr)
        return 2
    print(format_markdown(result) if args.markdown else format_table(*agreement_rows(result)))
    if args.disagreements:
        print()
        print(format_errors(result, miss="only A", spurious="only B", sides=("A", "B")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
