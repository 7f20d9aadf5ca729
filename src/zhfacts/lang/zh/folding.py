"""Stage 1a: a same-length folded copy of the text for matching; offsets stay valid in both.

Full-width digits, letters and ％ become ASCII and traditional characters become their
simplified forms, one character for one, so every pattern and lexicon sees a single spelling
while every offset still points into the document exactly as stored.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from . import lexicon
from .lexicon import punctuation


@lru_cache(maxsize=None)
def _table() -> dict[int, str]:
    table = {}
    keep = set(punctuation("wide_kept"))
    for code in range(0xFF01, 0xFF5F):
        if chr(code) not in keep:
            table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    for variant, standard in lexicon.char_variants().items():
        table[ord(variant)] = standard
    return table


#: "，" between full-width digits with three after it is a thousands separator ("１２，８５６");
#: after ASCII digits it stays a clause comma ("2019年4月，40万").
_WIDE_GROUP = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def fold(text: str) -> str:
    """The folded copy of ``text``; always the same length."""
    return _WIDE_GROUP.sub(",", text).translate(_table())
