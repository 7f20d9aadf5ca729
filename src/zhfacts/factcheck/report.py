"""One self-contained HTML page for fact-checkers: text with claims highlighted, the fact table,
consistency findings, the diff of two documents, and small charts of values over the years.

The page is rendered from the Jinja2 templates in zhfacts/templates with autoescaping on; the
document text is cut at the claims' offsets and every piece is escaped, never rewritten. CSS
and JavaScript are inlined and nothing is fetched when the page is viewed.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from jinja2 import Environment, PackageLoader, StrictUndefined

from .consistency import check
from .align import STATUSES, align
from .load import is_table_path, load_claims
from ..display import format_number, format_value
from ..errors import ZhfactsError
from ..io.atomic import atomic_file
from ..lang import DEFAULT, bundle

#: Claim fields shown when a highlight is hovered or clicked, in this order.
CLAIM_FIELDS = ("text", "value", "value_max", "unit", "qualifier", "metric", "metric_en", "year",
                "place", "place_en", "per", "kind", "rule")
#: Columns of the fact table on the page.
TABLE_COLUMNS = ("start", "text", "value", "unit", "qualifier", "metric", "metric_en", "year",
                 "place", "place_en", "per", "kind")
NUMERIC_COLUMNS = ("start", "value")

CHART_WIDTH, CHART_HEIGHT = 360, 170
CHART_MARGIN = {"left": 78, "right": 24, "top": 24, "bottom": 28}

_YEAR = re.compile(r"^\d{4}$")


def _environment() -> Environment:
    return Environment(loader=PackageLoader("zhfacts", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _shown(value: object) -> str:
    if isinstance(value, float):
        return format_number(value)
    return "" if value is None else str(value)


def highlight_segments(text: str, claims: pd.DataFrame) -> list[dict]:
    """The text as pieces, each either plain or one claim's span (claim = its table row).

    A claim whose offsets fall outside the text, do not hold its text, or overlap an earlier
    claim stays in the table but is not highlighted.
    """
    pieces, pos = [], 0
    for index, claim in claims.sort_values(["start", "end"], kind="stable").iterrows():
        start, end = int(claim["start"]), int(claim["end"])
        if start < pos or end > len(text) or start >= end or text[start:end] != claim["text"]:
            continue
        if start > pos:
            pieces.append({"text": text[pos:start], "claim": None})
        pieces.append({"text": text[start:end], "claim": int(index)})
        pos = end
    if pos < len(text):
        pieces.append({"text": text[pos:], "claim": None})
    return pieces


def year_charts(claims: pd.DataFrame, langs: dict[str, str] | None = None) -> list[dict]:
    """SVG geometry for each metric (with its unit, place and per) stated for two or more years.
    Two spellings of one place (寧強縣 and 宁强县, "Ningqiang County" and "Ningqiang") are one
    place by the rules of the language of the claim's document (``langs``: doc_id -> code)."""
    langs = langs or {}
    groups: dict[tuple, list[dict]] = {}
    for claim in claims.to_dict("records"):
        if _YEAR.match(claim["year"]):
            place = bundle(langs.get(claim["doc_id"]) or DEFAULT).place_key(claim["place"])
            groups.setdefault((claim["metric"], claim["unit"], place, claim["per"]), []).append(claim)
    charts = []
    for (metric, unit, _, per), group in groups.items():
        years = sorted({int(c["year"]) for c in group})
        if len(years) >= 2:
            charts.append(_chart(metric, unit, group[0]["place"], per, years, group))
    return charts


def _chart(metric: str, unit: str, place: str, per: str, years: list[int], group: list[dict]) -> dict:
    values = [c["value"] for c in group]
    low, high = min(0.0, min(values)), max(values)
    high = high if high > low else low + 1
    inner_w = CHART_WIDTH - CHART_MARGIN["left"] - CHART_MARGIN["right"]
    inner_h = CHART_HEIGHT - CHART_MARGIN["top"] - CHART_MARGIN["bottom"]

    def x(year: int) -> float:
        return round(CHART_MARGIN["left"] + inner_w * (year - years[0]) / (years[-1] - years[0]), 1)

    def y(value: float) -> float:
        return round(CHART_MARGIN["top"] + inner_h * (high - value) / (high - low), 1)

    points, first = [], {}
    for claim in sorted(group, key=lambda c: (c["year"], c["start"])):
        year = int(claim["year"])
        first.setdefault(year, claim)
        points.append({"x": x(year), "y": y(claim["value"]), "label": f"{year}: {claim['text']} ({claim['doc_id']})"})
    return {
        "title": " · ".join(b for b in (metric, place, f"{unit}" + (f" per {per}" if per else "")) if b),
        "width": CHART_WIDTH, "height": CHART_HEIGHT,
        "line": " ".join(f"{x(year)},{y(c['value'])}" for year, c in first.items()),
        "values": [{"x": x(year), "y": y(c["value"]) - 8, "text": c["text"]} for year, c in first.items()],
        "points": points,
        "x_labels": [{"x": x(year), "text": str(year)} for year in years],
        "y_labels": [{"y": y(v), "text": format_number(v)} for v in (low, high)],
        "axis": {"x0": CHART_MARGIN["left"], "x1": CHART_WIDTH - CHART_MARGIN["right"],
                 "y0": CHART_MARGIN["top"], "y1": CHART_HEIGHT - CHART_MARGIN["bottom"]},
    }


def document_view(number: int, name: str, text: str, claims: pd.DataFrame, findings: list[dict],
                  statuses: dict[int, str] | None = None, lang: str = "zh") -> dict:
    """What the template needs for one document; ``statuses`` colours claims by diff status."""
    statuses = statuses or {}
    rows = []
    for index, claim in claims.iterrows():
        rows.append({"index": int(index), "status": statuses.get(int(index), ""),
                     "cells": [{"text": format_value(claim) if c == "value" else _shown(claim[c]), "sort": claim[c] if c in NUMERIC_COLUMNS else None}
                               for c in TABLE_COLUMNS]})
    data = {str(index): {f: _shown(claim[f]) for f in CLAIM_FIELDS} for index, claim in claims.iterrows()}
    return {"number": number, "name": name, "lang": lang, "pieces": highlight_segments(text, claims), "rows": rows,
            "data": data, "findings": findings, "statuses": statuses,
            "mismatches": sum(f["status"] == "mismatch" for f in findings)}


def diff_view(table: pd.DataFrame) -> list[dict]:
    """Rows of the diff section, each side linked to its highlight."""
    rows = []
    for row in table.to_dict("records"):
        rel = row["rel_diff"]
        change = ""
        if row["status"] in ("changed", "over_time"):
            change = f"{'+' if row['abs_diff'] >= 0 else ''}{format_number(row['abs_diff'])}"
            change += "" if pd.isna(rel) else f" ({rel:+.2%})"
        compatible = row["compatible"]
        rows.append({
            "status": row["status"], "change": change,
            "compatible": "" if pd.isna(compatible) else ("yes" if compatible else "no"),
            "metric": row["a_metric"] or row["b_metric"], "unit": row["a_unit"] or row["b_unit"],
            "a": _diff_side(row, "a"), "b": _diff_side(row, "b"),
        })
    return rows


def _diff_side(row: dict, side: str) -> dict | None:
    if pd.isna(row[f"{side}_index"]):
        return None
    sentence, text = row[f"{side}_sentence"] or "", row[f"{side}_text"] or ""
    at = sentence.find(text) if text else -1
    before, claim, after = (sentence[:at], text, sentence[at + len(text):]) if at >= 0 else (sentence, "", "")
    return {"index": int(row[f"{side}_index"]), "text": text, "year": row[f"{side}_year"],
            "place": row[f"{side}_place"], "before": before, "claim": claim, "after": after}


def render_report(documents: list[dict], diff: pd.DataFrame | None = None, title: str = "") -> str:
    """The HTML page for documents given as {name, text, claims}; with a diff when there are two."""
    views = []
    statuses: list[dict[int, str]] = [{}, {}]
    if diff is not None:
        for row in diff.to_dict("records"):
            for side, number in (("a", 0), ("b", 1)):
                if not pd.isna(row[f"{side}_index"]):
                    statuses[number][int(row[f"{side}_index"])] = row["status"]
    for number, doc in enumerate(documents):
        claims = doc["claims"].reset_index(drop=True)
        view_statuses = statuses[number] if diff is not None else None
        texts = {doc_id: doc["text"] for doc_id in claims["doc_id"].unique()} if doc["text"] is not None else None
        views.append(document_view(number, doc["name"], doc["text"], claims, check(claims, texts, doc.get("lang")), view_statuses,
                                   doc.get("lang") or "zh"))
    all_claims = pd.concat([d["claims"] for d in documents], ignore_index=True)
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=title or " vs ".join(d["name"] for d in documents),
        documents=views, diff=None if diff is None else diff_view(diff),
        diff_counts=None if diff is None else diff["status"].value_counts().to_dict(),
        charts=year_charts(all_claims, {doc_id: d.get("lang") or DEFAULT for d in documents
                                        for doc_id in d["claims"]["doc_id"].unique()}), fields=CLAIM_FIELDS, columns=TABLE_COLUMNS,
        numeric_columns=NUMERIC_COLUMNS, statuses=STATUSES,
        diff_sentences=len({v["lang"].split("-")[0] for v in views}) > 1,
    )


def build_report(paths: list[str], year: str | None = None, place: str | None = None, lang: str | None = None) -> str:
    """Extract each document, check it, diff the two when there are two, and render the page."""
    from ..pipeline import document_for_path  # the extractor loads only when a report is built

    documents = []
    for path in paths:
        if is_table_path(path):
            raise ZhfactsError(path, "report needs a document (.txt), not a fact table: it shows the text")
        claims, text = load_claims(path, year=year, place=place, lang=lang)
        documents.append({"name": Path(path).name, "text": text, "claims": claims,
                          "lang": lang or document_for_path(path).lang})
    diff = align(documents[0]["claims"], documents[1]["claims"]) if len(documents) == 2 else None
    return render_report(documents, diff)


def write_html(html: str, path: Path | str) -> None:
    """Write atomically, so no half-written page is ever left (io.atomic)."""
    with atomic_file(path, "report") as out:
        out.write(html.encode("utf-8"))
