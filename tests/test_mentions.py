"""One-line mention examples run through the whole pipeline (claims-spec sections 1-3).

Each case is a sentence and every claim it must give, as (span text, value, value_max, unit,
qualifier), in text order. The span runs from the first character of the number to the last
character of its unit, inner 多/余 included, outer 约/近/超过/以上/左右 left out; the value is
in the canonical unit with scale words and the unit's factor applied. Expected values are
decided from the spec, not copied from the extractor.
"""
from __future__ import annotations

import math

import pytest

from zhfacts.pipeline import extract_text_table

DOC_YEAR = "2020"


def claims(text: str):
    table = extract_text_table(text, "t", year=DOC_YEAR, place="某县")
    if "status" in table.columns:
        table = table[table["status"] == "claim"]
    return table


def _as_tuple(row) -> tuple:
    value_max = None if row["value_max"] is None or math.isnan(row["value_max"]) else row["value_max"]
    return (row["text"], row["value"], value_max, row["unit"], row["qualifier"])


def _same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=0.0)


def _same(got: tuple, expected: tuple) -> bool:
    return (got[0] == expected[0] and _same_number(got[1], expected[1]) and _same_number(got[2], expected[2])
            and got[3] == expected[3] and got[4] == expected[4])


def C(text, value, unit, qualifier="=", value_max=None):
    return (text, float(value), None if value_max is None else float(value_max), unit, qualifier)


MENTION_CASES = [
    # scale words and thousands separators
    ("全县共投入扶贫资金13,062万元。", [C("13,062万元", 130620000, "CNY")]),
    ("农村居民存款余额2.6万亿元。", [C("2.6万亿元", 2.6e12, "CNY")]),
    ("发放小额信贷1.2亿元。", [C("1.2亿元", 1.2e8, "CNY")]),
    ("全县肉牛存栏12,856头。", [C("12,856头", 12856, "head")]),
    ("完成造林1.5万亩。", [C("1.5万亩", 15000, "mu")]),
    ("为村里捐款两千四百五十元。", [C("两千四百五十元", 2450, "CNY")]),
    ("为村里捐款两万元。", [C("两万元", 20000, "CNY")]),
    ("企业捐款壹万元整。", [C("壹万元", 10000, "CNY")]),
    ("新建温室十座。", [C("十座", 10, "item")]),
    ("全村共有１２３户。", [C("１２３户", 123, "household")]),
    # inner 多/余 (in the span, qualifier >)
    ("全年接待游客2万余人次。", [C("2万余人次", 20000, "person_time", ">")]),
    ("全县选派3000多名干部驻村帮扶。", [C("3000多名", 3000, "person", ">")]),
    ("合作社去年分红20多万元。", [C("20多万元", 200000, "CNY", ">")]),
    # outer qualifiers (not in the span)
    ("全村种植中药材约5万亩。", [C("5万亩", 50000, "mu", "~")]),
    ("大约200人参加了培训。", [C("200人", 200, "person", "~")]),
    ("玉米亩产1000斤左右。", [C("1000斤", 1000, "jin", "~")]),
    ("全国财政专项扶贫资金累计投入近2万亿元。", [C("2万亿元", 2e12, "CNY", "<")]),
    ("将近300户受益。", [C("300户", 300, "household", "<")]),
    ("人均收入不足2300元。", [C("2300元", 2300, "CNY", "<")]),
    ("群众满意度达到95%以上。", [C("95%", 95, "%", ">=")]),
    ("每户至少1人就业。", [C("1人", 1, "person", ">=")]),
    ("全县脱贫人口超过10万人。", [C("10万人", 100000, "person", ">")]),
    ("项目投资逾5亿元。", [C("5亿元", 5e8, "CNY", ">")]),
    ("贫困发生率降至3%以下。", [C("3%", 3, "%", "<=")]),
    ("贷款额度不超过5万元。", [C("5万元", 50000, "CNY", "<=")]),
    ("每亩收入可达2000元。", [C("2000元", 2000, "CNY", "<=")]),
    ("每户最高补助3万元。", [C("3万元", 30000, "CNY", "<=")]),
    ("每户补助最高3万元。", [C("3万元", 30000, "CNY", "<=")]),
    ("带动上万人就业。", [C("万人", 10000, "person", ">=")]),
    ("人均收入达8000元。", [C("8000元", 8000, "CNY", "=")]),
    # 上百/上千 (spec 2.3): the span is the scale word with its unit, qualifier >=
    ("带动上百户群众增收。", [C("百户", 100, "household", ">=")]),
    ("合作社年销售额上千万元。", [C("千万元", 1e7, "CNY", ">=")]),
    # shares and percentages in words (spec 2.3)
    ("贫困发生率下降了百分之十一。", [C("百分之十一", 11, "%")]),
    ("全村三成农户种植烤烟。", [C("三成", 30, "%")]),
    ("务工收入占家庭收入的一半。", [C("一半", 50, "%")]),
    ("三分之一的农户加入了合作社。", [C("三分之一", 100 / 3, "%")]),
    ("贫困发生率下降0.5个百分点。", [C("0.5个百分点", 0.5, "pp")]),
    # ranges
    ("每户补助3-5万元。", [C("3-5万元", 30000, "CNY", value_max=50000)]),
    ("每个大棚年收入三四万元。", [C("三四万元", 30000, "CNY", value_max=40000)]),
    ("每亩补贴200至300元。", [C("200至300元", 200, "CNY", value_max=300)]),
    ("农民收入增长10%-15%。", [C("10%-15%", 10, "%", value_max=15)]),
    # units that begin with a scale character, and the unit table
    ("建成光伏电站10万千瓦。", [C("10万千瓦", 100000, "kW")]),
    ("新修村道5千米。", [C("5千米", 5, "km")]),
    ("收购牛肉200千克。", [C("200千克", 200, "kg")]),
    ("年发电量300万千瓦时。", [C("300万千瓦时", 3e6, "kWh")]),
    ("全年发电4620万度。", [C("4620万度", 46200000, "kWh")]),
    ("建设光伏电站20兆瓦。", [C("20兆瓦", 20, "MW")]),
    ("新建村级活动场所120平方米。", [C("120平方米", 120, "m2")]),
    ("修建水渠800米。", [C("800米", 800, "m")]),
    ("退耕还林56.8公顷。", [C("56.8公顷", 56.8, "ha")]),
    ("治理水土流失3.2平方公里。", [C("3.2平方公里", 3.2, "km2")]),
    ("产出蔬菜500吨。", [C("500吨", 500, "t")]),
    ("收购土豆30万斤。", [C("30万斤", 300000, "jin")]),
    ("种植苹果树5000棵。", [C("5000棵", 5000, "tree")]),
    ("栽植樟子松2万株。", [C("2万株", 20000, "tree")]),
    ("出栏肉羊1200只。", [C("1200只", 1200, "head")]),
    ("养殖蛋鸡3000羽。", [C("3000羽", 3000, "head")]),
    ("培训农民500人次。", [C("500人次", 500, "person_time")]),
    ("走访贫困户1200户次。", [C("1200户次", 1200, "household_time")]),
    ("工作队驻村3个月。", [C("3个月", 3, "month")]),
    ("开展义诊活动20次。", [C("20次", 20, "time")]),
    ("建成村卫生室15所。", [C("15所", 15, "item")]),
    ("爱心企业捐赠10万美元。", [C("10万美元", 100000, "USD")]),
    # durations and ages
    ("他今年46岁。", [C("46岁", 46, "year")]),
    ("他连续20年坚守在扶贫一线。", [C("20年", 20, "year")]),
    ("他一天工作8小时。", [C("8小时", 8, "hour")]),
    # per-unit amounts
    ("全村人均养牛2.4头。", [C("2.4头", 2.4, "head")]),
    ("参保费用为每人每年50元。", [C("50元", 50, "CNY")]),
    # clause comma after a date: 40万 is its own number, 2019年4月 is a date
    ("2019年4月,40万人参加了培训。", [C("40万人", 400000, "person")]),
    ("2019年4月，40万人参加了培训。", [C("40万人", 400000, "person")]),
    # lists and 分别: one claim per member
    ("对考入本科和专科的学生分别补助1800元、2000元。", [C("1800元", 1800, "CNY"), C("2000元", 2000, "CNY")]),
    ("分别补助1800元、2000元、2400元、10,000元。",
     [C("1800元", 1800, "CNY"), C("2000元", 2000, "CNY"), C("2400元", 2400, "CNY"), C("10,000元", 10000, "CNY")]),
    # two claims, one date
    ("2019年全县减贫3.5万人，贫困发生率降至0.5%。", [C("3.5万人", 35000, "person"), C("0.5%", 0.5, "%")]),
    ("贫困发生率从2014年的11%降至2019年的0.04%。", [C("11%", 11, "%"), C("0.04%", 0.04, "%")]),
]


@pytest.mark.parametrize("sentence, expected", MENTION_CASES, ids=[s for s, _ in MENTION_CASES])
def test_mentions(sentence, expected):
    table = claims(sentence)
    got = [_as_tuple(r) for _, r in table.iterrows()]
    ok = len(got) == len(expected) and all(_same(g, e) for g, e in zip(got, expected))
    assert ok, f"\n  sentence: {sentence}\n  expected: {expected}\n  got:      {got}"


# --- per (section 2, column per) ----------------------------------------------------------------

PER_CASES = [
    ("他一天工作8小时。", "8小时", "day"),
    ("全村人均养牛2.4头。", "2.4头", "person"),
    ("参保费用为每人每年50元。", "50元", "person/year"),
    ("每亩收入可达2000元。", "2000元", "mu"),
    ("每户补助3-5万元。", "3-5万元", "household"),
    ("户均增收3000元。", "3000元", "household"),
    ("每年为每名学生补助1800元。", "1800元", "person/year"),
    ("他一年能收入1500多元。", "1500多元", "year"),
    ("全县共投入扶贫资金13,062万元。", "13,062万元", ""),
    ("全县肉牛存栏12,856头。", "12,856头", ""),
]


def _row_for(sentence: str, span: str):
    table = claims(sentence)
    rows = table[table["text"] == span]
    assert len(rows) == 1, f"{sentence}: expected one claim {span!r}, got {list(table['text'])}"
    return rows.iloc[0]


# --- year (section 2.1), document year 2020 ---------------------------------------------------

YEAR_CASES = [
    ("贫困发生率从2014年的11%降至2019年的0.04%。", "11%", "2014"),
    ("贫困发生率从2014年的11%降至2019年的0.04%。", "0.04%", "2019"),
    ("今年全村人均收入达到12000元。", "12000元", "2020"),
    ("去年全村人均收入达到10000元。", "10000元", "2019"),
    ("前年全村人均收入达到8000元。", "8000元", "2018"),
    ("截至目前，全村已脱贫120户。", "120户", "2020"),
    ("2014年以来，全县累计减贫3.5万人。", "3.5万人", "2014-2020"),
    ("十三五期间，全县共投入资金50亿元。", "50亿元", "2016-2020"),
    ("2019年全村人均收入达到9000元，2020年达到12000元。", "9000元", "2019"),
    ("2019年全村人均收入达到9000元，2020年达到12000元。", "12000元", "2020"),
    ("2019年4月,40万人参加了培训。", "40万人", "2019"),
    # a comparison base is not the time the value refers to
    ("2020年农村居民存款比去年增加1万亿元。", "1万亿元", "2020"),
    ("农村居民存款比去年增加1万亿元。", "1万亿元", ""),
    # vague times and per-year words give no year
    ("近年来，全村新建住房50套。", "50套", ""),
    ("每年为每名学生补助1800元。", "1800元", ""),
    ("全村共有贫困户86户。", "86户", ""),
    # a time in the next clause is not in the quantity's clause
    ("全村新建住房50套，2019年全部入住。", "50套", ""),
]


SLOT_CASES = [("per", *c) for c in PER_CASES] + [("year", *c) for c in YEAR_CASES]


@pytest.mark.parametrize("column, sentence, span, expected", SLOT_CASES, ids=[f"{c}|{s}|{t}" for c, s, t, _ in SLOT_CASES])
def test_slot(column, sentence, span, expected):
    assert _row_for(sentence, span)[column] == expected
