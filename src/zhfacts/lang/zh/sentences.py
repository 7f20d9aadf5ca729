"""Stage 1b: sentences per claims-spec 2.1.

A sentence ends at 。！？!? (with closing quotes after them) and at a paragraph break, except
a break inside a sentence: a line that stops without sentence-final punctuation after prose
(it holds clause punctuation) runs on into the next prose line, skipping short unpunctuated
lines between them (a photo caption or page furniture dropped into the paragraph).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import regex

from ...types import Document, Sentence
from ..base import clause_window, text_lines
from .lexicon import punctuation
from .times import YEAR

_END = regex.compile(f"[{regex.escape(punctuation('sentence_end'))}]+[{regex.escape(punctuation('closing'))}]*")
_FINAL = tuple(punctuation("line_final"))
#: A clause mark. A class of plain characters is found sooner by ``re`` than by ``regex``.
_CLAUSE = re.compile(f"[{re.escape(punctuation('clause_mark'))}]")
_CAPTION_MAX = 20
#: A block label: a year (and a few words) and a colon opening a line or a sentence
#: ("2019年：", "2020年完成情况："); it heads the block after it like a heading.
_LABEL = regex.compile(rf"{YEAR}年[\p{{Han}}]{{0,6}}[{regex.escape(punctuation('label'))}]")


_ENUMERATOR = regex.compile(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、])")
#: A list item's enumerator: a section number, "（二）", "2.", or "一是", "其二，".
ITEM = regex.compile(r"\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.、](?!\d)"
                     r"|[一二三四五六七八九十]+是|其[一二三四五六七八九十]+[，,、是])")


def _is_prose(norm: str, a: int, b: int) -> bool:
    """A line of running text: clause punctuation, and no section number opening a heading
    ("三、加大宏观政策实施力度，着力稳企业保就业" is a heading despite its comma)."""
    if _ENUMERATOR.match(norm, a, b) and not _END.search(norm, a, b):
        return False
    return bool(_CLAUSE.search(norm, a, b))


def _blocks(doc: Document) -> list[tuple[tuple[int, int], ...]]:
    """Paragraphs as tuples of line ranges, a mid-sentence break joined across."""
    lines, norm = [(a, b) for _, a, b in text_lines(doc.text)], doc.norm
    blocks: list[tuple[tuple[int, int], ...]] = []
    i = 0
    if lines and not norm[lines[0][0]:lines[0][1]].endswith(_FINAL):
        blocks.append((lines[0],))  # the first line without final punctuation is the title
        i = 1
    while i < len(lines):
        parts = [lines[i]]
        while not norm[parts[-1][0]:parts[-1][1]].endswith(_FINAL) and _is_prose(norm, *parts[-1]):
            j = i + 1
            while j < len(lines) and not _is_prose(norm, *lines[j]) and lines[j][1] - lines[j][0] <= _CAPTION_MAX:
                j += 1
            if j >= len(lines) or not _is_prose(norm, *lines[j]):
                break
            blocks.extend((line,) for line in lines[i + 1:j])  # the skipped caption lines
            parts.append(lines[j])
            i = j
        blocks.append(tuple(parts))
        i += 1
    blocks.sort(key=lambda parts: parts[0][0])
    return blocks


def split_sentences(doc: Document) -> list[Sentence]:
    """Sentences in document order; a heading (a line without sentence punctuation) is one too."""
    out: list[Sentence] = []
    for paragraph, parts in enumerate(_blocks(doc)):
        title = paragraph == 0
        heading = len(parts) == 1 and not _END.search(doc.norm, *parts[0]) and (title or not _is_prose(doc.norm, *parts[0]))
        current: list[tuple[int, int]] = []
        for a, b in parts:
            pos = a
            label = _LABEL.match(doc.norm, a, b)
            if label and not current:
                out.append(Sentence(a, label.end(), ((a, label.end()),), True, paragraph))
                pos = label.end()
            for m in _END.finditer(doc.norm, pos, b):
                current.append((pos, m.end()))
                out.append(Sentence(current[0][0], current[-1][1], tuple(current), heading, paragraph))
                current, pos = [], m.end()
                label = _LABEL.match(doc.norm, pos, b)
                if label:
                    out.append(Sentence(pos, label.end(), ((pos, label.end()),), True, paragraph))
                    pos = label.end()
            if pos < b:
                current.append((pos, b))
        if current:
            out.append(Sentence(current[0][0], current[-1][1], tuple(current), heading, paragraph))
    return sorted((s for s in out if s.parts), key=lambda s: s.start)


@lru_cache(maxsize=8)
def _break_offsets(norm: str, breaks: str) -> list[int]:
    """Offsets of a document's clause breaks and line ends, found once per document so that
    clause bounds cost a bisection, not a walk through a clause that may be the whole line."""
    return [m.start() for m in _break_class(breaks).finditer(norm)]


@lru_cache(maxsize=None)
def _break_class(breaks: str) -> re.Pattern:
    """Any one of the break characters: a character class finds them a few times faster than a
    test of every character in Python, and ``re`` finds a class of plain characters sooner than
    ``regex``."""
    return re.compile(f"[{re.escape(breaks)}]")


@lru_cache(maxsize=None)
def _breaks(lists: bool) -> str:
    """The characters that end a clause: clause punctuation, the enumeration comma with ``lists``,
    and the line break."""
    return punctuation("clause") + (punctuation("list") if lists else "") + "\n"


def clause_bounds(norm: str, pos: int, lists: bool = False) -> tuple[int, int]:
    """The clause around pos: from after clause punctuation (and the enumeration comma with
    ``lists``) or a line break before it, to the next one."""
    offsets = _break_offsets(norm, _breaks(lists))
    i = bisect_left(offsets, pos)
    return (offsets[i - 1] + 1 if i else 0), (offsets[i] if i < len(offsets) else len(norm))


def window(doc: Document, s: Sentence, start: int, end: int) -> str:
    """The claim with part of its sentence either side, cut after clause punctuation (base.clause_window)."""
    return clause_window(doc, s, start, end, _CLAUSE)
