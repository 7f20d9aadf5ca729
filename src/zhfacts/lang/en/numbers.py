"""English number mentions with their unit and qualifier (claims-spec section 5).

A mention is a numeral (digits with thousands separators and decimals, or number words: "two",
"twenty-five", "a dozen", "three hundred"), an optional scale word ("million", or "m", "bn" joined
to the digits), an optional range end ("3-5 million", "between 10 and 12"), and a unit word right
after it ("yuan", "per cent", "hectares", "11-week"); a currency sign or code before the number
("$1.90", "RMB120 billion", "US$3 billion") opens the span. Fractions ("a third", "two-thirds",
"half"), multiples ("tenfold", "tripled", "10 times") and plural scales ("millions", "tens of
millions") have their own named rules. Qualifier words stand outside the span. Every value is
exact (Decimal); the text is never rewritten.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from ...codes import Qualifier
from ...spans import Marks
from ...types import Document, Mention
from ..base import Unit
from . import lexicon
from .lexicon import alternation

_DIGITS = r"\d{1,3}(?:,\d{3})+(?!\d|,\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_HUNDRED = Decimal(100)


@lru_cache(maxsize=None)
def _grammar() -> dict[str, str]:
    """The pieces of the numeral grammar, as regular-expression source."""
    ones, tens = alternation(lexicon.words_of("ones")), alternation(lexicon.words_of("tens"))
    below_hundred = rf"(?:(?:{tens})(?:[-\s](?:{ones}))?|(?:{ones}))"
    words = rf"(?:{below_hundred}(?:\s+hundred(?:\s+(?:and\s+)?{below_hundred})?)?|a\s+hundred|a\s+dozen|dozen)"
    spaced = [w for w, (_, attached) in lexicon.scales().items() if not attached and not w.endswith("s")]
    joined = [w for w, (_, attached) in lexicon.scales().items() if attached]
    scale = rf"(?:\s*(?:{alternation(spaced)})(?![\p{{L}}])|(?:{alternation(joined)})(?![\p{{L}}\d]))"
    currency = alternation(lexicon.currencies())
    return {
        "number": rf"(?:{_DIGITS}|{words})",
        "digits": _DIGITS,
        "words": words,
        "scale": scale,
        "currency": currency,
        "unit": alternation(lexicon.units()),
        "denominator": alternation(lexicon.words_of("denominator")),
        "multiple": alternation(lexicon.words_of("multiple")),
        "ones": ones,
        "tens": tens,
        "plural": alternation([w for w, (_, attached) in lexicon.scales().items() if w.endswith("s")] + ["hundreds", "dozens"]),
    }


@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    g = _grammar()
    edge = r"(?<![\p{L}\d.,$])"
    end = r"(?![\p{L}\d])"
    quantity = (rf"(?P<cur>(?:{g['currency']})\s?)?(?P<num>{g['number']})(?P<scale>{g['scale']})?"
                rf"(?:(?P<sep>\s*[-–]\s*|\s+to\s+)(?P<cur2>(?:{g['currency']})\s?)?(?P<num2>{g['number']})(?P<scale2>{g['scale']})?)?")
    unit = rf"(?P<unit>(?:\s+of)?[\s-]?(?i:{g['unit']}))"
    numerator = rf"(?:a|one|{g['ones']}|{_DIGITS})"
    return {
        "quantity": regex.compile(rf"{edge}(?i:between\s+)?{quantity}(?:{unit}{end}|(?![\p{{L}}\d]))", regex.IGNORECASE),
        "between": regex.compile(rf"(?i:between)\s+(?P<num>{g['number']})(?P<scale>{g['scale']})?\s+and\s+"
                                 rf"(?P<num2>{g['number']})(?P<scale2>{g['scale']})?(?:{unit}{end})?", regex.IGNORECASE),
        "fraction": regex.compile(rf"{edge}(?P<num>{numerator})[-\s](?P<den>{g['denominator']}){end}|"
                                  rf"{edge}(?P<half>half){end}", regex.IGNORECASE),
        "fold": regex.compile(rf"{edge}(?P<num>{g['number']})-?fold{end}|{edge}(?P<verb>{g['multiple']}){end}", regex.IGNORECASE),
        "plural": regex.compile(rf"{edge}(?P<lead>(?:tens|hundreds)\s+of\s+)?(?P<scale>{g['plural']}){end}", regex.IGNORECASE),
        "article_time": regex.compile(rf"(?<=(?i:\b(?:in|within|for|about|around|than|nearly|almost|over|under))\s)"
                                      rf"(?P<num>an?)\s+(?P<unit>(?i:week|day|month|year|hour)){end}"),
    }


def word_value(text: str) -> Decimal:
    """The value of a written number: digits with separators, or number words ("twenty-five",
    "three hundred and six", "a dozen")."""
    text = text.lower().replace(",", "")
    if regex.fullmatch(r"\d+(?:\.\d+)?", text):
        return Decimal(text)
    words = lexicon.number_words()
    total, current = Decimal(0), Decimal(0)
    for word in regex.split(r"[-\s]+", text):
        if word in ("a", "an", "and"):
            current = current or (Decimal(1) if word != "and" else current)
            continue
        value, kind = words[word]
        if kind == "hundred":
            current = (current or Decimal(1)) * value
        elif kind == "dozen":
            current = (current or Decimal(1)) * value
        else:
            current += value
    return total + current


def _scale(text: str | None) -> Decimal:
    if not text or not text.strip():
        return Decimal(1)
    return lexicon.scales()[text.strip().lower()][0]


def _qualifier_before(norm: str, start: int) -> tuple[str, int]:
    """The qualifier word that ends right before ``start`` (one blank between), and where it starts."""
    head = norm[max(0, start - 24):start]
    for surface, code in sorted(lexicon.qualifiers()["before"].items(), key=lambda kv: -len(kv[0])):
        found = regex.search(rf"(?<![\p{{L}}])(?i:{alternation([surface])})\s+$", head)
        if found:
            return code, start - len(head) + found.start()
    return Qualifier.EQUAL.value, -1


def _qualifier_after(norm: str, end: int) -> str:
    tail = norm[end:end + 12]
    for surface, code in lexicon.qualifiers()["after"].items():
        if regex.match(rf"\s+(?i:{alternation([surface])})(?![\p{{L}}])", tail):
            return code
    return ""


def _mention(norm: str, start: int, end: int, value: Decimal, value_max: Decimal | None, unit: str,
             unit_surface: str, rule: str, unit_end: int = -1, qualifier: str = "") -> Mention:
    before, qualifier_start = _qualifier_before(norm, start)
    return Mention(start, end, value, value_max, unit, unit_surface,
                   qualifier or _qualifier_after(norm, end) or before, rule,
                   unit_end=unit_end if unit_end >= 0 else end, qualifier_start=qualifier_start)


def _unit(m: regex.Match) -> tuple[str, Unit | None, Decimal]:
    """The unit word a match holds ("of" before it dropped), its lexicon entry and its factor."""
    unit_text = regex.sub(r"^of\s+", "", (m.group("unit") or "").lstrip(" -\t\n"), flags=regex.IGNORECASE)
    unit = lexicon.unit_of(unit_text) if unit_text else None
    return unit_text, unit, unit.factor if unit else Decimal(1)


def _year_like(text: str) -> bool:
    return regex.fullmatch(r"(?:19|20)\d\d", text) is not None


def _quantities(norm: str, m: regex.Match) -> list[Mention]:
    """A numeral with its scale, range end, currency and unit; two numbers joined by "to" that
    are the two ends of a change, not a range ("from 10 to 12", "from 9.23 million in 2012 to
    309,000"), are read one by one."""
    num, num2 = m.group("num"), m.group("num2")
    if num2 and m.group("sep").strip() == "to" and (
            not (m.group("scale") or m.group("unit")) or
            (_year_like(num) and not m.group("cur") and not m.group("scale") and not _year_like(num2))):
        second = _patterns()["quantity"].match(norm, m.start("cur2") if m.group("cur2") else m.start("num2"))
        first = _single(norm, m.start("num"), m.end("num"), m.group("cur"))
        return [first] + ([q for q in [_quantity(norm, second)] if q] if second else [])
    found = _quantity(norm, m)
    return [found] if found else []


def _quantity(norm: str, m: regex.Match) -> Mention | None:
    """A numeral with its scale, range end, currency and unit."""
    num, num2 = m.group("num"), m.group("num2")
    if num.lower() in ("dozen",) and not m.group("cur"):
        return None
    scale2 = _scale(m.group("scale2"))
    scale = _scale(m.group("scale")) if m.group("scale") else scale2
    unit_text, unit, factor = _unit(m)
    currency = lexicon.currencies()[m.group("cur").strip()] if m.group("cur") else ""
    code = unit.code if unit else currency
    if currency and unit and unit.category == "money":
        code = unit.code
    value = word_value(num) * scale * factor
    value_max = word_value(num2) * scale2 * factor if num2 else None
    start = m.start("cur") if m.group("cur") else m.start("num")
    if m.group(0).lower().startswith("between"):
        start = m.start("num")
    rule = "en_range" if num2 else ("en_words" if not regex.match(r"\d", num) else "en_digits")
    return _mention(norm, start, m.end(), value, value_max, code, unit_text, rule)


def _single(norm: str, start: int, end: int, cur: str | None) -> Mention:
    return _mention(norm, start, end, word_value(norm[start:end]), None, "", "", "en_digits")


def _fraction(norm: str, m: regex.Match) -> Mention:
    """"a third", "two-thirds", "half": a share in percent (claims-spec 2.3)."""
    if m.group("half"):
        return _mention(norm, m.start(), m.end(), Decimal(50), None, "%", m.group("half"), "en_fraction")
    num = m.group("num").lower()
    numerator = Decimal(1) if num in ("a", "one") else word_value(num)
    denominator = lexicon.number_words()[m.group("den").lower()][0]
    return _mention(norm, m.start(), m.end(), _HUNDRED * numerator / denominator, None, "%", m.group("den"), "en_fraction")


def _fold(norm: str, m: regex.Match) -> Mention:
    """"tenfold", "tripled": a multiple, N x 100 % (claims-spec 2.3)."""
    if m.group("verb"):
        value = lexicon.number_words()[m.group("verb").lower()][0]
        surface = m.group("verb")
    else:
        value, surface = word_value(m.group("num")), "fold"
    return _mention(norm, m.start(), m.end(), value * _HUNDRED, None, "%", surface, "en_multiple")


def _plural(norm: str, m: regex.Match) -> Mention:
    """"millions", "tens of millions": at least that many (as 上百万)."""
    scale = m.group("scale").lower()
    factor = {"hundreds": Decimal(100), "dozens": Decimal(12)}.get(scale) or lexicon.scales()[scale][0]
    lead = (m.group("lead") or "").lower()
    factor *= Decimal(10) if lead.startswith("tens") else Decimal(100) if lead.startswith("hundreds") else Decimal(1)
    return _mention(norm, m.start(), m.end(), factor, None, "", "", "en_plural_scale", qualifier=Qualifier.AT_LEAST.value)


def _article_time(norm: str, m: regex.Match) -> Mention:
    """"in about a week": one of a time unit, as said roughly."""
    unit = lexicon.unit_of(m.group("unit"))
    return _mention(norm, m.start(), m.end(), Decimal(1), None, unit.code, m.group("unit"), "en_article_time",
                    qualifier=Qualifier.ABOUT.value)


def find_mentions(doc: Document) -> list[Mention]:
    """Every number mention of an English document, in text order, none overlapping another."""
    norm, p = doc.norm, _patterns()
    taken = Marks(len(norm))
    out: list[Mention] = []

    def keep(found: Mention | None) -> None:
        if found is not None and found.end > found.start and not taken.any(found.start, found.end):
            taken.mark(found.start, found.end)
            out.append(found)

    for m in p["between"].finditer(norm):
        keep(_quantity_between(norm, m))
    for m in p["fraction"].finditer(norm):
        keep(_fraction(norm, m))
    for m in p["fold"].finditer(norm):
        keep(_fold(norm, m))
    for m in p["plural"].finditer(norm):
        keep(_plural(norm, m))
    for m in p["article_time"].finditer(norm):
        keep(_article_time(norm, m))
    for m in p["quantity"].finditer(norm):
        for found in _quantities(norm, m):
            keep(found)
    return sorted(out, key=lambda x: x.start)


def _quantity_between(norm: str, m: regex.Match) -> Mention | None:
    """"between 10 and 12 million": a range; a span of two years is a time, not a quantity."""
    scale2 = _scale(m.group("scale2"))
    scale = _scale(m.group("scale")) if m.group("scale") else scale2
    unit_text, unit, factor = _unit(m)
    return _mention(norm, m.start("num"), m.end(), word_value(m.group("num")) * scale * factor,
                    word_value(m.group("num2")) * scale2 * factor, unit.code if unit else "", unit_text, "en_range")
