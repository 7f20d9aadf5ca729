"""Place rules (claims-spec 2.2): the most specific place the text ties the quantity to."""
from __future__ import annotations

from ....codes import PlaceLevel, Slot
from ....registry import rule
from .. import lexicon
from ..places import COUNTRY, NameFinder

#: A sentence this short that ends in a speech verb names who spoke the quotation before it
#: ("努古斯台镇雅莫嘎查村民卢伟高兴地说。").
_SPEECH_TAG_MAX = 24


def written(p, ask) -> str:
    """A place as the document writes it ("寧強縣"): found on the folded copy, cut from the text."""
    return ask.ctx.doc.text[p.start:p.end] if ask.norm[p.start:p.end] == p.surface else p.surface


def scope_place(p, ask) -> tuple[str, int, int]:
    """全旗, 全苏木: the place of that level the text last named (where it names it), else the
    document's place; 全国 is the country."""
    if p.place == COUNTRY:
        return COUNTRY.name, p.start, p.end
    village_or_township = p.place.level >= PlaceLevel.TOWNSHIP
    for q in ask.ctx.places.nearest_before(p.start):
        if q.scope or q.partner or q.place.level != p.place.level:
            continue
        if village_or_township or q.surface.endswith(p.place.name):  # 村里 -> 布拉嘎查; 全旗 -> 科左后旗
            return written(q, ask), q.start, q.end
    return ask.ctx.doc.place, -1, -1


#: No bracket whose place is looked at opens further before it than this.
_BRACKET_REACH = 40


def enclosed_apart(p, ask) -> bool:
    """Whether place p stands inside brackets or a quoted name that do not hold the number: such a
    place governs only its parenthesis ("产品销往全国各地（含北京市12家超市）")."""
    m = ask.mention
    for spans in (ask.ctx.bracketed, ask.ctx.quoted):
        for x in spans.starting_in(p.start - _BRACKET_REACH, p.start + 1):
            if x.start <= p.start and p.end <= x.end and not (x.start <= m.start and m.end <= x.end):
                return True
    return False


def names_market(p, ask) -> bool:
    """A place that names the market a facility serves ("广州市菜篮子供应基地8个") is not its location."""
    return ask.norm.startswith(lexicon.grammar("market_word"), p.end)


def enumerated(p, ask) -> bool:
    """A member of an enumeration that the number counts ("东坪村、西坪村等3个村") is not its location."""
    m, norm = ask.mention, ask.norm
    between = list(norm[p.end:m.start])
    for q in ask.ctx.places.starting_in(p.end, m.start):
        between[q.start - p.end:q.end - p.end] = [""] * (q.end - q.start)
    rest = "".join(between).strip(lexicon.punctuation("list") + "".join(lexicon.grammar("list_joiner")))
    return rest in lexicon.grammar("enumeration_end")


def gives(p, ask) -> bool:
    """The place is the donor or funder of the money ("广州市红星商会累计资助30万元"): money is
    located where it is spent, so the donor is not its location (claims-spec 2.2)."""
    m, norm = ask.mention, ask.norm
    if norm[p.start - 1:p.start] in lexicon.grammar("beneficiary"):
        return False  # 为柳河县捐资: the recipient
    for v in lexicon.donor_verb_pattern().finditer(norm, p.end, m.start):
        rest = norm[v.end():m.start].lstrip("了")
        if not rest or rest[:1] in lexicon.grammar("beneficiary") or v.end() in ask.ctx.place_at:
            return True
    return False


@rule("zh", Slot.PLACE, "place_before", order=10)
def place_before(ask):
    """The nearest place named before the number in its sentence (not a partner or a comparison base)."""
    m, s = ask.mention, ask.sentence
    clause_start, _ = ask.ctx.clause_bounds(m.start)
    for p in reversed(ask.ctx.places.starting_in(s.start, m.start)):
        if p.place == COUNTRY and p.scope and p.start < clause_start:
            continue  # "举全国之力" speaks for its own clause only
        if p.end <= m.start and not p.compared and (p.end == m.start or not p.partner) and not enclosed_apart(p, ask) \
                and not names_market(p, ask) and not enumerated(p, ask) and not gives(p, ask):
            yield scope_place(p, ask) if p.scope else (written(p, ask), p.start, p.end)


def _is_speech_tag(s, norm: str) -> bool:
    """A short sentence that names who spoke the quotation before it ("春梅说。")."""
    if s.end - s.start > _SPEECH_TAG_MAX:
        return False
    return norm[s.start:s.end].rstrip(lexicon.punctuation("speech_tag_end")).endswith(lexicon.grammar("speech_verb"))


@rule("zh", Slot.PLACE, "person_place", order=20)
def person_place(ask):
    """A person introduced with their village keeps it ("努古斯台嘎查的春梅"), also in a quotation
    tagged with their name."""
    ctx = ask.ctx
    if not ctx.people:
        return
    named = ctx.once("place.people_named", dict)
    if ask.si not in named:
        named[ask.si] = _people_named(ctx, ask.si)
    for person in named[ask.si]:
        p = ctx.people[person]
        yield written(p, ask), p.start, p.end


def _people_named(ctx, si: int) -> list[str]:
    """The introduced persons that sentence si (with the speech tag after it) names, in the order
    they were introduced: found once for all the numbers of the sentence."""
    norm, s = ctx.doc.norm, ctx.sentences[si]
    text = norm[s.start:s.end]
    if si + 1 < len(ctx.sentences) and _is_speech_tag(ctx.sentences[si + 1], norm):
        text += norm[ctx.sentences[si + 1].start:ctx.sentences[si + 1].end]  # “…”春梅说。
    found = {person for _, _, person in ctx.once("place.people_finder", lambda: NameFinder.of(ctx.people)).every(text)}
    return [person for person in ctx.people if person in found]


def _speaker_places(ask) -> frozenset[int]:
    """The starts of the places that introduce a person in a speech tag, found once per document."""
    ctx = ask.ctx
    return frozenset(q.start for q in ctx.people.values() if _is_speech_tag(ctx.sentences[ctx.sentence_of(q.start)], ask.norm))


@rule("zh", Slot.PLACE, "paragraph_place", order=30)
def paragraph_place(ask):
    """The nearest place named earlier in the paragraph (not a partner, a scope word or a person's home)."""
    first = ask.ctx.sentences[ask.ctx.paragraph_first[ask.si]]
    # the village of the speaker named after a quotation speaks for that quotation only
    introduced = ask.ctx.once("place.speaker_places", lambda: _speaker_places(ask))
    for p in reversed(ask.ctx.places.starting_in(first.start, ask.sentence.start)):
        if not p.partner and not p.scope and not p.home and not enclosed_apart(p, ask) and p.start not in introduced:
            yield written(p, ask), p.start, p.end


@rule("zh", Slot.PLACE, "document_place", order=40, per_document=True)
def document_place(ask):
    """The document's default place (corpus metadata)."""
    yield ask.ctx.doc.place, -1, -1
