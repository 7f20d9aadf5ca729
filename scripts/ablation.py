"""Leave-one-document-out ablation: does the learned decider beat the rule order?

For each corpus document with gold, the decider is trained on the other documents' examples
only and the held-out document is extracted twice: with the rule order and with the decider.
Both are scored against its gold; the figures are micro-averaged over the held-out documents
(counts summed, then divided). Training never sees the held-out document: its examples are
left out, and the features are a pure function of each document (no vocabulary is learned).

Acceptance rule: the model is on by default when it wins by at least 0.02 strict tuple F1 or
0.03 full tuple F1 without losing more than 0.01 on the other.

    python scripts/ablation.py [--json] [--docs docs/model.md] [--corpus corpus] [--gold gold]

--json prints {"rules": {"strict": F, "full": F, ...}, "model": {...}, "ceiling": {slot: share}};
--docs writes the page.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

from zhfacts.errors import ZhfactsError
from zhfacts.learn.decider import MODEL_DIR, Learned
from zhfacts.learn.training import SLOTS, gold_rows, labelled, record, train
from zhfacts.pipeline import document_for_path, extract_claims
from zhfacts.eval.score import FIELDS, score
from zhfacts.table import claim_row, to_frame
from zhfacts.io.tables import read_table

ROOT = Path(__file__).resolve().parents[1]
#: The figures of the JSON, in order: tuple F1s first, under their short names.
NAMES = {"strict_f1": "strict", "full_f1": "full", "mention_p": "mention_p", "mention_r": "mention_r",
         "mention_f1": "mention_f1", **{f: f for f in FIELDS}, "kind": "kind"}
STRICT_WIN, FULL_WIN, MAX_LOSS = 0.02, 0.03, 0.01


def _table(claims, doc) -> pd.DataFrame:
    return to_frame([claim_row(c, doc) for c in claims if c.status == "claim"])


def ceiling(examples: dict[str, list]) -> dict[str, float]:
    """Per slot, the share of labelled mentions where at least one candidate is right: what a
    perfect decider over these candidates would reach."""
    right, total = {}, {}
    for groups in examples.values():
        for g, labels in groups:
            name = str(g.slot)
            total[name] = total.get(name, 0) + 1
            right[name] = right.get(name, 0) + any(labels)
    return {name: right[name] / total[name] for name in sorted(total)}


def held_out(doc_ids: list[str], corpus: Path, gold) -> tuple[dict[str, pd.DataFrame], float, dict[str, float]]:
    """Each system's table over all documents, every one extracted by a model that never saw
    it; the mean seconds of one fold's training; and the candidates' ceiling per slot."""
    docs, examples, rules = {}, {}, []
    for d in doc_ids:
        docs[d] = document_for_path(corpus / f"{d}.txt")
        claims, groups = record(docs[d])
        examples[d] = labelled(groups, gold_rows(gold, d))
        rules.append(_table(claims, docs[d]))
    model, seconds = [], 0.0
    for d in doc_ids:
        began = time.perf_counter()
        decider = Learned(train(examples, [o for o in doc_ids if o != d]))
        seconds += time.perf_counter() - began
        model.append(_table(extract_claims(docs[d], decider), docs[d]))
        print(f"held out {d}", file=sys.stderr)
    tables = {"rules": pd.concat(rules, ignore_index=True), "model": pd.concat(model, ignore_index=True)}
    return tables, seconds / len(doc_ids), ceiling(examples)


def summary(result: dict) -> dict:
    figures = result["all"]["figures"]
    return {short: figures.get(name) for name, short in NAMES.items() if name in figures}


def default_on(rules: dict, model: dict) -> tuple[bool, str]:
    """The acceptance rule, with the figures behind it in words."""
    ds, df = model["strict"] - rules["strict"], model["full"] - rules["full"]
    on = (ds >= STRICT_WIN and df >= -MAX_LOSS) or (df >= FULL_WIN and ds >= -MAX_LOSS)
    return on, f"strict tuple F1 {rules['strict']:.3f} -> {model['strict']:.3f} ({ds:+.3f}), full tuple F1 {rules['full']:.3f} -> {model['full']:.3f} ({df:+.3f})"


def _cell(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def page(results: dict[str, dict], fold_seconds: float, size: int, best: dict[str, float]) -> str:
    """docs/model.md: what the model is, the ablation per document and per field, the default."""
    rules, model = summary(results["rules"]), summary(results["model"])
    on, why = default_on(rules, model)
    columns = [c for c in NAMES.values() if c in rules]
    lines = [HEAD.format(slots=", ".join(str(s) for s in SLOTS), fold=fold_seconds, size=size / 1e3), "",
             "## Per document", "",
             "| document | decider | " + " | ".join(columns) + " |", "|---|---|" + "---|" * len(columns)]
    documents = results["rules"]["documents"]
    for d in documents:
        for system in ("rules", "model"):
            figures = results[system]["documents"][d]["figures"]
            lines.append(f"| {d} | {system} | " + " | ".join(_cell(figures.get(k)) for k in NAMES if NAMES[k] in columns) + " |")
    for system, s in (("rules", rules), ("model", model)):
        lines.append(f"| **ALL** | {system} | " + " | ".join(_cell(s[c]) for c in columns) + " |")
    lines += ["", "## Per field (ALL, micro over the held-out documents)", "",
              "| figure | rules | model | change |", "|---|---|---|---|"]
    for c in columns:
        change = "-" if rules[c] is None or model[c] is None else f"{model[c] - rules[c]:+.3f}"
        lines.append(f"| {c} | {_cell(rules[c])} | {_cell(model[c])} | {change} |")
    lines += ["", "## Default", "",
              f"Acceptance rule: on by default when the model wins by at least {STRICT_WIN} strict tuple F1 "
              f"or {FULL_WIN} full tuple F1 without losing more than {MAX_LOSS} on the other.", "",
              f"Held out: {why}. **Model default: {'on' if on else 'off'}.**", "",
              "`zhfacts extract --model` / `--no-model`, `extract_table(..., model=...)` and "
              "`zhfacts.load(model=...)` override it.", "",
              "## Ceiling", "",
              "Per slot, the share of labelled mentions (claims paired with gold; every mention for "
              "exclude) where at least one rule's candidate is right: no decider can do better "
              "without better candidates.", "",
              "| slot | mentions with a right candidate |", "|---|---|"]
    lines += [f"| {slot} | {share:.3f} |" for slot, share in best.items()] + [""]
    return "\n".join(lines)


HEAD = """# The model: rules propose, a learned decider chooses

Every slot of every number mention is a list of named candidates that the registered rules
propose, each with its evidence span (`zhfacts rules` lists them). The learned decider
(`zhfacts.learn`) scores every candidate of the slots {slots} with one LightGBM classifier per
slot and takes the most probable one (the earlier in rule order on a tie); the rule-order
decider (`--no-model`) takes the first in rule order. Which one is the default follows the
ablation below. Unit and per stay with the rule order. The model never invents a mention or a
value: it only chooses among what the rules offer, so its ceiling is the share of mentions
where some rule offers the right answer (last table).

A choice that overrules the rule order carries `+model` in the slot's rule column
(`place_rule` = `paragraph_place+model`); each claim's `confidence` is the product of the
probabilities of the candidates the model chose. In the spaCy pipeline (`zhfacts.load()`)
`span._.claim["candidates"]` lists every slot's candidates with their scores, best first.

## Features

One row per candidate (`zhfacts.learn.features`), all generic: the rule's name and the rank of
the answer within it, the position in rule order; the evidence's distance in characters
(log), clauses, sentences and paragraphs, whether it is before the number, in the same clause
or sentence, in brackets or quotes, in a heading; the parts of speech of the words between (the
bundle's tagger, counted by coarse class); a place's level against the level of the document's
default place, whether it is a partner or donor, a comparison base or a scope word (全旗); a
time that modifies one number directly or is vague; the document's kind and language; and the
candidate's agreement with the others (how many propose the same value, whether it contains or
lies inside another, equals the rules' first, the document's default, the previous claim's).
Rule and kind names are coded by a vocabulary taken from the rule registry and the profiles,
so a changed rule set needs only `python scripts/train.py`.

## Training

`python scripts/train.py` extracts every gold document with the rule order, labels each
candidate by whether the scorer would count it as the gold field (paired as the scorer pairs;
for exclusion, "claim" is right for a mention that pairs with a gold row), and fits the
classifiers (100 rounds, 15 leaves, fixed seed, one thread; each mention weighted by one over
the square root of its document's mentions, so the long communiqués do not drown the short
articles) into `src/zhfacts/learn/models/decider/` (LightGBM text files and `model.json`). The shipped model is
{size:.0f} kB; one fold of the ablation trains in {fold:.1f} s.

## Ablation

`python scripts/ablation.py --json --docs docs/model.md` trains on all gold documents but one,
extracts the held-out one with the rule order and with the model, and scores both; ALL is
micro-averaged over the held-out documents. The held-out document's examples never reach its
fold's training, and no feature is learned from the documents."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the rules and model figures as one JSON object")
    parser.add_argument("--docs", type=Path, help="write the Markdown page here")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--gold", type=Path, default=ROOT / "gold")
    args = parser.parse_args(argv)
    try:
        gold = read_table(args.gold)
        doc_ids = sorted(gold["doc_id"].unique())
        tables, fold_seconds, best = held_out(doc_ids, args.corpus, gold)
    except ZhfactsError as exc:
        print(f"ablation: {exc}", file=sys.stderr)
        return 1
    results = {system: score(gold, table) for system, table in tables.items()}
    figures = {system: summary(r) for system, r in results.items()} | {"ceiling": best}
    if args.docs:
        size = sum(f.stat().st_size for f in MODEL_DIR.rglob("*") if f.is_file())
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=args.docs.parent, delete=False, suffix=".tmp") as out:
            out.write(page(results, fold_seconds, size, best))
        os.replace(out.name, args.docs)
    if args.json:
        print(json.dumps(figures))
    else:
        on, why = default_on(figures["rules"], figures["model"])
        print(f"{why}; model default: {'on' if on else 'off'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
