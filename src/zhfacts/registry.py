"""The rules of every (language, slot), registered by name in a stable order.

A rule is a plain function from an :class:`~zhfacts.context.Ask` (one mention in its document)
to the answers it proposes, each ``(value, start, end)`` with the evidence span in the text
(-1, -1 when the answer comes from elsewhere). Registering it is one decorator line::

    @rule("zh", Slot.YEAR, "time_before", order=20)
    def time_before(ask):
        \"\"\"The nearest time expression before the number in its sentence.\"\"\"
        ...

The first line of its docstring is its purpose, printed by ``zhfacts rules``. Profiles and the
learned decider refer to rules by name only.

A rule that can fire only where a cheap test holds declares it as its guard (``when=``): the
engine asks the rule only where its guard holds, and tests a guard once for a run of consecutive
rules that share it (the table rules that open each slot). The guard skips only asks that yield nothing; the rule's body stays the
authority wherever the guard holds.

A rule whose answers depend on the document only, never on the mention (a fallback that names
the document's default or nothing), says so (``per_document=True``): the engine asks it once per
document and gives every mention the same candidates.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .codes import Slot
from .errors import ZhfactsError

#: A rule's answers: (value, evidence start, evidence end).
Proposal = tuple[str, int, int]


@dataclass(frozen=True)
class Guard:
    """A named precondition of one or more rules: ``test(ask)`` is False only where none of them
    can propose anything (the mention is no table cell, no time expression covers it, the
    character after it is of no class the rule reads). Its vocabulary comes from the language's
    lexicon, its per-document indexes from ``ctx.once``."""

    name: str
    test: Callable[..., bool]


@dataclass(frozen=True)
class Rule:
    lang: str
    slot: Slot
    name: str
    order: int
    propose: Callable[..., Iterable[Proposal]]
    #: Where the rule can fire at all (None: anywhere).
    when: Guard | None = None
    #: The same answers for every mention of a document.
    per_document: bool = False
    #: "lang.slot.name": the rule's name among every registered rule (its per-document answers
    #: are kept under it).
    key: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{self.lang}.{self.slot.value}.{self.name}")

    @property
    def purpose(self) -> str:
        """The first paragraph of the rule's docstring, on one line."""
        doc = (self.propose.__doc__ or "").strip()
        return " ".join(doc.split("\n\n")[0].split())


_RULES: dict[tuple[str, Slot, str], Rule] = {}
#: The guards of the registered rules by name: one name, one test.
_GUARDS: dict[str, Guard] = {}


def rule(lang: str, slot: Slot, name: str, order: int, when: Guard | None = None, per_document: bool = False):
    """Register the decorated function as rule ``name`` of (lang, slot); lower order runs first;
    ``when`` is its guard, if it has one; ``per_document`` when it reads the document only."""
    def register(fn):
        key = (lang, Slot(slot), name)
        if key in _RULES:
            raise ValueError(f"rule {name!r} registered twice for {lang} {slot}")
        if any(r.order == order for r in _RULES.values() if (r.lang, r.slot) == key[:2]):
            raise ValueError(f"rule {name!r}: order {order} already taken in {lang} {slot}")
        if when is not None and _GUARDS.setdefault(when.name, when) is not when:
            raise ValueError(f"rule {name!r}: another guard is already named {when.name!r}")
        _RULES[key] = Rule(lang, Slot(slot), name, order, fn, when, per_document)
        return fn
    return register


def _load(lang: str) -> None:
    """Import the language's rule modules, which register themselves."""
    from .lang import LANGUAGES

    base = lang.split("-")[0]
    if base not in LANGUAGES:
        raise ZhfactsError("--lang", f"no rules for language {lang!r} (rules exist for: {', '.join(LANGUAGES)})")
    importlib.import_module(f"zhfacts.lang.{base}.rules")


def rules_for(lang: str, slot: Slot, profile=None) -> tuple[Rule, ...]:
    """The rules of (lang, slot) in their order; a profile may switch rules off and reorder them."""
    return _arranged(lang, Slot(slot), profile, len(_RULES))


@lru_cache(maxsize=None)
def _arranged(lang: str, slot: Slot, profile, registered: int) -> tuple[Rule, ...]:
    _load(lang)
    base = lang.split("-")[0]
    found = sorted((r for r in _RULES.values() if r.lang == base and r.slot == slot), key=lambda r: r.order)
    return tuple(profile.arrange(slot, found)) if profile is not None else tuple(found)


def list_rules(lang: str | None = None) -> list[Rule]:
    """Every registered rule (of one language, or of all that have rules), slot by slot."""
    from .lang import LANGUAGES

    for code in ([lang] if lang else LANGUAGES):
        _load(code)
    slots = list(Slot)
    chosen = [r for r in _RULES.values() if lang is None or r.lang == lang.split("-")[0]]
    return sorted(chosen, key=lambda r: (r.lang, slots.index(r.slot), r.order))
