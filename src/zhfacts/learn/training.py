"""Training the learned decider from the gold: every candidate of every decided slot is one
example, labelled by whether it would score as the gold row's field.

The examples come from extracting each document with the rule order (``Recorder`` decides as
the rules do and keeps every slot's candidates with their feature rows). A claim is paired with
a gold row exactly as the scorer pairs them; each of its metric, year, place and kind candidates
is right when the scorer would count that value as the gold field. For exclusion every mention
is paired with the gold rows: the "claim" candidate is right for a paired mention, an exclusion
for an unpaired one. Nothing is fitted but the classifiers: the feature rows are a pure function
of their document and the vocabulary comes from the rule registry and the profiles.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import lightgbm
import numpy as np

from ..codes import Slot
from ..context import Ask
from ..decide import DEFAULT
from ..profiles import profiles
from ..registry import list_rules
from ..eval.score import field_matches, pair_rows
from ..types import Candidate, Claim, Decision, Document
from .decider import Model
from .features import CATEGORICAL, FEATURES, rows
from .predictor import Predictor

#: The slots the model decides. Unit and per stay with the rule order: a unit is read off the
#: number's own words, and a per denominator is composed of several candidates.
SLOTS = (Slot.EXCLUDE, Slot.METRIC, Slot.YEAR, Slot.PLACE, Slot.KIND)
SEED = 0
#: A mention's weight is (mentions of its document) ** -DOCUMENT_WEIGHT, so that the long
#: communiqués do not drown the short features and English articles.
DOCUMENT_WEIGHT = 0.5
ROUNDS = 100
PARAMS = {
    "objective": "binary", "learning_rate": 0.1, "num_leaves": 15, "min_data_in_leaf": 10,
    "feature_fraction": 0.8, "feature_fraction_seed": SEED, "lambda_l2": 1.0, "cat_smooth": 10,
    "min_data_per_group": 10, "seed": SEED, "deterministic": True, "force_col_wise": True,
    "num_threads": 1, "verbose": -1,
}


@dataclass(frozen=True)
class Group:
    """The candidates of one slot of one mention, with their feature rows."""

    doc_id: str
    slot: Slot
    start: int
    end: int
    values: tuple[str, ...]
    rows: tuple[dict, ...]


@dataclass
class Recorder:
    """Decides as the rule order does, and keeps every group of candidates of the given slots."""

    slots: tuple[Slot, ...] = SLOTS
    groups: list[Group] = field(default_factory=list)
    name: str = DEFAULT.name

    def needs(self, slot: Slot) -> int | None:
        return None

    def decide(self, slot: Slot, candidates: tuple[Candidate, ...], ask: Ask) -> Decision:
        decision = DEFAULT.decide(slot, candidates, ask)
        if slot in self.slots and candidates:
            m = ask.mention
            self.groups.append(Group(ask.ctx.doc.doc_id, slot, m.start, m.end, tuple(c.value for c in candidates),
                                     tuple(rows(slot, candidates, ask))))
        return decision


def record(doc: Document, slots: tuple[Slot, ...] = SLOTS) -> tuple[list[Claim], list[Group]]:
    """The rule order's claims of one document, and their candidate groups."""
    from ..pipeline import extract_claims  # the pipeline imports the deciders

    recorder = Recorder(slots)
    claims = extract_claims(doc, recorder)
    return claims, recorder.groups


def _span(g) -> dict:
    return {"start": g.start, "end": g.end}


def labelled(groups: list[Group], gold: list[dict]) -> list[tuple[Group, list[bool]]]:
    """Each group of one document with the right/wrong label of every candidate, for the groups
    that have labels (attributes of claims paired with gold; exclusion of every mention)."""
    out = []
    exclusion = [g for g in groups if g.slot == Slot.EXCLUDE]
    paired = {pi for _, pi in pair_rows(gold, [_span(g) for g in exclusion])}
    for i, g in enumerate(exclusion):
        out.append((g, [(not v) == (i in paired) for v in g.values]))
    claims = sorted({(g.start, g.end) for g in groups if g.slot != Slot.EXCLUDE})
    row_of = {claims[pi]: gold[gi] for gi, pi in pair_rows(gold, [{"start": a, "end": b} for a, b in claims])}
    for g in groups:
        truth = row_of.get((g.start, g.end))
        if g.slot == Slot.EXCLUDE or truth is None:
            continue
        name = str(g.slot)
        if name == "kind" and not truth.get("kind"):
            continue
        out.append((g, [field_matches(name, truth[name], v) for v in g.values]))
    return out


def vocabulary() -> dict[str, tuple[str, ...]]:
    """The names the categorical features may take: every registered rule and every profile."""
    return {"rule": tuple(sorted({r.name for r in list_rules()})), "kind": tuple(sorted(profiles()))}


def fit(examples: list[tuple[Group, list[bool]]], slots: tuple[Slot, ...] = SLOTS, meta: dict | None = None) -> Model:
    """One classifier per slot over the labelled candidates, with the fixed seed."""
    vocab = vocabulary()
    empty = Model({}, vocab, {})
    boosters = {}
    for slot in slots:
        mine = [(g, right) for g, right in examples if g.slot == slot]
        per_document = Counter(g.doc_id for g, _ in mine)
        table, labels, weights = [], [], []
        for g, right in mine:
            table += g.rows
            labels += right
            weights += [per_document[g.doc_id] ** -DOCUMENT_WEIGHT] * len(right)
        if not labels or all(labels) or not any(labels):
            continue  # nothing to tell apart: the slot keeps the rule order
        data = lightgbm.Dataset(np.array(empty.matrix(table), dtype=np.float64), np.array(labels, dtype=np.float64), weight=np.array(weights),
                                feature_name=list(FEATURES), categorical_feature=list(CATEGORICAL), free_raw_data=True)
        boosters[slot] = Predictor(lightgbm.train(PARAMS, data, num_boost_round=ROUNDS).model_to_string())
    return Model(boosters, vocab, {"seed": SEED, "rounds": ROUNDS, **(meta or {})})


def gold_rows(gold, doc_id: str) -> list[dict]:
    """One document's gold rows in offset order, as the scorer reads them."""
    part = gold[gold["doc_id"] == doc_id].sort_values(["start", "end"], kind="stable")
    return part.to_dict("records")


def corpus_examples(doc_ids: list[str], corpus: Path, gold) -> dict[str, list[tuple[Group, list[bool]]]]:
    """doc_id -> its labelled candidate groups, each document read from the corpus with its
    manifest and extracted with the rule order."""
    from ..pipeline import document_for_path

    return {d: labelled(record(document_for_path(corpus / f"{d}.txt"))[1], gold_rows(gold, d)) for d in doc_ids}


def train(examples: dict[str, list[tuple[Group, list[bool]]]], doc_ids: list[str]) -> Model:
    """The model fitted on the given documents' examples only."""
    return fit([e for d in doc_ids for e in examples[d]], meta={"documents": sorted(doc_ids)})
