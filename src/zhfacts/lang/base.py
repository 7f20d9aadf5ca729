"""What a language gives the engine: its lexicon loader and its finders, as one bundle.

The engine (context, stage driver, deciders, registry) calls only what a :class:`Language`
holds (a language registers the language-free rules at the end of this module under its own
code); every word, character class and pattern of a language lives in its folder under
``zhfacts/lang/<code>/`` with its data files in ``resources/``.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from functools import lru_cache
from importlib import resources as _res
from typing import Any

from ..errors import ZhfactsError
from ..types import Document, Sentence


@dataclass(frozen=True)
class Unit:
    """A unit word of a language's lexicon: its canonical code (shared by every language), the
    factor that turns the written number into the code's unit, and its category."""

    surface: str
    code: str
    factor: Decimal
    category: str


class Lexicon:
    """The one reader of a language's resource files: each is read once and checked when loaded.

    A file is tab-separated with a header, '#' lines are comments. ``table`` checks that the
    named columns are there, that the columns given as ``codes`` hold members of their enum, and
    that the ``unique`` columns hold no value twice; a broken file is an error naming it.
    """

    def __init__(self, package: str):
        self.package = package

    def path(self, name: str):
        return _res.files(self.package).joinpath(name)

    @lru_cache(maxsize=None)
    def rows(self, name: str) -> tuple[dict[str, str], ...]:
        try:
            text = self.path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ZhfactsError(f"{self.package}/{name}", f"unreadable resource ({exc})") from None
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        return tuple(dict(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))

    def table(self, name: str, columns: Iterable[str], codes: dict[str, type[Enum]] | None = None,
              unique: Iterable[str] = ()) -> tuple[dict[str, str], ...]:
        """The rows of resource ``name``, validated (see the class docstring)."""
        return self._checked(name, tuple(columns), tuple(sorted((codes or {}).items())), tuple(unique))

    @lru_cache(maxsize=None)
    def _checked(self, name, columns, codes, unique) -> tuple[dict[str, str], ...]:
        rows = self.rows(name)
        where = f"{self.package}/{name}"
        header = set(rows[0]) if rows else set(columns)
        missing = [c for c in columns if c not in header]
        if missing:
            raise ZhfactsError(where, f"missing column(s) {', '.join(missing)}")
        for line, row in enumerate(rows, 1):
            for column, enum in codes:
                if row[column] not in {str(m.value) for m in enum}:
                    raise ZhfactsError(where, f"row {line}: column {column}: unknown code {row[column]!r}")
        for column in unique:
            seen: set[str] = set()
            for line, row in enumerate(rows, 1):
                if row[column] in seen:
                    raise ZhfactsError(where, f"row {line}: column {column}: {row[column]!r} listed twice")
                seen.add(row[column])
        return rows


def factcheck_table(lexicon: Lexicon) -> dict[str, list[str]]:
    """role -> words of a language's factcheck.tsv, each role's words longest first."""
    out: dict[str, list[str]] = {}
    for row in lexicon.table("factcheck.tsv", ("role", "word")):
        out.setdefault(row["role"], []).append(row["word"])
    return {role: sorted(words, key=len, reverse=True) for role, words in out.items()}


def text_lines(text: str) -> list[tuple[int, int, int]]:
    """(line number, start, end) of every line that is not blank, without the white space around
    it: sentences are cut inside lines, with offsets into the text as stored."""
    out, pos = [], 0
    for number, raw in enumerate(text.split("\n")):
        a, b = pos, pos + len(raw)
        pos = b + 1
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((number, a, b))
    return out


#: Characters of its sentence kept either side of a claim in the table's ``sentence`` column.
WINDOW_REACH = 60


def clause_window(doc: Document, s: Sentence, start: int, end: int, clause, reach: int = WINDOW_REACH) -> str:
    """The claim [start, end) with up to ``reach`` characters of its sentence either side, cut
    after a match of the language's ``clause`` pattern where the reach falls inside a clause
    (line breaks dropped, as in the whole sentence), so a table row never copies a whole long sentence."""
    lo, hi = max(s.start, start - reach), min(s.end, end + reach)
    if lo > s.start:
        cut = clause.search(doc.norm, lo, start)
        lo = cut.end() if cut else lo
    if hi < s.end:
        cuts = list(clause.finditer(doc.norm, end, hi))
        hi = cuts[-1].end() if cuts else hi
    return "".join(doc.text[max(a, lo):min(b, hi)] for a, b in s.parts if a < hi and b > lo).replace("\n", "")


def year_named(norm: str, find_times: Callable[[str, str], list]) -> str:
    """The year a document speaks from, when no manifest or option gives it: the first year its
    title line names, else the latest year the text names; "" when it names none."""
    title = next((line for line in norm.splitlines() if line.strip()), "")
    for text in (title, norm):
        years = [int(t.year) for t in find_times(text, "") if t.year.isdigit()]
        if years:
            return str(years[0] if text is title else max(years))
    return ""


@dataclass(frozen=True)
class Language:
    """A language bundle: the finders the engine calls, each a plain function of the text.

    ``code`` is the manifest's language code; ``scripts`` lists the codes this bundle reads
    (zh reads zh-Hant by folding traditional characters to simplified in the same-length
    normalised copy).
    """

    code: str
    scripts: tuple[str, ...]
    lexicon: Lexicon
    time_units: frozenset[str]
    traditional: frozenset[str]
    fold: Callable[[str], str]
    split_sentences: Callable[..., list]
    find_mentions: Callable[..., list]
    find_tables: Callable[..., list]
    word_windows: Callable[..., list]
    tokenize: Callable[..., list]
    find_times: Callable[[str, str], list]
    document_year: Callable[[str], str]
    find_places: Callable[[str, str], list]
    set_phrases: Callable[[str], list]
    quoted: Callable[[str], list]
    bracketed: Callable[[str], list]
    is_dateline: Callable[[str], bool]
    is_caption: Callable[[str], bool]
    people_places: Callable[[Any], dict]
    clause_bounds: Callable[[str, int, bool], tuple[int, int]]
    window: Callable[..., str]
    division: Callable[..., Any]
    place_english: Callable[[str], str]
    gloss: Callable[[str], tuple[str, str]]
    #: What a metric means, for comparing across languages: (English word stems of the whole
    #: metric, stems of its head, the thing counted); empty where nothing is known.
    meaning: Callable[[str], tuple[frozenset[str], frozenset[str]]]
    #: A key equal for every spelling of one place in any language (a Chinese name and its English form).
    place_key: Callable[[str], str]
    #: Whether two place names of the language denote one place (a county with or without its province).
    same_place: Callable[[str, str], bool]
    #: role -> words that mark what ``zhfacts check`` verifies (breakdowns, lists, shares, totals,
    #: clause punctuation, words bounding "more than"), longest first, from resources/factcheck.tsv.
    factcheck_words: Callable[[], dict[str, tuple[str, ...]]]
    #: (word, part-of-speech tag) of a text, for the learned decider's features; none by default.
    tag: Callable[[str], tuple[tuple[str, str], ...]] = lambda text: ()
    #: Load the tables the finders build on first use (dictionaries, gazetteers), so that a
    #: process can load them once before it forks its workers; nothing to load by default.
    load: Callable[[], None] = lambda: None


def heading_year(ask):
    """The year of the section heading over the sentence."""
    over = ask.ctx.heading_over(ask.si)
    if over is not None and over.year:
        yield over.year, over.start, over.end


def no_answer(ask):
    """Nothing applies: the answer is empty."""
    yield "", -1, -1
