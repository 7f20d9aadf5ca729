"""Metric rules for English (claims-spec section 5): a short noun phrase of the text, read from
spaCy's English tokens (``spacy.blank("en")``) and the closed word classes of grammar.tsv: the
counted noun phrase after the number ("98.99 million rural residents" -> "rural residents"), the
phrase after "of" ("40% of China's people"), else the subject before the verb that states the
number ("the local poverty rate was 25.8%" -> "poverty rate"), else the content words before it."""
from __future__ import annotations

from ....codes import Slot
from ....registry import rule
from .. import lexicon
from ..words import words

#: Most words a metric phrase holds.
_LONGEST = 5


def _content(token: str) -> bool:
    return token[:1].isalpha() and token.lower() not in lexicon.grammar("phrase_stops")


def _tokens(ask, a: int, b: int):
    return words(ask.norm[a:b], a)


def _phrase(tokens) -> tuple[str, int, int] | None:
    tokens = list(tokens)
    while tokens and (tokens[0].text.lower() in lexicon.grammar("determiners") or tokens[0].text in ("'s", "'")):
        tokens = tokens[1:]
    if not tokens:
        return None
    return " ".join(t.text for t in tokens).replace(" 's", "'s").replace(" - ", "-"), tokens[0].start, tokens[-1].end


@rule("en", Slot.METRIC, "phrase_after", order=10)
def phrase_after(ask):
    """The noun phrase right after the number and its unit, "of" skipped: "4,056 households",
    "20,000 mu of apples planted", "40% of China's people"."""
    m = ask.mention
    _, clause_end = ask.ctx.clause_bounds(m.end)
    tokens = _tokens(ask, m.end, clause_end)
    if tokens and tokens[0].text.lower() == "of":
        tokens = tokens[1:]
        if tokens and tokens[0].text.lower() == "the":
            tokens = tokens[1:]
    if tokens and tokens[0].text.lower() in lexicon.grammar("noun_openers"):
        tokens = tokens[1:]
    taken = []
    for t in tokens:
        if t.text == "'s" and taken:
            taken.append(t)
            continue
        if not _content(t.text) or len(taken) >= _LONGEST:
            break
        taken.append(t)
    found = _phrase(taken)
    if found:
        yield found


@rule("en", Slot.METRIC, "subject_phrase", order=20)
def subject_phrase(ask):
    """The noun phrase before the verb that states the number in its clause: "the local poverty
    rate was 25.8%", "Yinchuan's wetlands cover 19,200 hectares"."""
    m = ask.mention
    start = m.qualifier_start if m.qualifier_start >= 0 else m.start
    clause_start, _ = ask.ctx.clause_bounds(m.start)
    tokens = _tokens(ask, clause_start, start)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].text.lower() in lexicon.grammar("copulas"):
            before = []
            for t in reversed(tokens[:i]):
                if (not _content(t.text) and t.text != "'s") or len(before) >= _LONGEST:
                    break
                before.insert(0, t)
            found = _phrase(before)
            if found:
                yield found
            return


@rule("en", Slot.METRIC, "words_before", order=30)
def words_before(ask):
    """The content words right before the number in its clause."""
    m = ask.mention
    start = m.qualifier_start if m.qualifier_start >= 0 else m.start
    clause_start, _ = ask.ctx.clause_bounds(m.start)
    before = []
    for t in reversed(_tokens(ask, clause_start, start)):
        if not _content(t.text) or len(before) >= _LONGEST:
            if before:
                break
            continue
        before.insert(0, t)
    found = _phrase(before)
    if found:
        yield found


@rule("en", Slot.METRIC, "no_metric", order=40)
def no_metric(ask):
    """No phrase found."""
    yield "", -1, -1
