"""Place rules (claims-spec 2.2): the most specific place the text ties the quantity to."""
from __future__ import annotations

from ....codes import PlaceLevel, Slot
from ....registry import rule
from .. import lexicon
from ..places import COUNTRY

#: A sentence this short that ends in a speech verb names who spoke the quotation before it.
_SPEECH_TAG_MAX = 12


def scope_place(p, ask) -> tuple[str, int, int]:
    """全旗, 全苏木: the place of that level the text last named (where it names it), else the
    document's place; 全国 is the country."""
    if p.place == COUNTRY:
        return COUNTRY.name, p.start, p.end
    village_or_township = p.place.level >= PlaceLevel.TOWNSHIP
    for q in reversed(ask.ctx.places.before(p.start)):
        if q.scope or q.partner or q.place.level != p.place.level:
            continue
        if village_or_township or q.surface.endswith(p.place.name):  # 村里 -> 布拉嘎查; 全旗 -> 科左后旗
            return q.surface, q.start, q.end
    return ask.ctx.doc.place, -1, -1


@rule("zh", Slot.PLACE, "place_before", order=10)
def place_before(ask):
    """The nearest place named before the number in its sentence (not a partner or a comparison base)."""
    m, s = ask.mention, ask.sentence
    clause_start, _ = ask.ctx.clause_bounds(m.start)
    for p in reversed(ask.ctx.places.starting_in(s.start, m.start)):
        if p.place == COUNTRY and p.scope and p.start < clause_start:
            continue  # "举全国之力" speaks for its own clause only
        if p.end <= m.start and not p.compared and (p.end == m.start or not p.partner):
            yield scope_place(p, ask) if p.scope else (p.surface, p.start, p.end)


def _is_speech_tag(s, ask) -> bool:
    """A short sentence that names who spoke the quotation before it ("春梅说。")."""
    text = ask.norm[s.start:s.end].rstrip(lexicon.punctuation("speech_tag_end"))
    return s.end - s.start <= _SPEECH_TAG_MAX and text.endswith(lexicon.grammar("speech_verb"))


@rule("zh", Slot.PLACE, "person_place", order=20)
def person_place(ask):
    """A person introduced with their village keeps it ("努古斯台嘎查的春梅"), also in a quotation
    tagged with their name."""
    ctx, si, s = ask.ctx, ask.si, ask.sentence
    text = ask.norm[s.start:s.end]
    if si + 1 < len(ctx.sentences) and len(ctx.sentences[si + 1].parts[0]) and _is_speech_tag(ctx.sentences[si + 1], ask):
        text += ask.norm[ctx.sentences[si + 1].start:ctx.sentences[si + 1].end]  # “…”春梅说。
    for person, p in ctx.people.items():
        if person in text:
            yield p.surface, p.start, p.end


@rule("zh", Slot.PLACE, "paragraph_place", order=30)
def paragraph_place(ask):
    """The nearest place named earlier in the paragraph (not a partner or a scope word)."""
    first = ask.ctx.sentences[ask.ctx.paragraph_first[ask.si]]
    for p in reversed(ask.ctx.places.starting_in(first.start, ask.sentence.start)):
        if not p.partner and not p.scope:
            yield p.surface, p.start, p.end


@rule("zh", Slot.PLACE, "document_place", order=40)
def document_place(ask):
    """The document's default place (corpus metadata)."""
    yield ask.ctx.doc.place, -1, -1
