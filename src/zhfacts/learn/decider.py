"""The model half of rule-plus-model: the rules propose, two small trained classifiers weigh.

The rules stay the source of every mention, every claim and every candidate metric phrase.
``metric_ranker`` scores each candidate phrase of a claim (P(GOOD): the phrase matches the
gold metric) and the candidates are reordered by that score; ``claim_filter`` scores each
mention (P(CLAIM): it is a gold claim) and, when a threshold is given, vetoes claims the rules
accepted. Both are spaCy bag-of-words text classifiers over a short text of whitespace-separated
feature tokens, so they train in seconds on the gold and need no vectors or downloads.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path


from ..codes import Slot, Status
from ..types import Candidate, Claim, Decision, Document
from .features import candidate_features, mention_features

#: Where the shipped models live (package data).
MODELS_DIR = Path(__file__).parent / "models"

#: Whether extraction ranks with the model unless told otherwise. Off: in the leave-one-document-
#: out ablation (docs/model.md) it wins neither mention F1 nor strict tuple F1.
ON_BY_DEFAULT = False
RANKER = "metric_ranker"
FILTER = "claim_filter"
GOOD, BAD = "GOOD", "BAD"
#: The name the model's choices carry (a metric_rule "noun_after+model" is a choice it changed).
DECIDER = "model"
CLAIM, NOT_CLAIM = "CLAIM", "NOT_CLAIM"

#: P(CLAIM) under which apply_model turns a claim into an excluded mention; None keeps the
#: filter off, as the leave-one-document-out ablation (docs/model.md) found it does not help.
CLAIM_THRESHOLD: float | None = None

# --- applying the models ---------------------------------------------------------------------

def model_available(directory: Path = MODELS_DIR) -> bool:
    """Whether both trained pipelines are on disk (a source tree before training has none)."""
    return all((directory / name / "config.cfg").is_file() for name in (RANKER, FILTER))


@lru_cache(maxsize=None)
def _load(path: str):
    import spacy  # here, not at module import: spaCy is slow to import and most callers never rank

    return spacy.load(path)


def _probabilities(directory: Path, name: str, label: str, texts: list[str]) -> list[float]:
    nlp = _load(str(directory / name))
    return [d.cats[label] for d in nlp.pipe(texts)]


def apply_model(claims: list[Claim], doc: Document, directory: Path = MODELS_DIR,
                threshold: float | None = CLAIM_THRESHOLD) -> list[Claim]:
    """The claims with metric candidates reordered by P(GOOD), best first, and ``confidence``
    set to the chosen phrase's P(GOOD); metric_rule gains "+model" where the model's choice
    differs from the rules' first. With a threshold, a claim whose P(CLAIM) is below it becomes
    an excluded mention with rule "model" and its P(CLAIM) as confidence. New Claim objects are
    returned; the input is left as it was."""
    live = [i for i, c in enumerate(claims) if c.status == Status.CLAIM]
    if not live:
        return list(claims)
    out = list(claims)
    texts = {i: candidate_features(claims[i], doc) for i in live}
    flat = [t for i in live for t in texts[i]]
    probs = iter(_probabilities(directory, RANKER, GOOD, flat))
    for i in live:
        claim = claims[i]
        good = [next(probs) for _ in texts[i]]
        if not good:
            continue
        order = tuple(sorted(range(len(good)), key=lambda k: -good[k]))
        metric = claim.decision(Slot.METRIC)
        ranked = Decision(Slot.METRIC, metric.candidates, order[:1], DECIDER, order)
        decisions = tuple(ranked if d.slot == Slot.METRIC else d for d in claim.decisions)
        out[i] = replace(claim, decisions=decisions, confidence=good[order[0]])
    if threshold is not None:
        p_claim = _probabilities(directory, FILTER, CLAIM, [mention_features(claims[i], doc) for i in live])
        for i, p in zip(live, p_claim):
            if p < threshold:
                veto = Decision(Slot.EXCLUDE, (Candidate(Slot.EXCLUDE, Status.EXCLUDED.value, DECIDER),), (0,), DECIDER)
                kept = tuple(d for d in out[i].decisions if d.slot == Slot.UNIT)
                out[i] = replace(out[i], status=Status.EXCLUDED, decisions=kept + (veto,), confidence=p)
    return out
