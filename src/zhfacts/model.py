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

import regex

from .lang.zh import lexicon
from .lang.zh.places import has_place_suffix
from .lang.zh.lexicon import read_tsv
from .score import metric_matches, overlap, pair_rows
from .lang.zh.words import tag
from .codes import Slot, Status
from .types import Candidate, Claim, Decision, Document

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

_QUALIFIERS = {"=": "eq", ">": "gt", ">=": "ge", "<": "lt", "<=": "le", "~": "approx"}
_OPEN_QUOTES, _CLOSE_QUOTES = "“「『‘《", "”」』’》"


# --- feature tokens --------------------------------------------------------------------------

def _safe(text: str) -> str:
    """Text as one feature token: ASCII letters, digits, _ and Han characters kept, anything
    else as xHEX, so spaCy's tokenizer never splits it on punctuation."""
    return "".join(ch if regex.match(r"[A-Za-z0-9_\p{Han}]", ch) else f"x{ord(ch):x}" for ch in text)


def _bucket(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (3, "3"), (5, "4_5"), (8, "6_8")):
        if n <= top:
            return name
    return "9up"


def _char_class(ch: str) -> str:
    """A neighbouring character as a small class, so unseen characters still carry a signal."""
    if not ch or ch == "\n":
        return "end"
    for chars, name in (("，,", "comma"), ("。！？!?", "stop"), ("、", "list"), ("；;", "semi"),
                        ("：:", "colon"), (_OPEN_QUOTES + _CLOSE_QUOTES + "\"", "quote"), ("（）()", "paren")):
        if ch in chars:
            return name
    if ch.isdigit():
        return "digit"
    return "han" if regex.match(r"\p{Han}", ch) else "other"


def _unit_category(claim: Claim) -> str:
    unit = lexicon.units().get(claim.mention.unit_surface)
    return unit.category if unit else "none"


def _unit_end(claim: Claim) -> int:
    m = claim.mention
    return m.unit_end if m.unit_end >= 0 else m.end


@lru_cache(maxsize=None)
def _glossary() -> tuple[str, ...]:
    return tuple(r["zh"] for r in read_tsv("metrics.tsv"))


def _shape(tagged) -> str:
    """Coarse parts of speech of a phrase's first three words ("v", "n_v_n_more")."""
    coarse = [f[:1] for _, f in tagged[:3]] + (["more"] if len(tagged) > 3 else [])
    return "_".join(coarse) or "empty"


def candidate_features(claim: Claim, doc: Document) -> list[str]:
    """One feature text per metric candidate of the claim, in the rules' order.

    Besides the candidate's own rule, rank, length, parts of speech and characters, each text
    says how the candidate stands to the rules' first choice (contains it, lies inside it), as a
    linear model cannot compare candidates itself.
    """
    m = claim.mention
    candidates = claim.metric_candidates
    if not candidates:
        return []
    top, top_rule = candidates[0]
    phrases = [p for p, _ in candidates]
    longest = max(len(p) for p in phrases)
    after = doc.norm[_unit_end(claim):_unit_end(claim) + 1]
    shared = [
        f"n{min(len(candidates), 5)}", f"unit_{_safe(m.unit or 'none')}", f"cat_{_unit_category(claim)}",
        f"mrule_{_safe(m.rule)}", f"after_{_char_class(after)}", f"qual_{_QUALIFIERS.get(m.qualifier, 'other')}",
    ]
    out = []
    for i, (phrase, rule) in enumerate(candidates):
        rank = f"rank{min(i, 4)}"
        size = f"len{_bucket(len(phrase))}"
        tokens = [f"rule_{rule}", rank, f"rule_{rule}_{rank}", size, f"rule_{rule}_{size}", *shared]
        tagged = tag(phrase) if phrase else ()
        if tagged:
            tokens += [f"first_{_safe(tagged[0][1])}", f"last_{_safe(tagged[-1][1])}"]
        tokens.append("verb" if any(f.startswith("v") for _, f in tagged) else "noverb")
        tokens.append(f"shape_{_shape(tagged)}")
        if any(f == "ns" for _, f in tagged) or has_place_suffix(phrase):
            tokens.append("place")
        if any(g in phrase for g in _glossary()):
            tokens.append("glossary")
        if i:
            tokens += [f"top_rule_{top_rule}", f"top_len{_bucket(len(top))}"]
            if top and top in phrase and top != phrase:
                tokens.append("contains_top")
            if phrase and phrase in top and top != phrase:
                tokens.append("inside_top")
        others = [p for p in phrases if p and p != phrase]
        if any(p in phrase for p in others):
            tokens.append("contains_other")
        if phrase and any(phrase in p for p in others):
            tokens.append("inside_other")
        if len(phrase) == longest:
            tokens.append("longest")
        if phrases.count(phrase) > 1:
            tokens.append("repeated")
        if phrase:
            tokens += [f"start_{_safe(phrase[0])}", f"end_{_safe(phrase[-1])}", *(_safe(ch) for ch in phrase)]
        out.append(" ".join(tokens))
    return out


def _last_tag(text: str) -> str:
    tagged = tag(text) if text else ()
    return _safe(tagged[-1][1]) if tagged else "none"


def _first_tag(text: str) -> str:
    tagged = tag(text) if text else ()
    return _safe(tagged[0][1]) if tagged else "none"


def _quoted(claim: Claim, doc: Document) -> bool:
    """Whether the mention stands inside an open quotation in its sentence."""
    before = doc.norm[claim.sentence.start:claim.mention.start]
    depth = sum(before.count(q) for q in _OPEN_QUOTES) - sum(before.count(q) for q in _CLOSE_QUOTES)
    return depth > 0 or before.count('"') % 2 == 1


def mention_features(claim: Claim, doc: Document) -> str:
    """The claim/not-claim feature text of a mention (a claim or an excluded one)."""
    m = claim.mention
    norm, end = doc.norm, _unit_end(claim)
    text = doc.text[m.start:m.end]
    b1, b2 = norm[m.start - 1:m.start] if m.start else "", norm[max(0, m.start - 2):max(0, m.start - 1)]
    a1, a2 = norm[end:end + 1], norm[end + 1:end + 2]
    tokens = [
        f"mrule_{_safe(m.rule)}", f"unit_{_safe(m.unit or 'none')}", f"cat_{_unit_category(claim)}",
        f"excl_{claim.exclude_rule or 'none'}",
        f"qual_{_QUALIFIERS.get(m.qualifier, 'other')}", "usurf" if m.unit_surface else "nousurf",
        f"b1_{_char_class(b1)}", f"b2_{_char_class(b2)}", f"a1_{_char_class(a1)}", f"a2_{_char_class(a2)}",
        f"b1c_{_safe(b1 or 'none')}", f"a1c_{_safe(a1 or 'none')}",
        f"pos_before_{_last_tag(norm[max(claim.sentence.start, m.start - 6):m.start])}",
        f"pos_after_{_first_tag(norm[end:min(claim.sentence.end, end + 6)])}",
        "digits" if regex.search(r"\d", text) else "nodigits", f"mlen{_bucket(len(text))}",
        "quoted" if _quoted(claim, doc) else "unquoted", "heading" if claim.sentence.heading else "prose",
        *(f"m_{_safe(ch)}" for ch in text),
    ]
    return " ".join(tokens)


# --- training examples -----------------------------------------------------------------------

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
        out.append((mention_features(c, doc), any(overlap(g, span) > 0 for g in gold)))
    return out


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
