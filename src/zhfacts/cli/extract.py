"""zhfacts extract: documents in, fact table out.

CSV, JSONL and the screen are written from the rows as they come, without pandas (a short
file's run is mostly start-up); Parquet, data packages and Dask build typed tables."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from tqdm import tqdm

from .. import console
from ..display import aligned, format_value
from ..errors import ZhfactsError
from ..engines import Options, results
from ..io.documents import read_stdin
from ..io.writer import FORMATS, TableWriter
from ..learn.decider import ON_BY_DEFAULT
from ..pipeline import CORPUS_DIR, make_document
from ..table import COLUMNS
from . import add_lang_argument, chosen_lang, year_arg

#: No monitor thread: --jobs forks its workers only from a process of one thread.
tqdm.monitor_interval = 0

HELP = "extract every quantitative claim of Chinese or English documents into a fact table"

#: Columns shown on the terminal when no -o and no --format is given.
SCREEN_COLUMNS = ["doc_id", "start", "end", "text", "value", "unit", "qualifier", "metric", "year", "place", "per"]

def configure(parser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a .txt file, a directory of them, or - for stdin (default: the bundled corpus)")
    parser.add_argument("-o", "--output",
                        help="write the table here, or - for stdout (format from the suffix or --format)")
    parser.add_argument("--format", choices=FORMATS + ("datapackage",),
                        help="table format (default: from the -o suffix); without -o the table goes to stdout in it; "
                             "parquet with an -o not named *.parquet writes a partitioned dataset directory, "
                             "datapackage a directory with claims.csv, documents.csv and datapackage.json")
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
    parser.add_argument("-j", "--jobs", type=_jobs, default=os.cpu_count() or 1,
                        help="worker processes when there are several files (default: the machine's cores, "
                             "%(default)s)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="run on a Dask cluster: local starts one on this machine, or tcp://HOST:PORT")


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes >= 1, got {text!r}")
    return int(text)


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


def _options(args) -> Options:
    return Options(args.year, args.place, args.explain, args.model, chosen_lang(args), args.kind, args.keep_going)


def _results(files, args):
    """One result per file in input order, from the engine the options choose; paths stay paths
    (workers read them), standard input is read here. With --keep-going an unreadable file
    gives a result without rows (an empty partition of a dataset, on every engine);
    ``args.skipped`` counts them."""
    args.skipped = 0
    items = []
    for item, doc_id in files:
        if item == "-":
            try:
                item = make_document(doc_id, read_stdin(), args.year or "", args.place or "",
                                     chosen_lang(args) or "", args.kind or "")
            except ZhfactsError as exc:
                if not args.keep_going:
                    raise
                args.skipped += 1
                print(f"zhfacts: {exc} (skipped)", file=sys.stderr)
                continue
        items.append((item, doc_id))
    done = results([item for item, _ in items], _options(args), jobs=args.jobs, scheduler=args.scheduler,
                   doc_ids=[doc_id for _, doc_id in items])
    with tqdm(total=len(items), desc="extract", unit="doc", file=sys.stderr,
              disable=console.quiet or len(items) < 2 or None) as progress:
        for result in done:
            if result.skipped:
                args.skipped += 1
                tqdm.write(f"zhfacts: {result.skipped} (skipped)", file=sys.stderr)
            yield result
            progress.update(result.last)


def _writer(output, args):
    from ..io.dataset import ParquetDatasetWriter, is_dataset

    if args.format == "datapackage":
        from ..io.datapackage import DataPackageWriter
        return DataPackageWriter(output)
    if is_dataset(output, args.format):
        return ParquetDatasetWriter(output)
    return TableWriter(output, args.format)


def _write(files, output, args) -> None:
    from ..io.datapackage import DataPackageWriter
    from ..io.dataset import ParquetDatasetWriter

    with _writer(output, args) as writer:
        every = isinstance(writer, ParquetDatasetWriter)  # a dataset has a partition per document (per block of a long one)
        if args.scheduler and every:
            from ..dask import partitions
            from ..engines.dask import connect

            frame, skipped = partitions(files, _options(args))
            with connect(args.scheduler):
                [reasons] = writer.write_dask(frame, skipped)
            args.skipped = sum(reason is not None for reason in reasons)
            for reason in filter(None, reasons):
                print(f"zhfacts: {reason} (skipped)", file=sys.stderr)
            return
        wrote = False
        claims = 0  # of the document so far, over its blocks
        for done in _results(files, args):
            if done.rows or not wrote or every:
                _put(writer, done.rows)
                wrote = True
            claims += len(done.rows)
            if done.last:
                if isinstance(writer, DataPackageWriter) and not done.skipped:
                    writer.add_document(done.record(claims))
                claims = 0
        if not wrote:
            _put(writer, [])


def _put(writer, rows: list[dict]) -> None:
    """CSV and JSONL take the rows as they are; Parquet a typed table of them."""
    if writer.takes_rows:
        writer.write_rows(rows, COLUMNS)
    else:
        from ..table import to_frame

        writer.write(to_frame(rows))


def run(args) -> int:
    if args.format == "datapackage" and (not args.output or args.output == "-"):
        raise ZhfactsError("--format datapackage", "a data package is a directory: give -o DIR")
    files = input_files(args.paths)
    output = args.output or ("-" if args.format else None)
    if output:
        _write(files, output, args)
        return 1 if args.skipped else 0
    rows = [row for done in _results(files, args) for row in done.rows]
    columns = SCREEN_COLUMNS + (["status", "rule"] if args.explain else [])
    print(aligned([{**row, "value": format_value(row)} for row in rows], columns) if rows else "no claims")
    return 1 if args.skipped else 0
