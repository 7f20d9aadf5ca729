"""The learned decider: one gradient-boosted classifier per slot scores every candidate.

Each classifier gives P(right) for one candidate from its feature row (``features.rows``); the
decider picks the most probable candidate (the earlier in rule order on a tie), keeps the whole
order as the decision's ranking and the probabilities as its scores. Slots without a classifier
(the unit; the per denominator, composed of several candidates) keep the rule order. The model
is a directory of LightGBM text files and one ``model.json`` (the slots, the feature names and
the vocabulary of names), shipped as package data and read from disk only.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from ..codes import Slot
from ..context import Ask
from ..decide import COMPLETE, DEFAULT, Decider, RuleOrder
from ..errors import ZhfactsError
from ..types import Candidate, Decision
from .features import CATEGORICAL, FEATURES, rows
from .predictor import LightGBMUnavailable, Predictor

#: Where the shipped model lives (package data).
MODEL_DIR = Path(__file__).resolve().parent / "models" / "decider"
META = "model.json"
#: The name a learned choice carries ("place_before+model" where it overrules the rule order).
NAME = "model"

#: Whether extraction decides with the model unless told otherwise: off, as it does not win the
#: leave-one-document-out ablation by the acceptance rule (docs/model.md: full tuple F1 +0.006,
#: strict tuple F1 -0.003 against the rule order, whose own candidates are now the better ones).
ON_BY_DEFAULT = False


@dataclass(frozen=True)
class Model:
    """A classifier per slot, with the vocabulary that turns the categorical features into codes."""

    boosters: dict[Slot, Predictor]
    vocabulary: dict[str, tuple[str, ...]]
    meta: dict

    @cached_property
    def codes(self) -> dict[str, dict[str, int]]:
        return {name: {v: i for i, v in enumerate(self.vocabulary[name])} for name in CATEGORICAL}

    def matrix(self, table: list[dict]) -> list[list[float]]:
        """The feature rows as lists of floats in FEATURES order; an unknown name is missing (NaN)."""
        codes = self.codes
        return [[float(codes[name].get(row[name], math.nan) if name in codes else row[name]) for name in FEATURES]
                for row in table]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        for slot, booster in self.boosters.items():
            (directory / f"{slot}.txt").write_text(booster.model_to_string(), encoding="utf-8")
        meta = {**self.meta, "features": list(FEATURES), "slots": [str(s) for s in self.boosters],
                "vocabulary": {k: list(v) for k, v in self.vocabulary.items()}}
        (directory / META).write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def load_model(directory: Path = MODEL_DIR) -> Model:
    """The model saved in directory; a clear error when there is none or it does not fit."""
    try:
        meta = json.loads((directory / META).read_text(encoding="utf-8"))
        boosters = {Slot(s): Predictor((directory / f"{s}.txt").read_text(encoding="utf-8")) for s in meta["slots"]}
    except (OSError, ValueError, KeyError, LightGBMUnavailable) as exc:
        raise ZhfactsError(directory, f"no usable trained model ({exc}); run scripts/train.py") from None
    if meta.get("features") != list(FEATURES):
        raise ZhfactsError(directory, "model was trained on other features; run scripts/train.py")
    vocabulary = {k: tuple(v) for k, v in meta.pop("vocabulary").items()}
    return Model(boosters, vocabulary, meta)


class Learned:
    """Decides every slot that has a classifier by its probabilities; the others by rule order.

    The chosen value is that of the most probable candidate; the choice is credited to the first
    candidate in rule order with that value, so the rule names change only where the value does."""

    name = NAME

    def __init__(self, model: Model, fallback: RuleOrder = DEFAULT):
        self.model = model
        self.fallback = fallback

    def needs(self, slot: Slot) -> int | None:
        return None if slot in self.model.boosters else self.fallback.needs(slot)

    def decide(self, slot: Slot, candidates: tuple[Candidate, ...], ask: Ask) -> Decision:
        booster = self.model.boosters.get(slot)
        if booster is None or not candidates:
            return self.fallback.decide(slot, candidates, ask)
        scores = tuple(float(p) for p in booster.predict(self.model.matrix(rows(slot, candidates, ask))))
        ranking = tuple(sorted(range(len(candidates)), key=lambda i: (-scores[i], i)))
        # the value of the most probable candidate, credited to the first rule that proposes it
        best = candidates[ranking[0]].value
        chosen = next(i for i, c in enumerate(candidates) if c.value == best)
        return Decision(slot, candidates, (chosen,), self.name, ranking, scores)


@lru_cache(maxsize=None)
def shipped_model() -> Model:
    """The shipped model, loaded once."""
    return load_model(MODEL_DIR)


def decider_for(model: bool, complete: bool = False) -> Decider:
    """The shipped learned decider with ``model``, else the rule order; ``complete`` to have
    every candidate of every slot, not only those the decider reads."""
    rule_order = COMPLETE if complete else DEFAULT
    return Learned(shipped_model(), rule_order) if model else rule_order
