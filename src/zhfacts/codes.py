"""The closed sets of codes of the fact table and the engine, as enums.

Each is a ``StrEnum`` (an ``IntEnum`` for place levels), so a member equals its code as
written in the table ("claim", ">=", "target") and prints as it.
"""
from __future__ import annotations

from enum import IntEnum, StrEnum


class Slot(StrEnum):
    """What a rule decides about a mention; the order is the order the engine decides them."""

    UNIT = "unit"
    EXCLUDE = "exclude"
    METRIC = "metric"
    YEAR = "year"
    PLACE = "place"
    PER = "per"
    KIND = "kind"


class Status(StrEnum):
    CLAIM = "claim"
    EXCLUDED = "excluded"


class Qualifier(StrEnum):
    """claims-spec section 2: how the stated value relates to the true one."""

    EQUAL = "="
    ABOUT = "~"
    MORE = ">"
    AT_LEAST = ">="
    LESS = "<"
    AT_MOST = "<="


class Kind(StrEnum):
    ACTUAL = "actual"
    TARGET = "target"
    PLAN = "plan"


class GlossSource(StrEnum):
    """Where a claim's metric_en comes from, so a reader knows which names were curated."""

    GLOSSARY = "glossary"  # a curated name
    CEDICT = "cedict"  # a word-by-word gloss from a dictionary
    TEXT = "text"  # the metric as written, in a document already in English


class UnitCategory(StrEnum):
    """The unit lexicon's category column: how a unit behaves around its number."""

    MONEY = "money"
    MEASURE = "measure"
    COUNT = "count"
    PEOPLE = "people"
    TIME = "time"
    SHARE = "share"
    RATING = "rating"


class PlaceLevel(IntEnum):
    COUNTRY = 0
    PROVINCE = 1
    CITY = 2
    COUNTY = 3
    TOWNSHIP = 4
    VILLAGE = 5


#: Units of time, which come last in a per denominator ("person/year").
TIME_UNITS = frozenset({"year", "month", "day"})
