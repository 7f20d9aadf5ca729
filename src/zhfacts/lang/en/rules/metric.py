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
from .unit import counted_noun

#: Most words a metric phrase holds.
_LONGEST = 7


def _content(token: str) -> bool:
    """A word a metric may hold: no function word, and no verb that states a number ("cover", "rose")."""
    return token[:1].isalpha() and token.lower() not in lexicon.grammar("phrase_stops") and \
        token.lower() not in lexicon.grammar("copulas")


def _tokens(ask, a: int, b: int):
    return words(ask.norm[a:b], a)


def _phrase(tokens) -> tuple[str, int, int] | None:
    tokens = list(tokens)
    while tokens and (tokens[0].text.lower() in lexicon.grammar("determiners") or tokens[0].text in ("'s", "'")):
        tokens = tokens[1:]
    if not tokens:
        return None
    return " ".join(t.text for t in tokens).replace(" 's", "'s").replace(" - ", "-"), tokens[0].start, tokens[-1].end


def _ending(tokens, skip_leading: bool) -> list:
    """The content words that end ``tokens``, with "'s" and an "of" between them ("disposable
    income of rural residents"); ``skip_leading`` first passes over function words and verbs at the end, not over a
    conjunction or punctuation ("the county built 86 clinics and added 3,800 jobs")."""
    before: list = []
    for t in reversed(tokens):
        low = t.text.lower()
        if before and (t.text == "'s" or (low == "of" and before[0].text.lower() != "of")):
            before.insert(0, t)
            continue
        if not _content(t.text) or len(before) >= _LONGEST:
            if before or not skip_leading or not t.text[:1].isalnum() or low in lexicon.grammar("conjunctions"):
                break
            continue
        before.insert(0, t)
    while before and before[0].text.lower() == "of":
        before = before[1:]
    return before


@rule("en", Slot.METRIC, "phrase_after", order=10)
def phrase_after(ask):
    """The noun phrase right after the number and its unit, "of" skipped, up to its counted noun:
    "4,056 households", "20,000 mu of apples", "40% of China's people", "40 enterprises"
    (not "enterprises joined")."""
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
    _, _, head_end = counted_noun(ask)
    if any(t.end == head_end for t in taken):  # the phrase ends with its counted noun, before the verb
        taken = [t for t in taken if t.end <= head_end]
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
            found = _phrase(_ending(tokens[:i], skip_leading=False))
            if found:
                yield found
            return


@rule("en", Slot.METRIC, "words_before", order=30)
def words_before(ask):
    """The content words right before the number in its clause, "of" between them kept
    ("disposable income of rural residents reached 12,588 yuan")."""
    m = ask.mention
    start = m.qualifier_start if m.qualifier_start >= 0 else m.start
    clause_start, _ = ask.ctx.clause_bounds(m.start)
    before = _ending(_tokens(ask, clause_start, start), skip_leading=True)
    found = _phrase(before)
    if found:
        yield found


@rule("en", Slot.METRIC, "no_metric", order=40)
def no_metric(ask):
    """No phrase found."""
    yield "", -1, -1
