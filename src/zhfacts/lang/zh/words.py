"""Stage 2: jieba segmentation with a user dictionary built from zhfacts' own lexicons.

One private jieba.Tokenizer is used (the global one is left alone for other users), and the
unit, place and metric words are added to it so that "千瓦时", "科左后旗" or "贫困发生率"
come out as single tokens.

jieba loads its whole prefix dictionary (half a million entries) at every start, which costs
more than segmenting a short document. Here the dictionary with zhfacts' words is built once
into a trie of jieba's prefix dictionary in the cache, with each word's frequency and part of
speech, and memory-mapped: the same words, frequencies and total as jieba's own tables, so the
same segmentation, opened in a millisecond.
"""
from __future__ import annotations

import hashlib
import sys
from array import array
from dataclasses import dataclass
from functools import lru_cache
from math import log
from pathlib import Path
from typing import Sequence


def _import_jieba():
    """jieba imports pkg_resources (a tenth of a second or more) only to open its own data
    files, and falls back to plain open() without it; it is kept out while jieba loads."""
    if "pkg_resources" in sys.modules:
        import jieba
        return jieba
    sys.modules["pkg_resources"] = None
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()

from ...diskcache import cached_path, read_sections, write_sections
from ...types import Document, Token
from . import lexicon
from .numerals import numeral_chars
from .sentences import clause_bounds

jieba.setLogLevel(60)

#: Frequency given to zhfacts' own words, as jieba's add_word would.
_OWN_FREQ = 1000


def _own_words() -> list[tuple[str, str]]:
    """(word, tag) of zhfacts' lexicons, in the order jieba's add_word would take them."""
    return ([(surface, "q") for surface in lexicon.unit_surfaces()]
            + [(word, "n") for word in lexicon.metric_glossary()]
            + [(alias, "ns") for alias in lexicon.place_aliases()])


class TrieTokenizer(jieba.Tokenizer):
    """jieba's segmenter with the word graph read from a trie of jieba's prefix dictionary: the
    runs of text that start at a position are probed while they are prefixes of some word, the
    graph jieba builds by probing its prefix dict.

    ``FREQ`` holds the frequencies of the words the graphs have met so far, which are all that
    jieba's route and HMM steps look up; ``frequency`` asks the trie for any word.
    """

    def __init__(self, words: "Dictionary"):
        super().__init__()
        self.FREQ: dict[str, int] = {}
        self.total = words.total
        self._log_total = log(words.total)
        self.user_word_tag_tab = dict(_own_words())
        self.initialized = True
        self._trie = words.trie
        self._freq = words.freq
        self._tag_codes = words.tag_codes
        self._tag_names = words.tag_names
        self._runs = _Runs(self)

    def _key(self, text: str) -> int | None:
        """The trie's key id of a word or prefix of one; None for any other text (a lone
        surrogate, which has no UTF-8 form, is none)."""
        try:
            return self._trie.get(text)
        except UnicodeEncodeError:
            return None

    def frequency(self, word: str) -> int:
        key = self._key(word)
        return self._freq[key] if key is not None else 0

    def word_tag(self, word: str) -> str:
        """The word's part of speech as ``tag`` reports it: a lexicon word's own tag, else the
        dictionary's unless it is a plain noun; "" for a plain noun or a word not known."""
        key = self._key(word)
        return self._tag_names[self._tag_codes[key]] if key is not None else ""

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        runs, n = self._runs, len(sentence)
        dag = {}
        for k in range(n):
            ends = []
            for i in range(k + 1, n + 1):
                weight = runs[sentence[k:i]]
                if weight is None:
                    break
                if weight:
                    ends.append(i - 1)
            dag[k] = ends or [k]
        return dag

    def _route(self, sentence: str) -> list[int]:
        """Where the word jieba's route takes at each position ends: ``get_DAG`` and jieba's
        ``calc`` in one pass, right to left, each position's words probed and weighed as they are
        found. The same sums of the same weights in the same order (a character the dictionary
        does not know weighs log(1) - log(total)), the same choice as jieba's max() (on equal
        sums, the longer word)."""
        n, runs = len(sentence), self._runs
        score, end = [0.0] * (n + 1), [0] * n
        for k in range(n - 1, -1, -1):
            best = None
            for i in range(k + 1, n + 1):
                weight = runs[sentence[k:i]]
                if weight is None:
                    break
                if weight and (best is None or weight + score[i] >= best):
                    best, end[k] = weight + score[i], i
            if best is None:  # no word starts here: the character alone
                best, end[k] = -self._log_total + score[k + 1], k + 1
            score[k] = best
        return end

    def words(self, sentence: str, hmm: bool) -> list[str]:
        """jieba's ``lcut(sentence, HMM=hmm)``, the same words, built as one list: the runs of
        Han letters, digits and a few symbols are cut by the route, every other character stands
        alone (a line break "\\r\\n" as one)."""
        out: list[str] = []
        for i, block in enumerate(jieba.re_han_default.split(sentence)):
            if i % 2:  # a run the split pattern matched
                self._cut_block(block, hmm, out)
            else:
                for piece in jieba.re_skip_default.split(block):
                    if jieba.re_skip_default.match(piece):
                        out.append(piece)
                    else:
                        out.extend(piece)
        return out

    def _cut_block(self, block: str, hmm: bool, out: list[str]) -> None:
        """jieba's cut of one run along the route. Without the HMM, single letters and digits in
        a row are joined; with it, single characters in a row that make no dictionary word are
        cut by jieba's HMM (finalseg), and those that make one stand alone."""
        end = self._route(block)
        x, n, buf = 0, len(block), ""
        while x < n:
            y = end[x]
            word = block[x:y]
            if y - x == 1 and (hmm or jieba.re_eng.match(word)):
                buf += word
            else:
                if buf:
                    self._flush(buf, hmm, out)
                    buf = ""
                out.append(word)
            x = y
        if buf:
            self._flush(buf, hmm, out)

    def _flush(self, buf: str, hmm: bool, out: list[str]) -> None:
        if not hmm or len(buf) == 1:
            out.append(buf)
        elif not self.FREQ.get(buf):
            out.extend(jieba.finalseg.cut(buf))
        else:
            out.extend(buf)

    def _run(self, run: str) -> float | None:
        """The weight of a run of text in jieba's route, asked of the trie (and a word's frequency
        kept in ``FREQ``)."""
        key = self._key(run)
        if key is None:
            return None
        freq = self._freq[key]
        if not freq:
            return 0.0
        self.FREQ[run] = freq
        return log(freq) - self._log_total


class _Runs(dict):
    """Each run of text probed so far -> its weight in jieba's route, log(frequency) - log(total)
    (the same float jieba's ``calc`` computes, looked up instead of recomputed), 0.0 for a prefix
    of words that is no word (a word weighs less than 0), None for a run that is no prefix of any
    word: a dict probe per character, as jieba's own prefix dictionary gives, instead of a trie
    search per position. A run is asked of the trie the first time it is probed. The runs kept are
    the prefixes of dictionary words and one character past them, so the table is bounded by the
    dictionary, not by the documents read."""

    def __init__(self, tokenizer: TrieTokenizer):
        super().__init__()
        self._tokenizer = tokenizer

    def __missing__(self, run: str) -> float | None:
        weight = self[run] = self._tokenizer._run(run)
        return weight


def _dictionary_key() -> str:
    words = "\n".join(f"{w} {t}" for w, t in _own_words())
    return hashlib.sha1(f"{jieba.__version__} {sys.byteorder}\n{words}".encode("utf-8")).hexdigest()[:16]


#: Noun tags that a word not in the dictionary gets anyway ("nz"): not kept with the words.
_NOUN_TAGS = frozenset({"n", "nr", "nz", "nt", "ng", "nrfg"})


@dataclass(frozen=True)
class Dictionary:
    """jieba's prefix dictionary with zhfacts' words added (add_word's rules: the word's
    frequency set, the total raised by it): every word and every prefix of a word as the keys of
    a marisa trie, and by key id the frequency (0 for a prefix that is no word) and the code of
    the part of speech ``tag`` reports (a lexicon word's own, else the dictionary's other than a
    plain noun), kept together so one trie probe gives both. Built in memory, or mapped from the
    cache file, whose pages are read as the words are met."""

    trie: object
    freq: Sequence[int]
    tag_codes: Sequence[int]
    tag_names: tuple[str, ...]
    total: int


def _build_dictionary() -> Dictionary:
    import marisa_trie

    freq, total = jieba.Tokenizer.gen_pfdict(jieba.Tokenizer().get_dict_file())
    tags: dict[str, str] = {}
    with jieba.Tokenizer().get_dict_file() as fh:
        for line in fh:
            parts = line.decode("utf-8").split()
            if len(parts) == 3 and parts[2] not in _NOUN_TAGS:
                tags[parts[0]] = parts[2]
    for word, tag in _own_words():
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
        freq[word] = _OWN_FREQ
        total += _OWN_FREQ
        tags[word] = tag
    trie = marisa_trie.Trie(freq)
    names = ("", *sorted(set(tags.values())))
    code = {name: i for i, name in enumerate(names)}
    keys = sorted((trie.key_id(w), w) for w in freq)
    return Dictionary(trie, array("I", (freq[w] for _, w in keys)),
                      bytes(code[tags.get(w, "")] for _, w in keys), names, total)


#: Kind of the dictionary file: a file of another layout fails on it.
_KIND = "zhfacts-words-1"


def _write_dictionary(words: Dictionary, path: Path) -> None:
    """The trie, the frequencies as native 4-byte integers and the tag codes, one byte a key;
    the total and the tag names in the header."""
    write_sections(path, _KIND, [str(words.total), *words.tag_names[1:]],
                   [words.trie.tobytes(), array("I", words.freq).tobytes(), bytes(words.tag_codes)])


def _read_dictionary(path: Path) -> Dictionary:
    """The dictionary file memory-mapped; ValueError when it is truncated or no such file."""
    import marisa_trie

    (total, *names), (trie_bytes, freq, tag_codes) = read_sections(path, _KIND)
    trie = marisa_trie.Trie()
    trie.map(trie_bytes)  # the map stays open while the frequencies and tags are read from it
    freq = freq.cast("I")
    if not len(trie) == len(freq) == len(tag_codes):
        raise ValueError(f"{path}: its words, frequencies and tags do not match")
    return Dictionary(trie, freq, tag_codes, ("", *names), int(total))


@lru_cache(maxsize=None)
def tokenizer() -> TrieTokenizer:
    words = None
    for rebuild in (False, True):
        path = cached_path("jieba", f"{_dictionary_key()}.words",
                           lambda tmp: _write_dictionary(_build_dictionary(), tmp), rebuild=rebuild)
        if path is None:
            break
        try:
            words = _read_dictionary(path)
            break
        except (OSError, RuntimeError, UnicodeDecodeError, ValueError):
            continue  # truncated or foreign: built again
    return TrieTokenizer(words or _build_dictionary())


def jieba_frequency(word: str) -> int:
    """How often jieba's dictionary has seen ``word`` (0 for unknown words)."""
    return tokenizer().frequency(word)


def tokenize(doc: Document, windows: list[tuple[int, int]] | None = None) -> list[Token]:
    """Tokens over the folded text, offsets into the document: the whole text, or only the given
    windows (segmenting a whole archive costs as much as everything else together, and only the
    clauses around ambiguous numerals need words)."""
    spans = windows if windows is not None else [(0, len(doc.norm))]
    out = []
    for w0, w1 in spans:
        a = w0
        for word in tokenizer().words(doc.norm[w0:w1], hmm=False):
            out.append(Token(a, a + len(word), doc.text[a:a + len(word)]))
            a += len(word)
    return out


def first_word(text: str) -> str:
    """The first jieba word of a short string."""
    found = tokenizer().words(text, hmm=True)
    return found[0] if found else ""


@lru_cache(maxsize=65536)
def tag(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) pairs of a short phrase, run only on candidate windows. A plain
    noun, or a word the dictionary does not know (a name, a new compound), is tagged "nz"."""
    tok = tokenizer()
    return tuple((w, tok.word_tag(w) or ("nz" if w.isalpha() else "x")) for w in tok.words(text, hmm=True))


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
