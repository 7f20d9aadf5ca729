"""English words: spaCy's rule-based English tokenizer (``spacy.blank("en")``; no trained model
is loaded or downloaded), with offsets into the document."""
from __future__ import annotations

from functools import lru_cache

from ...types import Document, Token


@lru_cache(maxsize=None)
def _nlp():
    import spacy  # loaded when a document first needs words

    return spacy.blank("en")


def words(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``, offsets shifted by ``offset``."""
    return [Token(t.idx + offset, t.idx + offset + len(t.text), t.text) for t in _nlp().tokenizer(text)
            if not t.is_space]


def stem(word: str) -> str:
    """A crude English stem that joins singular and plural ("counties" = "county", "parks" = "park")."""
    w = word.lower().strip("'")
    for suffix, to in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            return w[: -len(suffix)] + to
    return w


def content_stems(text: str) -> list[str]:
    """The stems of the content words of an English phrase, in order (function words left out)."""
    from .lexicon import grammar

    stops = grammar("phrase_stops") | grammar("determiners")
    return [stem(t.text) for t in words(text) if t.text[:1].isalpha() and t.text.lower() not in stops]


def meaning(metric: str) -> tuple[frozenset[str], frozenset[str]]:
    """(stems of the metric's content words, the stem of its head: its last content word)."""
    from .lexicon import counted_nouns

    found = [t.text for t in words(metric) if t.text[:1].isalpha()]
    stems = content_stems(metric)
    nouns = [stem(w) for w in found if w.lower() in counted_nouns() or (w.lower().endswith("s") and stem(w) in stems)]
    return frozenset(stems), frozenset((nouns or stems)[-1:])


def word_windows(doc: Document, mentions: list) -> list[tuple[int, int]]:
    """The whole text: English words are cheap to find."""
    return [(0, len(doc.norm))]


def tokenize(doc: Document, windows: list[tuple[int, int]] | None = None) -> list[Token]:
    spans = windows if windows is not None else [(0, len(doc.norm))]
    return [t for a, b in spans for t in words(doc.norm[a:b], a)]
