"""``zhfacts diff``: align the claims of two documents or fact tables and show what changed."""
from __future__ import annotations

import argparse
from contextlib import nullcontext

from ..factcheck.align import align
from ..factcheck.load import load_claims
from ..factcheck.render import report_lines
from ..io.writer import FORMATS, TableWriter
from . import add_lang_argument, chosen_lang, year_arg

HELP = "compare the claims of two documents or fact tables: same, changed, over time, only in one"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", metavar="A", help="document (.txt) or fact table (.csv/.jsonl/.parquet or a directory)")
    parser.add_argument("b", metavar="B", help="document or fact table to compare A with")
    parser.add_argument("-o", "--output", help="also write the aligned pairs as a table to this file")
    parser.add_argument("--format", choices=FORMATS, help="table format of -o (default: from its suffix)")
    parser.add_argument("--fail-on", choices=["changed"], help="exit 1 when any pair has this status")
    parser.add_argument("--year-a", type=year_arg,
                        help="document year of A (YYYY); default: the manifest's, else the year its text names")
    parser.add_argument("--year-b", type=year_arg,
                        help="document year of B (YYYY); default: the manifest's, else the year its text names")
    parser.add_argument("--place", help="default place of both documents when outside the corpus")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    # The output is opened before the work, so a folder that is missing is refused at once; a
    # failure during the work leaves no file.
    with TableWriter(args.output, args.format) if args.output else nullcontext() as writer:
        a, _ = load_claims(args.a, year=args.year_a, place=args.place, lang=chosen_lang(args))
        b, _ = load_claims(args.b, year=args.year_b, place=args.place, lang=chosen_lang(args))
        table = align(a, b)
        if writer is not None:
            writer.write(table)
    print("\n".join(report_lines(table, args.a, args.b)))
    return 1 if args.fail_on and (table["status"] == args.fail_on).any() else 0
