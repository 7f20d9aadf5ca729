"""Aligning claims across languages: a Chinese report against its English translation.

The two sides share no characters, so pairs are found by meaning: the same unit after scale,
the same number, a place key equal for every spelling of one place, the year, and what the
metric means as English word stems (docs/factcheck.md, "Across languages"). Every word of a
language is the bundles' (``meaning``, ``place_key``, ``clause_bounds``).
"""
from __future__ import annotations

import pandas as pd

from ..compare import values_equal
from ..io.tables import is_missing
from .intervals import compatible

#: Across languages: weights of what a pair has in common besides its value.
CROSS_PLACE_WEIGHT = 0.5
CROSS_YEAR_WEIGHT = 0.5
CROSS_DISTANCE_WEIGHT = 1.0
#: Two different values are one number across languages only if the smaller is at least this
#: share of the larger and their wordings allow a common value ("十几亩" and "a dozen mu").
CROSS_NEAR = 0.5
#: Two metrics count different things only if they share less than this of their words.
CROSS_DIFFERENT = 0.5
#: The unit of counts whose counted noun, not the unit, says what is counted.
COUNTED_THINGS = "item"


def table_language(df: pd.DataFrame) -> str:
    """The language of a fact table, from the script of its sentences and metrics."""
    from ..lang import detect

    return detect(" ".join(df["sentence"].astype(str).head(40)) + " " + " ".join(df["metric"].astype(str).head(40)))


def languages(a: pd.DataFrame, b: pd.DataFrame) -> tuple[str, str] | None:
    """The languages of two fact tables when they differ (zh and zh-Hant are one), else None."""
    if not len(a) or not len(b):
        return None
    lang_a, lang_b = table_language(a), table_language(b)
    return (lang_a, lang_b) if lang_a.split("-")[0] != lang_b.split("-")[0] else None


def pair_status(ra: dict, rb: dict, langs: tuple[str, str]) -> str:
    from ..lang import bundle

    return status(ra, rb, claim_meaning(ra, bundle(langs[0])), claim_meaning(rb, bundle(langs[1])))


def claim_end_in_sentence(row: dict) -> int | None:
    """Where the claim's text ends in the ``sentence`` column, None when the table gives no offsets.

    The column is a window of the sentence around the claim (it may start after the sentence
    does), so the claim is the last occurrence of its text that starts no farther into the
    column than the claim starts into its sentence."""
    sentence_start, sentence, text = row.get("sentence_start"), row.get("sentence"), row.get("text")
    if row["start"] < 0 or sentence_start is None or is_missing(sentence_start) or not sentence or not text:
        return None
    at = sentence.rfind(text, 0, int(row["start"]) - int(sentence_start) + len(text))
    return at + len(text) if at >= 0 else None


def claim_meaning(row: dict, lang) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(stems of the metric, stems of its head, stems of the words after the number in its
    clause: the counted phrase as the sentence writes it, empty when the table gives no offsets)."""
    every, head = lang.meaning(row["metric"])
    after: frozenset[str] = frozenset()
    pos = claim_end_in_sentence(row)
    if pos is not None:
        _, clause_end = lang.clause_bounds(row["sentence"], pos, False)
        after = lang.meaning(row["sentence"][pos:clause_end])[0]
    return every, head, after


def _meaning_overlap(a_meaning, b_meaning) -> tuple[float, bool]:
    """(share of the smaller metric's stems the other has too, whether both name the thing
    counted and the two things differ: neither head is among the other's metric or counted
    phrase, as townships against counties)."""
    (a_all, a_head, a_after), (b_all, b_head, b_after) = a_meaning, b_meaning
    share = len(a_all & b_all) / min(len(a_all), len(b_all)) if a_all and b_all else 0.0
    differs = bool(a_head and b_head) and not (a_head & (b_all | b_after)) and not (b_head & (a_all | a_after))
    return share, differs and share < CROSS_DIFFERENT


def candidates(a: list[dict], b: list[dict], lang_a: str, lang_b: str) -> list[tuple]:
    """Sort keys of every cross-language pair that could be one fact: same unit; then by
    whether the values agree, the metric meaning, place, year and relative position."""
    from ..lang import bundle

    one, other = bundle(lang_a), bundle(lang_b)
    meanings_a = [claim_meaning(r, one) for r in a]
    meanings_b = [claim_meaning(r, other) for r in b]
    keys_a = [one.place_key(r["place"]) for r in a]
    keys_b = [other.place_key(r["place"]) for r in b]
    out = []
    for i, ra in enumerate(a):
        for j, rb in enumerate(b):
            if ra["unit"] != rb["unit"]:
                continue
            share, _ = _meaning_overlap(meanings_a[i], meanings_b[j])
            agree = same_number(ra, rb)
            if not agree and share == 0:
                continue
            score = (2.0 if agree else 0.0) + share
            score += CROSS_PLACE_WEIGHT * (keys_a[i] == keys_b[j] or not keys_a[i] or not keys_b[j])
            score += CROSS_YEAR_WEIGHT * (ra["year"] == rb["year"] or not ra["year"] or not rb["year"])
            distance = abs(i / len(a) - j / len(b))
            score -= CROSS_DISTANCE_WEIGHT * distance
            out.append((0, -round(score, 9), round(distance, 9), i, j, share))
    return out


def same_number(a, b) -> bool:
    """Across languages the qualifier is often translated loosely ("9亩多" as "9 mu", "over 9
    mu"): the same number is an equal value, or two bounded statements that can both be true."""
    if values_equal(a["value"], b["value"]):
        return True
    near = min(abs(a["value"]), abs(b["value"])) >= CROSS_NEAR * max(abs(a["value"]), abs(b["value"]))
    from ..lang import factcheck_words_any

    return near and compatible(a, b, factcheck_words_any("bounded_more"))


def status(a, b, a_meaning, b_meaning) -> str:
    """Across languages: over_time when both years are known and differ; changed when the
    numbers differ; metric_differs when the number is the same but the things it counts differ
    (a count of items whose counted nouns share no meaning: townships against counties); else same."""
    if a["year"] and b["year"] and a["year"] != b["year"]:
        return "over_time"
    if not same_number(a, b):
        return "changed"
    if a["unit"] == COUNTED_THINGS and _meaning_overlap(a_meaning, b_meaning)[1]:
        return "metric_differs"
    return "same"
