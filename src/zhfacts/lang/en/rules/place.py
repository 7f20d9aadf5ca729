"""Place rules (claims-spec 2.2 and 5): the most specific place the text ties the quantity to."""
from __future__ import annotations

import regex

from ....codes import Slot
from ....registry import rule
from ..places import WORLD

#: What stands between a place and the larger place it lies in, named after it ("Lankao county
#: in Henan province", "Xiamen, Fujian province").
_CONTAINER_GAP = regex.compile(r"\s*,?\s*(?:in\s+(?:the\s+)?)?")

#: Prepositions that tie a quantity to the place named after it in its clause.
_LOCATING = regex.compile(r"(?:\b(?:in|across|throughout|around|of)\s+(?:the\s+)?)$", regex.IGNORECASE)


def _resolved(p, ask) -> tuple[str, int, int]:
    """A scope word ("the province", "the country") stands for the place of its level last named."""
    if p.place == WORLD:
        return WORLD.name, p.start, p.end  # "worldwide", "global": the place is the world
    if not p.scope:
        return p.surface, p.start, p.end
    if p.place.level == 0:
        return p.place.name, p.start, p.end
    for q in ask.ctx.places.nearest_before(p.start):
        if not q.scope and q.place.level == p.place.level:
            return q.surface, q.start, q.end
    return ask.ctx.doc.place, -1, -1


@rule("en", Slot.PLACE, "place_after_in_clause", order=5)
def place_after_in_clause(ask):
    """A place named after the number in its clause behind "in": "6,000 mu in Zhonghai Village",
    "20,000 left in the world"."""
    m, norm = ask.mention, ask.norm
    _, clause_end = ask.ctx.clause_bounds(m.end)
    for p in ask.ctx.places.starting_in(m.end, clause_end):
        if _LOCATING.search(norm[max(m.end, p.start - 16):p.start]) and not p.compared and \
                (p.place.level > 0 or p.surface == "world" or norm[p.start - 3:p.start].strip().lower() == "in"):
            yield _resolved(p, ask)
            return


@rule("en", Slot.PLACE, "place_before", order=10)
def place_before(ask):
    """The nearest place named before the number in its sentence (not a comparison base); a
    province named after a county to locate it ("Lankao county in Henan province") gives way to
    the county."""
    m, s = ask.mention, ask.sentence
    named = [p for p in ask.ctx.places.starting_in(s.start, m.start) if p.end <= m.start and not p.compared]
    for i in range(len(named) - 1, -1, -1):
        if i and _contains(named[i], named[i - 1], ask.norm):
            continue  # the larger place only locates the smaller one named before it
        yield _resolved(named[i], ask)


def _contains(outer, inner, norm: str) -> bool:
    """Whether ``outer`` is a larger division named right after ``inner`` to locate it."""
    return 0 < outer.place.level < inner.place.level and not outer.scope and \
        _CONTAINER_GAP.fullmatch(norm, inner.end, outer.start) is not None


@rule("en", Slot.PLACE, "person_place", order=20)
def person_place(ask):
    """A person introduced with their village keeps it ("Zhonghai Village ... villager Li Yuanzhong")."""
    s = ask.sentence
    text = ask.norm[s.start:s.end]
    for person, p in ask.ctx.people.items():
        if person in text or person.split()[0] + "s" in text.split():
            yield p.surface, p.start, p.end


@rule("en", Slot.PLACE, "paragraph_place", order=30)
def paragraph_place(ask):
    """The nearest place named earlier in the paragraph."""
    first = ask.ctx.sentences[ask.ctx.paragraph_first[ask.si]]
    for p in reversed(ask.ctx.places.starting_in(first.start, ask.sentence.start)):
        if not p.compared:
            yield _resolved(p, ask)


@rule("en", Slot.PLACE, "document_place", order=40, per_document=True)
def document_place(ask):
    """The document's default place (corpus metadata)."""
    yield ask.ctx.doc.place, -1, -1
