"""zhfacts extract: documents in, fact table out."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..io.documents import decode
from ..errors import ZhfactsError
from ..learn.decider import ON_BY_DEFAULT
from ..pipeline import CORPUS_DIR, document_for_path, document_rows, make_document
from ..table import to_frame
from ..io.tables import FORMATS, TableWriter

HELP = "extract every quantitative claim of Chinese documents into a fact table"

#: Columns shown on the terminal when no -o is given.
SCREEN_COLUMNS = ["doc_id", "start", "end", "text", "value", "unit", "qualifier", "metric", "year", "place", "per"]


def configure(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a .txt file, a directory of them, or - for stdin (default: the bundled corpus)")
    parser.add_argument("-o", "--output", help="write the table here (format from the suffix or --format)")
    parser.add_argument("--format", choices=FORMATS, help="output format (default: from the -o suffix)")
    parser.add_argument("--year", help="document year for files without a manifest entry")
    parser.add_argument("--place", help="default place for files without a manifest entry")
    parser.add_argument("--lang", help="language of the documents (zh, zh-Hant, en; default: the manifest's "
                                       "language column, else detected from the script)")
    parser.add_argument("--kind", help="document kind that picks the profile of fallbacks (feature, work_report, "
                                       "communique, plan, press ...; default: the manifest's kind column, else "
                                       "detected from the title, else default)")
    parser.add_argument("--model", action=argparse.BooleanOptionalAction, default=ON_BY_DEFAULT,
                        help="choose among the rules' candidates with the learned decider "
                             "(default: %(default)s; see docs/model.md for why)")
    parser.add_argument("--explain", action="store_true",
                        help="also list number mentions that are not claims, with the rule that dropped them")


def input_files(paths: list[str]) -> list[str | Path]:
    """Expand PATH arguments: directories to their .txt files; '-' stays as stdin."""
    if not paths:
        if not CORPUS_DIR.is_dir():
            raise ZhfactsError(CORPUS_DIR, "no bundled corpus here; give a PATH")
        paths = [str(CORPUS_DIR)]
    out: list[str | Path] = []
    for raw in paths:
        if raw == "-":
            out.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(path.glob("*.txt"))
            if not files:
                raise ZhfactsError(path, "directory holds no .txt documents")
            out.extend(files)
        elif not path.exists():
            raise ZhfactsError(path, "no such file or directory")
        else:
            out.append(path)
    return out


def _frames(files, args):
    for item in tqdm(files, desc="extract", unit="doc", file=sys.stderr, disable=len(files) < 2 or None):
        if item == "-":
            doc = make_document("stdin", decode(sys.stdin.buffer.read(), "<stdin>"), args.year or "", args.place or "",
                                args.lang or "", args.kind or "")
        else:
            doc = document_for_path(item, args.year, args.place, args.lang, args.kind)
        yield to_frame(document_rows(doc, explain=args.explain, model=args.model))


def run(args) -> int:
    files = input_files(args.paths)
    if args.output:
        with TableWriter(args.output, args.format) as writer:
            wrote = False
            for frame in _frames(files, args):
                if len(frame) or not wrote:
                    writer.write(frame)
                    wrote = True
        return 0
    frames = list(_frames(files, args))
    table = pd.concat(frames, ignore_index=True) if frames else to_frame([])
    columns = SCREEN_COLUMNS + (["status", "rule"] if args.explain else [])
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250,
                           "display.unicode.east_asian_width", True):
        shown = table[columns].assign(value=table["value"].map(lambda v: f"{v:.15g}"))
        print(shown.to_string(index=False) if len(table) else "no claims")
    return 0
