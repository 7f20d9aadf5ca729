"""Readers with a shortcut for the common case answer as the plain formulation they skip.

An ASCII numeral is read as Arabic digits at once (no numeral character of the table is ASCII);
each check below writes the plain reading out as the reference and compares on corpus text and
on invented strings.
"""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh import lexicon, numerals


def plain_parse_numeral(s: str) -> Decimal | None:
    """The general reading of a string that holds no numeral character: its scale, point and
    zero checks find nothing, and it is read as an atom."""
    return numerals._atom(s) if s else None


def test_no_numeral_character_is_ascii():
    assert not [char for char, _, _ in lexicon.numeral_table() if char.isascii()]


_ARABIC = st.text(alphabet="0123456789.,０１２９．，", max_size=14)


@settings(max_examples=400, deadline=None)
@given(_ARABIC)
def test_arabic_numerals_read_as_the_plain_reading(s):
    numerals.parse_numeral.cache_clear()
    assert numerals.parse_numeral(s) == plain_parse_numeral(s)
