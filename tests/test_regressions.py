"""Every generalisation bug found while measuring on the corpus, as a sentence and the rows it
must give, so none comes back. Expected rows follow claims-spec.md, decided by reading."""
from __future__ import annotations

import pytest

from zhfacts.pipeline import extract_text_table

CASES = [
    # A numeral directly before an administrative suffix names a group of places, not a count.
    ("协调企业优先招聘三县应届大学生。", "2022", "中国", []),
    # 人口, 人民, 人员 are counted nouns: the span ends at the scale word, the unit is person.
    ("对我们这样一个拥有14亿人口的发展中国家来说,能在较短时间内有效控制疫情。", "2020", "中国",
     [("14亿", 1.4e9, "person", "=")]),
    # A large bare count takes the counted noun of its subject.
    ("农村贫困人口减少1109万,贫困发生率降至0.6%。", "2020", "中国",
     [("1109万", 1.109e7, "person", "="), ("0.6%", 0.6, "%", "=")]),
    # 上亿 and 数以亿计 reach that many; 几亿 is at least two of it.
    ("必须稳住上亿市场主体。", "2020", "中国", [("亿", 1e8, "item", ">=")]),
    ("灵活就业人员数以亿计。", "2020", "中国", [("亿", 1e8, "person", ">=")]),
    ("这些政策使几亿人受益。", "2020", "中国", [("几亿人", 2e8, "person", ">=")]),
    # 倍 of an increase is +100 % per multiple.
    ("将价格临时补贴标准提高1倍。", "2020", "中国", [("1倍", 100, "%", "=")]),
    # Idioms and named programmes with numerals.
    ("这让原本一脸愁云的乌日惊喜万分。", "2020", "科左后旗", []),
    ("深入推进大众创业万众创新。", "2020", "中国", []),
    ("亿万人民勤劳智慧。", "2020", "中国", []),
    ("为开启第二个百年奋斗目标新征程擘画蓝图。", "2020", "中国", []),
    ("严格落实中央八项规定精神。", "2020", "中国", []),
    ("帮扶残疾人、零就业家庭等困难群体就业。", "2020", "中国", []),
    # Per markers that are numbers themselves are not claims; they set per.
    ("我的小果园有15棵果树,一年能收入1500多元。", "2020", "科左后旗",
     [("15棵", 15, "tree", "="), ("1500多元", 1500, "CNY", ">")]),
    ("一个月3000块,一天工作8小时。", "2020", "科左后旗",
     [("3000块", 3000, "CNY", "="), ("8小时", 8, "hour", "=")]),
    # A voltage rating before a noun names a kind of line; the length is the claim.
    ("建设66千伏线路76.5公里、10千伏线路1420.6公里。", "2020", "科左后旗",
     [("76.5公里", 76.5, "km", "="), ("1420.6公里", 1420.6, "km", "=")]),
    # Transformer capacity and stored energy are units, not a rating and a power.
    ("新增变电容量240万千伏安,储能电站800兆瓦时。", "2022", "酒泉市",
     [("240万千伏安", 2.4e6, "kVA", "="), ("800兆瓦时", 8e5, "kWh", "=")]),
    # A bound that names a class of things is not a claim; one that bounds a figure is.
    ("全年新开工亿元以上项目42个,60岁以上老年人接种率超过九成。", "2023", "某县",
     [("42个", 42, "item", "="), ("九成", 90, "%", ">")]),
    ("赤字率拟按3.6%以上安排。", "2020", "中国", [("3.6%", 3.6, "%", ">=")]),
    # Section numbers and village groups are names.
    ("六、人民生活\n\n弄耀村六组有农户28户。", "2020", "七百弄乡", [("28户", 28, "household", "=")]),
    # Household members, doses, and 突破 / 約 as qualifiers.
    ("他一家5口挤在两间木房里,累计接种62.3万剂次,收入突破1万元,占地約280畝。", "2021", "某县",
     [("5口", 5, "person", "="), ("两间", 2, "item", "="), ("62.3万剂次", 6.23e5, "time", "="),
      ("1万元", 1e4, "CNY", ">"), ("280畝", 280, "mu", "~")]),
    # 村民组 are groups, not villagers.
    ("带动周边二三十个村民组增收。", "2021", "某县", [("二三十个", 20, "item", "=")]),
    # Time frames and points locate; a duration that measures is a claim.
    ("这三年他在外打工，三年前他家年收入只有3000元。", "2021", "某县", [("3000元", 3000, "CNY", "=")]),
    ("那两年合作社亏了钱，五年来累计分红80万元，他已打工三年。", "2021", "某县",
     [("80万元", 8e5, "CNY", "="), ("三年", 3, "year", "=")]),
    # Enumerators number the items of a list; 二期 numbers the phase.
    ("一是新建大棚300座；二是培训农民2000人次；（三）二期工程投资3000万元。", "2021", "某县",
     [("300座", 300, "item", "="), ("2000人次", 2000, "person_time", "="), ("3000万元", 3e7, "CNY", "=")]),
    ("其一，硬化道路5公里；\n2.新修水渠3条。", "2021", "某县", [("5公里", 5, "km", "="), ("3条", 3, "item", "=")]),
    # A share bounded by 以上 is a claim; an age bound names a class; 约 may stand before 有.
    ("全村60%以上的村民种上了茶叶，约有三成土地已流转。", "2021", "某村",
     [("60%", 60, "%", ">="), ("三成", 30, "%", "~")]),
    ("全乡八成以上的农户加入合作社，65岁以上老人大约有120人。", "2021", "某乡",
     [("八成", 80, "%", ">="), ("120人", 120, "person", "~")]),
    # Doublings are multiples: 翻一番 is +100 %, 翻两番 +300 %; 三番五次 is an idiom.
    ("全县农民人均收入翻了一番，工业产值翻两番，三番五次上门。", "2021", "某县",
     [("一番", 100, "%", "="), ("两番", 300, "%", "=")]),
    ("粮食产量翻了一番多。", "2021", "某县", [("一番多", 100, "%", ">")]),
    # 零 reached by a verb is a value, with no unit.
    ("贫困发生率降至零，事故起数降为零。", "2021", "某县", [("零", 0, "", "="), ("零", 0, "", "=")]),
    ("全县实现零的突破，零就业家庭清零。", "2021", "某县", []),
    # An abstract noun that only begins a concrete noun does not make a count abstract.
    ("全县有3000户种植户，建成500座标准化棚圈，培养2000名种植能手。", "2021", "某县",
     [("3000户", 3000, "household", "="), ("500座", 500, "item", "="), ("2000名", 2000, "person", "=")]),
    ("推出8个方面90项政策措施，扶持120家种养大户、30类产品。", "2020", "某县",
     [("120家", 120, "item", "=")]),
    # The period of an average is a time frame; 户 counting enterprises or accounts counts items.
    ("两年平均增长5.2%，三年平均增速为4%。", "2021", "中国", [("5.2%", 5.2, "%", "="), ("4%", 4, "%", "=")]),
    ("全县粮食企业有30户，其中：养殖企业6户、牛养殖场4户，带动农户200户。", "2020", "某县",
     [("30户", 30, "item", "="), ("6户", 6, "item", "="), ("4户", 4, "item", "="), ("200户", 200, "household", "=")]),
    ("年末移动电话用户78.49万户，全县散养户约2490户。", "2025", "某市",
     [("78.49万户", 7.849e5, "item", "="), ("2490户", 2490, "household", "~")]),
]


@pytest.mark.parametrize("text,year,place,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_rows(text, year, place, expected):
    table = extract_text_table(text, "t", year=year, place=place)
    got = [(r.text, r.value, r.unit, r.qualifier) for r in table.itertuples()]
    assert [(t, u, q) for t, _, u, q in got] == [(t, u, q) for t, _, u, q in expected]
    assert [v for _, v, _, _ in got] == pytest.approx([v for _, v, _, _ in expected])


def assert_fields(table, expected):
    """Each (span, field, value) of ``expected``: the claim of that text has that value in that field."""
    rows = {r["text"]: r for r in table.to_dict("records")}
    for span, field, value in expected:
        assert span in rows, f"{span} not extracted"
        assert rows[span][field] == value, f"{span}: {field} {rows[span][field]!r} != {value!r}"


ATTRIBUTION = [
    # A heading with a year gives it to its section; a dateline heads nothing; a heading
    # without a year ends the previous section.
    ("报告\n\n——2020年5月22日在大会上\n\n一、2019年工作回顾\n\n国内生产总值达到99.1万亿元。\n\n"
     "三、加大宏观政策实施力度，着力稳企业保就业\n\n新建高标准农田8000万亩。", "2020", "中国",
     [("99.1万亿元", "year", "2019"), ("8000万亩", "year", "")]),
    # A comparison base is not the time of the quantity.
    ("今年拟安排专项债券3.75万亿元，比去年增加1.6万亿元。", "2020", "中国",
     [("3.75万亿元", "year", "2020"), ("1.6万亿元", "year", "2020")]),
    # A year that modifies one number applies to it alone.
    ("贫困人口发生率从2014年的11%降至2019年的0.04%。", "2020", "科左后旗",
     [("11%", "year", "2014"), ("0.04%", "year", "2019")]),
    # A place after 与 is a partner; donor money is located where it is spent.
    ("科左后旗与北京市怀柔区互相对接84次;怀柔区对口帮扶投入资金9377万元。", "2020", "科左后旗",
     [("84次", "place", "科左后旗"), ("9377万元", "place", "科左后旗")]),
    # An organisation named after a place is not that place.
    ("北京交通大学先后选派挂职干部6人。", "2020", "科左后旗", [("6人", "place", "科左后旗")]),
    # A place directly before the number locates the counted things.
    ("我们和北京61家连锁超市签订了采购订单。", "2020", "科左后旗", [("61家", "place", "北京")]),
    # A person introduced with a village keeps it, also for a quotation attributed to them.
    ("努古斯台嘎查的春梅正忙着施肥。\n\n“现在我家年收入有6万多元。”春梅说。", "2020", "科左后旗",
     [("6万多元", "place", "努古斯台嘎查"), ("6万多元", "year", "2020"), ("6万多元", "per", "year")]),
    # 全苏木 is the 苏木 the text is talking about.
    ("在巴胡塔苏木党委书记心中,精准就是金字诀。如今,全苏木518户1440人有了稳定增收的路子。",
     "2020", "科左后旗", [("518户", "place", "巴胡塔苏木"), ("1440人", "place", "巴胡塔苏木")]),
    # A list shares the per markers of its clause.
    ("学生每年分别补助1800元、2000元。", "2020", "科左后旗", [("1800元", "per", "year"), ("2000元", "per", "year")]),
    ("直接带动28户贫困户年人均稳定增收3000多元,村集体年收益5万元以上。", "2020", "科左后旗",
     [("3000多元", "per", "person/year"), ("5万元", "per", "year")]),
    ("务工村民月工资2800元左右,每生每年补助1250元。", "2020", "某县",
     [("2800元", "per", "month"), ("1250元", "per", "person/year")]),
    # A two-character village name may be a common word; 村民 after it is no place.
    ("黄土村建成香菇大棚120个,务工村民80余人。", "2021", "紫云县",
     [("120个", "place", "黄土村"), ("80余人", "place", "黄土村")]),
    # 全村, 村里 are the village the text is talking about, for the whole sentence.
    ("弄耀村地处石山区。2018年以来,全村发展养殖户142户,存栏肉牛近600头。", "2020", "七百弄乡",
     [("142户", "place", "弄耀村"), ("600头", "place", "弄耀村")]),
    # A block label gives its year to the block; the lines of a list take the year of the
    # sentence that introduces them with a colon.
    ("总结\n2019年：新建蓄水池12座。完成情况：已验收9座。\n2020年：新修道路3公里。", "2021", "某县",
     [("12座", "year", "2019"), ("9座", "year", "2019"), ("3公里", "year", "2020")]),
    ("总结\n\n2018年完成情况：\n硬化村道2公里。\n\n全年主要做法如下：\n一是新建大棚300座；\n二是培训农民2000人次。",
     "2021", "某县", [("2公里", "year", "2018"), ("300座", "year", "2021"), ("2000人次", "year", "2021")]),
    ("2016年主要做法如下：\n一是新建大棚300座；\n二是培训农民2000人次。", "2021", "某县",
     [("2000人次", "year", "2016"), ("2000人次", "metric", "培训农民")]),
    # Present-time words are the document's year; 当年, 同年 and 同期 the year last named.
    ("现有耕地3000亩。眼下，合作社已吸纳社员120户。", "2021", "某村",
     [("3000亩", "year", "2021"), ("120户", "year", "2021")]),
    ("2016年修通了公路。当年10月又拨款80万元，同年建成校舍2栋。", "2021", "某村",
     [("80万元", "year", "2016"), ("2栋", "year", "2016")]),
    # A headline's 今 is the document's day; elsewhere 今 is part of a word.
    ("全市今新增就业岗位300个\n\n累计新增岗位500个。", "2021", "某市",
     [("300个", "year", "2021"), ("500个", "year", "2021")]),
    ("就业工作总结\n\n全市今后还将新增岗位500个。", "2021", "某市", [("500个", "year", "")]),
    # A month, a run of months, a quarter or a half without its year is in the year last named
    # in its sentence, else in the document's year; 同期 is the period last named.
    ("前5月，全市CPI同比上涨5.7%。1~5月，食品类价格上涨13.4%。", "2011", "兰州市",
     [("5.7%", "year", "2011"), ("13.4%", "year", "2011")]),
    ("前三季度国内生产总值82.31万亿元，比去年同期增长9.8%。同期，居民收入增长9.7%。", "2021", "中国",
     [("82.31万亿元", "year", "2021"), ("9.8%", "year", "2021"), ("9.7%", "year", "2021")]),
    ("2019年全县接待游客10万人次，5月底建成民宿20家。上半年收入增长8%。", "2021", "某县",
     [("20家", "year", "2019"), ("8%", "year", "2021")]),
    # A day, or a list of months, without a year is in the document's year.
    ("一是就业改善。7、8、9三个月，全国失业率分别为5.1%、5.1%和4.9%。", "2021", "中国",
     [("5.1%", "year", "2021"), ("4.9%", "year", "2021")]),
    ("截至5月26日，该县仍有94.03万亩耕地受旱。", "2011", "某县", [("94.03万亩", "year", "2011")]),
    # The date of a founding or an award is not the time of the figures beside it; what was
    # founded that year is counted in it.
    ("该公司成立于1995年，位于太平村，占地面积20000平方米。", "2020", "某县", [("20000平方米", "year", "")]),
    ("合作社于2011年3月注册成立，注册资金500万元。2019年成立合作社12个。", "2020", "某县",
     [("500万元", "year", ""), ("12个", "year", "2019")]),
    ("2017年被评为全国文明村，村里有农户300户。", "2020", "某县", [("300户", "year", "")]),
    # Months named as the value of a season are no time of the sentence.
    ("山野菜主要产出月份为4—8月份，年采集量约3.3万吨。", "2020", "柳河县", [("3.3万吨", "year", "")]),
    # Donors and funders: money is located where it is spent, not at the giver.
    ("广州市红星商会累计资助30万元，帮助修建村道。", "2021", "柳河县", [("30万元", "place", "柳河县")]),
    ("广州市红星商会累计为柳河县捐资30万元。", "2021", "某县", [("30万元", "place", "柳河县")]),
    ("深圳市某集团出资500万元建设扶贫车间。", "2021", "某县", [("500万元", "place", "某县")]),
    # Persons tied to villages by a resident word, a copula, a speech tag after a quotation; a
    # common noun after a village is no person.
    ("柳湾村3组村民王小山今年养牛20头。\n\n王小山家年收入5万元。", "2021", "某县",
     [("20头", "place", "柳湾村"), ("5万元", "place", "柳湾村")]),
    ("王小山是柳湾村村民。\n\n王小山家年收入5万元。", "2021", "某县", [("5万元", "place", "柳湾村")]),
    ("“现在每月能挣3000块。”东坪村村民卢伟高兴地说。\n\n全镇合作社带动农户2000户。", "2021", "某镇",
     [("3000块", "place", "东坪村"), ("2000户", "place", "某镇")]),
    ("甘旗卡镇新胜屯村的老张说，他家种了30亩玉米。\n\n老张家年收入3万元。", "2021", "某县", [("3万元", "place", "新胜屯村")]),
    ("位于石桥村的茶叶加工厂年产茶叶300吨。\n\n茶叶销售收入80万元。", "2021", "某县",
     [("300吨", "place", "石桥村"), ("80万元", "place", "某县")]),
    # A name whose suffix opens a stopword ("村村") or a resident word is still a name.
    ("柳湾村村民人均收入8000元。", "2021", "某县", [("8000元", "place", "柳湾村")]),
    # A name that holds a stopword (城镇, 乡村) is still a name, when it is no phrase itself.
    ("新城镇建成大棚120座。", "2021", "某县", [("120座", "place", "新城镇")]),
    ("东乡村有农户30户，全县推进小城镇建设投资5亿元，建设和美乡村20个。", "2021", "某县",
     [("30户", "place", "东乡村"), ("5亿元", "place", "某县"), ("20个", "place", "某县")]),
    # A short name used alone after the full name: a township's short form as a block label or a
    # list member, a county's short form that is no common word.
    ("青石镇位于山区。\n\n青石：安置房300套。", "2021", "某县", [("300套", "place", "青石")]),
    ("柳湾村位于山区。\n\n柳湾的茶叶年产300吨。", "2021", "某县", [("300吨", "place", "柳湾")]),
    ("信丰县位于赣南。\n\n信丰电厂装机200万千瓦。", "2021", "赣州市", [("200万千瓦", "place", "信丰")]),
    # A place that names a facility's market is not its location; the members of an
    # enumeration that the number counts are not its location.
    ("全县建成广州市菜篮子供应基地8个，面向北京市场的蔬菜基地5个。", "2021", "某县",
     [("8个", "place", "某县"), ("5个", "place", "某县")]),
    ("东坪村、西坪村等3个村通了自来水。", "2021", "某乡", [("3个", "place", "某乡")]),
    ("全乡已有东坪村、西坪村、南坪村等5个村修了路。", "2021", "某乡", [("5个", "place", "某乡")]),
    # List members keep their own metric: a list of numbers answers the list before it.
    ("全年接待游客120万人次、实现旅游总收入8亿元，分别增长15%和20%。", "2021", "某县",
     [("15%", "metric", "接待游客增长"), ("20%", "metric", "实现旅游总收入增长")]),
    ("原煤、原油、天然气产量达到6640.8万吨、1253.6万吨、9.1亿立方米，分别增长9.3%、7.3%、21.2%。", "2024", "甘肃省",
     [("6640.8万吨", "metric", "原煤产量"), ("1253.6万吨", "metric", "原油产量"), ("7.3%", "metric", "原油产量增长")]),
    ("小麦、玉米播种面积分别为30万亩和45万亩。", "2021", "某县",
     [("30万亩", "metric", "小麦播种面积"), ("45万亩", "metric", "玉米播种面积")]),
    # A clause that only says how something changed (modifiers, a comparison base, a change
    # verb) measures the change of the sentence's subject; a second change keeps that subject.
    ("全年粮食产量8.2万吨，比上年下降1.5%；蔬菜3.1万吨，增长4.0%。", "2021", "某县",
     [("1.5%", "metric", "粮食产量下降"), ("4.0%", "metric", "蔬菜增长")]),
    ("全县居民人均可支配收入18000元，扣除价格因素实际增长6.0%，两年平均增长5.5%。", "2021", "某县",
     [("6.0%", "metric", "居民人均可支配收入扣除价格因素实际增长"), ("5.5%", "metric", "居民人均可支配收入平均增长")]),
    ("本月新订单指数51.2%，比上月微落0.3个百分点。", "2021", "中国", [("0.3个百分点", "metric", "新订单指数比上月微落")]),
    ("年末生猪存栏3.2万头（含能繁母猪），较上年末减少2.0%。", "2021", "某县", [("2.0%", "metric", "生猪存栏减少")]),
    # A change with no subject named stays the change; it is no subject for the next one.
    ("上半年同比增长6.1%，两年平均增长5.0%。", "2021", "中国", [("5.0%", "metric", "平均增长")]),
    # A bracketed note closing the name is part of it; a trim word is cut only as a whole word.
    ("全县固定资产投资（不含农户）52亿元，同比增长8.1%。", "2021", "某县",
     [("52亿元", "metric", "固定资产投资（不含农户）"), ("8.1%", "metric", "固定资产投资（不含农户）同比增长")]),
    ("本月从业人员指数为48.9%，比上月回升0.5个百分点。", "2021", "中国",
     [("48.9%", "metric", "从业人员指数"), ("0.5个百分点", "metric", "从业人员指数比上月回升")]),
    # A qualifier after a list member does not break the list it answers.
    ("一产、二产、三产增加值分别增长5.5%左右、6%左右、5%左右。", "2025", "某省",
     [("5.5%", "metric", "一产增加值增长"), ("6%", "metric", "二产增加值增长"), ("5%", "metric", "三产增加值增长")]),
    ("全县二产、三产增加值分别增长6%以上和7%左右。", "2025", "某县",
     [("6%", "metric", "二产增加值增长"), ("7%", "metric", "三产增加值增长")]),
    # A statistical indicator takes its English name from the glossary, not a word gloss.
    ("全年货物进出口总额52亿元，年末机动车保有量18万辆。", "2025", "某市",
     [("52亿元", "metric_en", "total value of imports and exports of goods"), ("18万辆", "metric_en", "motor vehicles in use")]),
    ("本月新出口订单指数50.9%，比上月略升0.2个百分点。", "2011", "中国",
     [("50.9%", "metric_en", "new export orders index"), ("0.2个百分点", "metric_en", "new export orders index over the previous month edged up")]),
    # A place inside brackets governs only the bracket.
    ("全县建成示范基地12个（石桥镇8个），带动农户800户。", "2021", "某县",
     [("8个", "place", "石桥镇"), ("800户", "place", "某县")]),
    ("合作社（柳湾村）年产茶叶300吨，带动农户50户。", "2021", "某县", [("300吨", "place", "某县")]),
    # A report of year Y reviews Y-1 and sets Y's goals: in the review its 加快, 将 tell what was
    # done; in the forward part an unmarked outcome is a target, an unmarked action a plan; a
    # heading with no review or forward word and no year continues the section before it.
    ("某县政府工作报告\n\n一、2020年工作回顾\n\n加快建设产业园，新建大棚120座，将60%的财力用于民生。\n\n"
     "二、2021年目标任务\n\n地区生产总值增长6%左右，新建学校12所。", "2021", "某县",
     [("120座", "kind", "actual"), ("60%", "kind", "actual"), ("6%", "kind", "target"), ("12所", "kind", "plan")]),
    ("某市政府工作报告\n\n一、2020年主要成绩\n\n推动新增就业岗位3000个。\n\n二、今年主要目标\n\n"
     "城镇调查失业率5.5%左右。\n\n三、加快乡村振兴\n\n改造农村公路300公里，村庄通电率达到100%。", "2021", "某市",
     [("3000个", "kind", "actual"), ("5.5%", "kind", "target"), ("300公里", "kind", "plan"), ("100%", "kind", "target")]),
    # A resident named without a village lives in the village the text is at; 走进 opens a name.
    ("记者走进青石镇柳湾村。\n\n村民王小山正在地里除草。\n\n王小山家种了5亩苹果，年收入3万元。", "2021", "某县",
     [("5亩", "place", "柳湾村"), ("3万元", "place", "柳湾村")]),
    ("记者来到东坪村。牧民巴特尔养羊200只。\n\n巴特尔家年收入8万元。", "2021", "某镇", [("8万元", "place", "东坪村")]),
    # Years before the document's are time points that date the figures after them; 明年 is one after.
    ("10年前全村贫困发生率高达25.8%，三年前建成大棚20座。", "2020", "某村",
     [("25.8%", "year", "2010"), ("20座", "year", "2017")]),
    ("合作社由十年前的不足百个发展到目前的1735个，其中示范社达到60个。", "2014", "某市",
     [("百个", "year", "2004"), ("1735个", "year", "2014"), ("60个", "year", "")]),
    ("两年以前还有危房12户，明年力争新建学校3所。", "2021", "某村", [("12户", "year", "2019"), ("3所", "year", "2022")]),
    # A comparison base is not the location; 全国 in one clause is not the place of the next.
    ("全省经济增长3.8%,高于全国1.5个百分点;社会消费品零售总额16258亿元。", "2021", "湖南省",
     [("1.5个百分点", "place", "湖南省"), ("16258亿元", "place", "湖南省")]),
]


@pytest.mark.parametrize("text,year,place,expected", ATTRIBUTION, ids=[c[0][:16] for c in ATTRIBUTION])
def test_attribution(text, year, place, expected):
    """The rules' own attribution (the rule order decides; the learned decider is measured by the
    ablation in docs/model.md)."""
    assert_fields(extract_text_table(text, "t", year=year, place=place, model=False), expected)


PROFILES = [
    # A work report's city named in one sentence does not scope the next; a feature's village does.
    ("全省新建学校120所。兰州市新增就业岗位3万个。全年新增城镇就业30万人。", "2025", "甘肃省", "work_report",
     [("3万个", "place", "兰州市"), ("30万人", "place", "甘肃省")]),
    ("柳湾村位于山区，交通不便。去年新建大棚12座。", "2021", "某县", "feature", [("12座", "place", "柳湾村")]),
    ("柳湾村位于山区，交通不便。去年新建大棚12座。", "2021", "某县", "news", [("12座", "place", "某县")]),
    # With no kind given, the title decides it.
    ("2025年某省政府工作报告\n\n兰州市新增就业岗位3万个。全年新增城镇就业30万人。", "2025", "甘肃省", "",
     [("30万人", "place", "甘肃省")]),
]


@pytest.mark.parametrize("text,year,place,kind,expected", PROFILES, ids=[f"{c[3]}-{c[0][:12]}" for c in PROFILES])
def test_profile(text, year, place, kind, expected):
    assert_fields(extract_text_table(text, "t", year=year, place=place, kind=kind or None), expected)
