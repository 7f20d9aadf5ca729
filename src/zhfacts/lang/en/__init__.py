"""The English language bundle (claims-spec section 5)."""
from __future__ import annotations

from functools import lru_cache

import regex

from ...codes import TIME_UNITS
from ...types import Document, Span, Table
from .. import register
from ..base import Language
from . import lexicon
from .folding import fold
from .gloss import metric_english
from .numbers import find_mentions
from .places import division, find_places, people_places, place_english, place_key
from .sentences import clause_bounds, split_sentences, window
from .times import document_year, find_times
from .words import meaning, tokenize, word_windows

#: A run of capitalised words holding a number word: a slogan or a name ("Two Assurances and
#: Three Guarantees", "Four Comprehensives"), not a quantity.
_TITLE_WORD = r"\p{Lu}[\p{Ll}'-]+"
_QUOTED = regex.compile(r'"([^"\n]{1,60})"')
_BRACKETED = regex.compile(r"\(([^()\n]{1,60})\)")


def set_phrases(norm: str) -> list[Span]:
    """Capitalised runs with a capitalised number word in them, other than at a sentence start."""
    numbers = lexicon.alternation([w.capitalize() for w in lexicon.words_of("ones") + lexicon.words_of("tens")])
    pattern = regex.compile(rf"(?<=[\p{{L}},;:\"]\s+|\")(?:{_TITLE_WORD}\s+(?:(?:and|of|the)\s+)?)*(?:{numbers})"
                            rf"(?:\s+(?:(?:and|of|the)\s+)?{_TITLE_WORD})+")
    return [Span(m.start(), m.end()) for m in pattern.finditer(norm)]


def quoted(norm: str) -> list[Span]:
    """The insides of short quotations, where a number is part of a name."""
    return [Span(m.start(1), m.end(1)) for m in _QUOTED.finditer(norm) if len(m.group(1).split()) <= 6]


def bracketed(norm: str) -> list[Span]:
    return [Span(m.start(1), m.end(1)) for m in _BRACKETED.finditer(norm)]


def is_dateline(text: str) -> bool:
    """A line that is only a date or a date with a source ("2020-07-26 11:42:58 Source: ...")."""
    return bool(regex.match(r"\s*(?:\d{4}-\d{2}-\d{2}|\p{Lu}\p{Ll}+\.? \d{1,2}(?:st|nd|rd|th)? \d{4})", text))


@lru_cache(maxsize=None)
def _caption_pattern() -> regex.Pattern:
    return regex.compile(rf"\s*(?:{lexicon.alternation(lexicon.grammar('caption_labels'))})\s*\d+", regex.IGNORECASE)


def is_caption(text: str) -> bool:
    """A table's or a figure's caption ("Figure 2  Output, 2016-2020"): it heads no section."""
    return _caption_pattern().match(text) is not None


def find_tables(doc: Document) -> list[Table]:
    """No TAB-separated table is read cell by cell in English yet: its numbers are read as prose."""
    return []


def same_place(a: str, b: str) -> bool:
    """One place when the names agree without case and administrative words ("Guizhou Province" = "guizhou")."""
    return bool(a) and bool(b) and place_key(a) == place_key(b)


def load() -> None:
    """spaCy's English tokenizer."""
    from .words import _nlp

    _nlp()


BUNDLE = Language(
    code="en", scripts=("en-US", "en-GB"), lexicon=lexicon.LEXICON,
    time_units=TIME_UNITS | {"week"}, traditional=frozenset(),
    fold=fold, split_sentences=split_sentences, find_mentions=find_mentions, find_tables=find_tables,
    word_windows=word_windows, tokenize=tokenize, find_times=find_times, document_year=document_year,
    find_places=find_places, set_phrases=set_phrases, quoted=quoted, bracketed=bracketed,
    is_dateline=is_dateline, is_caption=is_caption, people_places=people_places,
    clause_bounds=clause_bounds, window=window, division=division,
    place_english=place_english, gloss=metric_english, meaning=meaning, place_key=place_key,
    same_place=same_place, factcheck_words=lexicon.factcheck_words, load=load,
)

register(BUNDLE)
