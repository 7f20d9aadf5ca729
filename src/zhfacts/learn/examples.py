"""Training examples for the learned decider, labelled by pairing the rules' claims with gold as
the scorer pairs them (used by scripts/train.py and scripts/ablation.py, never at run time)."""
from __future__ import annotations

from ..compare import metric_matches
from ..eval.score import pair_rows, span_overlap
from ..types import Claim, Document
from .features import candidate_features, mention_features


def ranker_examples(claims: list[Claim], gold: list[dict], doc: Document) -> list[tuple[str, bool]]:
    """(feature text, GOOD?) for every candidate of every claim paired with a gold row, paired
    as the scorer pairs them; GOOD when the phrase would score as the gold metric."""
    live = [c for c in claims if c.status == "claim"]
    spans = [{"start": c.mention.start, "end": c.mention.end} for c in live]
    out = []
    for gi, pi in pair_rows(gold, spans):
        claim = live[pi]
        texts = candidate_features(claim, doc)
        out += [(t, metric_matches(gold[gi]["metric"], p)) for t, (p, _) in zip(texts, claim.metric_candidates)]
    return out


def filter_examples(claims: list[Claim], gold: list[dict], doc: Document) -> list[tuple[str, bool]]:
    """(feature text, CLAIM?) for every mention; CLAIM when it overlaps a gold span."""
    out = []
    for c in claims:
        span = {"start": c.mention.start, "end": c.mention.end}
        out.append((mention_features(c, doc), any(span_overlap(g, span) > 0 for g in gold)))
    return out


