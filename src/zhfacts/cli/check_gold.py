"""``zhfacts check-gold``: validate hand-labelled gold against the spec's codes and the corpus."""
from __future__ import annotations

import argparse

from ..eval.goldcheck import check_gold_path
from ..io.tables import read_table
from .score import gold_corpus

HELP = "validate a gold fact table (file or directory) against the spec and the corpus text"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", help="gold fact table: a .csv/.jsonl/.parquet file or a directory of them")
    parser.add_argument("--corpus", help="directory of <doc_id>.txt (default: the corpus folder beside the "
                                         "gold's folder, else the bundled corpus)")


def run(args: argparse.Namespace) -> int:
    problems = check_gold_path(args.path, args.corpus or gold_corpus(args.path))
    if problems:
        print("\n".join(problems))
        return 1
    gold = read_table(args.path)
    print(f"ok: {len(gold)} rows in {gold['doc_id'].nunique()} documents")
    return 0
