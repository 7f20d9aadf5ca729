#!/usr/bin/env python3
"""First-run accuracy: the predictions saved in eval/first-run/ (made before any rule was tuned
on the document) scored against the document's gold.

Prints one Markdown row per document, then the mean of the per-document figures, over all and
per language (the estimate of how zhfacts does on the next report a user brings), and the
micro-average over all rows.

    python scripts/first_run.py [--first-run eval/first-run] [--gold gold]
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import pandas as pd

from zhfacts.score import score
from zhfacts.tableio import read_table

COLUMNS = ["mention_f1", "value", "unit", "qualifier", "year", "place", "per", "metric", "kind", "strict_f1", "full_f1"]


def _cell(value) -> str:
    return "-" if value is None else f"{value:.3f}"


def _languages(manifest: Path) -> dict[str, str]:
    if not manifest.exists():
        return {}
    with manifest.open(encoding="utf-8-sig", newline="") as fh:
        return {row["doc_id"]: row.get("language", "") for row in csv.DictReader(fh)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--first-run", default="eval/first-run")
    parser.add_argument("--gold", default="gold")
    parser.add_argument("--corpus", default="corpus", help="for the manifest's language column")
    args = parser.parse_args(argv)
    docs = sorted(p.stem for p in Path(args.first_run).glob("*.csv") if (Path(args.gold) / p.name).exists())
    if not docs:
        print("no first-run predictions with gold yet", file=sys.stderr)
        return 1
    gold = pd.concat([read_table(Path(args.gold) / f"{d}.csv") for d in docs], ignore_index=True)
    pred = pd.concat([read_table(Path(args.first_run) / f"{d}.csv") for d in docs], ignore_index=True)
    result = score(gold, pred)
    print("| document | gold | " + " | ".join(COLUMNS) + " |")
    print("|---|---:|" + "---:|" * len(COLUMNS))
    per_doc = []
    for doc in docs:
        entry = result["documents"][doc]
        per_doc.append(entry["figures"])
        print(f"| {doc} | {entry['counts']['gold']} | " + " | ".join(_cell(entry["figures"].get(c)) for c in COLUMNS) + " |")
    languages = _languages(Path(args.corpus) / "manifest.csv")
    groups = {"": docs}
    for doc in docs:
        groups.setdefault(languages.get(doc, "?"), []).append(doc)
    for doc in docs:
        family = languages.get(doc, "?").split("-")[0]
        if sum(1 for lang in groups if lang.split("-")[0] == family) > 1:
            groups.setdefault(f"{family}*", []).append(doc)
    for language, members in groups.items():
        figures = [per_doc[docs.index(d)] for d in members]
        means = []
        for c in COLUMNS:
            values = [f[c] for f in figures if f.get(c) is not None]
            means.append(sum(values) / len(values) if values else None)
        label = f"mean of {len(members)} documents" + (f" ({language})" if language else "")
        gold_rows = sum(result["documents"][d]["counts"]["gold"] for d in members)
        print(f"| {label} | {gold_rows} | " + " | ".join(_cell(v) for v in means) + " |")
    print(f"| all rows (micro) | {result['all']['counts']['gold']} | "
          + " | ".join(_cell(result["all"]["figures"].get(c)) for c in COLUMNS) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
