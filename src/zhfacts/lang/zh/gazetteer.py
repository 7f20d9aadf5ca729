"""The national gazetteer (resources/gazetteer, built by scripts/build_gazetteer.py from the npm
package china-division 2.7.0): provinces, prefectures and counties from a small table read whole,
and the townships and villages of one county read from its own zip member only when a document
is about that county, so start-up and memory do not grow with the 620,000 village names.
"""
from __future__ import annotations

import re
import zipfile
from functools import lru_cache
from importlib import resources as _res
from typing import NamedTuple

_DIR = _res.files(__package__).joinpath("resources", "gazetteer")

#: Levels of the division codes: 2 digits a province, 4 a prefecture, 6 a county, 9 a township,
#: 12 a village.
_LEVEL_OF_LENGTH = {2: 1, 4: 2, 6: 3, 9: 4, 12: 5}


class Division(NamedTuple):
    """A division of the gazetteer: a named tuple, as thousands are made at each start (a
    frozen dataclass takes twice as long to make)."""

    code: str
    name: str
    level: int  # 1 province, 2 prefecture, 3 county, 4 township, 5 village
    parent: str  # the parent's code; "" for a province


def _rows(text: str) -> list[list[str]]:
    """The fields of a TSV's data lines (after its comments and its header line)."""
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return [ln.split("\t") for ln in lines[1:]]


@lru_cache(maxsize=None)
def divisions() -> dict[str, Division]:
    """code -> Division for every province, prefecture and county, in code order."""
    text = _DIR.joinpath("divisions.tsv").read_text(encoding="utf-8")
    return {code: Division(code, name, int(level), parent) for code, name, level, parent in _rows(text)}


@lru_cache(maxsize=None)
def _archive() -> zipfile.ZipFile:
    return zipfile.ZipFile(_DIR.joinpath("villages.zip").open("rb"))


@lru_cache(maxsize=64)
def county_members(county: str) -> tuple[Division, ...]:
    """The townships and villages of one county (a 6-digit code), each township before its
    villages; empty for a county the gazetteer gives none (or an unknown code)."""
    try:
        text = _archive().read(f"{county}.tsv").decode("utf-8")
    except KeyError:
        return ()
    out = []
    for code, name in _rows(text):
        level = _LEVEL_OF_LENGTH[len(code)]
        out.append(Division(code, name, level, code[:6] if level == 4 else code[:9]))
    return tuple(out)


def township_counties(name: str) -> tuple[str, ...]:
    """The codes of the counties holding a township of that name, searched in the township list
    without keeping it (read only to place a document whose default place is a township)."""
    text = _archive().read("townships.tsv").decode("utf-8")
    return tuple(dict.fromkeys(m.group(1) for m in re.finditer(f"^(\\d{{6}})\\d{{3}}\t{re.escape(name)}$", text, re.M)))


def counties_in(code: str) -> list[str]:
    """The county codes inside a prefecture or province (by code prefix)."""
    return [c for c, d in divisions().items() if d.level == 3 and c.startswith(code)]
