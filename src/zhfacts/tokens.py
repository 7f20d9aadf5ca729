"""Stage 2: jieba segmentation with a user dictionary built from zhfacts' own lexicons.

One private jieba.Tokenizer is used (the global one is left alone for other users), and the
unit, place and metric words are added to it so that "千瓦时", "科左后旗" or "贫困发生率"
come out as single tokens.
"""
from __future__ import annotations

from functools import lru_cache

import jieba

from .diskcache import WordTable, cache_dir, cache_path
from .resources import read_tsv
from .values import Document, Token

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
