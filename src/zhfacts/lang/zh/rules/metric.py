"""Metric rules: the thing measured, as a short phrase copied from the text.

The thing measured is the noun phrase right after the unit ("61家连锁超市"), joined to a bare
verb before the number ("治理100万亩沙地"); else the phrase before the number in its clause; a
bare change verb takes the previous claim's metric ("…，增长6.1%"). The phrase windows are cut
once per mention (``windows``) and every rule reads them.
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

import regex
from typing import NamedTuple

from ....codes import Slot, UnitCategory
from ....registry import Guard, rule
from .. import lexicon
from ..sentences import ITEM
from ..words import tag
from .exclude import LONGEST_SPAN

_MAX_METRIC = 14
#: How far from its number a metric phrase is looked for, so a long clause costs no more per number.
_METRIC_REACH = 4 * _MAX_METRIC
#: A list of numbers answering a list is read this far either side of the number (a longer run
#: of numbers is no enumeration a reader pairs one by one).
_LIST_MAX = 16
#: A phrase before the number this short is a bare verb ("治理") that joins the noun after it.
_BARE_VERB = 2
_BLANK = "\x00"

#: Parts of speech that can stand in a metric phrase (jieba's tag set): nouns, verbal and
#: adjectival nouns, abbreviations, idioms, distinguishing words, and the lexicon's own words.
_NOUNISH = ("n", "nr", "nz", "nt", "ng", "vn", "an", "j", "l", "b", "eng", "q")
_VERBISH = ("v", "vd", "vi", "a")
_PLACE_TAGS = ("nrt", "ns")


def _closes_bracket(phrase: str) -> bool:
    """The phrase ends with a bracket it opened: "固定资产投资（不含农户）" keeps its note."""
    brackets = lexicon.punctuation("bracket")
    pairs = dict(zip(brackets[::2], brackets[1::2]))
    return any(phrase.endswith(close) and opening in phrase[:-1] for opening, close in pairs.items())


def _strip(phrase: str, strip: str) -> str:
    phrase = phrase.lstrip(strip)
    while phrase and phrase[-1] in strip and not _closes_bracket(phrase):
        phrase = phrase[:-1]
    return phrase


def _trim(phrase: str) -> str:
    firsts, lasts = _trim_edges()
    if not phrase or (phrase[0] not in firsts and phrase[-1] not in lasts):
        return phrase  # nothing to trim at either end: no look-up per word length, no tagging
    starts, ends = _trim_sets()
    strip = lexicon.punctuation("trim")
    changed = True
    while changed and phrase:
        changed = False
        phrase = _strip(phrase, strip)
        # the longest trim word at each end, as a walk of the longest-first word list would take
        for n in reversed(_lengths(starts)):
            if len(phrase) > n and phrase[:n] in starts and _whole_word(phrase, phrase[:n], 0):
                phrase, changed = phrase[n:], True
                break
        for n in reversed(_lengths(ends)):
            if len(phrase) > n and phrase[-n:] in ends and _whole_word(phrase, phrase[-n:], -1):
                phrase, changed = phrase[:-n], True
                break
    return phrase


@lru_cache(maxsize=None)
def _trim_sets() -> tuple[frozenset[str], frozenset[str]]:
    """The words trimmed from the start and from the end as sets: a look-up per word length at
    each end of a phrase instead of a test per word."""
    start_words, end_words = lexicon.metric_trim_words()
    return frozenset(start_words), frozenset(end_words)


@lru_cache(maxsize=None)
def _trim_edges() -> tuple[frozenset[str], frozenset[str]]:
    """The characters a trim can begin with at the start of a phrase (trim punctuation, first
    characters of the start words) and at its end (trim punctuation, last characters of the end
    words): a phrase whose two ends are neither is kept as it is."""
    starts, ends = _trim_sets()
    strip = frozenset(lexicon.punctuation("trim"))
    return strip | _edge_chars(starts, 0), strip | _edge_chars(ends, -1)


@lru_cache(maxsize=None)
def _edge_chars(words: frozenset[str], where: int) -> frozenset[str]:
    """The characters the words begin (``where`` 0) or end (-1) with: a text whose character at
    that end is none of them opens or closes with none of the words, told by one look-up."""
    return frozenset(w[where] for w in words if w)


def _whole_word(phrase: str, word: str, where: int) -> bool:
    """word stands whole at that end of the phrase, no part of a longer word ("从" of "从业人员"
    is no preposition)."""
    words = tag(phrase)
    return len(words[where][0]) <= len(word)


def _blank(ask, a: int, b: int) -> str:
    """The text [a, b) with times, places, qualifiers and other claims blanked out (a non-claim
    number stays: "66千伏线路"): a slice of the document blanked once, where the mention itself
    and no span longer than ``LONGEST_SPAN`` reaches into the window (else span by span)."""
    m = ask.mention
    blanked, long_spans = _blanked_document(ask)
    if (a < m.end and m.start < b) or any(a - LONGEST_SPAN <= x < b for x, _ in long_spans):
        return _blank_spans(ask, a, b)
    text = blanked[a:b]
    if m.qualifier_start >= 0 and max(a, m.qualifier_start) < min(b, m.start):
        x, y = max(a, m.qualifier_start), min(b, m.start)
        text = text[:x - a] + _BLANK * (y - x) + text[y - a:]
    return text


def _blanked_document(ask) -> tuple[str, list[tuple[int, int]]]:
    """The document with its times, places and claims blanked, built once per document (and
    again if asked with other claims), and the spans longer than ``LONGEST_SPAN``, left out of
    it: a window only blanks the spans that start at most that far before it."""
    found = ask.ctx.memo.get("metric.blanked")
    if found is None or found[0] is not ask.claims:
        spans = sorted([*_named_spans(ask.ctx), *ask.claims])
        short = [(x, y) for x, y in spans if y - x <= LONGEST_SPAN]
        found = (ask.claims, _blanked(ask.norm, short, 0, len(ask.norm)), [(x, y) for x, y in spans if y - x > LONGEST_SPAN])
        ask.ctx.memo["metric.blanked"] = found
    return found[1], found[2]


def _blank_spans(ask, a: int, b: int) -> str:
    """``_blank`` span by span: the spans that start in [a - LONGEST_SPAN, b)."""
    m = ask.mention
    named, claims = _named_spans(ask.ctx), ask.claims
    spans = named[bisect_left(named, (a - LONGEST_SPAN,)):bisect_left(named, (b,))]
    spans += [c for c in claims[bisect_left(claims, (a - LONGEST_SPAN,)):bisect_left(claims, (b,))] if c != (m.start, m.end)]
    if m.qualifier_start >= 0:
        spans.append((m.qualifier_start, m.start))
    return _blanked(ask.norm, sorted(spans), a, b)


def _blanked(norm: str, spans: list[tuple[int, int]], a: int, b: int) -> str:
    """norm[a:b] with the union of the spans (sorted by start, none starting at or after b) blanked."""
    pieces, pos = [], a
    for x, y in spans:  # their union, clipped to [a, b)
        y = min(y, b)
        if y <= pos:
            continue
        x = max(x, pos)
        pieces += [norm[pos:x], _BLANK * (y - x)]
        pos = y
    pieces.append(norm[pos:b])
    return "".join(pieces)


def _named_spans(ctx) -> list[tuple[int, int]]:
    """(start, end) of the document's times and places in one list sorted by start, built once
    per document: every phrase window blanks them, with one bisection instead of one per kind."""
    return ctx.once("metric.named_spans", lambda: sorted((x.start, x.end) for x in (*ctx.times.items, *ctx.places.items)))


def _is_filler(piece: str) -> bool:
    """A piece that names nothing: a trim word, or only the modifiers of a change ("比" of
    "比上年增长" with the time blanked)."""
    starts, ends = _trim_sets()
    return not piece or piece in starts or piece in ends or _modifiers_only(piece)


def _modifiers_only(text: str) -> bool:
    """text is a run of change modifiers ("同比实际", "比"), or empty."""
    modifiers = _modifier_set()
    if text and text[0] not in _edge_chars(modifiers, 0):
        return False
    lengths = _lengths(modifiers)[::-1]
    while text:
        # the longest modifier the text opens with, as a walk of the longest-first list would take
        for n in lengths:
            if text[:n] in modifiers:
                break
        else:
            return False
        text = text[n:]
    return True


@lru_cache(maxsize=None)
def _modifier_set() -> frozenset[str]:
    """The change modifiers as a set: a look-up per length instead of a test per word."""
    return frozenset(lexicon.change_modifiers())


def _bare_change(phrase: str) -> bool:
    """The phrase only says how something changed: change modifiers, then a change verb
    ("增长", "同比实际增长", "比上月略升" with the time blanked)."""
    verbs = lexicon.change_verbs()
    if not phrase or phrase[-1] not in _edge_chars(verbs, -1):
        return False
    return any(phrase[-n:] in verbs and _modifiers_only(phrase[:-n]) for n in _lengths(verbs) if n <= len(phrase))


@lru_cache(maxsize=None)
def _lengths(words: frozenset[str]) -> tuple[int, ...]:
    """The lengths the words come in: a phrase ends with one of them where its tail of such a
    length is one, a set look-up per length instead of a test per word."""
    return tuple(sorted({len(w) for w in words if w}))


def _content(flag: str) -> bool:
    return (flag.startswith(_NOUNISH) or flag.startswith(_VERBISH)) and flag != "ns"


def _head_phrase(text: str) -> str:
    """The noun phrase that opens text ("风电项目、清水县" -> 风电项目)."""
    words = []
    for word, flag in tag(text):
        if not flag.startswith(_NOUNISH) or flag in _PLACE_TAGS:
            break
        words.append(word)
    return "".join(words)


def _lead_phrase(text: str) -> str:
    """The verb-and-noun phrase that opens text ("领取养老金，必须" -> 领取养老金)."""
    words = []
    for word, flag in tag(text):
        if not _content(flag):
            break
        words.append(word)
    return "".join(words)


def _tail_phrase(text: str) -> str:
    """The verb-and-noun phrase that closes text, past trailing function words
    ("粮食产量保持在" -> 粮食产量保持, "使用项目资金为贫困户购牛" -> 贫困户购牛)."""
    note = _note_pattern().search(text)
    if note and _closes_bracket(note.group()) and (head := _tail_phrase(text[:note.start()])):
        # "固定资产投资（不含农户）", "地区生产总值(GDP)"; a long note is no part of the name
        return head + note.group() if len(head) + len(note.group()) <= _MAX_METRIC else head
    tagged = list(tag(text))
    while tagged and not _content(tagged[-1][1]):
        tagged.pop()
    words = []
    for word, flag in reversed(tagged):
        if not _content(flag):
            break
        words.append(word)
    return _trim("".join(reversed(words)))


@lru_cache(maxsize=None)
def _note_pattern() -> regex.Pattern:
    """A short bracketed note that closes a phrase ("（不含农户）")."""
    brackets = lexicon.punctuation("bracket")
    return regex.compile(f"[{regex.escape(brackets[::2])}][^{regex.escape(brackets)}]{{1,{_MAX_METRIC}}}[{regex.escape(brackets[1::2])}]$")


def _last_pieces(text: str) -> list[str]:
    """The last two pieces of text between blanks that name something, trimmed, in text order:
    the rules read only those, and whether there is one piece or more."""
    found = []
    for piece in reversed(text.split(_BLANK)):
        piece = _trim(piece) if piece else ""
        if not _is_filler(piece):
            found.append(piece)
            if len(found) == 2:
                break
    return found[::-1]


class Windows(NamedTuple):
    """The phrases around one number that the metric rules choose from, with where they start
    (a tuple with named fields: one is cut for nearly every claim)."""

    before: str
    before_start: int
    before_pieces: int  # pieces of the clause before the number that name something, counted up to two
    after: str
    after_start: int
    lead: str
    share: bool
    counts: bool
    a: int  # start of the clause (list commas end it)
    before_written: str  # the phrases as the document writes them (traditional characters stay)
    after_written: str
    lead_written: str


def windows(ask) -> Windows | None:
    """The phrase windows of the mention, cut once; None when its unit names the metric."""
    if "windows" in ask.memo:
        return ask.memo["windows"]
    ask.memo["windows"] = found = None if ask.mention.unit_surface in lexicon.unit_metrics() else _windows(ask)
    return found


def _windows(ask) -> Windows:
    m, norm = ask.mention, ask.norm
    unit = lexicon.units().get(m.unit_surface)
    share = unit is not None and unit.category == UnitCategory.SHARE
    counts = unit is None or unit.category in (UnitCategory.COUNT, UnitCategory.PEOPLE)
    a, _ = ask.ctx.clause_bounds(m.start, lists=True)
    _, b = ask.ctx.clause_bounds(m.end, lists=True)
    a, b = max(a, m.start - _METRIC_REACH), min(b, m.unit_end + _METRIC_REACH)
    item = ITEM.match(norm, a, m.start)
    a = item.end() if item else a  # "二是培训农民2000人次": the enumerator is no part of the metric
    before_pieces = _last_pieces(_blank(ask, a, m.start))
    before = _tail_phrase(before_pieces[-1])[-_MAX_METRIC:] if before_pieces else ""
    if before_pieces and _bare_change(before_pieces[-1]):  # "比上月略升": the tagger splits it oddly
        before = before_pieces[-1][-_MAX_METRIC:]
    if before and len(before) <= _BARE_VERB and len(before_pieces) > 1:
        before = (_tail_phrase(before_pieces[-2]) + before)[-_MAX_METRIC:]
    after_q = lexicon.after_qualifier_pattern().match(norm, m.unit_end)
    after_from = after_q.end() if after_q else m.unit_end
    after_text = _blank(ask, after_from, b)
    after_piece = after_text.lstrip(_BLANK + "的").split(_BLANK)[0]
    after_start = after_from + (len(after_text) - len(after_text.lstrip(_BLANK + "的")))
    after = "" if share else _head_phrase(after_piece)[:_MAX_METRIC]
    lead = "" if share else _lead_phrase(after_piece)[:_MAX_METRIC]
    before_start = norm.rfind(before, a, m.start) if before else -1
    return Windows(before, before_start, len(before_pieces), after, after_start, lead, share, counts, a,
                   _written(ask, before, before_start, a, m.start), _written(ask, after, after_start, m.end, b),
                   _written(ask, lead, after_start, m.end, b))


def _written(ask, phrase: str, start: int, lo: int, hi: int) -> str:
    """The phrase as the document writes it: the rules read the folded copy, the metric is cut
    from the text. A phrase joined across a blanked word takes each character from where it
    stands in [lo, hi), nearest the number last."""
    norm, text = ask.norm, ask.ctx.doc.text
    if not phrase:
        return ""
    if start >= 0 and norm.startswith(phrase, start):
        return text[start:start + len(phrase)]
    out, pos = [], hi
    for ch in reversed(phrase):
        pos = norm.rfind(ch, lo, pos)
        if pos < 0:
            return phrase
        out.append(text[pos])
    return "".join(reversed(out))


def _same_sentence(ask) -> bool:
    p = ask.previous
    return p is not None and p.sentence.start <= ask.mention.start < p.sentence.end


def _span(start: int, phrase: str) -> tuple[int, int]:
    return (start, start + len(phrase)) if start >= 0 else (-1, -1)


@rule("zh", Slot.METRIC, "unit_metric", order=10)
def unit_metric(ask):
    """A unit that names its metric: an age in 岁 is 年龄."""
    m = ask.mention
    if m.unit_surface in lexicon.unit_metrics():
        yield lexicon.unit_metrics()[m.unit_surface], m.unit_end - len(m.unit_surface), m.unit_end


def _run(ask) -> list[tuple[int, int]]:
    """The list of claims the mention stands in ("6640.8万吨、1253.6万吨、9.1亿立方米"): claims of
    its sentence joined only by list commas or joining words."""
    s, m = ask.sentence, ask.mention
    claims = ask.claims
    i = bisect_left(claims, (m.start, m.end))
    if i >= len(claims) or claims[i] != (m.start, m.end):
        return []
    links, _ = _list_links(ask)
    lo, hi = i, i
    while lo > 0 and i - lo < _LIST_MAX and claims[lo - 1][0] >= s.start and links[lo - 1]:
        lo -= 1
    while hi + 1 < len(claims) and hi - i < _LIST_MAX and claims[hi + 1][0] < s.end and links[hi]:
        hi += 1
    return claims[lo:hi + 1]


def _list_links(ask) -> tuple[list[bool], frozenset[tuple[int, int]]]:
    """Whether each claim of the document is joined to the next only by a list comma or joining
    word ("5.5%左右、6%左右": a qualifier after a member stays with it), and the claims joined so to
    the claim before or after them, once per document (and again if asked with other claims):
    each pair is read once, not by both its members."""
    found = ask.ctx.memo.get("metric.list_links")
    if found is None or found[0] is not ask.claims:
        norm, joins, claims = ask.norm, _joins(), ask.claims
        after_qualifier = lexicon.after_qualifier_pattern()

        def joined(end: int, start: int) -> bool:
            q = after_qualifier.match(norm, end, start)
            return norm[q.end() if q else end:start] in joins

        links = [joined(x[1], y[0]) for x, y in zip(claims, claims[1:])]
        listed = frozenset(c for k, c in enumerate(claims) if (k and links[k - 1]) or (k < len(links) and links[k]))
        found = ask.ctx.memo["metric.list_links"] = (claims, links, listed)
    return found[1], found[2]


#: The claim is joined to a neighbour by a list comma or joining word: only such a claim stands in
#: a list of claims that answers a list of members.
LIST_MEMBER = Guard("zh.list_member", lambda ask: (ask.mention.start, ask.mention.end) in _list_links(ask)[1])


@lru_cache(maxsize=None)
def _joins() -> frozenset[str]:
    """What may stand between two members of a list of claims: a list comma or a joining word."""
    return frozenset(lexicon.punctuation("list")) | frozenset(lexicon.grammar("list_joiner"))


def _members(text: str) -> list[str]:
    """The members of an enumeration that closes text ("原煤、原油、天然气产量达到" -> 原煤产量,
    原油产量, 天然气产量): a head the last member shares is given to one-word members."""
    piece = text.rstrip(_BLANK).split(_BLANK)[-1]
    parts = [x for x in regex.split(f"[{regex.escape(lexicon.punctuation('list'))}]|" + "|".join(lexicon.grammar("list_joiner")), piece) if x]
    if len(parts) < 2:
        return []
    parts = [_tail_phrase(parts[0])] + [_trim(x) for x in parts[1:-1]] + [_trim(_tail_phrase(parts[-1]))]
    last = [w for w, _ in tag(parts[-1])]
    if len(last) > 1 and all(len(list(tag(x))) == 1 for x in parts[:-1]):
        head = "".join(last[1:])
        parts = [x + head for x in parts[:-1]] + [parts[-1]]
    return parts if all(parts) else []


@rule("zh", Slot.METRIC, "respective_member", order=15, when=LIST_MEMBER)
def respective_member(ask):
    """A list of numbers takes the members of the list it answers, one each, in order:
    "游客…、旅游总收入…，分别增长15%和20%" -> 游客 15%, 旅游总收入 20%; "原煤、原油、天然气产量
    达到6640.8万吨、1253.6万吨、9.1亿立方米" -> 原煤产量, 原油产量, 天然气产量."""
    run = _run(ask)
    if len(run) < 2 or windows(ask) is None:
        return
    m, norm = ask.mention, ask.norm
    k = run.index((m.start, m.end))
    a, _ = ask.ctx.clause_bounds(run[0][0])
    word = next((w for w in lexicon.grammar("respectively") if w in norm[a:run[0][0]]), "")
    before = norm[a:run[0][0]]
    verb = ""
    if word:
        cut = a + before.index(word)
        verb = _trim(norm[cut + len(word):run[0][0]])
        members = _members(_blank(ask, a, cut)) if cut > a else []
        if not members:  # "…120万人次、…8亿元，分别增长15%和20%": the claims before it are the members
            earlier, start_of = ask.earlier, (lambda c: c.mention.start)  # in text order
            lo, hi = bisect_left(earlier, ask.sentence.start, key=start_of), bisect_left(earlier, a, key=start_of)
            previous = earlier[lo:hi][-len(run):]
            members = [c.metric for c in previous if c.metric]
    else:
        members = _members(_blank(ask, a, run[0][0]))
    if len(members) == len(run):
        metric = members[k] + (verb if verb and _bare_change(verb) else "")
        yield metric[:_MAX_METRIC], a, run[0][0]


@rule("zh", Slot.METRIC, "verb_noun_after", order=20)
def verb_noun_after(ask):
    """A bare verb before the number joined to the noun after it: "治理100万亩沙地" -> 治理沙地."""
    w = windows(ask)
    if w and w.after and w.before and len(w.before) <= _BARE_VERB and not w.after.startswith(w.before):
        start = w.before_start if w.before_start >= 0 else w.after_start
        yield w.before_written + w.after_written, start, w.after_start + len(w.after)


def _from_windows(ask, holds, phrase):
    """The phrase the mention's windows give, when they hold the rule's condition."""
    w = windows(ask)
    if w and holds(w):
        yield phrase(w)


def _after_phrase(w) -> tuple[str, int, int]:
    return (w.after_written, *_span(w.after_start, w.after))


def _before_phrase(w, prefix: str = "") -> tuple[str, int, int]:
    return (prefix + w.before_written, *_span(w.before_start, w.before))


@rule("zh", Slot.METRIC, "noun_after", order=30)
def noun_after(ask):
    """The noun phrase right after the unit: "61家连锁超市" -> 连锁超市."""
    yield from _from_windows(ask, lambda w: w.after, _after_phrase)


def _subject(ask) -> str:
    """The metric of the thing the sentence is about so far: that of the last claim before the
    mention in its sentence whose own metric is no change of another ("地区生产总值" for both
    changes of "地区生产总值668亿元，比上年增长3.3%，两年平均增长5%")."""
    for c in reversed(ask.earlier):
        if c.mention.start < ask.sentence.start:
            return ""
        if c.metric and c.rule_of(Slot.METRIC) != "change_of_previous":
            return "" if _bare_change(c.metric) else c.metric
    return ""


@rule("zh", Slot.METRIC, "change_of_previous", order=40)
def change_of_previous(ask):
    """A bare change takes the metric of the sentence's subject: "…，增长6.1%" -> <subject>增长,
    "…，比上年实际增长5%" -> <subject>实际增长."""
    yield from _from_windows(
        ask, lambda w: _bare_change(w.before) and w.before_pieces == 1 and _subject(ask),
        lambda w: _before_phrase(w, _subject(ask)))


@rule("zh", Slot.METRIC, "phrase_before", order=50)
def phrase_before(ask):
    """The phrase before the number in its clause: "粮食产量保持在6.5亿吨" -> 粮食产量保持."""
    yield from _from_windows(ask, lambda w: w.before, _before_phrase)


@rule("zh", Slot.METRIC, "verb_phrase_after", order=60)
def verb_phrase_after(ask):
    """A count followed by what its members do: "近3亿人领取养老金" -> 领取养老金."""
    w = windows(ask)
    if w and w.lead and w.counts:
        yield w.lead_written, w.after_start, w.after_start + len(w.lead)


@rule("zh", Slot.METRIC, "previous_metric", order=70)
def previous_metric(ask):
    """The metric of the previous claim in the same sentence."""
    w = windows(ask)
    if w is not None and _same_sentence(ask) and ask.previous.metric:
        d = ask.previous.decision(Slot.METRIC)
        span = d.evidence if d is not None else None
        start, end = (span.start, span.end) if span else (-1, -1)
        yield ask.previous.metric, start, end


@rule("zh", Slot.METRIC, "no_metric", order=1000)
def no_metric(ask):
    """No phrase around the number names what it measures."""
    yield "", -1, -1
