"""parse_numeral: the exact value of a numeral string (claims-spec section 2, column value).

Every expected value here comes from Chinese numeral grammar, not from running the parser:
each equivalence class is a set of spellings of one number (Arabic, full-width, thousands
separators, standard Chinese, financial 大写, traditional, mixed Arabic + scale word, elliptic
and 零 forms); every member must parse to the same exact Decimal.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh.numerals import parse_numeral

# --- equivalence classes ----------------------------------------------------------------------

CLASSES: dict[str, tuple[str, list[str]]] = {
    "13062": ("13062", [
        "13062", "13,062", "１３０６２", "１３,０６２",
        "一万三千零六十二", "壹万叁仟零陆拾贰", "壹萬叁仟零陸拾貳", "一萬三千零六十二",
        "1.3062万", "1万3062", "1万3千零62",
    ]),
    "2450": ("2450", [
        "2450", "2,450", "两千四百五", "二千四百五十", "两千四百五十", "兩千四百五",
        "贰仟肆佰伍拾", "2千4百5十", "2千450",
    ]),
    "20000": ("20000", [
        "20000", "20,000", "2万", "2.0万", "两万", "二万", "兩萬", "贰万", "貳萬",
    ]),
    "yi_120000000": ("120000000", [
        "120000000", "120,000,000", "1.2亿", "1.2億", "12000万", "1亿2000万",
        "一亿二千万", "一亿两千万", "壹亿贰仟万", "一億二千萬",
    ]),
    "wanyi_2.6e12": ("2600000000000", [
        "2600000000000", "2,600,000,000,000", "2.6万亿", "2.6萬億", "26000亿",
        "两万六千亿", "二万六千亿", "贰万陆仟亿", "2万6千亿",
    ]),
    "wanyi_1e12": ("1000000000000", [
        "1000000000000", "1万亿", "一万亿", "壹万亿", "一萬億", "10000亿", "1,000,000,000,000",
    ]),
    "wanwan_1e9": ("1000000000", [
        "1000000000", "1,000,000,000", "10万万", "10萬萬", "十亿", "一十亿", "壹拾亿", "10亿",
    ]),
    "zero_1001": ("1001", [
        "1001", "一千零一", "壹仟零壹", "壹千零壹", "1千零1",
    ]),
    "zero_1020": ("1020", [
        "1020", "一千零二十", "1千零20", "壹仟零贰拾",
    ]),
    "zero_10012": ("10012", [
        "10012", "一万零十二", "一万零一十二", "壹万零壹拾贰", "1万零12",
    ]),
    "zero_100056": ("100056", [
        "100056", "十万零五十六", "一十万零五十六", "拾万零五十六", "拾萬零五十六",
        "壹拾万零伍拾陆", "10万零56",
    ]),
    "zero_500000006": ("500000006", [
        "500000006", "五亿零六", "五億零陸", "5亿零6", "伍亿零陆",
    ]),
    "zero_40006000": ("40006000", [
        "40006000", "四千万零六千", "四千萬零六千", "4000万零6000", "4000.6万",
    ]),
    "zero_1000060506": ("1000060506", [
        "1000060506", "1,000,060,506", "十亿零六万零五百零六", "拾億零六萬零五百零六",
    ]),
    "zero_10250": ("10250", [
        "10250", "一万零二百五十", "一万二百五十", "壹万零贰佰伍拾", "1.025万",
    ]),
    "big_456420015": ("456420015", [
        "456420015", "456,420,015", "四亿五千六百四十二万零一十五",
        "四億五千六百四十二萬零壹十五", "4.56420015亿", "45642万零15",
    ]),
    "1011000": ("1011000", [
        "1011000", "1,011,000", "一百零一万一千", "壹佰零壹万壹仟", "101.1万",
    ]),
    "12340000": ("12340000", [
        "12340000", "1234万", "1,234万", "一千二百三十四万", "一千两百三十四万", "壹仟贰佰叁拾肆万",
    ]),
    "elliptic_13000": ("13000", [
        "13000", "13,000", "1.3万", "一万三", "一万三千", "壹万叁", "一萬三", "壹萬叁仟",
    ]),
    "elliptic_990": ("990", [
        "990", "九百九", "九百九十", "玖佰玖", "玖佰玖拾",
    ]),
    "elliptic_1300": ("1300", [
        "1300", "一千三", "一千三百", "千三", "壹仟叁佰", "壹千三",
    ]),
    "elliptic_94000": ("94000", [
        "94000", "9.4万", "九万四", "九万四千", "九萬四",
    ]),
    "elliptic_150": ("150", [
        "150", "一百五", "一百五十", "百五", "壹佰伍拾", "壹百五",
    ]),
    "ten_15": ("15", [
        "15", "十五", "一十五", "拾伍", "壹拾伍",
    ]),
    "ten_10": ("10", [
        "10", "十", "一十", "拾", "壹拾",
    ]),
    "two": ("2", [
        "2", "２", "二", "两", "兩", "贰", "貳", "俩",
    ]),
    "zero": ("0", [
        "0", "零", "〇",
    ]),
    "digit_string_2019": ("2019", [
        "2019", "二〇一九", "二零一九", "二千零一十九", "两千零一十九",
    ]),
    "decimal_3.5": ("3.5", [
        "3.5", "3.50", "３．５", "３.５", "三点五", "叁点伍", "三點五",
    ]),
    "decimal_0.5": ("0.5", [
        "0.5", "零点五", "〇点五",
    ]),
    "decimal_10.233": ("10.233", [
        "10.233", "十点二三三", "拾点贰叁叁",
    ]),
    "decimal_10012.15": ("10012.15", [
        "10012.15", "10,012.15", "一万零十二点一五", "1.001215万",
    ]),
    "decimal_after_elliptic_2300.1": ("2300.1", [
        "2300.1", "两千三点一", "两千三百点一",
    ]),
    "decimal_after_wan_20000000.5544": ("20000000.5544", [
        "20000000.5544", "两千万点五五四四",
    ]),
}

EQUIVALENCE_CASES = [
    pytest.param(form, Decimal(value), id=f"{name}:{form}")
    for name, (value, forms) in CLASSES.items()
    for form in forms
]


@pytest.mark.parametrize("form, expected", EQUIVALENCE_CASES)
def test_equivalence_class(form, expected):
    got = parse_numeral(form)
    assert isinstance(got, Decimal), f"{form!r} -> {got!r}"
    assert got == expected, f"{form!r} -> {got}, expected {expected}"


@pytest.mark.parametrize("name", list(CLASSES))
def test_class_members_agree(name):
    """All members of one class give one value (a class-level view of the same table)."""
    _, forms = CLASSES[name]
    values = {form: parse_numeral(form) for form in forms}
    assert len(set(values.values())) == 1, values


# --- malformed strings ------------------------------------------------------------------------

MALFORMED = [
    ("", "empty"),
    ("点", "a decimal point with no digits"),
    ("点五", "a fraction with no integer part"),
    ("五点", "a point with no fraction (五点 is a time of day)"),
    ("三点", "a point with no fraction"),
    ("零点", "a point with no fraction"),
    ("点点", "two points, no digits"),
    ("一点二点三", "two decimal points"),
    ("1.2.3", "two decimal points"),
    ("1..2", "two decimal points"),
    ("一十百", "百 after 十: scale words must descend"),
    ("十百", "百 after 十: scale words must descend"),
    ("百千", "千 after 百: scale words must descend"),
    ("十十", "a scale word repeated within a section"),
    ("二十三十", "十 twice in one section"),
    ("一千一千", "千 twice in one section"),
    ("5千4千", "千 twice in one section"),
    ("万万万十", "万万万 is no numeral (万万 = 亿 is the most 万 can repeat), and 十 after it has no 零"),
    ("1,23", "a thousands group must have three digits"),
    ("12,3456", "a thousands group must have three digits"),
    (",123", "a separator with no digits before it"),
    ("123,", "a separator with no digits after it"),
    ("1,2,3", "thousands groups of one digit"),
    ("abc", "not a numeral"),
    ("三个", "a numeral followed by a classifier is not a numeral"),
    ("十五个", "a numeral followed by a classifier is not a numeral"),
    ("万元", "a scale word with a unit is not a numeral"),
]


@pytest.mark.parametrize("text, why", MALFORMED, ids=[t or "<empty>" for t, _ in MALFORMED])
def test_malformed_is_none(text, why):
    assert parse_numeral(text) is None, f"{text!r} ({why}) -> {parse_numeral(text)!r}"


# --- a writer of Chinese numerals, kept here so the property tests do not trust the parser ----

STD_DIGITS = "零一二三四五六七八九"
FIN_DIGITS = "零壹贰叁肆伍陆柒捌玖"
STD_UNITS = ("", "十", "百", "千")
FIN_UNITS = ("", "拾", "佰", "仟")


def _section(x: int, digits: str, units: tuple[str, ...], leading: bool, omit_leading_one_ten: bool,
             liang: bool, marker: str) -> str:
    """0 < x < 10000 with 零 for each run of inner zeros and nothing for trailing zeros."""
    out, started, zero = [], False, False
    for power in (3, 2, 1, 0):
        d = (x // 10 ** power) % 10
        if d == 0:
            zero = zero or started
            continue
        if zero:
            out.append(digits[0])
            zero = False
        if power == 1 and d == 1 and not started and leading and omit_leading_one_ten:
            out.append(units[1])  # 十五, 十万: no 一 when 十 opens the whole number
        elif liang and d == 2 and (power >= 2 or (x == 2 and marker)):
            out.append("两" + units[power])  # 两百, 两千, 两万, 两亿
        else:
            out.append(digits[d] + units[power])
        started = True
    return "".join(out)


def write_chinese(n: int, financial: bool = False, traditional: bool = False, liang: bool = False) -> str:
    """n (0 <= n <= 10**12) in Chinese numerals, standard or financial (大写).

    Sections of four digits under 万 and 亿; one 零 for every gap of zeros between two
    non-zero digits, also across section boundaries (一亿零一万, 十万零五十六, 一万零一十);
    no 零 for trailing zeros; 十 opens a number without 一 in the standard form only.
    """
    digits = FIN_DIGITS if financial else STD_DIGITS
    units = FIN_UNITS if financial else STD_UNITS
    wan, yi = ("萬", "億") if traditional else ("万", "亿")
    if n == 0:
        return digits[0]

    def write(m: int) -> str:
        out = ""
        high, rest = divmod(m, 10 ** 8)
        mid, low = divmod(rest, 10 ** 4)
        if high:
            out = write(high) + yi  # high <= 10**4: "一万亿"
        gap = False
        for section, marker in ((mid, wan), (low, "")):
            if section == 0:
                gap = gap or bool(out)
                continue
            if out and (gap or section < 1000):
                out += digits[0]
            out += _section(section, digits, units, not out, not financial, liang, marker) + marker
            gap = False
        return out

    return write(n)


@pytest.mark.parametrize("n, kwargs, expected", [
    (0, {}, "零"),
    (7, {}, "七"),
    (10, {}, "十"),
    (15, {}, "十五"),
    (110, {}, "一百一十"),
    (1001, {}, "一千零一"),
    (2450, {}, "二千四百五十"),
    (2450, {"liang": True}, "两千四百五十"),
    (20000, {"liang": True}, "两万"),
    (13062, {}, "一万三千零六十二"),
    (13062, {"financial": True}, "壹万叁仟零陆拾贰"),
    (100056, {}, "十万零五十六"),
    (100056, {"financial": True}, "壹拾万零伍拾陆"),
    (10010, {}, "一万零一十"),
    (100010000, {}, "一亿零一万"),
    (100001000, {}, "一亿零一千"),
    (1000060506, {}, "十亿零六万零五百零六"),
    (1000060506, {"traditional": True}, "十億零六萬零五百零六"),
    (456420015, {}, "四亿五千六百四十二万零一十五"),
    (2600000000000, {}, "二万六千亿"),
    (10 ** 12, {}, "一万亿"),
])
def test_writer(n, kwargs, expected):
    """The writer itself is checked against hand-written forms before it checks the parser."""
    assert write_chinese(n, **kwargs) == expected


# --- property tests ---------------------------------------------------------------------------

NUMBERS = st.integers(min_value=0, max_value=10 ** 12)


@settings(max_examples=400, deadline=None)
@given(n=NUMBERS, liang=st.booleans(), traditional=st.booleans())
def test_standard_chinese_round_trip(n, liang, traditional):
    text = write_chinese(n, liang=liang, traditional=traditional)
    assert parse_numeral(text) == n, text


@settings(max_examples=400, deadline=None)
@given(n=NUMBERS, traditional=st.booleans())
def test_financial_round_trip(n, traditional):
    text = write_chinese(n, financial=True, traditional=traditional)
    assert parse_numeral(text) == n, text


@settings(max_examples=300, deadline=None)
@given(n=NUMBERS, full_width=st.booleans())
def test_arabic_thousands_separators_round_trip(n, full_width):
    text = f"{n:,}"
    if full_width:
        text = text.translate({ord(c): chr(ord(c) + 0xFEE0) for c in "0123456789"})
    assert parse_numeral(text) == n, text


@settings(max_examples=300, deadline=None)
@given(n=st.integers(min_value=1, max_value=10 ** 12),
       scale=st.sampled_from([("万", 10 ** 4), ("亿", 10 ** 8), ("萬", 10 ** 4)]))
def test_arabic_with_scale_word_round_trip(n, scale):
    """n written as a decimal multiple of 万/亿 ("1.3062万" = 13062)."""
    word, factor = scale
    text = format(Decimal(n) / Decimal(factor), "f") + word
    assert parse_numeral(text) == n, text


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text):
    got = parse_numeral(text)
    assert got is None or isinstance(got, Decimal)


NUMERAL_ALPHABET = "零〇一二两三四五六七八九十百千万亿壹贰叁拾佰仟萬億点.,，0123456789０１２"


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=NUMERAL_ALPHABET, max_size=16))
def test_never_raises_on_numeral_soup(text):
    got = parse_numeral(text)
    assert got is None or isinstance(got, Decimal)
    if got is not None:
        assert got >= 0
