#!/usr/bin/env python3
"""Write a document's gold from its two annotation passes and the adjudicator's decisions.

The passes are paired exactly as the scorer pairs gold and predictions. Every difference (a row
only one pass has, a different span, a field the passes label differently, a metric below the
scorer's Dice threshold) must have a decision in the "Decisions" table of
docs/adjudication-<doc>.md, else nothing is written and the undecided differences are listed.
A decision may also correct a field both passes agree on (a general rule applied across the
document): a row of the table whose span and field are not a difference sets that field.

Decision table rows: | start-end | field | decision | why |
- start-end: the span of pass A's row ("14-19"), or of pass B's row for a row only B has;
  "*" applies the decision to every row where pass A's field has the value given in `field`
  (written field=value, e.g. "per=CNY");
- field: value, value_max, unit, qualifier, year, place, per, kind, metric, span, or row;
- decision: A or B (take that pass's value; for span the whole row of that pass), "= X" (the
  value X; "=" alone for empty), or keep / drop (for a row only one pass has).

    python scripts/adjudicate.py DOC [DOC ...]
"""
from __future__ import annotations

import csv
import io
import re
import sys
from pathlib import Path

import pandas as pd

from zhfacts.score import score

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = ["doc_id", "start", "end", "text", "value", "value_max", "unit", "qualifier", "metric",
           "metric_en", "year", "place", "per", "kind", "sentence", "note"]
_ROW = re.compile(r"^\|\s*(\*|\d+-\d+)\s*\|\s*([\w=.%‰/ -]+?)\s*\|\s*([^|]*?)\s*\|\s*(.*?)\s*\|\s*$")


def read_pass(path: Path) -> list[dict]:
    text = path.read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:
        for column in COLUMNS:
            row.setdefault(column, "")
    return rows


def read_decisions(path: Path) -> list[tuple[str, str, str, str]]:
    if not path.exists():
        return []
    out, inside = [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            inside = line.strip() == "## Decisions"
            continue
        match = _ROW.match(line) if inside else None
        if match and not set(match.group(1)) <= {"-"}:
            out.append(match.groups())
    return out


def differences(doc: str, rows_a: list[dict], rows_b: list[dict]) -> list[tuple[str, str, dict, dict | None]]:
    """(span key, field, row A or the only row, row B or None) for every difference."""
    result = score(pd.DataFrame(rows_a, columns=COLUMNS), pd.DataFrame(rows_b, columns=COLUMNS),
                   gold_name="pass A", pred_name="pass B")
    by_span_a = {(int(r["start"]), int(r["end"])): r for r in rows_a}
    by_span_b = {(int(r["start"]), int(r["end"])): r for r in rows_b}
    errors = result["errors"].get(doc, {"misses": [], "spurious": [], "wrong": []})
    out = []
    for e in errors["misses"]:
        out.append((f"{e['start']}-{e['end']}", "row", by_span_a[(e["start"], e["end"])], None))
    for e in errors["spurious"]:
        out.append((f"{e['start']}-{e['end']}", "row", by_span_b[(e["start"], e["end"])], None))
    spans_seen = set()
    for e in errors["wrong"]:
        a, b = by_span_a[(e["start"], e["end"])], by_span_b[(e["pred_start"], e["pred_end"])]
        key = f"{e['start']}-{e['end']}"
        if (e["start"], e["end"]) != (e["pred_start"], e["pred_end"]) and key not in spans_seen:
            spans_seen.add(key)
            out.append((key, "span", a, b))
        out.append((key, e["field"], a, b))
    return out


def adjudicate(doc: str, root: Path = ROOT) -> int:
    rows_a = read_pass(root / "annotation" / f"{doc}.a.csv")
    rows_b = read_pass(root / "annotation" / f"{doc}.b.csv")
    decisions = read_decisions(root / "docs" / f"adjudication-{doc}.md")
    decided = {(span, field): (choice, why) for span, field, choice, why in decisions if span != "*"}
    diffs = differences(doc, rows_a, rows_b)
    undecided = [(k, f) for k, f, _, _ in diffs if (k, f) not in decided]
    if undecided:
        print(f"adjudicate: {doc}: {len(undecided)} difference(s) without a decision:", file=sys.stderr)
        for key, field in undecided:
            print(f"  | {key} | {field} |  |  |", file=sys.stderr)
        return 1
    gold = {(r["start"], r["end"]): dict(r) for r in rows_a}
    b_rows = {f"{r['start']}-{r['end']}": r for r in rows_b}
    for key, field, a, b in diffs:
        choice, why = decided[(key, field)]
        if field == "row":
            only_b = a is b_rows.get(key) and (a["start"], a["end"]) not in gold
            if choice == "drop" and not only_b:
                gold.pop((a["start"], a["end"]))
            elif choice == "keep" and only_b:
                gold[(a["start"], a["end"])] = dict(a)
            elif choice not in ("keep", "drop"):
                raise SystemExit(f"adjudicate: {doc} {key}: a row takes keep or drop, not {choice!r}")
        elif field == "span":
            if choice == "B":
                row = gold.pop((a["start"], a["end"]))
                row.update({c: b[c] for c in ("start", "end", "text")})
                gold[(b["start"], b["end"])] = row
        else:
            row = gold.get((a["start"], a["end"])) or gold.get((b["start"], b["end"]))
            if choice == "A":
                value = a[field]
            elif choice == "B":
                value = b[field]
            elif choice.startswith("="):
                value = choice[1:].strip()
            else:
                raise SystemExit(f"adjudicate: {doc} {key} {field}: decision must be A, B or = X")
            row[field] = value
    diff_keys = {(k, f) for k, f, _, _ in diffs}
    for span, field, choice, why in decisions:
        if span == "*" or (span, field) in diff_keys:
            continue
        start, _, end = span.partition("-")
        if (start, end) not in gold or not choice.startswith("="):
            raise SystemExit(f"adjudicate: {doc} {span} {field}: a correction needs a row of pass A and = X")
        gold[(start, end)][field] = choice[1:].strip()
    for span, field, choice, why in decisions:
        if span != "*":
            continue
        name, _, old = field.partition("=")
        new = choice[1:].strip() if choice.startswith("=") else choice
        for row in gold.values():
            if row[name.strip()] == old.strip():
                row[name.strip()] = new
    out = sorted(gold.values(), key=lambda r: (int(r["start"]), int(r["end"])))
    path = root / "gold" / f"{doc}.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(out)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    print(f"{doc}: {len(out)} gold rows ({len(rows_a)} in A, {len(rows_b)} in B, {len(diffs)} differences decided)")
    return 0


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    return max(adjudicate(doc) for doc in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
