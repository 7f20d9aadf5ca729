"""Sentences that hold numerals but no claim (claims-spec section 1, Exclude).

Dates, ordinals, names, slogans and set phrases, counts of abstract categories, technical
specifications, and ordinary words that contain a numeral character must give no claim row.
"""
from __future__ import annotations

import math

import pytest

from zhfacts.pipeline import extract_text_table


def claim_rows(text: str):
    table = extract_text_table(text, "t", year="2020", place="某县")
    if "status" in table.columns:
        table = table[table["status"] == "claim"]
    return table


def _show(table) -> list[tuple]:
    return [(r["text"], r["value"], r["unit"], r["rule"]) for _, r in table.iterrows()]


NO_CLAIMS = [
    # dates and points in time
    ("date", "2019年4月22日召开会议。"),
    ("date", "2019年召开了全县脱贫攻坚推进会。"),
    ("date", "大年初二就回到村里。"),
    ("date", "2014年以来，各项工作扎实推进。"),
    ("date", "二〇一九年五月，工作队进驻该村。"),
    # ordinals and ranks
    ("ordinal", "第一书记到村。"),
    ("ordinal", "该村入选首批名录。"),
    ("ordinal", "他排在第三位。"),
    # names, slogans and set phrases, quoted or not
    ("set_phrase", "推进“七个一”工作机制。"),
    ("set_phrase", "开展“五个一”活动。"),
    ("set_phrase", "落实“三个一”要求。"),
    ("set_phrase", "实现两不愁三保障。"),
    ("set_phrase", "村两委班子团结有力。"),
    ("set_phrase", "三北防护林工程持续推进。"),
    ("set_phrase", "她被评为三好学生。"),
    ("set_phrase", "坚持四个不摘。"),
    ("set_phrase", "推行三不用工作法。"),
    ("set_phrase", "开展三美一净行动。"),
    ("set_phrase", "实现三清零目标。"),
    ("set_phrase", "提供一站式服务。"),
    ("set_phrase", "村道两旁种满了五角枫。"),
    ("set_phrase", "把温暖送到千家万户。"),
    ("set_phrase", "一鼓作气打赢脱贫攻坚战。"),
    ("set_phrase", "犹如三军用命。"),
    ("set_phrase", "小康路上一个也不能少。"),
    ("set_phrase", "一分钱没花就住进了新房。"),
    ("set_phrase", "坚持“5天4夜”蹲点工作。"),
    # counts of abstract categories
    ("abstract", "总结出十条精准打法。"),
    ("abstract", "涉及10个方面。"),
    ("abstract", "形成九种模式。"),
    ("abstract", "建立六本台账。"),
    ("abstract", "建立五个机制。"),
    ("abstract", "重点关注两类人群。"),
    ("abstract", "守住两条界线。"),
    ("abstract", "实行三级联动。"),
    # ordinary words that contain a numeral character
    ("word", "统一思想。"),
    ("word", "一些群众还不理解。"),
    ("word", "百姓生活明显改善。"),
    ("word", "这项工作十分重要。"),
    ("word", "进一步加强管理。"),
    ("word", "大家一起想办法。"),
    ("word", "他一直坚守在一线。"),
    ("word", "千万不能松劲。"),
    ("word", "万一出现返贫要及时帮扶。"),
    ("word", "工作一定要落到实处。"),
    ("word", "这是唯一的办法。"),
    ("word", "大家的意见完全一致。"),
    ("word", "万众一心，众志成城。"),
]


@pytest.mark.parametrize("why, sentence", NO_CLAIMS, ids=[s for _, s in NO_CLAIMS])
def test_no_claims(why, sentence):
    table = claim_rows(sentence)
    assert table.empty, f"{why}: {sentence} gave claims {_show(table)}"


SPECIFICATIONS = [
    # (sentence, the one claim: text, value, unit)
    ("新建66千伏线路76.5公里。", "76.5公里", 76.5, "km"),
    ("改造10千伏线路12公里。", "12公里", 12, "km"),
    ("新建35千伏变电站2座。", "2座", 2, "item"),
]


@pytest.mark.parametrize("sentence, text, value, unit", SPECIFICATIONS, ids=[s for s, *_ in SPECIFICATIONS])
def test_specification_number_is_not_a_claim(sentence, text, value, unit):
    """A rating that names a kind of thing (66千伏线路) is part of the metric, not a claim."""
    table = claim_rows(sentence)
    assert len(table) == 1, _show(table)
    row = table.iloc[0]
    assert row["text"] == text
    assert math.isclose(row["value"], value, rel_tol=1e-9)
    assert row["unit"] == unit
    assert row["qualifier"] == "="
