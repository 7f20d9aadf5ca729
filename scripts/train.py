"""Train the learned decider (zhfacts.learn) on the gold and write it as the shipped model.

Examples: every corpus document that has gold (less any --exclude), extracted with the rule
order; each candidate of each decided slot is labelled by whether it scores as the gold field
(zhfacts.learn.training). One LightGBM classifier per slot, fixed seed, one thread: the same gold
and corpus give the same model files.

    python scripts/train.py [--exclude DOC ...] [--out src/zhfacts/models/decider]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from zhfacts.errors import ZhfactsError
from zhfacts.learn.decider import MODEL_DIR
from zhfacts.learn.training import corpus_examples, train
from zhfacts.io.tables import read_table

ROOT = Path(__file__).resolve().parents[1]


def gold_documents(gold, exclude: list[str] = ()) -> list[str]:
    return sorted(d for d in gold["doc_id"].unique() if d not in exclude)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", action="append", default=[], metavar="DOC",
                        help="leave this document out of training (repeatable)")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="model directory (default: the shipped one)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--gold", type=Path, default=ROOT / "gold")
    args = parser.parse_args(argv)
    try:
        gold = read_table(args.gold)
        doc_ids = gold_documents(gold, args.exclude)
        began = time.perf_counter()
        model = train(corpus_examples(doc_ids, args.corpus, gold), doc_ids)
        seconds = time.perf_counter() - began
        # written beside the target, then moved in: a failed run never leaves half a model
        args.out.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=args.out.parent, prefix=".train-") as tmp:
            model.save(Path(tmp) / "model")
            if args.out.exists():
                shutil.rmtree(args.out)
            shutil.move(str(Path(tmp) / "model"), args.out)
    except ZhfactsError as exc:
        print(f"train: {exc}", file=sys.stderr)
        return 1
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"trained on {len(doc_ids)} documents in {seconds:.1f} s; {args.out}: {size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
