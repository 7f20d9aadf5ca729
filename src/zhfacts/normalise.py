"""Stage 1a: a same-length folded copy of the text for matching; offsets stay valid in both.

Full-width digits, letters and ％ become ASCII and a few traditional characters become their
simplified forms, one character for one, so every pattern and lexicon sees a single spelling
while every offset still points into the document exactly as stored.
"""
from __future__ import annotations

from functools import lru_cache

import regex

from .errors import ZhfactsError
from .resources import read_tsv
from .values import Document

#: Full-width punctuation that separates clauses keeps its form: "，" is never a thousands separator.
_KEEP = set("，；：（）！？")


@lru_cache(maxsize=None)
def _table() -> dict[int, str]:
    table = {}
    for code in range(0xFF01, 0xFF5F):
        if chr(code) not in _KEEP:
            table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    for row in read_tsv("char_variants.tsv"):
        table[ord(row["variant"])] = row["standard"]
    return table


#: "，" between full-width digits with three after it is a thousands separator ("１２，８５６");
#: after ASCII digits it stays a clause comma ("2019年4月，40万").
_WIDE_GROUP = regex.compile(r"(?<=[０-９])，(?=[０-９]{3}(?![０-９]))")


def fold(text: str) -> str:
    """The folded copy of ``text``; always the same length."""
    return _WIDE_GROUP.sub(",", text).translate(_table())


_SURROGATE = regex.compile("[\ud800-\udfff]")


def make_document(doc_id: str, text: str, year: str = "", place: str = "") -> Document:
    """A document; text with a lone surrogate (half of a UTF-16 pair, from bytes decoded with
    surrogateescape) is not Unicode text and is refused here, not deep in a table or cache."""
    bad = _SURROGATE.search(text)
    if bad:
        raise ZhfactsError(doc_id, f"the text holds a lone surrogate U+{ord(bad.group()):04X} at offset "
                                   f"{bad.start()}, which is not Unicode text; decode it strictly or with errors='replace'")
    return Document(doc_id=doc_id, text=text, year=year, place=place, norm=fold(text))
