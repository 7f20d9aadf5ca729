"""Stage 2: jieba segmentation with a user dictionary built from zhfacts' own lexicons.

One private jieba.Tokenizer is used (the global one is left alone for other users), and the
unit, place and metric words are added to it so that "千瓦时", "科左后旗" or "贫困发生率"
come out as single tokens.
"""
from __future__ import annotations

from functools import lru_cache

import jieba

from ...diskcache import WordTable, cache_dir, cache_path
from . import lexicon
from .numerals import numeral_chars
from .sentences import clause_bounds
from ...types import Document, Token

jieba.setLogLevel(60)


@lru_cache(maxsize=None)
def tokenizer() -> jieba.Tokenizer:
    tok = jieba.Tokenizer()
    # jieba's dictionary cache goes to zhfacts' own directory, never a shared temporary file; when
    # that directory cannot be written, jieba's attempt fails quietly and leaves nothing behind.
    cache_dir()
    tok.tmp_dir = str(cache_path())
    tok.cache_file = f"jieba-{jieba.__version__}.cache"
    tok.initialize()
    for surface in lexicon.unit_surfaces():
        tok.add_word(surface, freq=1000, tag="q")
    for word in lexicon.metric_glossary():
        tok.add_word(word, freq=1000, tag="n")
    for alias in lexicon.place_aliases():
        tok.add_word(alias, freq=1000, tag="ns")
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
    for word in tokenizer().cut(text, HMM=True):
        return word
    return ""


#: Noun tags that a word not in the table gets anyway ("nz"): left out of the table, which
#: makes it a third of the size and as quick to load.
_NOUN_TAGS = frozenset({"n", "nr", "nz", "nt", "ng", "nrfg"})


@lru_cache(maxsize=None)
def _word_tags() -> WordTable:
    """jieba's dictionary part-of-speech tags other than plain nouns."""
    def parse() -> dict[str, str]:
        tags = {}
        with tokenizer().get_dict_file() as fh:
            for line in fh:
                parts = line.decode("utf-8").split()
                if len(parts) == 3 and parts[2] not in _NOUN_TAGS:
                    tags[parts[0]] = parts[2]
        return tags

    return WordTable("wordtags", jieba.__version__, parse)


@lru_cache(maxsize=65536)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) pairs of a short phrase, run only on candidate windows. A plain
    noun, or a word the dictionary does not know (a name, a new compound), is tagged "nz"."""
    tags, own = _word_tags(), tokenizer().user_word_tag_tab
    return tuple((w, own.get(w) or tags.get(w, "nz" if w.isalpha() else "x")) for w in tokenizer().cut(text, HMM=True))


def single_numeral(m, norm: str) -> bool:
    """A one-character Chinese numeral (一, 万 ...), the kind that is often part of a word."""
    return m.end - m.start - len(m.unit_surface) == 1 and norm[m.start] in numeral_chars()


#: Characters of context on each side of a one-character numeral that decide its word.
_WORD_CONTEXT = 6


def word_windows(doc: Document, mentions: list) -> list[tuple[int, int]]:
    """Short windows, within the clause, around each one-character Chinese numeral: the only
    places where words must be known."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        if single_numeral(m, doc.norm):
            a, b = clause_bounds(doc.norm, m.start)
            a, b = max(a, m.start - _WORD_CONTEXT), min(b, m.end + _WORD_CONTEXT)
            if out and a < out[-1][1]:
                out[-1] = (out[-1][0], max(b, out[-1][1]))
            else:
                out.append((a, b))
    return out
