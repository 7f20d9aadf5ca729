"""zhfacts extract: documents in, fact table out."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from .. import console
from ..errors import ZhfactsError
from ..factcheck.render import format_value
from ..io.documents import paragraph_blocks, read_stdin
from ..io.tables import FORMATS, TableWriter
from ..learn.decider import ON_BY_DEFAULT
from ..pipeline import CORPUS_DIR, document_for_path, document_rows, make_document
from ..schema import EVIDENCE_COLUMNS
from ..table import to_frame
from . import add_lang_argument, chosen_lang, year_arg

HELP = "extract every quantitative claim of Chinese or English documents into a fact table"

#: Columns shown on the terminal when no -o and no --format is given.
SCREEN_COLUMNS = ["doc_id", "start", "end", "text", "value", "unit", "qualifier", "metric", "year", "place", "per"]

#: A document longer than this many characters is extracted in blocks of whole paragraphs
#: (io.documents.paragraph_blocks), so memory stays flat however large the file.
BLOCK_CHARS = 2_000_000


def configure(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a .txt file, a directory of them, or - for stdin (default: the bundled corpus)")
    parser.add_argument("-o", "--output",
                        help="write the table here, or - for stdout (format from the suffix or --format)")
    parser.add_argument("--format", choices=FORMATS,
                        help="table format (default: from the -o suffix); without -o the table goes to stdout in it")
    parser.add_argument("--year", type=year_arg,
                        help="document year (YYYY); overrides the manifest's for every document")
    parser.add_argument("--place", help="default place; overrides the manifest's for every document")
    add_lang_argument(parser)
    parser.add_argument("--kind", help="document kind that picks the profile of fallbacks (feature, work_report, "
                                       "communique, plan, press ...; default: the manifest's kind column, else "
                                       "detected from the title, else default)")
    parser.add_argument("--model", action=argparse.BooleanOptionalAction, default=ON_BY_DEFAULT,
                        help="choose among the rules' candidates with the learned decider "
                             "(default: %(default)s; see docs/model.md for why)")
    parser.add_argument("--explain", action="store_true",
                        help="also list number mentions that are not claims, with the rule that dropped them")
    parser.add_argument("--keep-going", action="store_true",
                        help="report a file that cannot be read and go on with the others (exit 1 at the end)")


def input_files(paths: list[str]) -> list[tuple[str | Path, str]]:
    """(file or '-', doc_id) for the PATH arguments: directories expand to their .txt files, a
    file named twice is read once, and files that share a name in different folders get their
    folder in the doc_id ("2020/report", "2021/report") so their claims never mix."""
    if not paths:
        if not CORPUS_DIR.is_dir():
            raise ZhfactsError(CORPUS_DIR, "no bundled corpus here; give a PATH")
        paths = [str(CORPUS_DIR)]
    files: list[str | Path] = []
    for raw in paths:
        if raw == "-":
            files.append("-")
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            if not found:
                raise ZhfactsError(path, "directory holds no .txt documents")
            files.extend(found)
        elif not path.exists():
            raise ZhfactsError(path, "no such file or directory")
        else:
            files.append(path)
    unique = list({("-" if f == "-" else os.path.realpath(f)): f for f in files}.values())
    stems: dict[str, int] = {}
    for f in unique:
        stem = "stdin" if f == "-" else Path(f).stem
        stems[stem] = stems.get(stem, 0) + 1
    return [(f, _doc_id(f, unique) if stems["stdin" if f == "-" else Path(f).stem] > 1 else
             ("stdin" if f == "-" else Path(f).stem)) for f in unique]


def _doc_id(path: str | Path, files: list[str | Path]) -> str:
    """A name shared by several inputs, with the folders that tell them apart."""
    if path == "-":
        return "stdin"
    real = [Path(os.path.realpath(f)) for f in files if f != "-"]
    common = Path(os.path.commonpath([str(p.parent) for p in real]))
    return Path(os.path.realpath(path)).relative_to(common).with_suffix("").as_posix()


def _frames(files, args):
    """One fact table per document (per block of a huge one), skipping unreadable files with
    --keep-going; ``args.skipped`` counts them."""
    args.skipped = 0
    bar = tqdm(files, desc="extract", unit="doc", file=sys.stderr, disable=console.quiet or len(files) < 2 or None)
    for item, doc_id in bar:
        try:
            if item == "-":
                doc = make_document(doc_id, read_stdin(), args.year or "", args.place or "",
                                    chosen_lang(args) or "", args.kind or "")
            else:
                doc = document_for_path(item, args.year, args.place, chosen_lang(args), args.kind, doc_id=doc_id)
        except ZhfactsError as exc:
            if not args.keep_going:
                raise
            args.skipped += 1
            tqdm.write(f"zhfacts: {exc} (skipped)", file=sys.stderr)
            continue
        for offset, block in paragraph_blocks(doc.text, BLOCK_CHARS):
            part = doc if offset == 0 and len(block) == len(doc.text) else make_document(
                doc.doc_id, block, doc.year, doc.place, doc.lang, doc.kind)
            frame = to_frame(document_rows(part, explain=args.explain, model=args.model))
            if offset:
                for column in ["start", "end"] + EVIDENCE_COLUMNS:
                    frame[column] += offset
            yield frame


def run(args) -> int:
    files = input_files(args.paths)
    output = args.output or ("-" if args.format else None)
    if output:
        with TableWriter(output, args.format) as writer:
            wrote = False
            for frame in _frames(files, args):
                if len(frame) or not wrote:
                    writer.write(frame)
                    wrote = True
            if not wrote:
                writer.write(to_frame([]))
        return 1 if args.skipped else 0
    frames = list(_frames(files, args))
    table = pd.concat(frames, ignore_index=True) if frames else to_frame([])
    columns = SCREEN_COLUMNS + (["status", "rule"] if args.explain else [])
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250,
                           "display.unicode.east_asian_width", True):
        shown = table[columns].assign(value=[format_value(r) for _, r in table.iterrows()])
        print(shown.to_string(index=False) if len(table) else "no claims")
    return 1 if args.skipped else 0
