"""Stage 3-4: number mentions with their unit and qualifier, found on the folded text.

The extractor finds a numeral core (Arabic digits with separators and decimals, Chinese and
financial numerals, or mixed), then reads what follows: an inner 多/余, more scale words, a
unit from the lexicon (longest surface wins; a unit that begins with a scale character, as
"千瓦" or "千米", wins over reading that character as a scale), and a qualifier word before
the number or after the unit. Fractions (百分之十一, 三分之一), share words (一半), ranges
("3-5万", "三四万"), doublings (翻一番) and 上百/上万 forms have their own named rules. Every mention records
the rule that produced it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import regex

from . import lexicon
from .numerals import digit_chars, numeral_chars, parse_numeral, scale_chars
from ...spans import Marks
from ...codes import Qualifier, UnitCategory
from ...types import Document, Mention

_AR = r"(?:\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)"


@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern | re.Pattern]:
    """The numeral core and the forms built on it; the share words are plain words, which
    ``re`` finds in a text sooner than ``regex``."""
    cn = "".join(sorted(numeral_chars()))
    cn_start = "".join(sorted(numeral_chars() - {"点"}))
    core = rf"(?:{_AR}|[{cn_start}])(?:{_AR}|[{cn}])*"
    return {
        "core": regex.compile(core),
        "fraction": regex.compile(rf"(?P<den>{core})分之(?P<num>{core})"),
        "share": re.compile("|".join(re.escape(s) for s in lexicon.shares())),
        "doubling": regex.compile(rf"(?<=(?:{'|'.join(map(regex.escape, lexicon.grammar('doubling_verb')))}))"
                                  rf"(?P<n>{core})(?:{'|'.join(map(regex.escape, lexicon.grammar('doubling_unit')))})"),
    }


@dataclass(frozen=True)
class _Grammar:
    """The lexicon's units and word classes that the reading of every number consults, gathered
    once rather than looked up again at each number."""

    units: dict[str, lexicon.Unit]
    unit_starts: frozenset[str]
    unit_pattern: re.Pattern
    guards: dict[str, str]  # unit surface -> characters after which it is part of another word
    inner: dict[str, str]  # an inner qualifier (多, 余) -> its code
    scales: frozenset[str]
    run_scales: frozenset[str]  # scale characters that go on a run of them (not no_scale_run)
    range_marks: frozenset[str]  # range symbols and words
    range_symbols: frozenset[str]
    half: frozenset[str]
    negative: frozenset[str]
    several: frozenset[str]
    reaching: tuple[str, ...]


@lru_cache(maxsize=None)
def _grammar() -> _Grammar:
    symbols, words = lexicon.grammar("range_symbol"), lexicon.grammar("range_word")
    return _Grammar(
        units=lexicon.units(), unit_starts=lexicon.unit_starts(), unit_pattern=lexicon.unit_pattern(),
        guards=lexicon.unit_guards(), inner=lexicon.qualifiers()["inner"], scales=scale_chars(),
        run_scales=scale_chars() - frozenset(lexicon.grammar("no_scale_run")),
        range_marks=frozenset(symbols + words), range_symbols=frozenset(symbols),
        half=frozenset(lexicon.grammar("half_suffix")), negative=frozenset(lexicon.grammar("negative_prefix")),
        several=frozenset(lexicon.grammar("several_prefix")), reaching=lexicon.grammar("reaching_prefix"),
    )


def _guarded(norm: str, pos: int, surface: str) -> bool:
    """Whether the character after the surface makes it part of another word (unit_guards.tsv)."""
    following = norm[pos + len(surface):pos + len(surface) + 1]
    return bool(following) and following in _grammar().guards.get(surface, "")


def _unit_at(norm: str, pos: int) -> lexicon.Unit | None:
    """The longest unit surface starting at pos, unless a guard says it is another word; then
    the next longest, unless a guard says so of it too."""
    g = _grammar()
    if norm[pos:pos + 1] not in g.unit_starts:
        return None
    m = g.unit_pattern.match(norm, pos)
    if not m:
        return None
    surface = m.group()
    if not _guarded(norm, pos, surface):
        return g.units[surface]
    shorter = [u for u in g.units if len(u) < len(surface) and norm.startswith(u, pos)]
    if not shorter:
        return None
    surface = max(shorter, key=len)
    return None if _guarded(norm, pos, surface) else g.units[surface]


def _scale_value(run: str) -> Decimal:
    value = Decimal(1)
    for ch in run:
        value *= parse_numeral(ch)
    return value


def _scale_then_unit(norm: str, pos: int) -> tuple[Decimal, lexicon.Unit | None, int]:
    """After an inner 多/余: scale words then a unit ("20多万元"); the split that gives the longest unit."""
    run_scales = _grammar().run_scales
    run_end = pos
    while run_end < len(norm) and norm[run_end] in run_scales:
        run_end += 1
    best = (Decimal(1), None, pos)
    for k in range(run_end, pos - 1, -1):
        unit = _unit_at(norm, k)
        if unit and (best[1] is None or len(unit.surface) > len(best[1].surface)):
            best = (_scale_value(norm[pos:k]), unit, k + len(unit.surface))
    if best[1] is None and run_end > pos:
        return _scale_value(norm[pos:run_end]), None, run_end
    return best


def _read_core(norm: str, a: int, b: int) -> tuple[Decimal, str, lexicon.Unit | None, int, int] | None:
    """(value, inner qualifier, unit, number end, mention end) for the core at [a, b)."""
    g = _grammar()
    inner = g.inner
    options = []
    for cut in range(b, a, -1):
        if cut < b and norm[cut] not in g.unit_starts:
            continue  # a shorter numeral is read only before a unit that begins inside the core (五千瓦)
        value = parse_numeral(norm[a:cut])
        if value is None:
            continue
        if cut == b and b < len(norm) and norm[b] in inner:
            mult, unit, end = _scale_then_unit(norm, b + 1)
            options.append((len(unit.surface) if unit else 0, cut, value * mult, inner[norm[b]], unit, end))
            continue
        unit = _unit_at(norm, cut)
        if unit is None and cut < b:
            continue
        options.append((len(unit.surface) if unit else 0, cut, value, "", unit, cut + (len(unit.surface) if unit else 0)))
    if not options:
        return None
    best = options[0] if len(options) == 1 else max(options, key=lambda o: (o[0], o[1]))
    _, cut, value, qual, unit, end = best
    return value, qual, unit, cut, end


def _adjacent_range(core: str) -> tuple[Decimal, Decimal, str] | None:
    """三四万 = 3万 to 4万: two consecutive Chinese digits, then scale words."""
    digits = digit_chars()
    if len(core) < 2 or core[0] not in digits or core[1] not in digits:
        return None
    lo, hi = parse_numeral(core[0]), parse_numeral(core[1])
    rest = core[2:]
    if hi - lo != 1 or lo == 0 or not scale_chars().issuperset(rest):
        return None
    scale = _scale_value(rest) if rest else Decimal(1)
    return lo * scale, hi * scale, rest


def _qualifier(norm: str, a: int, end: int, inner: str) -> tuple[str, int, int]:
    """(code, start of a before-word or -1, end of an after-word or end); inner beats after beats before."""
    after = lexicon.after_qualifier_pattern().match(norm, end) if norm[end:end + 1] in lexicon.after_qualifier_starts() else None
    before = lexicon.before_qualifier_pattern().search(norm, max(0, a - 6), a)
    q_start = before.start(1) if before and before.group(1) else -1  # a bound a verb away stays in the metric
    q_end = after.end() if after else end
    if inner:
        return inner, q_start, q_end
    if after:
        return lexicon.qualifiers()["after"][after.group()], q_start, q_end
    if before:
        return lexicon.qualifiers()["before"][before.group(1) or before.group(2)], q_start, q_end
    return "=", q_start, q_end


def _mention(norm, a, end, value, value_max, unit, qualifier_inner, rule, unit_end=None) -> Mention:
    qual, q_start, _ = _qualifier(norm, a, unit_end if unit_end is not None else end, qualifier_inner)
    factor = unit.factor if unit else Decimal(1)
    return Mention(
        start=a, end=end, value=value * factor,
        value_max=value_max * factor if value_max is not None else None,
        unit=unit.code if unit else "", unit_surface=unit.surface if unit else "",
        qualifier=qual, rule=rule, unit_end=unit_end if unit_end is not None else end,
        qualifier_start=q_start,
    )


def _fractions(norm: str, taken: Marks) -> list[Mention]:
    out = []
    percent = lexicon.units()["%"]
    for m in _patterns()["fraction"].finditer(norm):
        den = parse_numeral(m["den"])
        num = parse_numeral(m["num"])
        if not den or num is None:
            continue
        rule = "percent_words" if den == 100 else "fraction"
        out.append(_mention(norm, m.start(), m.end(), num * 100 / den, None, percent, "", rule))
        taken.mark(m.start(), m.end())
    return out


def _shares(norm: str, taken: Marks) -> list[Mention]:
    out = []
    percent = lexicon.units()["%"]
    for m in _patterns()["share"].finditer(norm):
        value, qual = lexicon.shares()[m.group()]
        mention = _mention(norm, m.start(), m.end(), value, None, percent, "", "share_word")
        if qual != "=":
            mention = Mention(**{**mention.__dict__, "qualifier": qual})
        out.append(mention)
        taken.mark(m.start(), m.end())
    return out


def _doublings(norm: str, taken: Marks) -> list[Mention]:
    """翻一番 doubles, 翻两番 quadruples: N doublings are an increase of (2^N - 1) x 100 %, as a
    multiple is (claims-spec 2.3: "提高1倍" -> 100 %); the span runs from the numeral to 番."""
    out = []
    percent = lexicon.units()["%"]
    for m in _patterns()["doubling"].finditer(norm):
        n = parse_numeral(m["n"])
        if n is None or n != n.to_integral_value() or not 0 < n <= _MAX_DOUBLINGS:
            continue
        inner = lexicon.qualifiers()["inner"].get(norm[m.end():m.end() + 1], "")  # 翻一番多
        end = m.end() + (1 if inner else 0)
        out.append(_mention(norm, m.start(), end, (2 ** int(n) - 1) * Decimal(100) / percent.factor, None, percent, inner, "doubling"))
        taken.mark(m.start(), end)
    return out


#: More doublings than this are no quantity anyone states.
_MAX_DOUBLINGS = 10


def _from_core(norm: str, a: int, b: int) -> Mention | None:
    core = norm[a:b]
    adjacent = _adjacent_range(core)
    if adjacent:
        lo, hi, _ = adjacent
        unit = _unit_at(norm, b)
        end = b + (len(unit.surface) if unit else 0)
        return _mention(norm, a, end, lo, hi, unit, "", "range_adjacent")
    read = _read_core(norm, a, b)
    if read is None:
        return None
    value, inner, unit, cut, end = read
    g = _grammar()
    # A range: "3-5万元", "200至300元", "10%-15%".
    sep_at = end if unit and unit.category == UnitCategory.SHARE else cut
    if not inner and sep_at < len(norm) and norm[sep_at] in g.range_marks and (unit is None or unit.category == UnitCategory.SHARE):
        m2 = _patterns()["core"].match(norm, sep_at + 1)
        if m2 and (norm[sep_at] in g.range_symbols or unit is None):
            second = _read_core(norm, m2.start(), m2.end())
            if second and second[2] is not None and (unit is None or second[2].code == unit.code) and not second[1]:
                hi, _, unit2, cut2, end2 = second
                lo = value
                j = cut2
                while j > m2.start() and norm[j - 1] in g.run_scales:
                    j -= 1
                trailing = norm[j:cut2]
                if trailing and g.scales.isdisjoint(norm[a:cut]) and j > m2.start():
                    lo = value * _scale_value(trailing)
                return _mention(norm, a, end2, lo, hi, unit2, "", "range")
    scale_only = g.scales.issuperset(core[:cut - a])
    if scale_only:
        if any(norm.startswith(p, a - len(p)) for p in g.reaching if a >= len(p)):
            # 上百/上千/上万/上亿 and 数以亿计: "reaching that many" (spec 2.3).
            m = _mention(norm, a, end, value, None, unit, "", "reaching_scale")
            return Mention(**{**m.__dict__, "qualifier": Qualifier.AT_LEAST.value})
        if norm[a - 1:a] in g.several:
            # 几亿人: several of the scale, so at least two of it.
            m = _mention(norm, a - 1, end, value * 2, None, unit, "", "several_scale")
            return Mention(**{**m.__dict__, "qualifier": Qualifier.AT_LEAST.value})
    if unit is None and scale_only:
        return None  # a lone scale word with no unit is a word, not a number (万众, 百姓)
    rule = "number_unit" if unit else "bare_number"
    return _mention(norm, a, end, value, None, unit, inner, rule)


def _signed_and_halved(norm: str, m: Mention) -> Mention:
    """负3.9% is negative (the span takes 负); 三成半, 两年半 add half a unit (the span takes 半)."""
    g = _grammar()
    unit = g.units.get(m.unit_surface)
    halved = (unit and unit.category in (UnitCategory.SHARE, UnitCategory.TIME)
              and norm[m.end:m.end + 1] in g.half and m.value_max is None)
    signed = norm[m.start - 1:m.start] in g.negative
    if not (halved or signed):
        return m
    fields = dict(m.__dict__)
    if halved:
        fields.update(value=m.value + unit.factor / 2, end=m.end + 1, unit_end=m.end + 1)
    if signed:
        negate = lambda v: -v if v is not None else None  # noqa: E731
        fields.update(start=m.start - 1, value=negate(fields["value"]), value_max=negate(m.value_max))
    return Mention(**fields)


def find_mentions(doc: Document) -> list[Mention]:
    """Every number mention of the document, in text order (claims and non-claims alike)."""
    norm = doc.norm
    taken = Marks(len(norm))
    out = _fractions(norm, taken) + _shares(norm, taken) + _doublings(norm, taken)
    core = _patterns()["core"]
    pos = 0
    while True:
        m = core.search(norm, pos)
        if not m:
            break
        pos = m.end()
        if taken.any(m.start(), m.end()):
            continue
        mention = _from_core(norm, m.start(), m.end())
        if mention is None:
            continue
        mention = _signed_and_halved(norm, mention)
        out.append(mention)
        taken.mark(mention.start, mention.end)
        pos = max(pos, mention.end)
    out.sort(key=lambda x: x.start)
    return out
