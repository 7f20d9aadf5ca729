"""Stages 5-6: decide which mentions are claims, then attribute metric, year, place, per, kind.

Every decision is a named rule: an excluded mention carries the rule that dropped it, a claim
the rule that produced it, so precision can be measured per rule.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import lexicon
from .places import COUNTRY, PlaceMention, find_places, gazetteer, has_place_suffix, place_english
from .resources import read_tsv
from .spans import Ordered, Span
from .times import find_times
from .tokens import first_word, tag
from .numerals import numeral_chars
from .values import Claim, Document, Mention, Sentence, Token

_CLAUSE_BREAK = "，,；;：:。！？!?"
_LIST_BREAK = _CLAUSE_BREAK + "、"
_QUOTES = regex.compile(r"[“\"「『‘]([^“”\"「」『』‘’]{1,8})[”\"」』’]")
_MAX_METRIC = 14
#: How far from its number a metric phrase is looked for, so a long clause costs no more per number.
_METRIC_REACH = 4 * _MAX_METRIC
_SPEECH_TAG_MAX = 12


@dataclass
class Context:
    """What the attribution rules need to know about the whole document, computed once."""

    doc: Document
    sentences: list[Sentence]
    part_starts: list[int]  # starts of every sentence part, sorted
    part_sentence: list[int]  # the sentence index of each part
    paragraph_first: list[int]  # sentence index -> index of its paragraph's first sentence
    headings: list[tuple[int, str]]  # (sentence index, year it names or "") for section headings
    places: Ordered
    place_at: dict[int, PlaceMention]
    place_ending_at: dict[int, PlaceMention]
    times: Ordered
    set_phrases: Ordered
    quoted: Ordered
    word_starts: frozenset[int]
    people: dict[str, str]


def build_context(doc: Document, sentences: list[Sentence], tokens: list[Token]) -> Context:
    norm = doc.norm
    places = find_places(norm)
    times = Ordered(find_times(norm, doc.year))
    parts = sorted((a, b, i) for i, s in enumerate(sentences) for a, b in s.parts)
    first_of: dict[int, int] = {}
    first = [first_of.setdefault(s.paragraph, i) for i, s in enumerate(sentences)]
    headings = []
    for i, h in enumerate(sentences):
        if h.heading and not regex.search(r"年\d{1,2}月\d{1,2}日", norm[h.start:h.end]):  # a dateline heads nothing
            named = [t.year for t in times.starting_in(h.start, h.end) if t.year]
            headings.append((i, named[0] if named else ""))
    ctx = Context(
        doc=doc,
        sentences=sentences,
        part_starts=[a for a, _, _ in parts],
        part_sentence=[i for _, _, i in parts],
        paragraph_first=first,
        headings=headings,
        places=Ordered(places),
        place_at={p.start: p for p in places},
        place_ending_at={p.end: p for p in places},
        times=times,
        set_phrases=Ordered(Span(m.start(), m.end()) for m in lexicon.set_phrase_pattern().finditer(norm)),
        quoted=Ordered(Span(m.start(1), m.end(1)) for m in _QUOTES.finditer(norm)),
        word_starts=frozenset(t.start for t in tokens),
        people={},
    )
    ctx.people = _people_places(ctx)
    return ctx


#: No place, time, set phrase or quotation in the texts zhfacts reads is longer than this.
_LONGEST_SPAN = 40


def _single_numeral(m: Mention, norm: str) -> bool:
    """A one-character Chinese numeral (一, 万 ...), the kind that is often part of a word."""
    return m.end - m.start - len(m.unit_surface) == 1 and norm[m.start] in numeral_chars()


#: Characters of context on each side of a one-character numeral that decide its word.
_WORD_CONTEXT = 6


def _opens_with_noun(text: str) -> bool:
    """Whether text opens with a noun ("老年人", "的项目"), not a verb ("安排") or punctuation."""
    tagged = [t for t in tag(text) if t[0] != "的"] if text else []
    if not tagged:
        return False
    word, flag = tagged[0]
    return flag.startswith(("n", "vn")) and (len(word) > 1 or flag != "nz")


def word_windows(doc: Document, mentions: list[Mention]) -> list[tuple[int, int]]:
    """Short windows, within the clause, around each one-character Chinese numeral: the only
    places where words must be known."""
    out: list[tuple[int, int]] = []
    for m in mentions:
        if _single_numeral(m, doc.norm):
            a, b = _clause_bounds(doc.norm, m.start)
            a, b = max(a, m.start - _WORD_CONTEXT), min(b, m.end + _WORD_CONTEXT)
            if out and a < out[-1][1]:
                out[-1] = (out[-1][0], max(b, out[-1][1]))
            else:
                out.append((a, b))
    return out


# --- exclusion rules -------------------------------------------------------------------------

def _around(m: Mention, spans: Ordered) -> list:
    return [x for x in spans.starting_in(m.start - _LONGEST_SPAN, m.end) if x.end > m.start]


def exclusion(m: Mention, ctx: Context) -> str:
    """The name of the rule that makes this mention a non-claim, or '' for a claim candidate."""
    norm = ctx.doc.norm
    before = norm[max(0, m.start - 1):m.start]
    after = norm[m.unit_end:m.unit_end + 1]
    if any(t.start <= m.start < t.end for t in _around(m, ctx.times)):
        return "date"
    if m.unit == "year" and m.value == int(m.value) and 1000 <= m.value <= 2999 and m.value_max is None:
        return "date"
    if (m.unit == "" and after and after in lexicon.grammar("date_unit")) or (
            before in lexicon.grammar("date_prefix") and m.unit in ("", "day")):
        return "date"
    if before in lexicon.grammar("ordinal_prefix") or (norm[m.end:m.end + 1] == "、" and (m.start == 0 or norm[m.start - 1] in "\n ")):
        return "ordinal"  # 第一, 大年初二, and a section number opening a line: "六、人民生活"
    q_after = lexicon.after_qualifier_pattern().match(norm, m.unit_end)
    if q_after and q_after.group() != "左右" and _opens_with_noun(norm[q_after.end():q_after.end() + 4]):
        return "category_bound"  # "亿元以上项目", "60岁以上老年人": a bound that names a class
    place = ctx.place_ending_at.get(m.start)
    if place and place.place.level >= 5 and m.unit_surface in lexicon.grammar("address_unit"):
        return "address"  # 弄耀村六组: a village group's name
    if _single_numeral(m, norm) and m.start not in ctx.word_starts and not m.rule.startswith("reaching_scale"):
        return "inside_word"  # a one-character numeral inside a word: 统一, 一些, 进一步
    if norm[m.start:m.end] in lexicon.per_markers():
        return "per_marker"
    if m.unit_surface == "" and m.value < 10 and after and has_place_suffix(after):
        return "collective_name"
    if any(not (m.start <= x.start and x.end <= m.end and x.end - x.start < m.end - m.start)
           for x in _around(m, ctx.set_phrases)):
        return "set_phrase"  # a phrase inside a longer numeral is part of it: 一百零一万一千, 万分之三
    if any(x.start <= m.start and m.end <= x.end for x in _around(m, ctx.quoted)):
        return "quoted_name"
    unit = lexicon.units().get(m.unit_surface)
    if unit and unit.category == "rating" and regex.match(r"\p{Han}", after or " "):
        return "spec_rating"
    if (unit is None or unit.category in ("count", "people")) and lexicon.abstract_noun_pattern().match(norm, m.unit_end):
        return "abstract_count"
    if m.unit == "" and not _counted_noun(m, ctx):
        return "no_unit"
    if norm[m.start:m.start + 1] == "一" and m.value == 1 and unit and unit.category in ("count", "people"):
        return "indefinite_one"
    return ""


# --- units from counted nouns ----------------------------------------------------------------

@lru_cache(maxsize=8)
def _break_offsets(norm: str, breaks: str) -> list[int]:
    """Offsets of a document's clause breaks and line ends, found once per document so that
    clause bounds cost a bisection, not a walk through a clause that may be the whole line."""
    return [i for i, ch in enumerate(norm) if ch in breaks or ch == "\n"]


def _clause_bounds(norm: str, pos: int, breaks: str = _CLAUSE_BREAK) -> tuple[int, int]:
    offsets = _break_offsets(norm, breaks)
    i = bisect_left(offsets, pos)
    return (offsets[i - 1] + 1 if i else 0), (offsets[i] if i < len(offsets) else len(norm))


def _counted_noun(m: Mention, ctx: Context) -> str:
    """Unit code of the counted noun after a number (a place name may stand between)."""
    norm = ctx.doc.norm
    _, clause_end = _clause_bounds(norm, m.end, _LIST_BREAK)
    pos = m.end
    if pos in ctx.place_at:
        pos = ctx.place_at[pos].end
    found = lexicon.counted_noun_pattern().match(norm, pos, min(clause_end, pos + 8))
    if found is None:
        window = norm[pos:min(clause_end, pos + 8)]
        found = lexicon.counted_noun_pattern().search(window)
        if found is not None and found.start() > 4:
            found = None
    if found is None and m.value >= 10000:
        # "减少1109万": a large bare count takes the counted noun of its subject, else counts items
        # of the noun after it ("上亿市场主体").
        clause_start, _ = _clause_bounds(norm, m.start)
        subject = list(lexicon.counted_noun_pattern().finditer(norm, clause_start, m.start))
        if subject:
            return lexicon.counted_nouns()[subject[-1].group()]
        return "item" if regex.match(r"\p{Han}", norm[pos:pos + 1]) else ""
    return lexicon.counted_nouns()[found.group()] if found else ""


def resolve_unit(m: Mention, ctx: Context) -> Mention:
    """A bare number takes its unit from the counted noun; 个 before a people noun counts people."""
    if m.unit == "" or (m.unit == "item" and m.unit_surface == "个"):
        code = _counted_noun(m, ctx)
        if code and (m.unit == "" or code == "person"):
            return Mention(**{**m.__dict__, "unit": code, "rule": m.rule + "+counted_noun"})
    return m


# --- year ------------------------------------------------------------------------------------

def _sentence_of(pos: int, ctx: Context) -> int:
    """The sentence whose text holds pos (a caption inside a sentence's range is its own)."""
    return ctx.part_sentence[max(0, bisect_right(ctx.part_starts, pos) - 1)]


def resolve_year(m: Mention, si: int, ctx: Context) -> str:
    norm, s = ctx.doc.norm, ctx.sentences[si]
    in_sentence = [t for t in ctx.times.starting_in(s.start, s.end) if not t.base]
    # A time expression that modifies this number directly ("2014年的11%").
    for t in in_sentence:
        if t.direct and t.end < m.start and norm.startswith("的", t.end):
            between = norm[t.end + 1:m.start]
            if not between or between in lexicon.qualifiers()["before"]:
                return t.year
    before = [t for t in in_sentence if t.end <= m.start and not t.direct]
    if before:
        return before[-1].year
    _, clause_end = _clause_bounds(norm, m.end, _LIST_BREAK)
    after = [t for t in in_sentence if m.end <= t.start < clause_end and not t.direct]
    if after:
        return after[0].year
    return _heading_year(si, ctx)


def _heading_year(si: int, ctx: Context) -> str:
    """The year of the section heading over sentence si, else of the document title.

    A heading without a year ends the previous heading's section; a dateline ("2020年5月22日
    在…会议上") dates another event and heads nothing.
    """
    above = ctx.headings[:bisect_left(ctx.headings, (si, ""))]
    if not above:
        return ""
    return above[-1][1] or ctx.headings[0][1]


# --- place -----------------------------------------------------------------------------------

def _scope_place(p: PlaceMention, ctx: Context) -> str:
    """全旗, 全苏木: the place of that level the text last named, or the document's place."""
    if p.place == COUNTRY:
        return COUNTRY.name
    village_or_township = p.place.level >= 4
    for q in reversed(ctx.places.before(p.start)):
        if q.scope or q.partner or q.place.level != p.place.level:
            continue
        if village_or_township or q.surface.endswith(p.place.name):  # 村里 -> 布拉嘎查; 全旗 -> 科左后旗
            return q.surface
    return ctx.doc.place


def _people_places(ctx: Context) -> dict[str, str]:
    """Persons introduced with their village ("努古斯台嘎查的春梅") keep it (claims-spec 2.2)."""
    norm, out = ctx.doc.norm, {}
    for p in ctx.places.items:
        if p.place.level >= 4 and norm.startswith("的", p.end):
            name = first_word(norm[p.end + 1:p.end + 5])
            if 2 <= len(name) <= 3 and regex.fullmatch(r"\p{Han}+", name):
                out[name] = p.surface
    return out


def resolve_place(m: Mention, si: int, ctx: Context) -> str:
    s = ctx.sentences[si]
    clause_start, _ = _clause_bounds(ctx.doc.norm, m.start)
    for p in reversed(ctx.places.starting_in(s.start, m.start)):
        if p.place == COUNTRY and p.scope and p.start < clause_start:
            continue  # "举全国之力" speaks for its own clause only
        if p.end <= m.start and not p.compared and (p.end == m.start or not p.partner):
            return _scope_place(p, ctx) if p.scope else p.surface
    text = ctx.doc.norm[s.start:s.end]
    if si + 1 < len(ctx.sentences) and len(ctx.sentences[si + 1].parts[0]) and _is_speech_tag(ctx.sentences[si + 1], ctx):
        text += ctx.doc.norm[ctx.sentences[si + 1].start:ctx.sentences[si + 1].end]  # “…”春梅说。
    for person, place in ctx.people.items():
        if person in text:
            return place
    first = ctx.sentences[ctx.paragraph_first[si]]
    for p in reversed(ctx.places.starting_in(first.start, s.start)):
        if not p.partner and not p.scope:
            return p.surface
    return ctx.doc.place


def _is_speech_tag(s: Sentence, ctx: Context) -> bool:
    """A short sentence that names who spoke the quotation before it ("春梅说。")."""
    text = ctx.doc.norm[s.start:s.end].rstrip("。!！")
    return s.end - s.start <= _SPEECH_TAG_MAX and text.endswith(lexicon.grammar("speech_verb"))


def _division(place: str, pos: int, ctx: Context):
    """The gazetteer entry of a place; a township or village takes the county the text last
    named before the number (else the document's place), as it lies inside it."""
    found = gazetteer().get(place)
    if found or not place:
        return found
    for p in reversed(ctx.places.before(pos)):
        if p.place.level == 3 and p.place.county and not p.partner:
            return p.place
    return gazetteer().get(ctx.doc.place)


# --- per -------------------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def _per_markers_in(norm: str, a: int, b: int) -> list[tuple[int, str]]:
    """(end, marker) of the per markers of one clause, found once for all its numbers."""
    return [(x.end(), x.group()) for x in lexicon.per_marker_pattern().finditer(norm, a, b)]


def resolve_per(m: Mention, ctx: Context) -> str:
    """Denominators from per markers in the clause before the number (a list shares them:
    "每年分别补助1800元、2000元"); 年 or 月 opening the clause is per year or month. Shares take none."""
    unit = lexicon.units().get(m.unit_surface)
    if unit and unit.category == "share":
        return ""
    norm = ctx.doc.norm
    a, b = _clause_bounds(norm, m.start)
    markers = _per_markers_in(norm, a, b)
    found = [unit for end, marker in markers[:bisect_right(markers, (m.start, "\uffff"))]
             for unit in lexicon.per_markers()[marker].split("/")]
    prefix = lexicon.period_prefixes().get(norm[a:a + 1])
    if prefix and not any(norm.startswith(word, a) for word in prefix[1]):
        found.append(prefix[0])  # "年发电量4620万度", "月工资2800元"
    time_last = {"month", "day", "year"}
    counted = [f for f in found if f not in time_last][:1]
    time = [f for f in found if f in time_last][-1:]
    return "/".join(counted + time)


# --- metric ----------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _trim_words() -> tuple[list[str], list[str]]:
    rows = read_tsv("metric_trim.tsv")
    start = sorted((r["word"] for r in rows if r["where"] in ("start", "both")), key=len, reverse=True)
    end = sorted((r["word"] for r in rows if r["where"] in ("end", "both")), key=len, reverse=True)
    return start, end


def _trim(phrase: str) -> str:
    start_words, end_words = _trim_words()
    changed = True
    while changed and phrase:
        changed = False
        phrase = phrase.strip(" “”\"‘’()（）《》「」")
        for w in start_words:
            if phrase.startswith(w) and len(phrase) > len(w):
                phrase, changed = phrase[len(w):], True
                break
        for w in end_words:
            if phrase.endswith(w) and len(phrase) > len(w):
                phrase, changed = phrase[: -len(w)], True
                break
    return phrase


def _blank(norm: str, a: int, b: int, ctx: Context, m: Mention, claim_spans: list[tuple[int, int]]) -> str:
    """The text [a, b) with times, places, qualifiers and other claims cut out (a non-claim
    number stays: "66千伏线路")."""
    near = ctx.times.starting_in(a - _LONGEST_SPAN, b) + ctx.places.starting_in(a - _LONGEST_SPAN, b)
    spans = [(x.start, x.end) for x in near]
    lo = bisect_left(claim_spans, (a - _LONGEST_SPAN, 0))
    spans += [c for c in claim_spans[lo:bisect_left(claim_spans, (b, 0))] if c != (m.start, m.end)]
    if m.qualifier_start >= 0:
        spans.append((m.qualifier_start, m.start))
    pieces, pos = [], a
    for x, y in sorted((max(x, a), min(y, b)) for x, y in spans):
        if y <= pos:
            continue
        x = max(x, pos)
        pieces += [norm[pos:x], "\x00" * (y - x)]
        pos = y
    pieces.append(norm[pos:b])
    return "".join(pieces)


def _is_filler(piece: str) -> bool:
    start_words, end_words = _trim_words()
    return not piece or piece in start_words or piece in end_words


#: Parts of speech that can stand in a metric phrase (jieba's tag set): nouns, verbal and
#: adjectival nouns, abbreviations, idioms, distinguishing words, and the lexicon's own words.
_NOUNISH = ("n", "nr", "nz", "nt", "ng", "vn", "an", "j", "l", "b", "eng", "q")
_VERBISH = ("v", "vd", "vi", "a")


def _head_phrase(text: str) -> str:
    """The noun phrase that opens text ("风电项目、清水县" -> 风电项目)."""
    words = []
    for word, flag in tag(text):
        if not flag.startswith(_NOUNISH) or flag in ("nrt", "ns"):
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


def _content(flag: str) -> bool:
    return (flag.startswith(_NOUNISH) or flag.startswith(_VERBISH)) and flag != "ns"


def _tail_phrase(text: str) -> str:
    """The verb-and-noun phrase that closes text, past trailing function words
    ("粮食产量保持在" -> 粮食产量保持, "使用项目资金为贫困户购牛" -> 贫困户购牛)."""
    tagged = list(tag(text))
    while tagged and not _content(tagged[-1][1]):
        tagged.pop()
    words = []
    for word, flag in reversed(tagged):
        if not _content(flag):
            break
        words.append(word)
    return _trim("".join(reversed(words)))


def _pieces(text: str) -> list[str]:
    return [p for p in (_trim(p) for p in text.split("\x00") if p) if not _is_filler(p)]


def metric_candidates(m: Mention, ctx: Context, claim_spans: list[tuple[int, int]],
                      previous: Claim | None) -> list[tuple[str, str]]:
    """Candidate metric phrases as (phrase, rule name), best first by the rules' own order.

    The thing measured is the noun phrase right after the unit ("61家连锁超市"), joined to a
    bare verb before the number ("治理100万亩沙地"); else the phrase before the number in its
    clause; a bare change verb takes the previous claim's metric ("…，增长6.1%").
    """
    norm = ctx.doc.norm
    if m.unit_surface in _unit_metrics():
        return [(_unit_metrics()[m.unit_surface], "unit_metric")]
    unit = lexicon.units().get(m.unit_surface)
    share = unit is not None and unit.category == "share"
    counts = unit is None or unit.category in ("count", "people")
    a, _ = _clause_bounds(norm, m.start, _LIST_BREAK)
    _, b = _clause_bounds(norm, m.end, _LIST_BREAK)
    a, b = max(a, m.start - _METRIC_REACH), min(b, m.unit_end + _METRIC_REACH)
    before_pieces = _pieces(_blank(norm, a, m.start, ctx, m, claim_spans))
    before = _tail_phrase(before_pieces[-1])[-_MAX_METRIC:] if before_pieces else ""
    if before and len(before) <= 2 and len(before_pieces) > 1:
        before = (_tail_phrase(before_pieces[-2]) + before)[-_MAX_METRIC:]
    after_q = lexicon.after_qualifier_pattern().match(norm, m.unit_end)
    after_text = _blank(norm, after_q.end() if after_q else m.unit_end, b, ctx, m, claim_spans)
    after_piece = after_text.lstrip("\x00的").split("\x00")[0]
    after = "" if share else _head_phrase(after_piece)[:_MAX_METRIC]
    same_sentence = previous is not None and previous.sentence.start <= m.start < previous.sentence.end
    out: list[tuple[str, str]] = []
    if after and before and len(before) <= 2 and not after.startswith(before):
        out.append((before + after, "verb_noun_after"))
    if after:
        out.append((after, "noun_after"))
    if before in _change_verbs() and same_sentence and len(before_pieces) == 1:
        out.append((previous.metric + before, "change_of_previous"))
    if before:
        out.append((before, "phrase_before"))
    lead = "" if share else _lead_phrase(after_piece)[:_MAX_METRIC]
    if lead and counts:
        out.append((lead, "verb_phrase_after"))  # "近3亿人领取养老金"
    if same_sentence and previous.metric:
        out.append((previous.metric, "previous_metric"))
    return out


@lru_cache(maxsize=None)
def _change_verbs() -> frozenset[str]:
    return frozenset(r["verb"] for r in read_tsv("change_verbs.tsv"))


@lru_cache(maxsize=None)
def _unit_metrics() -> dict[str, str]:
    return {r["surface"]: r["metric"] for r in read_tsv("unit_metrics.tsv")}


# --- kind ------------------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _kind_pattern() -> tuple[regex.Pattern, dict[str, str]]:
    rows = {r["marker"]: r["kind"] for r in read_tsv("kind_markers.tsv")}
    return regex.compile("|".join(map(regex.escape, sorted(rows, key=len, reverse=True)))), rows


@lru_cache(maxsize=1024)
def _kind_markers_in(norm: str, a: int, b: int) -> list[tuple[int, str]]:
    """(end, marker) of the kind markers of one sentence, found once for all its numbers."""
    return [(x.end(), x.group()) for x in _kind_pattern()[0].finditer(norm, a, b)]


def resolve_kind(m: Mention, si: int, ctx: Context) -> str:
    s = ctx.sentences[si]
    markers = _kind_markers_in(ctx.doc.norm, s.start, s.end)
    i = bisect_right(markers, (m.start, "\uffff"))
    return _kind_pattern()[1][markers[i - 1][1]] if i else "actual"


# --- the stage -------------------------------------------------------------------------------

def attribute(mentions: list[Mention], ctx: Context) -> list[Claim]:
    """Claims (and, with their rule, excluded mentions) for every mention, in text order.

    Exclusion runs first over all mentions, so that attribution sees which neighbours are
    claims (an excluded "66千伏" stays part of the metric "66千伏线路").
    """
    resolved = [resolve_unit(m, ctx) for m in mentions]
    rules = [exclusion(m, ctx) for m in resolved]
    claim_spans = [(m.start, m.end) for m, rule in zip(resolved, rules) if not rule]
    out: list[Claim] = []
    previous: Claim | None = None
    for m, rule in zip(resolved, rules):
        si = _sentence_of(m.start, ctx)
        sentence = ctx.sentences[si]
        if rule:
            out.append(Claim(ctx.doc.doc_id, m, sentence, status="excluded", rule=rule))
            continue
        place = resolve_place(m, si, ctx)
        candidates = metric_candidates(m, ctx, claim_spans, previous)
        metric, metric_rule = candidates[0] if candidates else ("", "")
        claim = Claim(
            ctx.doc.doc_id, m, sentence, rule=m.rule, metric_rule=metric_rule,
            metric_candidates=candidates, metric=metric,
            year=resolve_year(m, si, ctx),
            place=place, per=resolve_per(m, ctx), kind=resolve_kind(m, si, ctx),
        )
        claim.place_en = place_english(place) if place else ""
        division = _division(place, m.start, ctx)
        if division:
            claim.province, claim.city, claim.county = division.province, division.city, division.county
        out.append(claim)
        previous = claim
    return out
