"""Stage 2: jieba segmentation with a user dictionary built from zhfacts' own lexicons.

One private jieba.Tokenizer is used (the global one is left alone for other users), and the
unit, place and metric words are added to it so that "千瓦时", "科左后旗" or "贫困发生率"
come out as single tokens.
"""
from __future__ import annotations

from functools import lru_cache

import jieba
import jieba.posseg

from .resources import read_tsv
from .values import Document, Token

jieba.setLogLevel(60)


@lru_cache(maxsize=None)
def tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    tok.initialize()
    for row in read_tsv("units.tsv"):
        tok.add_word(row["surface"], freq=1000, tag="q")
    for row in read_tsv("metrics.tsv"):
        tok.add_word(row["zh"], freq=1000, tag="n")
    for row in read_tsv("place_aliases.tsv"):
        tok.add_word(row["alias"], freq=1000, tag="ns")
    return tok


def jieba_frequency(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 for unknown words)."""
    return tokenizer().FREQ.get(word, 0) or 0


def tokenize(doc: Document, windows: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens over the folded text, offsets into the document: the whole text, or only the given
    windows (segmenting a whole archive costs as much as everything else together, and only the
    clauses around ambiguous numerals need words)."""
    spans = windows if windows is not None else [(0, len(doc.norm))]
    return [Token(a + w0, b + w0, doc.text[a + w0:b + w0])
            for w0, w1 in spans for _, a, b in tokenizer().tokenize(doc.norm[w0:w1], HMM=False)]


def first_word(text: str) -> str:
    """The first jieba word of a short string."""
    for word in tokenizer().cut(text, HMM=False):
        return word
    return ""


@lru_cache(maxsize=None)
def _pos_tokenizer() -> jieba.posseg.POSTokenizer:
    return jieba.posseg.POSTokenizer(tokenizer())


@lru_cache(maxsize=65536)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) pairs of a short phrase; run only on candidate windows, not documents."""
    return tuple((w.word, w.flag) for w in _pos_tokenizer().cut(text))
