"""Language bundles by code, and which one reads a document.

A document's language comes from ``--lang``, else the manifest's ``language`` column, else the
script of its text (:func:`detect`). A code without a bundle of its own is read by the default
bundle, so its table keeps the language it was given.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

import regex

from .base import Language

#: Codes with a bundle under zhfacts/lang/, the first the default.
LANGUAGES = ["zh", "en"]
DEFAULT = "zh"

_BUNDLES: dict[str, Language] = {}

#: Runs of Han characters: their lengths add up to the characters' count several times sooner
#: than a list of every character is made.
_HAN_RUN = regex.compile(r"\p{Han}+")
_LATIN = regex.compile(r"[A-Za-z]")


def register(bundle: Language) -> None:
    """Make a bundle the reader of its code and of the scripts it folds."""
    for code in (bundle.code, *bundle.scripts):
        _BUNDLES[code] = bundle
    if bundle.code not in LANGUAGES:
        LANGUAGES.append(bundle.code)


def bundle(code: str) -> Language:
    """The bundle that reads documents of language ``code``."""
    if code not in _BUNDLES:
        for name in LANGUAGES:
            importlib.import_module(f"zhfacts.lang.{name}")
    return _BUNDLES.get(code) or _BUNDLES.get(code.split("-")[0]) or _BUNDLES[DEFAULT]


def codes() -> list[str]:
    """Every language code some bundle reads (its own and the scripts it folds), bundles first."""
    bundle(DEFAULT)
    for name in LANGUAGES:
        importlib.import_module(f"zhfacts.lang.{name}")
    return LANGUAGES + sorted(c for c in _BUNDLES if c not in LANGUAGES)


def _every_bundle() -> list[Language]:
    codes()
    return [bundle(name) for name in LANGUAGES]


def same_place_any(a: str, b: str) -> bool:
    """One place by the rules of some language: for tables whose language is not known or differs."""
    return a == b or any(language.same_place(a, b) for language in _every_bundle())


@lru_cache(maxsize=None)
def factcheck_words_any(role: str) -> tuple[str, ...]:
    """The fact-check words of a role in every language (a claim's text is in one of them)."""
    return tuple(dict.fromkeys(w for language in _every_bundle() for w in language.factcheck_words().get(role, ())))


def detect(text: str, traditional: frozenset[str] = frozenset()) -> str:
    """The language of a text from its script: mostly Latin letters is English, else Chinese;
    Chinese with more of the given traditional-only characters than one in a hundred Han
    characters is zh-Hant. Counted in windows spread over the whole text, so that an English
    abstract before a Chinese report (or a Chinese one before an English report) decides nothing."""
    sample = _sample(text)
    han = sum(map(len, _HAN_RUN.findall(sample)))
    latin = len(_LATIN.findall(sample))
    if latin > 2 * han:
        return "en"
    if han and sum(map(traditional.__contains__, sample)) * 100 > han:
        return "zh-Hant"
    return "zh"


#: How much of a text ``detect`` reads: this many windows of ``_WINDOW`` characters, spread evenly.
_WINDOWS = 8
_WINDOW = 1000


def _sample(text: str) -> str:
    if len(text) <= _WINDOWS * _WINDOW:
        return text
    step = (len(text) - _WINDOW) // (_WINDOWS - 1)
    return "".join(text[i * step:i * step + _WINDOW] for i in range(_WINDOWS))
