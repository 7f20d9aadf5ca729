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


def word_windows(doc: Document, mentions: list) -> list[tuple[int, int]]:
    """The whole text: English words are cheap to find."""
    return [(0, len(doc.norm))]


def tokenize(doc: Document, windows: list[tuple[int, int]] | None = None) -> list[Token]:
    spans = windows if windows is not None else [(0, len(doc.norm))]
    return [t for a, b in spans for t in words(doc.norm[a:b], a)]
