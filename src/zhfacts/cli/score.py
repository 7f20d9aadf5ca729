"""``zhfacts score``: compare a fact table with gold (claims-spec section 4) and gate on minimums."""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

from .. import console
from ..errors import ZhfactsError
from ..eval.goldcheck import load_gold
from ..eval.score import FIGURES, by_rule, format_by_rule, format_errors, format_figure, format_report, score
from ..io.tables import read_table, table_files

HELP = "score a fact table against gold: mention P/R/F1, field accuracies, tuple F1"


def parse_minimum(text: str) -> tuple[str | None, str, float]:
    """'FIELD=VALUE' or 'DOC:FIELD=VALUE' -> (doc or None, field, minimum)."""
    target, sep, number = text.partition("=")
    doc, _, field = target.rpartition(":")
    if not sep or field not in FIGURES:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected [DOC:]FIELD=VALUE with FIELD one of {', '.join(FIGURES)}")
    try:
        minimum = float(number)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: {number!r} is not a number") from None
    if not math.isfinite(minimum):
        raise argparse.ArgumentTypeError(f"{text!r}: the minimum must be a finite number (nan would turn the gate off)")
    return doc or None, field, minimum


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("gold", help="gold fact table: a .csv/.jsonl/.parquet file or a directory of them")
    parser.add_argument("pred", help="predicted fact table: a file or a directory, as for gold")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--errors", action="store_true",
                        help="also list misses, spurious rows and wrong fields with their sentences")
    parser.add_argument("--min", dest="minimums", action="append", default=[], type=parse_minimum,
                        metavar="[DOC:]FIELD=VALUE",
                        help="fail (exit 1) when a figure is below VALUE; without DOC: the "
                             "micro-average over all documents; repeatable")
    parser.add_argument("--corpus", help="directory of <doc_id>.txt (default: the corpus folder beside the "
                                         "gold's folder, else the bundled corpus)")
    parser.add_argument("--by-rule", action="store_true",
                        help="also score each rule of each slot: how often it fired and how often its choice was "
                             "right on the paired claims (exclusion rules when the table lists excluded mentions)")


def run(args: argparse.Namespace) -> int:
    gold = load_gold(args.gold, args.corpus or gold_corpus(args.gold))
    pred = read_table(args.pred)
    labelled = gold_documents(args.gold, gold)
    unlabelled = sorted(set(pred["doc_id"]) - labelled)
    if unlabelled:
        console.note(f"not scored (no gold): {len(unlabelled)} document(s): {', '.join(unlabelled)}")
        pred = pred[pred["doc_id"].isin(labelled)]
    result = score(gold, pred, gold_name=args.gold, pred_name=args.pred)
    failures = below_minimum(result, args.minimums)
    rules = by_rule(gold, pred, gold_name=args.gold, pred_name=args.pred) if args.by_rule else None
    if args.json:
        shown = result if args.errors else {k: v for k, v in result.items() if k != "errors"}
        if rules is not None:
            shown = {**shown, "by_rule": rules}
        console.print_json(shown)
    else:
        print(format_report(result))
        if rules is not None:
            print()
            print(format_by_rule(rules))
        if args.errors:
            print()
            print(format_errors(result))
    for line in failures:
        print(line, file=sys.stderr)
    return 1 if failures else 0


def gold_corpus(gold: str) -> Path:
    """The documents gold is labelled on: ``corpus/`` beside the gold's folder (gold/ and corpus/
    of one checkout), else the bundled corpus; so score works from any directory."""
    from ..pipeline import CORPUS_DIR

    folder = Path(gold).resolve()
    folder = folder if folder.is_dir() else folder.parent
    beside = folder.parent / "corpus"
    return beside if beside.is_dir() else CORPUS_DIR


def gold_documents(path, gold) -> set[str]:
    """The documents the gold labels: its rows' doc_ids, and in a gold directory every file's stem
    (a file with a header only labels a document that has no claims)."""
    stems = {f.stem for f in table_files(path)} if Path(path).is_dir() else set()
    return set(gold["doc_id"]) | stems


def below_minimum(result: dict, minimums: list[tuple[str | None, str, float]]) -> list[str]:
    """One line per figure under its minimum; an undefined figure (nothing to count) fails too."""
    failures = []
    for doc, field, minimum in minimums:
        if doc is not None and doc not in result["documents"]:
            raise ZhfactsError("--min", f"no document {doc!r} in gold or predictions")
        entry = result["all"] if doc is None else result["documents"][doc]
        value = entry["figures"].get(field)
        if value is None or value < minimum:
            name = field if doc is None else f"{doc}:{field}"
            shown = "undefined (nothing to count)" if value is None else format_figure(value)
            failures.append(f"below minimum: {name} = {shown}, minimum {minimum:g}")
    return failures
