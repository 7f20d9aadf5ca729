"""Exclusion rules: the mentions that are numbers but not claims (claims-spec section 1).

Each rule proposes the exclusion with its evidence (the time expression, the set phrase, the
quotation, the cue character); the first in order wins, and a mention no rule excludes is a
claim candidate.
"""
from __future__ import annotations

import regex

from ....codes import PlaceLevel, Slot, Status, UnitCategory
from ....registry import Guard, rule
from .. import lexicon
from ..places import has_place_suffix
from ..sentences import ITEM
from ..words import single_numeral, tag
from .guards import BOUND_AFTER, DATE_BESIDE, QUOTED_AT, RATING_UNIT, SET_PHRASE_OVER, TIME_AT_NUMBER, TIME_UNIT, first_chars
from .unit import counted_noun

#: No place, time, set phrase or quotation in the texts zhfacts reads is longer than this.
LONGEST_SPAN = 40
#: Characters after a bound that show whether a noun follows it ("以上项目").
_NOUN_LOOKAHEAD = 4
#: A number below this before a place suffix names a collective ("两村", "三乡").
_COLLECTIVE_MAX = 10
_YEARS = (1000, 2999)

EXCLUDED = Status.EXCLUDED.value


def around(ask, spans) -> list:
    m = ask.mention
    return [x for x in spans.starting_in(m.start - LONGEST_SPAN, m.end) if x.end > m.start]


def _before(ask) -> str:
    m = ask.mention
    return ask.norm[max(0, m.start - 1):m.start]


def _after(ask) -> str:
    m = ask.mention
    return ask.norm[m.unit_end:m.unit_end + 1]


def _unit(ask):
    return lexicon.units().get(ask.mention.unit_surface)


def _opens_with_noun(text: str) -> bool:
    """Whether text opens with a noun ("老年人", "的项目"), not a verb ("安排") or punctuation."""
    tagged = [t for t in tag(text) if t[0] != "的"] if text else []
    if not tagged:
        return False
    word, flag = tagged[0]
    return flag.startswith(("n", "vn")) and (len(word) > 1 or flag != "nz")


def _ends_word(norm: str, start: int, end: int) -> bool:
    """Whether the abstract noun at [start, end) ends where a word ends, or another abstract noun
    follows inside the word: "种" in "种模式" and "政策" in "政策措施" do, "种" in "种植户" and
    "标准" in "标准化棚圈" do not (an abstract noun must not swallow the start of a concrete one)."""
    pos = start
    for word, _ in tag(norm[start:end + _NOUN_LOOKAHEAD]):
        pos += len(word)
        if pos >= end:
            return pos == end or bool(lexicon.abstract_noun_pattern().match(norm, end))
    return True


def _reaches_zero(ask) -> bool:
    """零 after a verb of reaching ("贫困发生率降至零") is the value the metric fell to: zero
    needs no unit."""
    m = ask.mention
    return m.value == 0 and ask.norm.endswith(lexicon.grammar("reach_verb"), 0, m.start)


@rule("zh", Slot.EXCLUDE, "in_time_expression", order=10, when=TIME_AT_NUMBER)
def in_time_expression(ask):
    """The number is part of a date or time expression ("2019年4月", "十三五")."""
    m = ask.mention
    for t in ask.ctx.times.starting_in(m.start - LONGEST_SPAN, m.start + 1):
        if m.start < t.end:
            yield EXCLUDED, t.start, t.end


#: The number counts years.
YEAR_UNIT = Guard("zh.year_unit", lambda ask: ask.mention.unit == "year")


@rule("zh", Slot.EXCLUDE, "year_number", order=20, when=YEAR_UNIT)
def year_number(ask):
    """A whole number of 年 between 1000 and 2999 is a year, not a duration."""
    m = ask.mention
    if m.unit == "year" and m.value == int(m.value) and _YEARS[0] <= m.value <= _YEARS[1] and m.value_max is None:
        yield EXCLUDED, m.start, m.end


@rule("zh", Slot.EXCLUDE, "date_part", order=30, when=DATE_BESIDE)
def date_part(ask):
    """A bare number before a date unit ("4月", "22日") or a day number after one ("年4", "月22")."""
    m = ask.mention
    before, after = _before(ask), _after(ask)
    if m.unit == "" and after and after in lexicon.grammar("date_unit"):
        yield EXCLUDED, m.unit_end, m.unit_end + 1
    elif before in lexicon.grammar("date_prefix") and m.unit in ("", "day"):
        yield EXCLUDED, m.start - 1, m.start


#: An ordinal prefix stands right before the number.
ORDINAL_BEFORE = Guard("zh.ordinal_before",
                       lambda ask: ask.norm[ask.mention.start - 1:ask.mention.start] in first_chars("ordinal_prefix"))


@rule("zh", Slot.EXCLUDE, "ordinal", order=40, when=ORDINAL_BEFORE)
def ordinal(ask):
    """An ordinal or a lunar day: 第一, 大年初二."""
    if _before(ask) in lexicon.grammar("ordinal_prefix"):
        yield EXCLUDED, ask.mention.start - 1, ask.mention.start


def _after_mark(ask) -> bool:
    """Whether the number follows a mark, a space or the text's start, not a word: only such a
    number may open its clause (clause punctuation and brackets are no word characters)."""
    m = ask.mention
    return m.start == 0 or not ask.norm[m.start - 1].isalnum()


#: The number may open its clause.
AFTER_MARK = Guard("zh.after_mark", _after_mark)


@rule("zh", Slot.EXCLUDE, "enumerator", order=45, when=AFTER_MARK)
def enumerator(ask):
    """A list item's enumerator opening its clause: "一是", "（二）", "其三"."""
    m = ask.mention
    a, _ = ask.ctx.clause_bounds(m.start)
    if ask.norm[a:m.start].strip("（( \t\u3000"):
        return  # the number does not open its clause
    item = ITEM.match(ask.norm, a, m.end + 2)
    if item and m.end <= item.end():
        yield EXCLUDED, item.start(), item.end()


#: An enumeration comma follows the number ("六、").
LIST_COMMA_AFTER = Guard("zh.list_comma_after",
                         lambda ask: ask.norm[ask.mention.end:ask.mention.end + 1] == lexicon.punctuation("list"))


@rule("zh", Slot.EXCLUDE, "section_number", order=50, when=LIST_COMMA_AFTER)
def section_number(ask):
    """A section number opening a line: "六、人民生活"."""
    m, norm = ask.mention, ask.norm
    if norm[m.end:m.end + 1] == lexicon.punctuation("list") and (m.start == 0 or norm[m.start - 1] in "\n "):
        yield EXCLUDED, m.end, m.end + 1


@rule("zh", Slot.EXCLUDE, "time_frame", order=55, when=TIME_UNIT)
def time_frame(ask):
    """A duration that locates rather than measures: "这三年他在外打工", "三年前", "三年来"."""
    m, norm = ask.mention, ask.norm
    unit = _unit(ask)
    if unit is None or unit.category != UnitCategory.TIME:
        return
    before = next((w for w in lexicon.grammar("frame_before") if norm.endswith(w, 0, m.start)), "")
    after = max((w for w in lexicon.grammar("frame_after") if norm.startswith(w, m.unit_end)), key=len, default="")
    if before:
        yield EXCLUDED, m.start - len(before), m.start
    elif after:
        yield EXCLUDED, m.unit_end, m.unit_end + len(after)


@rule("zh", Slot.EXCLUDE, "category_bound", order=60, when=BOUND_AFTER)
def category_bound(ask):
    """A bound that names a class of things: "亿元以上项目", "60岁以上老年人" (a share bounds a
    part of a whole: "60%以上的村民" is a claim)."""
    norm, unit = ask.norm, _unit(ask)
    if unit is not None and unit.category == UnitCategory.SHARE:
        return
    q = lexicon.after_qualifier_pattern().match(norm, ask.mention.unit_end)
    if q and q.group() not in lexicon.grammar("approximate_after") and _opens_with_noun(norm[q.end():q.end() + _NOUN_LOOKAHEAD]):
        yield EXCLUDED, q.start(), q.end()


#: A place name ends where the number starts.
PLACE_ENDS_AT = Guard("zh.place_ends_at_number", lambda ask: ask.mention.start in ask.ctx.place_ending_at)


@rule("zh", Slot.EXCLUDE, "address", order=70, when=PLACE_ENDS_AT)
def address(ask):
    """A village group's name after its village: 弄耀村六组."""
    place = ask.ctx.place_ending_at.get(ask.mention.start)
    if place and place.place.level >= PlaceLevel.VILLAGE and ask.mention.unit_surface in lexicon.grammar("address_unit"):
        yield EXCLUDED, place.start, place.end


#: The number is written with one character (its unit word aside).
ONE_CHARACTER = Guard("zh.one_character",
                      lambda ask: ask.mention.end - ask.mention.start - len(ask.mention.unit_surface) == 1)


@rule("zh", Slot.EXCLUDE, "inside_word", order=80, when=ONE_CHARACTER)
def inside_word(ask):
    """A one-character numeral inside a word: 统一, 一些, 进一步 (not the fixed forms that are
    numbers inside their word: 上万, 翻一番)."""
    m = ask.mention
    if single_numeral(m, ask.norm) and m.start not in ask.ctx.word_starts and not m.rule.startswith(("reaching_scale", "doubling")):
        yield EXCLUDED, m.start, m.end


@rule("zh", Slot.EXCLUDE, "per_word", order=90)
def per_word(ask):
    """The number is itself a per marker word ("一年", "人均" forms in per_markers.tsv)."""
    m = ask.mention
    if ask.norm[m.start:m.end] in lexicon.per_markers():
        yield EXCLUDED, m.start, m.end


#: The number has no unit word.
NO_UNIT_WORD = Guard("zh.no_unit_word", lambda ask: ask.mention.unit_surface == "")


@rule("zh", Slot.EXCLUDE, "collective_name", order=100, when=NO_UNIT_WORD)
def collective_name(ask):
    """A small bare number before a place suffix names a collective: 两村, 三乡."""
    m, after = ask.mention, _after(ask)
    if m.unit_surface == "" and m.value < _COLLECTIVE_MAX and after and has_place_suffix(after):
        yield EXCLUDED, m.unit_end, m.unit_end + 1


@rule("zh", Slot.EXCLUDE, "set_phrase", order=110, when=SET_PHRASE_OVER)
def set_phrase(ask):
    """The number is inside a set phrase or slogan (七个一, 两不愁三保障, 千家万户)."""
    m = ask.mention
    for x in around(ask, ask.ctx.set_phrases):
        # a phrase inside a longer numeral is part of it: 一百零一万一千, 万分之三
        if not (m.start <= x.start and x.end <= m.end and x.end - x.start < m.end - m.start):
            yield EXCLUDED, x.start, x.end


@rule("zh", Slot.EXCLUDE, "quoted_name", order=120, when=QUOTED_AT)
def quoted_name(ask):
    """The number is inside a short quoted name: “五个一”."""
    m = ask.mention
    for x in around(ask, ask.ctx.quoted):
        if x.start <= m.start and m.end <= x.end:
            yield EXCLUDED, x.start, x.end


@rule("zh", Slot.EXCLUDE, "spec_rating", order=130, when=RATING_UNIT)
def spec_rating(ask):
    """A rating that names a kind of thing: "66千伏线路" (only its length is a claim)."""
    unit, after = _unit(ask), _after(ask)
    if unit and unit.category == UnitCategory.RATING and regex.match(r"\p{Han}", after or " "):
        m = ask.mention
        yield EXCLUDED, m.unit_end - len(m.unit_surface), m.unit_end


@rule("zh", Slot.EXCLUDE, "abstract_count", order=140)
def abstract_count(ask):
    """A count of abstract categories: 十条措施, 10个方面, 三级联动."""
    unit = _unit(ask)
    if unit is None or unit.category in (UnitCategory.COUNT, UnitCategory.PEOPLE):
        found = lexicon.abstract_noun_pattern().match(ask.norm, ask.mention.unit_end)
        if found and _ends_word(ask.norm, found.start(), found.end()):
            yield EXCLUDED, found.start(), found.end()


@rule("zh", Slot.EXCLUDE, "no_unit", order=150)
def no_unit(ask):
    """A bare number with no unit and no counted noun after it."""
    m = ask.mention
    if m.unit == "" and not counted_noun(ask)[0] and not _reaches_zero(ask):
        yield EXCLUDED, m.start, m.end


#: The numeral that doubles as an article.
_ARTICLE = "一"
#: The number opens with the article numeral.
OPENS_WITH_ONE = Guard("zh.opens_with_one",
                       lambda ask: ask.norm[ask.mention.start:ask.mention.start + 1] == _ARTICLE)


@rule("zh", Slot.EXCLUDE, "indefinite_one", order=160, when=OPENS_WITH_ONE)
def indefinite_one(ask):
    """一 as an article: 一个村, 一名干部."""
    m, unit = ask.mention, _unit(ask)
    if ask.norm[m.start:m.start + 1] == _ARTICLE and m.value == 1 and unit and unit.category in (UnitCategory.COUNT, UnitCategory.PEOPLE):
        yield EXCLUDED, m.start, m.end


@rule("zh", Slot.EXCLUDE, "claim", order=1000, per_document=True)
def claim(ask):
    """No rule excludes the mention: it is a claim."""
    yield "", -1, -1
