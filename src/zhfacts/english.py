"""English names beside the Chinese: metric_en from the curated glossary (resources/metrics.tsv).

A metric found whole in the glossary takes its entry; otherwise the longest glossary words it
contains are glossed left to right. A metric with no glossary word gets no English rather
than a guess.
"""
from __future__ import annotations

from functools import lru_cache

from .resources import read_tsv


@lru_cache(maxsize=None)
def _glossary() -> dict[str, str]:
    return {r["zh"]: r["en"] for r in read_tsv("metrics.tsv")}


@lru_cache(maxsize=8192)
def metric_english(metric: str) -> str:
    gloss = _glossary()
    if metric in gloss:
        return gloss[metric]
    words = sorted(gloss, key=len, reverse=True)
    parts, i = [], 0
    while i < len(metric):
        hit = next((w for w in words if metric.startswith(w, i)), None)
        if hit:
            parts.append(gloss[hit])
            i += len(hit)
        else:
            i += 1
    return " ".join(parts)
