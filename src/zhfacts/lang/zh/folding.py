"""Stage 1a: a same-length folded copy of the text for matching; offsets stay valid in both.

Full-width digits, letters and ％ become ASCII and traditional characters become their
simplified forms, one character for one, so every pattern and lexicon sees a single spelling
while every offset still points into the document exactly as stored.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from . import lexicon
from .lexicon import punctuation


@lru_cache(maxsize=None)
def _table() -> dict[str, str]:
    table = {}
    keep = set(punctuation("wide_kept"))
    for code in range(0xFF01, 0xFF5F):
        if chr(code) not in keep:
            table[chr(code)] = chr(code - 0xFEE0)
    table["\u3000"] = " "
    table.update(lexicon.char_variants())
    return table


@lru_cache(maxsize=None)
def _foldable() -> re.Pattern:
    """Any character the table folds. A text holds few of them, so replacing its matches costs
    a fifth of ``str.translate``, which looks every character up in the table; the standard
    ``re`` scans a class of thousands of characters a hundred times faster than ``regex``."""
    return re.compile("[" + "".join(re.escape(ch) for ch in sorted(_table())) + "]")


#: "，" between full-width digits with three after it is a thousands separator ("１２，８５６");
#: after ASCII digits it stays a clause comma ("2019年4月，40万").
_WIDE_GROUP = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def fold(text: str) -> str:
    """The folded copy of ``text``; always the same length."""
    table = _table()
    if "，" in text:  # the one character _WIDE_GROUP rewrites; most short texts hold none
        text = _WIDE_GROUP.sub(",", text)
    return _foldable().sub(lambda m: table[m.group()], text)
