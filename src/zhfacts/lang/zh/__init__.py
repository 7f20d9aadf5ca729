"""The Chinese language bundle (simplified, and traditional folded to simplified)."""
from __future__ import annotations

import regex

from ...codes import TIME_UNITS
from ...types import Span
from .. import register
from ..base import Language
from . import lexicon
from .folding import fold
from .gloss import meaning, metric_english
from .numbers import find_mentions
from .placenames import same_place
from .places import division, find_places, people_places, place_english, place_key
from .sentences import clause_bounds, split_sentences, window
from .tables import find_tables, is_caption
from .times import document_year, find_times
from .words import tag, tokenize, word_windows


def _spans(pattern: regex.Pattern, norm: str, group: int = 0) -> list[Span]:
    return [Span(m.start(group), m.end(group)) for m in pattern.finditer(norm)]


def set_phrases(norm: str) -> list[Span]:
    """Set phrases and slogans whose numbers are no quantities (set_phrases.tsv)."""
    return _spans(lexicon.set_phrase_pattern(), norm)


def quoted(norm: str) -> list[Span]:
    """The insides of short quotations ("“五个一”"), where a number is part of a name."""
    return _spans(lexicon.quoted_name_pattern(), norm, 1)


def bracketed(norm: str) -> list[Span]:
    """The insides of round brackets."""
    return _spans(lexicon.bracket_pattern(), norm, 1)


def is_dateline(text: str) -> bool:
    """A line that dates another event ("2020年5月22日在…会议上"), which heads no section."""
    return bool(lexicon.dateline_pattern().search(text))


def load() -> None:
    """The word trie (with the words' tags), the gazetteer's automaton and the glossaries. Not pypinyin (half a
    second): romanised names come from the user cache, and a worker that meets a new one imports
    it then."""
    from . import gloss, places, words

    words.tokenizer()
    places._automaton()
    places._pinyin()
    gloss._glossary()
    gloss._cedict()
    gloss._cedict_senses()


BUNDLE = Language(
    code="zh", scripts=("zh-Hans", "zh-Hant", "zh-CN", "zh-TW", "zh-HK"), lexicon=lexicon.LEXICON,
    time_units=TIME_UNITS, traditional=lexicon.traditional_chars(),
    fold=fold, split_sentences=split_sentences, find_mentions=find_mentions, find_tables=find_tables,
    word_windows=word_windows, tokenize=tokenize, find_times=find_times, document_year=document_year, find_places=find_places,
    set_phrases=set_phrases, quoted=quoted, bracketed=bracketed, is_dateline=is_dateline, is_caption=is_caption,
    people_places=people_places, clause_bounds=clause_bounds, window=window, division=division,
    place_english=place_english, gloss=metric_english, meaning=meaning, place_key=place_key,
    same_place=same_place, factcheck_words=lexicon.factcheck_words, tag=tag, load=load,
)

register(BUNDLE)
