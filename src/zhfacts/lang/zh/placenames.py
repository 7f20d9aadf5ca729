"""Place names that mean the same place (claims-spec 2.2), for scoring and for the extractor.

The text names places in several forms, and gold and output must not differ on form alone:

- aliases (place_aliases.tsv) stand for their canonical full name: 科左后旗 = 科尔沁左翼后旗;
- a name equals its short form without an administrative suffix (place_suffixes.tsv, longest
  suffix first): 内蒙古 = 内蒙古自治区, 广顺 = 广顺镇. When both names carry a suffix, the
  suffixes must be of the same level, so 吉林省 differs from 吉林市 while 吉林 equals both;
- leading places that only locate the rest are ignored: 通辽市科左后旗 = 科左后旗, and
  内蒙古自治区通辽市科左后旗 = 科左后旗. A prefix is dropped only when it is itself a place
  (ends in a suffix or is in the alias table) and what remains is itself a place, and only from
  one side: 甲市城区 = 城区, but 甲市城区 differs from 乙市城区.

Whitespace inside names is ignored. The vocabulary lives in the data files, not here.
"""
from __future__ import annotations

from functools import lru_cache

from . import lexicon


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    return lexicon.place_aliases()


@lru_cache(maxsize=None)
def _canonical_names() -> frozenset[str]:
    return frozenset(_aliases().values())


def canonical_place(name: str) -> str:
    """The name without whitespace, an alias replaced by its canonical full name."""
    name = "".join(str(name).split())
    return _aliases().get(name, name)


def split_suffix(name: str) -> tuple[str, int | None]:
    """(base, level) of a canonical name: 广顺镇 -> (广顺, 4); a name without suffix has level None."""
    base, suffix = lexicon.split_suffix(name)
    return base, suffix.level if suffix is not None else None


def is_place(name: str) -> bool:
    """A recognisable place name: a known alias or canonical name, or a base with a suffix."""
    name = canonical_place(name)
    return name in _canonical_names() or split_suffix(name)[1] is not None


def _same_unit(a: str, b: str) -> bool:
    """One place named twice: equal bases at compatible levels, or one is the other's short form.

    The short-form test matters when the short form itself ends in a suffix character:
    新村 is the short form of 新村镇 although it also reads as 新 + 村.
    """
    a, b = canonical_place(a), canonical_place(b)
    base_a, level_a = split_suffix(a)
    base_b, level_b = split_suffix(b)
    if base_a == b or base_b == a:
        return True
    return base_a == base_b and (level_a is None or level_b is None or level_a == level_b)


def _tails(name: str):
    """What remains of a name after dropping one or more leading places, each a place itself."""
    for cut in range(1, len(name)):
        head, rest = name[:cut], name[cut:]
        if is_place(head) and is_place(rest):
            yield rest
            yield from _tails(rest)


def same_place(a: str, b: str) -> bool:
    """True when two place names denote the same place under the rules in the module doc."""
    a, b = canonical_place(a), canonical_place(b)
    if a == b:
        return True
    if not a or not b:
        return False
    return _same_unit(a, b) or any(_same_unit(t, b) for t in _tails(a)) or any(_same_unit(a, t) for t in _tails(b))
