"""Train the metric ranker and the claim filter (zhfacts.learn) on the gold with spaCy's trainer.

Training data: every corpus document that has gold (less any --exclude), extracted rules-only.
Each metric candidate of a claim paired with a gold row is one ranker example, GOOD when the
phrase scores as the gold metric (character Dice >= 0.5); each number mention, claim or
excluded, is one filter example, CLAIM when it overlaps a gold span.

Dev set: the training set itself. The gold is too small to spare a slice, and the number of
steps is fixed in the config, so model-best is simply the checkpoint that fits the training
data best; held-out figures come from scripts/ablation.py. Same seed and data give the same
model.

    python scripts/train.py [--exclude DOC ...] [--out src/zhfacts/learn/models]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import spacy
from spacy.cli.train import train
from spacy.tokens import DocBin

from zhfacts.learn.decider import BAD, CLAIM, FILTER, GOOD, MODELS_DIR, NOT_CLAIM, RANKER
from zhfacts.learn.examples import filter_examples, ranker_examples
from zhfacts.pipeline import document_for_path, extract_claims
from zhfacts.io.tables import read_table
from zhfacts.types import Claim, Document

ROOT = Path(__file__).resolve().parents[1]
LABELS = {RANKER: (GOOD, BAD), FILTER: (CLAIM, NOT_CLAIM)}


def rule_claims(doc: Document) -> list[Claim]:
    """The rules' claims alone: training data and the ablation baseline must never see a model."""
    claims = extract_claims(doc)
    if any(c.confidence is not None for c in claims):
        raise RuntimeError("extract_claims applied the model; training needs the rules alone")
    return claims


def gold_documents(gold_dir: Path, exclude: list[str] = ()) -> list[str]:
    gold = read_table(gold_dir)
    return sorted(d for d in gold["doc_id"].unique() if d not in exclude)


def examples(doc_ids: list[str], corpus: Path, gold_dir: Path) -> dict[str, list[tuple[str, bool]]]:
    """Ranker and filter examples of the given documents, in document and text order."""
    gold = read_table(gold_dir)
    out: dict[str, list[tuple[str, bool]]] = {RANKER: [], FILTER: []}
    for doc_id in doc_ids:
        doc = document_for_path(corpus / f"{doc_id}.txt")
        claims = rule_claims(doc)
        rows = gold[gold["doc_id"] == doc_id].sort_values(["start", "end"], kind="stable").to_dict("records")
        out[RANKER] += ranker_examples(claims, rows, doc)
        out[FILTER] += filter_examples(claims, rows, doc)
    return out


def write_docbin(items: list[tuple[str, bool]], labels: tuple[str, str], path: Path) -> None:
    """One Doc per feature text with exclusive cats; a feature token must stay one spaCy token."""
    nlp = spacy.blank("xx")
    docs = DocBin()
    for text, positive in items:
        doc = nlp.make_doc(text)
        if len(doc) != len(text.split()):
            raise ValueError(f"feature text splits into more tokens than it has: {text!r}")
        doc.cats = {labels[0]: float(positive), labels[1]: float(not positive)}
        docs.add(doc)
    docs.to_disk(path)


def train_model(name: str, items: list[tuple[str, bool]], configs: Path, dest: Path) -> None:
    """Run spaCy's training for one model and put its model-best at dest."""
    with tempfile.TemporaryDirectory(prefix=f"zhfacts-{name}-") as tmp:
        data = Path(tmp) / "train.spacy"
        write_docbin(items, LABELS[name], data)
        train(configs / f"{name}.cfg", Path(tmp) / "out",
              overrides={"paths.train": str(data), "paths.dev": str(data)})
        if dest.exists():
            shutil.rmtree(dest)
        shutil.copytree(Path(tmp) / "out" / "model-best", dest)
    # The temporary data paths would make every shipped config differ; they are not needed to load.
    config = spacy.util.load_config(dest / "config.cfg", interpolate=False)
    config["paths"]["train"] = config["paths"]["dev"] = None
    config.to_disk(dest / "config.cfg")


def train_models(doc_ids: list[str], out: Path, corpus: Path = ROOT / "corpus", gold_dir: Path = ROOT / "gold",
                 configs: Path = ROOT / "configs") -> None:
    """Both models, trained on the given documents, into out/<name>/."""
    data = examples(doc_ids, corpus, gold_dir)
    for name in (RANKER, FILTER):
        train_model(name, data[name], configs, out / name)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--exclude", action="append", default=[], metavar="DOC",
                        help="leave this document out of training (repeatable)")
    parser.add_argument("--out", type=Path, default=MODELS_DIR, help="models directory (default: the package's)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--gold", type=Path, default=ROOT / "gold")
    args = parser.parse_args(argv)
    doc_ids = gold_documents(args.gold, args.exclude)
    began = time.perf_counter()
    train_models(doc_ids, args.out, args.corpus, args.gold)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"trained on {', '.join(doc_ids)} in {time.perf_counter() - began:.1f} s; "
          f"{args.out}: {size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
