"""zhfacts extract: documents in, fact table out."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from ..docio import decode
from ..model import ON_BY_DEFAULT
from ..engines import Options, results, terminate_as_interrupt
from ..errors import ZhfactsError
from ..normalise import make_document
from ..pipeline import CORPUS_DIR
from ..table import to_frame
from ..tableio import FORMATS, TableWriter

HELP = "extract every quantitative claim of Chinese documents into a fact table"

#: Columns shown on the terminal when no -o is given.
SCREEN_COLUMNS = ["doc_id", "start", "end", "text", "value", "unit", "qualifier", "metric", "year", "place", "per"]


def configure(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a .txt file, a directory of them, or - for stdin (default: the bundled corpus)")
    parser.add_argument("-o", "--output", help="write the table here (format from the suffix or --format)")
    parser.add_argument("--format", choices=FORMATS + ("datapackage",),
                        help="output format (default: from the -o suffix); parquet with an -o not named "
                             "*.parquet writes a partitioned dataset directory, datapackage a directory with "
                             "claims.csv, documents.csv and datapackage.json")
    parser.add_argument("--year", help="document year for files without a manifest entry")
    parser.add_argument("--place", help="default place for files without a manifest entry")
    parser.add_argument("--model", action=argparse.BooleanOptionalAction, default=ON_BY_DEFAULT,
                        help="rank metric candidates with the trained model (default: %(default)s; "
                             "see docs/model.md for why)")
    parser.add_argument("--explain", action="store_true",
                        help="also list number mentions that are not claims, with the rule that dropped them")
    parser.add_argument("-j", "--jobs", type=_jobs, default=os.cpu_count() or 1,
                        help="worker processes when there are several files (default: the machine's cores, "
                             "%(default)s)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on a Dask cluster: local starts one on this machine, or tcp://HOST:PORT")


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes >= 1, got {text!r}")
    return int(text)


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


def _results(files, args):
    """One result per file in input order, from the engine the options choose; paths stay paths
    (workers read them), standard input is read here."""
    items = [make_document("stdin", decode(sys.stdin.buffer.read(), "<stdin>"), args.year or "", args.place or "")
             if f == "-" else f for f in files]
    done = results(items, Options(args.year, args.place, args.explain, args.model),
                   jobs=args.jobs, scheduler=args.scheduler)
    yield from tqdm(done, total=len(items), desc="extract", unit="doc", file=sys.stderr,
                    disable=len(items) < 2 or None)


def _writer(args):
    from ..dataset import ParquetDatasetWriter, is_dataset

    fmt = args.format
    if fmt == "datapackage":
        from ..datapackage import DataPackageWriter
        return DataPackageWriter(args.output)
    if is_dataset(args.output, fmt):
        return ParquetDatasetWriter(args.output)
    return TableWriter(args.output, fmt)


def run(args) -> int:
    if args.format == "datapackage" and not args.output:
        raise ZhfactsError("--format datapackage", "a data package is a directory: give -o DIR")
    files = input_files(args.paths)
    with terminate_as_interrupt():
        if args.output:
            _write(files, args)
            return 0
        frames = [done.table for done in _results(files, args)]
    table = pd.concat(frames, ignore_index=True) if frames else to_frame([])
    columns = SCREEN_COLUMNS + (["status", "rule"] if args.explain else [])
    with pd.option_context("display.max_rows", None, "display.max_columns", None, "display.width", 250,
                           "display.unicode.east_asian_width", True):
        shown = table[columns].assign(value=table["value"].map(lambda v: f"{v:.15g}"))
        print(shown.to_string(index=False) if len(table) else "no claims")
    return 0


def _write(files, args) -> None:
    from ..datapackage import DataPackageWriter
    from ..dataset import ParquetDatasetWriter

    with _writer(args) as writer:
        if args.scheduler and isinstance(writer, ParquetDatasetWriter):
            from ..dask import extract
            from ..engines.dask import connect

            with connect(args.scheduler):
                writer.write_dask(extract(files, args.year, args.place, args.explain, args.model))
            return
        wrote = False
        for done in _results(files, args):
            # A dataset has a partition for every document, empty or not.
            if len(done.table) or not wrote or isinstance(writer, ParquetDatasetWriter):
                writer.write(done.table)
                wrote = True
            if isinstance(writer, DataPackageWriter):
                writer.add_document(done.record())
