"""``zhfacts report``: one self-contained HTML page to read and check a document (or two)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import console
from ..errors import ZhfactsError
from ..factcheck.report import build_report, write_html

from . import year_arg

HELP = "write an HTML report: highlighted claims, fact table, consistency findings, diff of two documents"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("docs", metavar="DOC", nargs="+", help="one document (.txt), or two to diff")
    parser.add_argument("-o", "--output", required=True, help="HTML file to write")
    parser.add_argument("--year", type=year_arg, help="document year (YYYY) when a document is outside the corpus")
    parser.add_argument("--place", help="default place when a document is outside the corpus")


def run(args: argparse.Namespace) -> int:
    if len(args.docs) > 2:
        raise ZhfactsError(args.docs[2], "too many documents: give one, or two to compare")
    out = Path(args.output)
    if out.is_dir():
        raise ZhfactsError(out, "is a directory, expected an HTML file")
    if not out.resolve().parent.is_dir():  # refused before the extraction work, not after
        raise ZhfactsError(out, f"cannot create a file in {out.parent}: No such file or directory")
    write_html(build_report(args.docs, year=args.year, place=args.place), args.output)
    console.note(f"wrote {args.output}")
    return 0
