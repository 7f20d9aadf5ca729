"""Leave-one-document-out ablation: does the trained model beat the rules alone?

For each corpus document with gold, both models are trained on the other documents (into a
temporary directory), and the held-out document is extracted three ways: rules only; rules
plus the metric ranker; rules plus the ranker and the claim filter (threshold 0.5). Each is
scored with zhfacts.eval.score against the document's gold; the ALL rows are micro-averaged over
the held-out documents (counts summed, then divided). Prints a Markdown table and the decision.

Acceptance rule: a system is better than another when it wins on mention F1 or strict tuple F1
without losing more than 0.01 on the other. Full tuple F1 and metric accuracy are reported but
never decide: the ranker only reorders metric phrases, so it cannot change mention or strict
F1, and by this rule it cannot switch the model on by itself.

    python scripts/ablation.py [--corpus corpus] [--gold gold]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

import pandas as pd

from train import ROOT, gold_documents, rule_claims, train_models
from zhfacts.learn.decider import apply_model
from zhfacts.pipeline import document_for_path
from zhfacts.eval.score import format_figure, score
from zhfacts.table import claim_row, to_frame
from zhfacts.io.tables import read_table

FILTER_THRESHOLD = 0.5
SYSTEMS = ("rules", "rules+ranker", "rules+ranker+filter")
COLUMNS = ("mention_p", "mention_r", "mention_f1", "strict_f1", "full_f1",
           "value", "value_max", "unit", "qualifier", "year", "place", "per", "metric", "kind")
SHORT = {"mention_p": "P", "mention_r": "R", "mention_f1": "F1", "strict_f1": "strict", "full_f1": "full",
         "value_max": "vmax", "qualifier": "qual"}
MARGIN = 0.01


def table(claims, doc) -> pd.DataFrame:
    return to_frame([claim_row(c, doc) for c in claims if c.status == "claim"])


def held_out_tables(doc_ids: list[str], corpus: Path, gold_dir: Path) -> dict[str, pd.DataFrame]:
    """Each system's fact table over all documents, every document extracted by models that
    never saw it."""
    frames: dict[str, list[pd.DataFrame]] = {s: [] for s in SYSTEMS}
    with tempfile.TemporaryDirectory(prefix="zhfacts-ablation-") as tmp:
        for held in doc_ids:
            models = Path(tmp) / held
            began = time.perf_counter()
            with redirect_stdout(sys.stderr):
                train_models([d for d in doc_ids if d != held], models, corpus, gold_dir)
            print(f"held out {held}: trained in {time.perf_counter() - began:.1f} s", file=sys.stderr)
            doc = document_for_path(corpus / f"{held}.txt")
            claims = rule_claims(doc)
            frames["rules"].append(table(claims, doc))
            frames["rules+ranker"].append(table(apply_model(claims, doc, models, threshold=None), doc))
            frames["rules+ranker+filter"].append(
                table(apply_model(claims, doc, models, threshold=FILTER_THRESHOLD), doc))
    return {s: pd.concat(f, ignore_index=True) for s, f in frames.items()}


def better(new: dict, old: dict) -> tuple[bool, str]:
    """The acceptance rule, with the reason in words."""
    dm, ds = new["mention_f1"] - old["mention_f1"], new["strict_f1"] - old["strict_f1"]
    wins = (dm > 0 and ds >= -MARGIN) or (ds > 0 and dm >= -MARGIN)
    full, metric = new["full_f1"] - old["full_f1"], new["metric"] - old["metric"]
    return wins, (f"mention F1 {dm:+.3f}, strict F1 {ds:+.3f} (deciding); "
                  f"full F1 {full:+.3f}, metric accuracy {metric:+.3f} (reported only)")


def markdown(results: dict[str, dict]) -> str:
    header = ["document", "system", *(SHORT.get(c, c) for c in COLUMNS)]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    documents = [*next(iter(results.values()))["documents"], "ALL"]
    for doc in documents:
        for system, result in results.items():
            figures = result["all" if doc == "ALL" else "documents"]
            figures = figures["figures"] if doc == "ALL" else figures[doc]["figures"]
            lines.append("| " + " | ".join([doc, system, *(format_figure(figures.get(c)) for c in COLUMNS)]) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--gold", type=Path, default=ROOT / "gold")
    args = parser.parse_args(argv)
    doc_ids = gold_documents(args.gold)
    gold = read_table(args.gold)
    gold = gold[gold["doc_id"].isin(doc_ids)]
    results = {s: score(gold, pred) for s, pred in held_out_tables(doc_ids, args.corpus, args.gold).items()}
    print(markdown(results))
    overall = {s: r["all"]["figures"] for s, r in results.items()}
    use_filter, why_filter = better(overall["rules+ranker+filter"], overall["rules+ranker"])
    chosen = "rules+ranker+filter" if use_filter else "rules+ranker"
    on, why = better(overall[chosen], overall["rules"])
    print()
    print(f"claim filter: {'on' if use_filter else 'off'} (against rules+ranker: {why_filter})")
    print(f"model default: {'on' if on else 'off'} ({chosen} against rules: {why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
