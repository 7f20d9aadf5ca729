"""Metric rules for English (claims-spec section 5): a short noun phrase of the text, read from
spaCy's English tokens (``spacy.blank("en")``) and the closed word classes of grammar.tsv: the
counted noun phrase after the number ("98.99 million rural residents" -> "rural residents"), the
phrase after "of" ("40% of China's people"), else the subject before the verb that states the
number ("the local poverty rate was 25.8%" -> "poverty rate"), else what an amount of money is
spent on ("139.6 billion yuan in poverty relief funds"), else the content words before it. A
phrase of place or time at the end of a subject ("in the county", "in the first 11 months") says
where or when, not what is measured, and is left out."""
from __future__ import annotations

from ....codes import Slot
from ....registry import rule
from ....types import Token
from .. import lexicon
from ..words import stem, words
from .unit import counted_noun, noun_start

#: Most content words a metric phrase holds.
_LONGEST = 8


def _content(token: str) -> bool:
    """A word a metric may hold: no function word, and no verb that states a number ("cover", "rose")."""
    return token[:1].isalpha() and token.lower() not in lexicon.grammar("phrase_stops") and \
        token.lower() not in lexicon.grammar("copulas")


def _tokens(ask, a: int, b: int) -> list[Token]:
    """The words of ``norm[a:b]``, a hyphenated compound as one word ("year-on-year", "debt-to-GDP")."""
    out: list[Token] = []
    for t in words(ask.norm[a:b], a):
        if out and out[-1].end == t.start and (t.text == "-" or out[-1].text.endswith("-")):
            start = out.pop().start
            t = Token(start, t.end, ask.norm[start:t.end])
        out.append(t)
    return out


def _phrase(tokens) -> tuple[str, int, int] | None:
    tokens = list(tokens)
    while tokens and (tokens[0].text.lower() in lexicon.grammar("determiners") or tokens[0].text in ("'s", "'")):
        tokens = tokens[1:]
    if not tokens:
        return None
    return " ".join(t.text for t in tokens).replace(" 's", "'s"), tokens[0].start, tokens[-1].end


def _nouns(name: str) -> frozenset[str]:
    return frozenset(stem(w) for w in lexicon.grammar(name))


def _setting(tokens) -> bool:
    """Whether the words after a preposition name where or when: a year, a name ("in Henan",
    "from China", "in December"), or a place or time noun ("in rural areas", "in the first 11
    months", "at the end of the year")."""
    named = [t.text for t in tokens if t.text[:1].isalpha()]
    if not named:
        return any(t.text[:1].isdigit() for t in tokens)
    last = named[-1]
    return last[:1].isupper() or stem(last) in _nouns("place_nouns") | _nouns("time_nouns") or \
        last.lower() in lexicon.months()


def _without_setting(tokens) -> list:
    """``tokens`` with the phrases of place and time that end them cut off, while a content word
    stands before them: "grain output in Heilongjiang province" -> "grain output"; "investment
    in fixed assets" stays."""
    tokens = list(tokens)
    while True:
        for i in range(len(tokens) - 1, 0, -1):
            low = tokens[i].text.lower()
            if low in lexicon.grammar("conjunctions") or not (tokens[i].text[:1].isalnum() or tokens[i].text in ("-", "'s")):
                return tokens
            if low in lexicon.grammar("setting_prepositions"):
                if not (_setting(tokens[i + 1:]) and _content(tokens[i - 1].text)):
                    return tokens
                tokens = tokens[:i]
                break
        else:
            return tokens


def _ending(tokens, skip_leading: bool, joins: frozenset[str] = frozenset({"of"})) -> list:
    """The content words that end ``tokens``, with "'s", a preposition of ``joins`` ("of",
    "of the") and a bound word ("per capita") between them ("disposable income of rural
    residents"), not a verb after a modal ("will push"); ``skip_leading`` first passes over function
    words and verbs at the end, not over a conjunction or punctuation ("the county built 86 clinics
    and added 3,800 jobs")."""
    before: list = []
    content = 0
    for i in range(len(tokens) - 1, -1, -1):
        t = tokens[i]
        low = t.text.lower()
        prev = tokens[i - 1].text.lower() if i else ""
        if before:
            first = before[0].text.lower()
            joined = (t.text == "'s" or (low in joins and first not in joins) or
                      f"{low} {first}" in lexicon.grammar("bound_pairs") or
                      (low in lexicon.grammar("determiners") and prev in joins and _content(first)))
            if joined:
                before.insert(0, t)
                continue
        if not _content(t.text) or content >= _LONGEST or prev in lexicon.grammar("modals"):
            if before or not skip_leading or not t.text[:1].isalnum() or low in lexicon.grammar("conjunctions"):
                break
            continue
        before.insert(0, t)
        content += 1
    while before and before[0].text.lower() in joins:
        before = before[1:]
    return before


@rule("en", Slot.METRIC, "phrase_after", order=10)
def phrase_after(ask):
    """The noun phrase right after the number and its unit, "of" skipped, up to its counted noun:
    "4,056 households", "20,000 mu of apples", "40% of China's people", "40 enterprises"
    (not "enterprises joined"); a time after the number is no metric ("4.9% year on year", but
    "3.2% year-on-year growth rate")."""
    m = ask.mention
    _, clause_end = ask.ctx.clause_bounds(m.end)
    tokens = _tokens(ask, noun_start(ask.norm, m.end, clause_end), clause_end)
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
    if found and stem(taken[-1].text) not in _nouns("time_nouns"):
        yield found


@rule("en", Slot.METRIC, "subject_phrase", order=20)
def subject_phrase(ask):
    """The noun phrase before the verb that states the number in its clause, without its phrase of
    place or time: "the local poverty rate was 25.8%", "Yinchuan's wetlands cover 19,200
    hectares", "wheat prices in Henan rose 5 per cent"."""
    m = ask.mention
    start = m.qualifier_start if m.qualifier_start >= 0 else m.start
    clause_start, _ = ask.ctx.clause_bounds(m.start)
    tokens = _tokens(ask, clause_start, start)
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].text.lower() in lexicon.grammar("copulas"):
            while i and tokens[i - 1].text.lower() in lexicon.grammar("copulas"):
                i -= 1  # "have grown", "has been"
            subject = _without_setting(tokens[:i])
            found = _phrase(_ending(subject, skip_leading=False, joins=lexicon.grammar("subject_joins")))
            if found:
                yield found
            return


@rule("en", Slot.METRIC, "money_purpose", order=25)
def money_purpose(ask):
    """What an amount of money goes to, named after it behind "in", "on", "for" or "to" ("allocated
    139.6 billion yuan in poverty relief funds", "spent $240 billion on poverty alleviation"), not
    a place or time ("8 billion yuan in Guizhou")."""
    m = ask.mention
    unit = lexicon.unit_of(m.unit_surface or "-")
    if not ((unit and unit.category == "money") or m.unit in lexicon.currencies().values()):
        return
    _, clause_end = ask.ctx.clause_bounds(m.end)
    tokens = _tokens(ask, m.end, clause_end)
    if not tokens or tokens[0].text.lower() not in lexicon.grammar("purpose_prepositions"):
        return
    rest = tokens[1:]
    while rest and rest[0].text.lower() in lexicon.grammar("determiners"):
        rest = rest[1:]
    taken = []
    for t in rest:
        if not _content(t.text) or len(taken) >= _LONGEST:
            break
        taken.append(t)
    found = _phrase(taken)
    if found and not _setting(taken):
        yield found


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
