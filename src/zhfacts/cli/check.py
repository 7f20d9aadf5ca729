"""``zhfacts check``: consistency of the claims inside one document or fact table."""
from __future__ import annotations

import argparse

from .. import console
from ..factcheck.consistency import check, report_lines
from ..factcheck.load import load_claims
from . import add_lang_argument, chosen_lang, year_arg

HELP = "check one document's claims: repeated facts, parts against totals, shares against counts"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="DOC|TABLE",
                        help="document (.txt) or fact table (.csv/.jsonl/.parquet or a directory)")
    parser.add_argument("--json", action="store_true", help="print the findings as a JSON list")
    parser.add_argument("--fail", action="store_true", help="exit 1 when any finding is a mismatch")
    parser.add_argument("--year", type=year_arg, help="document year (YYYY) when the document is outside the corpus")
    parser.add_argument("--place", help="default place when the document is outside the corpus")
    add_lang_argument(parser)


def run(args: argparse.Namespace) -> int:
    claims, text = load_claims(args.path, year=args.year, place=args.place, lang=chosen_lang(args))
    texts = {doc_id: text for doc_id in claims["doc_id"].unique()} if text is not None else None
    findings = check(claims, texts, chosen_lang(args))
    if args.json:
        console.print_json(findings)
    else:
        print("\n".join(report_lines(findings)))
    return 1 if args.fail and any(f["status"] == "mismatch" for f in findings) else 0
