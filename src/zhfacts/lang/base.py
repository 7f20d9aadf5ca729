"""What a language gives the engine: its lexicon loader and its finders, as one bundle.

The engine (context, stage driver, deciders, registry) calls only what a :class:`Language`
holds; every word, character class and pattern of a language lives in its folder under
``zhfacts/lang/<code>/`` with its data files in ``resources/``.
"""
from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from importlib import resources as _res
from typing import Any

from ..errors import ZhfactsError


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
    #: (word, part-of-speech tag) of a text, for the learned decider's features; none by default.
    tag: Callable[[str], tuple[tuple[str, str], ...]] = lambda text: ()
