"""Scoring a fact table against gold, exactly as claims-spec section 4 states it.

Gold and predicted rows of one document are paired one to one by overlapping spans, largest
overlap first; ties go to the smaller distance between starts, then to the earlier gold row and
the earlier predicted row (rows in offset order), so the same tables always pair the same way.
Every figure is reported per document and micro-averaged (counts summed over documents, then
divided). The documents scored are the union of both tables' doc_ids: a document missing from
one side counts all its rows as misses or as spurious.

A figure with nothing to count (precision with no predictions, an accuracy with no pairs) is
None, never a made-up 0 or 1. Kind accuracy is reported only when both tables have a ``kind``
column and some gold row fills it; it counts the pairs whose gold kind is filled.
"""
from __future__ import annotations

import math
import unicodedata
from collections import Counter

import pandas as pd

from ..compare import empty_number, metric_matches, values_equal
from ..errors import ZhfactsError
from ..lang import same_place_any
from ..io.tables import exact_value, normalise
from ..schema import claims_only

#: Fields whose accuracy is reported, in report order.
FIELDS = ("value", "value_max", "unit", "qualifier", "year", "place", "per", "metric")
STRICT_FIELDS = ("value", "unit", "year", "place")
FULL_FIELDS = STRICT_FIELDS + ("metric",)
MENTION_FIGURES = ("mention_p", "mention_r", "mention_f1", "strict_f1", "full_f1")
#: Every figure name a threshold may refer to.
FIGURES = MENTION_FIGURES + FIELDS + ("kind",)
REQUIRED_COLUMNS = ("doc_id", "start", "end") + FIELDS



def same_value(gold: dict, pred: dict) -> bool:
    """The value field of two rows; beyond float range (inf in memory) only exact digits agree."""
    if isinstance(gold["value"], float) and isinstance(pred["value"], float) and not (
            math.isinf(gold["value"]) or math.isinf(pred["value"])):
        return values_equal(gold["value"], pred["value"])
    return exact_value(gold) == exact_value(pred)

def _exact(gold: object, pred: object) -> bool:
    return gold == pred


COMPARE = {
    "value": values_equal,
    "value_max": values_equal,
    "place": same_place_any,
    "metric": metric_matches,
}


def field_matches(field: str, gold: object, pred: object) -> bool:
    """Whether a predicted field agrees with gold under that field's rule."""
    return COMPARE.get(field, _exact)(gold, pred)


def span_overlap(a: dict, b: dict) -> int:
    """How many characters two spans share (negative when apart)."""
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def pair_rows(gold: list[dict], pred: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) of overlapping spans, largest overlap first."""
    candidates = sorted(
        (-span_overlap(g, p), abs(g["start"] - p["start"]), gi, pi)
        for gi, g in enumerate(gold)
        for pi, p in enumerate(pred)
        if span_overlap(g, p) > 0
    )
    used_gold, used_pred, pairs = set(), set(), []
    for _, _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def score(gold: pd.DataFrame, pred: pd.DataFrame, gold_name: str = "gold", pred_name: str = "pred") -> dict:
    """Figures per document and over all documents, with the errors behind them (JSON-ready);
    excluded mentions in ``pred`` are no predictions."""
    gold, pred = _prepare(gold, gold_name), _prepare(claims_only(pred), pred_name)
    fields = FIELDS + (("kind",) if _scores_kind(gold, pred) else ())
    documents, errors, total = {}, {}, _empty_counts(fields)
    for doc in sorted(set(gold["doc_id"]) | set(pred["doc_id"])):
        counts, errors[doc] = _score_document(_rows(gold, doc), _rows(pred, doc), fields)
        documents[doc] = {"counts": counts, "figures": figures(counts, fields)}
        _add_counts(total, counts)
    return {
        "fields": list(fields),
        "documents": documents,
        "all": {"counts": total, "figures": figures(total, fields)},
        "errors": errors,
    }


def _prepare(df: pd.DataFrame, name: str) -> pd.DataFrame:
    missing = [c for c in REQUIRED_COLUMNS if c not in df.columns]
    if missing:
        raise ZhfactsError(name, f"missing columns: {', '.join(missing)}")
    df = normalise(df, name)
    if "sentence" not in df.columns:
        df["sentence"] = ""
    return df


def _scores_kind(gold: pd.DataFrame, pred: pd.DataFrame) -> bool:
    return "kind" in gold.columns and "kind" in pred.columns and bool((gold["kind"] != "").any())


def _rows(df: pd.DataFrame, doc: str) -> list[dict]:
    part = df[df["doc_id"] == doc].sort_values(["start", "end"], kind="stable")
    return part.to_dict("records")


def _empty_counts(fields: tuple[str, ...]) -> dict:
    return {
        "gold": 0, "pred": 0, "pairs": 0, "strict": 0, "full": 0,
        "correct": dict.fromkeys(fields, 0), "compared": dict.fromkeys(fields, 0),
    }


def _add_counts(total: dict, counts: dict) -> None:
    for key, value in counts.items():
        if isinstance(value, dict):
            for field, n in value.items():
                total[key][field] += n
        else:
            total[key] += value


def _score_document(gold: list[dict], pred: list[dict], fields: tuple[str, ...]) -> tuple[dict, dict]:
    counts = _empty_counts(fields)
    counts["gold"], counts["pred"] = len(gold), len(pred)
    pairs = pair_rows(gold, pred)
    counts["pairs"] = len(pairs)
    wrong = []
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        ok = {}
        for field in fields:
            if field == "kind" and not g["kind"]:
                continue
            ok[field] = field_matches(field, g[field], p[field]) if field != "value" else same_value(g, p)
            counts["compared"][field] += 1
            counts["correct"][field] += ok[field]
            if not ok[field]:
                wrong.append(_wrong_entry(field, g, p))
        counts["strict"] += all(ok[f] for f in STRICT_FIELDS)
        counts["full"] += all(ok[f] for f in FULL_FIELDS)
    paired_gold = {gi for gi, _ in pairs}
    paired_pred = {pi for _, pi in pairs}
    errors = {
        "misses": [_row_entry(g) for i, g in enumerate(gold) if i not in paired_gold],
        "spurious": [_row_entry(p) for i, p in enumerate(pred) if i not in paired_pred],
        "wrong": wrong,
    }
    return counts, errors


def _public(value: object) -> object:
    """NaN becomes None so the result serialises as JSON null."""
    return None if empty_number(value) else value


def _row_entry(row: dict) -> dict:
    keys = ("start", "end", "text", "value", "unit", "metric", "sentence")
    return {k: _public(row.get(k, "")) for k in keys}


def _wrong_entry(field: str, gold: dict, pred: dict) -> dict:
    return {
        "start": gold["start"], "end": gold["end"], "text": gold.get("text", ""),
        "pred_start": pred["start"], "pred_end": pred["end"], "pred_text": pred.get("text", ""),
        "field": field, "gold": _public(gold[field]), "pred": _public(pred[field]),
        "sentence": gold["sentence"] or pred["sentence"],
    }


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def figures(counts: dict, fields: tuple[str, ...] | list[str]) -> dict:
    """The figures named in FIGURES from one set of counts."""
    both = counts["gold"] + counts["pred"]
    result = {
        "mention_p": _ratio(counts["pairs"], counts["pred"]),
        "mention_r": _ratio(counts["pairs"], counts["gold"]),
        "mention_f1": _ratio(2 * counts["pairs"], both),
        "strict_f1": _ratio(2 * counts["strict"], both),
        "full_f1": _ratio(2 * counts["full"], both),
    }
    for field in fields:
        result[field] = _ratio(counts["correct"][field], counts["compared"][field])
    return result


# --- reports ---------------------------------------------------------------------------------

_SHORT = {"value_max": "vmax", "qualifier": "qual", "mention_p": "P", "mention_r": "R",
          "mention_f1": "F1", "strict_f1": "strict", "full_f1": "full"}


def report_rows(result: dict) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the summary table (one row per document, then ALL), as text cells."""
    columns = ["mention_p", "mention_r", "mention_f1", *result["fields"], "strict_f1", "full_f1"]
    header = ["document", "gold", "pred", "pairs", *(_SHORT.get(c, c) for c in columns)]
    entries = [*result["documents"].items(), ("ALL", result["all"])]
    rows = [
        [doc, *(str(entry["counts"][k]) for k in ("gold", "pred", "pairs")),
         *(format_figure(entry["figures"][c]) for c in columns)]
        for doc, entry in entries
    ]
    return header, rows


def format_figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_report(result: dict) -> str:
    """The summary as an aligned terminal table; '-' marks a figure with nothing to count."""
    header, rows = report_rows(result)
    return format_table(header, rows)


def format_table(header: list[str], rows: list[list[str]]) -> str:
    """Columns padded by display width (CJK counts double); first column left, others right."""
    table = [header, *rows]
    widths = [max(_width(r[i]) for r in table) for i in range(len(header))]
    lines = []
    for row in table:
        cells = [_pad(cell, w, left=(i == 0)) for i, (cell, w) in enumerate(zip(row, widths))]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, left: bool) -> str:
    space = " " * (width - _width(text))
    return text + space if left else space + text


def format_errors(result: dict, miss: str = "miss", spurious: str = "spurious",
                  sides: tuple[str, str] = ("gold", "pred")) -> str:
    """Misses, spurious rows and wrong fields with their sentences, per document, by offset.

    The labels are parameters so that an agreement report can say "only A" and "only B".
    """
    blocks = []
    for doc, errors in result["errors"].items():
        entries = sorted(
            [(e["start"], 0, _row_line(miss, e)) for e in errors["misses"]]
            + [(e["start"], 1, _row_line(spurious, e)) for e in errors["spurious"]]
            + [(e["start"], 2, _wrong_line(e, sides)) for e in errors["wrong"]],
            key=lambda item: item[:2],
        )
        if entries:
            blocks.append("\n".join([f"== {doc}", *(line for _, _, line in entries)]))
    return "\n\n".join(blocks) if blocks else "no errors"


def _show(value: object) -> str:
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, float):
        return f"{value:.12g}"
    return str(value)


def _sentence_line(sentence: str) -> str:
    return f"\n      {' '.join(sentence.split())}" if sentence else ""


def _row_line(label: str, entry: dict) -> str:
    what = f"value {_show(entry['value'])} {entry['unit']} metric {_show(entry['metric'])}"
    return f"  {label:<9} [{entry['start']},{entry['end']}) {entry['text']}  {what}{_sentence_line(entry['sentence'])}"


def _wrong_line(entry: dict, sides: tuple[str, str]) -> str:
    where = f"[{entry['start']},{entry['end']}) {entry['text']}"
    if (entry["pred_start"], entry["pred_end"]) != (entry["start"], entry["end"]):
        where += f" ~ [{entry['pred_start']},{entry['pred_end']}) {entry['pred_text']}"
    diff = f"{sides[0]} {_show(entry['gold'])} | {sides[1]} {_show(entry['pred'])}"
    return f"  {entry['field']:<9} {where}  {diff}{_sentence_line(entry['sentence'])}"


# --- per rule --------------------------------------------------------------------------------

#: The field each slot's rule decides, as scored (exclusion and the mention rule are counted apart).
RULE_FIELDS = {"unit": "unit", "metric": "metric", "year": "year", "place": "place", "per": "per", "kind": "kind"}


def by_rule(gold: pd.DataFrame, pred: pd.DataFrame, gold_name: str = "gold", pred_name: str = "pred") -> dict:
    """On the documents with gold, for each rule of each slot: how often it decided a predicted claim (fired), how many of
    those were paired with gold, and how many of the paired were right; for each exclusion rule
    (when the table lists excluded mentions), how often it fired and how often the mention it
    dropped is no gold claim; for each mention rule (``rule``), how many of its claims pair."""
    from ..schema import RULE_COLUMNS

    gold, pred = _prepare(gold, gold_name), _prepare(pred, pred_name)
    needed = [RULE_COLUMNS[s] for s in RULE_FIELDS if s != "kind" or "kind" in gold.columns] + ["rule"]
    missing = [c for c in needed if c not in pred.columns]
    if missing:
        raise ZhfactsError(pred_name, f"no rule columns ({', '.join(missing)}): extract the table again to score by rule")
    pred = pred.reset_index(drop=True)
    claims = claims_only(pred)
    excluded = pred.drop(claims.index)
    slots = {s: f for s, f in RULE_FIELDS.items() if s != "kind" or _scores_kind(gold, pred)}
    counts: dict[str, dict[str, Counter]] = {s: {} for s in (*slots, "exclude", "mention")}

    def add(slot: str, rule: str, **seen: bool) -> None:
        entry = counts[slot].setdefault(rule or "(none)", Counter())
        entry["fired"] += 1
        entry.update({k: int(v) for k, v in seen.items()})

    for doc in sorted(set(gold["doc_id"])):  # a document without gold says nothing of its rules
        g, p = _rows(gold, doc), _rows(claims, doc)
        paired = dict((pi, gi) for gi, pi in pair_rows(g, p))
        for pi, row in enumerate(p):
            gi = paired.get(pi)
            add("mention", row["rule"], paired=gi is not None)
            for slot, field in slots.items():
                if gi is None:
                    add(slot, row[RULE_COLUMNS[slot]])
                elif field == "kind" and not g[gi]["kind"]:
                    continue
                else:
                    add(slot, row[RULE_COLUMNS[slot]], paired=True, right=field_matches(field, g[gi][field], row[field]))
        for row in _rows(excluded, doc):
            add("exclude", row.get("exclude_rule", ""), right=not any(span_overlap(x, row) > 0 for x in g))
    return {slot: {rule: _rule_figures(c) for rule, c in sorted(rules.items())} for slot, rules in counts.items()}


def _rule_figures(c: Counter) -> dict:
    return {"fired": c["fired"], "paired": c["paired"], "right": c["right"],
            "accuracy": _ratio(c["right"], c["paired"]), "precision": _ratio(c["paired"], c["fired"])}


def format_by_rule(result: dict) -> str:
    """One line per rule: fired, paired with gold, right among the paired, accuracy; exclusion
    rules count as right when the dropped mention is no gold claim, mention rules by precision."""
    header = ["slot", "rule", "fired", "paired", "right", "accuracy"]
    rows = []
    for slot, rules in result.items():
        for rule, f in rules.items():
            if slot == "exclude":
                rows.append([slot, rule, str(f["fired"]), "-", str(f["right"]), format_figure(_ratio(f["right"], f["fired"]))])
            elif slot == "mention":
                rows.append([slot, rule, str(f["fired"]), str(f["paired"]), "-", format_figure(f["precision"])])
            else:
                rows.append([slot, rule, str(f["fired"]), str(f["paired"]), str(f["right"]), format_figure(f["accuracy"])])
    return format_table(header, rows)
