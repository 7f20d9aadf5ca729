"""English sentences (claims-spec 2.1): a sentence ends at . ! ? (with closing quotes after them)
followed by a blank, except after an abbreviation ("Co.", "No.") or an initial; every line is a
paragraph, and a line without sentence-final punctuation is a heading."""
from __future__ import annotations

import regex

from ...types import Document, Sentence
from ..base import clause_window, text_lines
from .lexicon import grammar

_END = regex.compile(r"""[.!?…]+["')\]]*(?=\s|$)""")
_FINAL = tuple('.!?…"\')')
#: Clause punctuation: a comma between digits ("4,056") separates no clause.
_CLAUSE = ";:—()\n"
_LIST = ","
#: Where a sentence window may be cut: clause punctuation and a comma not between digits.
_CLAUSE_MARK = regex.compile(r"[;:—()]|,(?!\d)|(?<!\d),")


def _abbreviation(norm: str, end: int) -> bool:
    """Whether the full stop ending at ``end`` closes an abbreviation or an initial ("J.")."""
    word = regex.search(r"[\p{L}.]+\.$", norm[max(0, end - 8):end])
    return bool(word) and (word.group().lower() in grammar("abbreviations") or regex.fullmatch(r"\p{Lu}\.", word.group()) is not None)


def split_sentences(doc: Document) -> list[Sentence]:
    """Sentences in document order; a line without sentence-final punctuation is a heading."""
    norm, out = doc.norm, []
    for paragraph, a, b in text_lines(doc.text):
        heading = not norm[a:b].rstrip().endswith(_FINAL)
        start = a
        for m in _END.finditer(norm, a, b):
            if m.group().startswith(".") and _abbreviation(norm, m.start() + 1):
                continue
            out.append(Sentence(start, m.end(), ((start, m.end()),), heading, paragraph))
            start = m.end()
            while start < b and norm[start].isspace():
                start += 1
        if start < b:
            out.append(Sentence(start, b, ((start, b),), heading, paragraph))
    return out


def clause_bounds(norm: str, pos: int, lists: bool = False) -> tuple[int, int]:
    """The clause around pos: from after clause punctuation (a comma not between digits, and
    with ``lists`` every comma) or a sentence end before it, to the next one."""
    def is_break(i: int) -> bool:
        ch = norm[i]
        if ch in _CLAUSE:
            return True
        if ch == ",":
            between_digits = 0 < i < len(norm) - 1 and norm[i - 1].isdigit() and norm[i + 1].isdigit()
            return not between_digits
        return ch in ".!?" and (i + 1 == len(norm) or norm[i + 1].isspace())

    a = pos
    while a > 0 and not is_break(a - 1):
        a -= 1
    b = pos
    while b < len(norm) and not is_break(b):
        b += 1
    return a, b


def window(doc: Document, s: Sentence, start: int, end: int) -> str:
    """The claim with part of its sentence either side, cut after clause punctuation (base.clause_window)."""
    return clause_window(doc, s, start, end, _CLAUSE_MARK)
