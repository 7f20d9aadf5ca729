"""A same-length folded copy of English text for matching: typographic quotes, dashes and blanks
become their ASCII forms one character for one, so that offsets stay valid in both copies."""
from __future__ import annotations

_TABLE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2012": "-",
                        "\u2011": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\uff05": "%"})


def fold(text: str) -> str:
    """The folded copy of ``text``; always the same length."""
    return text.translate(_TABLE)
