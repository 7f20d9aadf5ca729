"""The feature table: one row of named facts per candidate of one slot of one mention.

Every fact is generic (no word of any language is named here): the rule that proposed the
candidate and its rank, where its evidence stands from the number (characters, clauses,
sentences, paragraphs; same clause; in brackets or quotes; in a heading), the parts of speech of
the words between (from the language bundle's tagger, counted by their first letter), what the
evidence is (a place of some level against the document's default place, a partner or donor, a
comparison base; a time that modifies one number directly), the document's kind and language,
and how the candidate agrees with the others and with the previous claim. Rows are dicts; the
string-valued ``CATEGORICAL`` ones are turned into codes by the model's vocabulary, which comes
from the rule registry and the profiles, never from the documents trained on.
"""
from __future__ import annotations

import math
from collections import Counter
from functools import lru_cache

from ..codes import Slot
from ..context import Ask
from ..types import Candidate

#: Features whose values are names (turned into codes by the model's vocabulary).
CATEGORICAL = ("rule", "kind")
#: Coarse parts of speech counted between the evidence and the number: the first letter of the
#: tagger's tags (noun, verb, preposition, conjunction, particle, adverb, numeral, classifier,
#: punctuation or unknown, pronoun, adjective, locative, time word).
TAG_CLASSES = "nvpcudmqxraft"
#: Farther than this, evidence counts as "far" and its words between are not tagged.
_TAG_REACH = 30
#: Clause and sentence distances are counted up to this.
_COUNT_MAX = 8
#: No bracketed or quoted span is longer than this.
_LONGEST_SPAN = 40

NUMERIC = (
    "rank", "position", "n_candidates", "n_distinct", "n_same_value", "is_first", "same_as_first",
    "from_text", "before", "log_distance", "clauses_between", "sentences_between", "paragraphs_between",
    "same_clause", "same_sentence", "in_quotes", "in_brackets", "evidence_in_heading", "number_in_heading",
    "empty", "length", "contains_other", "inside_other", "document_default", "same_as_previous",
    "place_level", "default_level", "level_difference", "partner", "compared", "scope",
    "time_direct", "time_vague", "time_span", "english",
    *(f"between_{c}" for c in TAG_CLASSES), "between_words",
)
FEATURES = CATEGORICAL + NUMERIC


@lru_cache(maxsize=256)
def _default_level(lang, place: str) -> int:
    """The level of the document's default place, as the bundle's place finder reads it; -1
    when it reads none."""
    found = [p for p in lang.find_places(place) if p.start == 0] if place else []
    return found[0].place.level if found else -1


def _clauses_between(ask: Ask, a: int, b: int) -> int:
    """How many clause boundaries lie between positions a < b (0: same clause)."""
    n, pos = 0, b
    while n < _COUNT_MAX:
        start, _ = ask.ctx.clause_bounds(pos)
        if start <= a or start <= 0:
            return n
        n, pos = n + 1, start - 1
    return n


def _tags_between(ask: Ask, a: int, b: int) -> dict[str, float]:
    counts = dict.fromkeys(TAG_CLASSES, 0)
    words = ask.ctx.lang.tag(ask.norm[a:b]) if 0 < b - a <= _TAG_REACH else ()
    for _, flag in words:
        if flag[:1] in counts:
            counts[flag[:1]] += 1
    out = {f"between_{c}": float(n) for c, n in counts.items()}
    out["between_words"] = float(len(words)) if b - a <= _TAG_REACH else -1.0
    return out


def _inside(spans, start: int, end: int) -> bool:
    """Whether start..end lies inside one of the spans (quotations or brackets)."""
    return any(x.start <= start and end <= x.end for x in spans.starting_in(start - _LONGEST_SPAN, start + 1))


def _evidence(c: Candidate, ask: Ask, clause: tuple[int, int]) -> dict[str, float]:
    """Facts about the candidate's evidence span in the text (all 0 when it has none); ``clause``
    is the number's."""
    m, ctx = ask.mention, ask.ctx
    if not c.from_text:
        return {"from_text": 0.0}
    before = c.end <= m.start
    a, b = (c.end, m.start) if before else (m.end, c.start)
    a, b = min(a, b), max(a, b)
    si = ctx.sentence_of(c.start)
    same_clause = clause[0] <= c.start < clause[1] or clause[0] < c.end <= clause[1]
    out = {
        "from_text": 1.0, "before": float(before), "log_distance": math.log1p(max(0, b - a)),
        "clauses_between": float(_clauses_between(ask, a, b)) if a < b else 0.0,
        "sentences_between": float(min(_COUNT_MAX, abs(ask.si - si))),
        "paragraphs_between": float(min(_COUNT_MAX, abs(ctx.sentences[ask.si].paragraph - ctx.sentences[si].paragraph))),
        "same_clause": float(same_clause), "same_sentence": float(si == ask.si),
        "in_quotes": float(_inside(ctx.quoted, c.start, c.end)),
        "in_brackets": float(_inside(ctx.bracketed, c.start, c.end)),
        "evidence_in_heading": float(ctx.sentences[si].heading),
        **_tags_between(ask, a, b),
    }
    place = ctx.place_at.get(c.start)
    if place is not None and place.end == c.end:
        out.update(place_level=float(place.place.level), partner=float(place.partner),
                   compared=float(place.compared), scope=float(place.scope))
    time = next((t for t in ctx.times.starting_in(c.start, c.start + 1) if t.end == c.end), None)
    if time is not None:
        out.update(time_direct=float(time.direct), time_vague=float(not time.year))
    return out


def rows(slot: Slot, candidates: tuple[Candidate, ...], ask: Ask) -> list[dict]:
    """One feature row per candidate, in rule order."""
    doc, ctx = ask.ctx.doc, ask.ctx
    values = [c.value for c in candidates]
    previous = ask.previous.value_of(slot) if ask.previous is not None else None
    default_level = _default_level(ctx.lang, doc.place)
    shared = {
        "kind": doc.kind, "n_candidates": float(len(candidates)), "n_distinct": float(len(set(values))),
        "number_in_heading": float(ask.sentence.heading), "english": float(doc.lang.startswith("en")),
        "default_level": float(default_level),
    }
    clause = ctx.clause_bounds(ask.mention.start)
    ranks: Counter[str] = Counter()  # a candidate's rank: how many answers its rule gave before it
    out = []
    for i, c in enumerate(candidates):
        others = [v for j, v in enumerate(values) if j != i and v and v != c.value]
        row = dict.fromkeys(NUMERIC, 0.0) | shared | {
            "rule": c.rule, "rank": float(ranks[c.rule]), "position": float(i),
            "n_same_value": float(values.count(c.value) - 1), "is_first": float(i == 0),
            "same_as_first": float(c.value == values[0]), "empty": float(not c.value),
            "length": float(len(c.value)),
            "contains_other": float(bool(c.value) and any(v in c.value for v in others)),
            "inside_other": float(bool(c.value) and any(c.value in v for v in others)),
            "document_default": float(bool(c.value) and c.value in (doc.year, doc.place)),
            "same_as_previous": -1.0 if previous is None else float(c.value == previous),
            "time_span": float("-" in c.value and slot == Slot.YEAR),
            "place_level": -1.0, "level_difference": 0.0,
        }
        row |= _evidence(c, ask, clause)
        ranks[c.rule] += 1
        if row["place_level"] >= 0 and default_level >= 0:
            row["level_difference"] = row["place_level"] - default_level
        out.append(row)
    return out
