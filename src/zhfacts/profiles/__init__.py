"""Document kinds as data: which fallback rules each kind of document turns on, in what order.

A profile switches rules off by name (a place named in one sentence carrying to the rest of the
paragraph is ``place:paragraph_place``; headings and the title giving years are
``year:heading_year`` and ``year:title_year``), moves rules to the front of their slot, and
says whether a dateline heads anything. The kind comes from the manifest's ``kind`` column,
else from words of the title (``detect``), else it is ``default``. The profiles live in
kinds.toml.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources as _res

from ..codes import Slot
from ..errors import ZhfactsError

DEFAULT = "default"
_FILE = "kinds.toml"


@dataclass(frozen=True)
class Profile:
    name: str
    off: frozenset[tuple[Slot, str]] = frozenset()
    first: tuple[tuple[Slot, str], ...] = ()
    dateline_heads_nothing: bool = True
    detect: tuple[str, ...] = ()

    def arrange(self, slot: Slot, rules: list) -> list:
        """The slot's rules with this profile's switched off and its ``first`` ones moved ahead."""
        kept = [r for r in rules if (slot, r.name) not in self.off]
        ahead = [name for s, name in self.first if s == slot]
        front = sorted((r for r in kept if r.name in ahead), key=lambda r: ahead.index(r.name))
        return front + [r for r in kept if r.name not in ahead]


def _names(where: str, kind: str, entries) -> tuple[tuple[Slot, str], ...]:
    out = []
    for entry in entries:
        slot, _, name = str(entry).partition(":")
        if slot not in {s.value for s in Slot} or not name:
            raise ZhfactsError(where, f"[{kind}]: {entry!r} is not slot:rule")
        out.append((Slot(slot), name))
    return tuple(out)


@lru_cache(maxsize=None)
def profiles() -> dict[str, Profile]:
    """kind -> Profile; every kind inherits the settings of [default] it does not state."""
    where = f"zhfacts/profiles/{_FILE}"
    try:
        data = tomllib.loads(_res.files(__name__).joinpath(_FILE).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ZhfactsError(where, f"unreadable profiles ({exc})") from None
    base = data.get(DEFAULT, {})
    out = {}
    for kind, table in data.items():
        merged = {**base, **table}
        out[kind] = Profile(kind, frozenset(_names(where, kind, merged.get("off", []))),
                            _names(where, kind, merged.get("first", [])),
                            bool(merged.get("dateline_heads_nothing", True)), tuple(merged.get("detect", [])))
    return out


def detect_kind(title: str) -> str:
    """The kind whose title words the title holds (the longest word wins), else default."""
    best, kind = 0, DEFAULT
    for name, profile in profiles().items():
        for word in profile.detect:
            if word in title and len(word) > best:
                best, kind = len(word), name
    return kind


def profile_for(kind: str) -> Profile:
    """The profile of a kind; an unknown kind reads with the default profile."""
    return profiles().get(kind) or profiles()[DEFAULT]


def known_kind(kind: str) -> str:
    """A kind given by the user, refused when no profile has that name (it would read as default)."""
    if kind not in profiles():
        raise ZhfactsError("--kind", f"unknown kind {kind!r} (known: {', '.join(sorted(profiles()))})")
    return kind
