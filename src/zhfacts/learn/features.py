"""Feature texts of the learned decider: one short text of whitespace-separated tokens per
metric candidate (for the ranker) and per mention (for the claim filter)."""
from __future__ import annotations

from functools import lru_cache

import regex

from ..lang.zh import lexicon
from ..lang.zh.lexicon import punctuation
from ..lang.zh.places import has_place_suffix
from ..lang.zh.words import tag
from ..types import Claim, Document

_QUALIFIERS = {"=": "eq", ">": "gt", ">=": "ge", "<": "lt", "<=": "le", "~": "approx"}


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
    for chars, name in (("，,", "comma"), ("。！？!?", "stop"), (punctuation("list"), "list"), ("；;", "semi"),
                        ("：:", "colon"), (punctuation("open_quote") + punctuation("close_quote") + "\"", "quote"),
                        (punctuation("bracket"), "paren")):
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
    return tuple(lexicon.metric_glossary())


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
    depth = sum(before.count(q) for q in punctuation("open_quote")) - sum(before.count(q) for q in punctuation("close_quote"))
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


