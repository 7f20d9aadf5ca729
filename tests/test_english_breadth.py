"""English sentences of the kinds users bring (news agencies' English services, development
reports on poverty alleviation, statistical communiqués in translation, news analyses), each
with the claim it holds read by hand against claims-spec section 5: span, value, range end,
unit, qualifier, year, place, per and kind; sentences whose numbers are no claim; and the short
noun phrase each metric is.

Each document is dated 2020 with default place "China".
"""
from __future__ import annotations

import pytest

from zhfacts.eval.score import metric_matches, same_place_any as same_place, values_equal
from zhfacts.lang.en.words import content_stems
from zhfacts.pipeline import extract_text_table

M, B, T = 10**6, 10**9, 10**12


def _claims(text: str):
    return extract_text_table(text, "t", year="2020", place="China", lang="en", model=False)


def _row(sentence: str, span: str):
    table = _claims(sentence)
    rows = table[table["text"] == span]
    assert len(rows) == 1, f"{span!r} not one claim of:\n{table[['text', 'unit', 'metric']].to_string()}"
    row = rows.iloc[0]
    assert sentence[row.start:row.end] == span
    return row


# (sentence, span, value, value_max, unit, qualifier, year, place, per, kind)
CLAIMS = [
    # number words and scales
    ("The county relocated two thousand households in 2018.", "two thousand", 2000, None, "household", "=", "2018", "China", "", "actual"),
    ("Some 1.2 million people were relocated in 2019.", "1.2 million", 1.2 * M, None, "person", "~", "2019", "China", "", "actual"),
    ("The fund totals 3bn yuan.", "3bn yuan", 3 * B, None, "CNY", "=", "", "China", "", "actual"),
    ("Local governments spent RMB 46.1 billion on relocation in 2019.", "RMB 46.1 billion", 46.1 * B, None, "CNY", "=", "2019", "China", "", "actual"),
    ("Its GDP reached 1.2 trillion yuan last year.", "1.2 trillion yuan", 1.2 * T, None, "CNY", "=", "2019", "China", "", "actual"),
    ("Imports rose to $2.06 trillion in 2019.", "$2.06 trillion", 2.06 * T, None, "USD", "=", "2019", "China", "", "actual"),
    ("The programme cost 12 billion dollars.", "12 billion dollars", 12 * B, None, "USD", "=", "", "China", "", "actual"),
    ("The loan of US$500 million was signed.", "US$500 million", 500 * M, None, "USD", "=", "", "China", "", "actual"),
    ("Three hundred and six households were relocated.", "Three hundred and six", 306, None, "household", "=", "", "China", "", "actual"),
    ("Fifteen work teams were sent to the villages.", "Fifteen", 15, None, "item", "=", "", "China", "", "actual"),
    ("A dozen villages took part.", "A dozen", 12, None, "item", "=", "", "China", "", "actual"),
    ("Tens of thousands of migrant workers returned.", "Tens of thousands", 10000, None, "person", ">=", "", "China", "", "actual"),
    ("The scheme covers 1,000 yuan of medical costs.", "1,000 yuan", 1000, None, "CNY", "=", "", "China", "", "actual"),
    ("The company has 45,000 employees.", "45,000", 45000, None, "person", "=", "", "China", "", "actual"),
    ("The county has 1.3m residents.", "1.3m", 1.3 * M, None, "person", "=", "", "China", "", "actual"),
    # percentages, points, ranges, fractions, multiples
    ("Rural per capita income grew 6.9 per cent in 2020.", "6.9 per cent", 6.9, None, "%", "=", "2020", "China", "", "actual"),
    ("The incidence of poverty dropped by 1.2 percentage points.", "1.2 percentage points", 1.2, None, "pp", "=", "", "China", "", "actual"),
    ("Its share rose 3 points to 45%.", "3 points", 3, None, "pp", "=", "", "China", "", "actual"),
    ("Its share rose 3 points to 45%.", "45%", 45, None, "%", "=", "", "China", "", "actual"),
    ("Output grew by 5-6 per cent.", "5-6 per cent", 5, 6, "%", "=", "", "China", "", "actual"),
    ("Between 2 million and 3 million people moved.", "2 million and 3 million", 2 * M, 3 * M, "person", "=", "", "China", "", "actual"),
    ("The project cost 3 to 4 billion yuan.", "3 to 4 billion yuan", 3 * B, 4 * B, "CNY", "=", "", "China", "", "actual"),
    ("Around 60 per cent of the funds went to roads.", "60 per cent", 60, None, "%", "~", "", "China", "", "actual"),
    ("Roughly two-thirds of the poor live in the west.", "two-thirds", 200 / 3, None, "%", "~", "", "China", "", "actual"),
    ("A quarter of the villages lacked roads.", "A quarter", 25, None, "%", "=", "", "China", "", "actual"),
    ("Almost half of the households keep cattle.", "half", 50, None, "%", "<", "", "China", "", "actual"),
    ("The number of tourists doubled.", "doubled", 200, None, "%", "=", "", "China", "", "actual"),
    ("Income has risen fivefold since 2012.", "fivefold", 500, None, "%", "=", "2012-2020", "China", "", "actual"),
    ("Income is 2.5 times that of 2010.", "2.5 times", 250, None, "%", "=", "", "China", "", "actual"),
    ("The poverty rate fell to 0.6% in 2019 from 10.2% in 2012.", "0.6%", 0.6, None, "%", "=", "2019", "China", "", "actual"),
    ("The poverty rate fell to 0.6% in 2019 from 10.2% in 2012.", "10.2%", 10.2, None, "%", "=", "2012", "China", "", "actual"),
    ("The incidence of poverty fell from 10.2% in 2012 to 0.6% in 2019.", "0.6%", 0.6, None, "%", "=", "2019", "China", "", "actual"),
    ("The poor population fell from 9.23 million in 2014 to 309,000 in 2019.", "309,000", 309000, None, "person", "=", "2019", "China", "", "actual"),
    ("The number of clinics rose from 10 to 12.", "10", 10, None, "", "=", "", "China", "", "actual"),
    ("The number of clinics rose from 10 to 12.", "12", 12, None, "", "=", "", "China", "", "actual"),
    # qualifiers
    ("More than 800 cadres were sent to the villages.", "800", 800, None, "person", ">", "", "China", "", "actual"),
    ("Over 3,000 teachers were trained.", "3,000", 3000, None, "person", ">", "", "China", "", "actual"),
    ("Nearly 10,000 students received grants.", "10,000", 10000, None, "person", "<", "", "China", "", "actual"),
    ("At least 40 enterprises joined the scheme.", "40", 40, None, "item", ">=", "", "China", "", "actual"),
    ("No fewer than 200 doctors volunteered.", "200", 200, None, "person", ">=", "", "China", "", "actual"),
    ("Fewer than 5,000 people remain poor.", "5,000", 5000, None, "person", "<", "", "China", "", "actual"),
    ("About 70 villages have clinics.", "70", 70, None, "item", "~", "", "China", "", "actual"),
    ("Approximately 1.5 million tonnes were shipped.", "1.5 million tonnes", 1.5 * M, None, "t", "~", "", "China", "", "actual"),
    ("Upwards of 600 households signed up.", "600", 600, None, "household", ">", "", "China", "", "actual"),
    ("At most 30 students share a room.", "30", 30, None, "person", "<=", "", "China", "", "actual"),
    ("Close to 90% of the roads are paved.", "90%", 90, None, "%", "<", "", "China", "", "actual"),
    ("The fund has 2 billion yuan or more.", "2 billion yuan", 2 * B, None, "CNY", ">=", "", "China", "", "actual"),
    # counted nouns and unit words
    ("The village has 356 households and 1,420 people.", "356", 356, None, "household", "=", "", "China", "", "actual"),
    ("The village has 356 households and 1,420 people.", "1,420", 1420, None, "person", "=", "", "China", "", "actual"),
    ("Gansu has 75 poor counties.", "75", 75, None, "item", "=", "", "Gansu", "", "actual"),
    ("The cooperative employs 85 villagers.", "85", 85, None, "person", "=", "", "China", "", "actual"),
    ("The county has about 30,000 mu of tea gardens.", "30,000 mu", 30000, None, "mu", "~", "", "China", "", "actual"),
    ("It planted 1,500 hectares of forest.", "1,500 hectares", 1500, None, "ha", "=", "", "China", "", "actual"),
    ("The new road is 42 kilometres long.", "42 kilometres", 42, None, "km", "=", "", "China", "", "actual"),
    ("The reserve covers 3,600 square kilometres.", "3,600 square kilometres", 3600, None, "km2", "=", "", "China", "", "actual"),
    ("Grain output reached 650 million tonnes in 2019.", "650 million tonnes", 650 * M, None, "t", "=", "2019", "China", "", "actual"),
    ("The county built 1,100 km of rural roads.", "1,100 km", 1100, None, "km", "=", "", "China", "", "actual"),
    ("Installed capacity is 1,200 kilowatts.", "1,200 kilowatts", 1200, None, "kW", "=", "", "China", "", "actual"),
    ("The herders own 3,000 head of cattle.", "3,000", 3000, None, "head", "=", "", "China", "", "actual"),
    ("The farm raises 5,000 sheep.", "5,000", 5000, None, "head", "=", "", "China", "", "actual"),
    ("Volunteers planted 20,000 trees.", "20,000", 20000, None, "tree", "=", "", "China", "", "actual"),
    ("The plan built 120 reservoirs and 300 bridges.", "300", 300, None, "item", "=", "", "China", "", "actual"),
    ("The county hired 460 poor residents as forest rangers.", "460", 460, None, "person", "=", "", "China", "", "actual"),
    ("The county received 3.2 million person-times of tourists.", "3.2 million", 3.2 * M, None, "person_time", "=", "", "China", "", "actual"),
    ("The teams made 84 visits to the villages.", "84", 84, None, "time", "=", "", "China", "", "actual"),
    ("Each trip takes 3 hours.", "3 hours", 3, None, "hour", "=", "", "China", "", "actual"),
    ("He has worked there for 20 years.", "20 years", 20, None, "year", "=", "", "China", "", "actual"),
    # per
    ("Farmers earn 1,000 yuan a month.", "1,000 yuan", 1000, None, "CNY", "=", "", "China", "person/month", "actual"),
    ("The poverty line was set at 4,000 yuan per person per year.", "4,000 yuan", 4000, None, "CNY", "=", "", "China", "person/year", "actual"),
    ("The international poverty line is $1.90 a day.", "$1.90", 1.9, None, "USD", "=", "", "China", "day", "actual"),
    ("Each household received a subsidy of 20,000 yuan.", "20,000 yuan", 20000, None, "CNY", "=", "", "China", "household", "actual"),
    ("Per capita disposable income of rural residents in Guizhou rose to 11,487 yuan in 2020.", "11,487 yuan", 11487, None, "CNY", "=", "2020", "Guizhou", "person", "actual"),
    ("Each mu yields 500 kg of tea.", "500 kg", 500, None, "kg", "=", "", "China", "mu", "actual"),
    ("Workers earn 150 yuan per day.", "150 yuan", 150, None, "CNY", "=", "", "China", "person/day", "actual"),
    ("Wages average 3,500 yuan per month.", "3,500 yuan", 3500, None, "CNY", "=", "", "China", "month", "actual"),
    ("Pensions rose to 93 yuan per person per month.", "93 yuan", 93, None, "CNY", "=", "", "China", "person/month", "actual"),
    ("Annual income per household reached 50,000 yuan.", "50,000 yuan", 50000, None, "CNY", "=", "", "China", "household/year", "actual"),
    ("The county's annual revenue is 1.5 billion yuan.", "1.5 billion yuan", 1.5 * B, None, "CNY", "=", "", "China", "year", "actual"),
    ("The average annual growth rate was 9.7%.", "9.7%", 9.7, None, "%", "=", "", "China", "", "actual"),
    ("Daily output is 30 tonnes.", "30 tonnes", 30, None, "t", "=", "", "China", "day", "actual"),
    ("The plant generates 2.4 billion kWh a year.", "2.4 billion kWh", 2.4 * B, None, "kWh", "=", "", "China", "year", "actual"),
    ("Residents aged 60 and above get 100 yuan a month.", "100 yuan", 100, None, "CNY", "=", "", "China", "person/month", "actual"),
    ("Students receive 1,250 yuan each year.", "1,250 yuan", 1250, None, "CNY", "=", "", "China", "person/year", "actual"),
    # years and time words
    ("In 2019, Yunnan lifted 1.5 million people out of poverty.", "1.5 million", 1.5 * M, None, "person", "=", "2019", "Yunnan", "", "actual"),
    ("Last year the county earned 20 million yuan from tourism.", "20 million yuan", 20 * M, None, "CNY", "=", "2019", "China", "", "actual"),
    ("This year the city plans to build 50 schools.", "50", 50, None, "item", "=", "2020", "China", "", "plan"),
    ("By 2025, the province aims to raise the rate to 70%.", "70%", 70, None, "%", "=", "2025", "China", "", "target"),
    ("Since 2013, China has built 40,000 km of rural roads.", "40,000 km", 40000, None, "km", "=", "2013-2020", "China", "", "actual"),
    ("In fiscal 2019, the central government allocated 126.1 billion yuan to poverty relief.", "126.1 billion yuan", 126.1 * B, None, "CNY", "=", "2019", "China", "", "actual"),
    ("During the 13th Five-Year Plan period, 9.6 million people were relocated.", "9.6 million", 9.6 * M, None, "person", "=", "2016-2020", "China", "", "actual"),
    ("In the first half of 2020, retail sales fell 11.4%.", "11.4%", 11.4, None, "%", "=", "2020", "China", "", "actual"),
    ("In the first quarter, GDP shrank 6.8%.", "6.8%", 6.8, None, "%", "=", "2020", "China", "", "actual"),
    ("In 2012 there were 98.99 million poor people in rural areas.", "98.99 million", 98.99 * M, None, "person", "=", "2012", "China", "", "actual"),
    ("Now 95% of villages have internet access.", "95%", 95, None, "%", "=", "2020", "China", "", "actual"),
    ("The jobless rate is currently 5.9%.", "5.9%", 5.9, None, "%", "=", "2020", "China", "", "actual"),
    ("At the end of 2019, 5.51 million rural people were still poor.", "5.51 million", 5.51 * M, None, "person", "=", "2019", "China", "", "actual"),
    ("In 2021-2025 the province will invest 1 trillion yuan.", "1 trillion yuan", T, None, "CNY", "=", "2021-2025", "China", "", "plan"),
    # places
    ("Guizhou's Weining county relocated 4,000 households.", "4,000", 4000, None, "household", "=", "", "Weining county", "", "actual"),
    ("In Liangshan Yi Autonomous Prefecture, 350,000 people were relocated.", "350,000", 350000, None, "person", "=", "", "Liangshan Yi Autonomous Prefecture", "", "actual"),
    ("The Guangxi Zhuang Autonomous Region invested 8 billion yuan.", "8 billion yuan", 8 * B, None, "CNY", "=", "", "Guangxi Zhuang Autonomous Region", "", "actual"),
    ("Xinjiang Uygur Autonomous Region built 500 new schools.", "500", 500, None, "item", "=", "", "Xinjiang Uygur Autonomous Region", "", "actual"),
    ("Inner Mongolia planted 2 million hectares of trees.", "2 million hectares", 2 * M, None, "ha", "=", "", "Inner Mongolia", "", "actual"),
    ("Shaanxi Province raised 600 million yuan.", "600 million yuan", 600 * M, None, "CNY", "=", "", "Shaanxi Province", "", "actual"),
    ("Chongqing Municipality added 300 buses.", "300", 300, None, "item", "=", "", "Chongqing", "", "actual"),
    ("The government of Lankao county in Henan province spent 300 million yuan.", "300 million yuan", 300 * M, None, "CNY", "=", "", "Lankao county", "", "actual"),
    ("Fuping county, in Hebei province, has 20,000 poor people.", "20,000", 20000, None, "person", "=", "", "Fuping county", "", "actual"),
    ("Hainan's tourism revenue reached 100 billion yuan.", "100 billion yuan", 100 * B, None, "CNY", "=", "", "Hainan", "", "actual"),
    ("The Tibet Autonomous Region lifted 628,000 people out of poverty.", "628,000", 628000, None, "person", "=", "", "Tibet Autonomous Region", "", "actual"),
    ("Across Yunnan, 8,502 villages were connected to the grid.", "8,502", 8502, None, "item", "=", "", "Yunnan", "", "actual"),
    ("Worldwide, 700 million people live in extreme poverty.", "700 million", 700 * M, None, "person", "=", "", "world", "", "actual"),
    ("Gansu province's Dingxi city has 460,000 farmers.", "460,000", 460000, None, "person", "=", "", "Dingxi city", "", "actual"),
    ("In Xiamen, Fujian province, 3,000 jobs were created.", "3,000", 3000, None, "item", "=", "", "Xiamen", "", "actual"),
    ("Ganzi Tibetan Autonomous Prefecture has 18 counties.", "18", 18, None, "item", "=", "", "Ganzi Tibetan Autonomous Prefecture", "", "actual"),
    ("Ningxia Hui Autonomous Region built 80 new villages.", "80", 80, None, "item", "=", "", "Ningxia Hui Autonomous Region", "", "actual"),
    ("In Zhaotong, Yunnan province, 1.85 million people were poor in 2014.", "1.85 million", 1.85 * M, None, "person", "=", "2014", "Zhaotong", "", "actual"),
    ("Xinhua reported that Sichuan has 88 poor counties.", "88", 88, None, "item", "=", "", "Sichuan", "", "actual"),
    # kind
    ("The government will invest 10 billion yuan in roads.", "10 billion yuan", 10 * B, None, "CNY", "=", "", "China", "", "plan"),
    ("The province aims to lift 1 million people out of poverty by 2020.", "1 million", M, None, "person", "=", "2020", "China", "", "target"),
    ("The city plans to build 20 new hospitals.", "20", 20, None, "item", "=", "", "China", "", "plan"),
    ("Output is expected to reach 5 million tonnes in 2021.", "5 million tonnes", 5 * M, None, "t", "=", "2021", "China", "", "plan"),
    ("The target is to plant 10,000 mu of forest.", "10,000 mu", 10000, None, "mu", "=", "", "China", "", "target"),
    ("China has pledged to cut carbon intensity by 65%.", "65%", 65, None, "%", "=", "", "China", "", "target"),
    ("Beijing intends to spend 200 billion yuan.", "200 billion yuan", 200 * B, None, "CNY", "=", "", "Beijing", "", "plan"),
    ("Grain output is projected to reach 660 million tonnes.", "660 million tonnes", 660 * M, None, "t", "=", "", "China", "", "plan"),
    ("The company is set to hire 2,000 workers.", "2,000", 2000, None, "person", "=", "", "China", "", "plan"),
    ("The county is planning to build 30 factories.", "30", 30, None, "item", "=", "", "China", "", "plan"),
    ("The ministry has earmarked 5 billion yuan for schools.", "5 billion yuan", 5 * B, None, "CNY", "=", "", "China", "", "plan"),
    ("The goal is to train 100,000 workers by 2022.", "100,000", 100000, None, "person", "=", "2022", "China", "", "target"),
    ("The county lifted 30,000 people out of poverty, the report said.", "30,000", 30000, None, "person", "=", "", "China", "", "actual"),
]


@pytest.mark.parametrize("sentence, span, value, value_max, unit, qualifier, year, place, per, kind", CLAIMS,
                         ids=[f"{c[0]} [{c[1]}]" for c in CLAIMS])
def test_claim(sentence, span, value, value_max, unit, qualifier, year, place, per, kind):
    row = _row(sentence, span)
    got_max = None if row.value_max != row.value_max else row.value_max
    assert values_equal(float(value), row.value), (row.value, value)
    assert (got_max is None) == (value_max is None) and (value_max is None or values_equal(float(value_max), got_max))
    assert (row.unit, row.qualifier, row.year or "", row.per or "", row.kind) == (unit, qualifier, year, per, kind)
    assert same_place(place, row.place), (row.place, place)


# (sentence, text that is no claim): dates, ordinals, plan names, sections, phones, ages as a
# threshold, names with digits, durations that locate
NOT_CLAIMS = [
    ("The 13th Five-Year Plan ended in 2020.", "13"),
    ("The 13th Five-Year Plan ended in 2020.", "2020"),
    ("He spoke at the 19th CPC National Congress.", "19"),
    ("Covid-19 hit the economy hard.", "19"),
    ("The G20 summit was held in Hangzhou.", "20"),
    ("Residents can dial the 12345 hotline for help.", "12345"),
    ("For details call 0851-86826666.", "0851"),
    ("For details call 0851-86826666.", "86826666"),
    ("Residents aged 60 and above get 100 yuan a month.", "60"),
    ("Section 3 describes the method.", "3"),
    ("Chapter 4 of the report covers health.", "4"),
    ("See Figure 2 for details.", "2"),
    ("The meeting was held on March 5, 2019.", "5"),
    ("On 17 October 2019, the campaign began.", "17"),
    ("The report was published in June 2020.", "2020"),
    ("Over the past five years the village has changed.", "five years"),
    ("In the next three years the county will grow.", "three years"),
    ("It was the second time he had visited.", "second"),
    ("Xi Jinping visited the village in 2013.", "2013"),
    ("The Four Comprehensives guide policy.", "Four"),
    ("The 2019 report on poverty was released.", "2019"),
    ("The 1990s saw rapid growth.", "1990"),
    ("He studied at No. 1 Middle School.", "1"),
    ("The 5G network reaches every village.", "5"),
    ("Please turn to page 45.", "45"),
    ("At 10:30 the meeting started.", "10"),
    ("The State Council issued Document No. 1 in February.", "1"),
    ("The plant meets the ISO 9001 standard.", "9001"),
    ("On July 1, the new rules took effect.", "1"),
    ("It was the country's 100th county to exit poverty.", "100"),
    ("The Two Sessions opened in Beijing.", "Two"),
    ("The village is one of the poorest in the country.", "one"),
    ("Within two years of the move the families were earning more.", "two years"),
    ("Twenty years ago the village had no road.", "Twenty years"),
    ("The COVID-19 outbreak delayed the survey.", "19"),
    ("The Belt and Road Initiative was launched in 2013.", "2013"),
    ("He was born in 1965 in a village in Gansu.", "1965"),
    ("Route 318 links Chengdu and Lhasa.", "318"),
    ("Some have erected tents near their fields.", "ten"),
    ("The families were tending fruit trees.", "ten"),
    ("Its GDP fell in 2020Q1.", "2020"),
]


@pytest.mark.parametrize("sentence, text", NOT_CLAIMS, ids=[f"{s} [{t}]" for s, t in NOT_CLAIMS])
def test_not_a_claim(sentence, text):
    table = _claims(sentence)
    starts = [i for i in range(len(sentence)) if sentence.startswith(text, i)]
    hit = table[[any(s < start + len(text) and start < e for start in starts) for s, e in zip(table["start"], table["end"])]]
    assert hit.empty, hit[["text", "unit", "metric"]].to_string()


# (sentence, span, metric): the counted noun with its modifiers or the subject of the clause,
# compared as the scorer does (character Dice >= 0.5) and sharing a content word with it (Dice
# alone lets "western region" pass for "fixed-asset investment")
METRICS = [
    ("The county has 4,056 poor households.", "4,056", "poor households"),
    ("China lifted 98.99 million rural residents out of poverty.", "98.99 million", "rural residents"),
    ("Per capita disposable income of rural residents reached 12,588 yuan.", "12,588 yuan", "per capita disposable income of rural residents"),
    ("The poverty headcount ratio fell to 0.6%.", "0.6%", "poverty headcount ratio"),
    ("Retail sales of consumer goods fell 3.9%.", "3.9%", "retail sales of consumer goods"),
    ("The central government allocated 139.6 billion yuan in poverty relief funds.", "139.6 billion yuan", "poverty relief funds"),
    ("Guizhou built 9,500 km of rural roads.", "9,500 km", "rural roads"),
    ("The village's collective income reached 300,000 yuan.", "300,000 yuan", "collective income"),
    ("Some 9.6 million people were relocated from inhospitable areas.", "9.6 million", "people relocated"),
    ("Urban unemployment stood at 5.2%.", "5.2%", "urban unemployment"),
    ("It planted 2,000 mu of tea.", "2,000 mu", "tea"),
    ("The number of tourists reached 3 million.", "3 million", "number of tourists"),
    ("Fiscal revenue rose 7.5 per cent to 20 billion yuan.", "20 billion yuan", "fiscal revenue"),
    ("Fiscal revenue rose 7.5 per cent to 20 billion yuan.", "7.5 per cent", "fiscal revenue"),
    ("The county trained 12,000 rural workers.", "12,000", "rural workers"),
    ("Grain output reached 650 million tonnes.", "650 million tonnes", "grain output"),
    ("Average life expectancy rose to 77.3 years.", "77.3 years", "average life expectancy"),
    ("The cooperative has 320 member households.", "320", "member households"),
    ("Its GDP grew by 6.1% in 2019.", "6.1%", "GDP"),
    ("Investment in fixed assets rose 5.4%.", "5.4%", "investment in fixed assets"),
    ("The county built 86 clinics and added 3,800 jobs.", "3,800", "jobs"),
    ("Consumption added nearly two percentage points.", "two percentage points", "consumption"),
    # news agencies' English services, development reports, communiqués in translation, analysis
    ("The per capita disposable income of rural residents in the county reached 13,450 yuan.", "13,450 yuan", "per capita disposable income of rural residents"),
    ("There are 70,000 or so villages in the region.", "70,000", "villages"),
    ("GDP grew 4.9% year on year in the third quarter.", "4.9%", "GDP"),
    ("The number of rural poor fell to 5.51 million at the end of 2019.", "5.51 million", "rural poor"),
    ("Total retail sales of consumer goods rose 4.6% to 41.2 trillion yuan in 2019.", "4.6%", "retail sales of consumer goods"),
    ("Total retail sales of consumer goods rose 4.6% to 41.2 trillion yuan in 2019.", "41.2 trillion yuan", "retail sales of consumer goods"),
    ("The urban surveyed unemployment rate was 5.2% in December.", "5.2%", "urban surveyed unemployment rate"),
    ("The incidence of rural poverty dropped from 10.2% in 2012 to 0.6% in 2019.", "0.6%", "incidence of rural poverty"),
    ("The incidence of rural poverty dropped from 10.2% in 2012 to 0.6% in 2019.", "10.2%", "incidence of rural poverty"),
    ("Value-added of industrial enterprises above designated size rose 2.8%.", "2.8%", "value-added of industrial enterprises above designated size"),
    ("The World Bank estimates that 850 million Chinese have escaped extreme poverty since 1981.", "850 million", "Chinese"),
    ("Under the UNDP programme, 1,200 women in Yunnan received vocational training.", "1,200", "women"),
    ("The central government's special poverty alleviation fund rose to 146.1 billion yuan in 2020.", "146.1 billion yuan", "special poverty alleviation fund"),
    ("Grain output in Heilongjiang province totalled 75.4 million tonnes.", "75.4 million tonnes", "grain output"),
    ("Fixed-asset investment in the western region grew 6.2 per cent.", "6.2 per cent", "fixed-asset investment"),
    ("The share of the service sector in GDP reached 54.5%.", "54.5%", "share of the service sector"),
    ("Reuters reported that exports from China jumped 21.1% in November.", "21.1%", "exports"),
    ("Foreign direct investment into China rose 4.5% to $149 billion.", "$149 billion", "foreign direct investment"),
    ("Some 2.8 million poor households have had their dilapidated houses renovated.", "2.8 million", "poor households"),
    ("More than 10 million people have moved into new homes under the relocation programme.", "10 million", "people"),
    ("Average annual income of the relocated households exceeded 9,000 yuan.", "9,000 yuan", "average annual income of the relocated households"),
    ("The county's tea plantations cover 150,000 mu.", "150,000 mu", "tea plantations"),
    ("Each of the 128,000 poor villages has been assigned a resident work team.", "128,000", "poor villages"),
    ("The poverty line is about 2,300 yuan a year at 2010 prices.", "2,300 yuan", "poverty line"),
    ("Online retail sales in rural areas hit 1.79 trillion yuan.", "1.79 trillion yuan", "online retail sales"),
    ("Consumer prices rose 2.5% in 2020.", "2.5%", "consumer prices"),
    ("The proportion of villages with access to broadband exceeded 98%.", "98%", "proportion of villages with access to broadband"),
    ("In Guizhou, the poverty headcount fell from 9.23 million in 2012 to 309,000 in 2019.", "309,000", "poverty headcount"),
    ("Beijing's population stood at 21.9 million at the end of 2020.", "21.9 million", "population"),
    ("Industrial profits in the first 11 months rose 2.4%.", "2.4%", "industrial profits"),
    ("The Economist estimates that China spent around $240 billion on poverty alleviation.", "$240 billion", "spending on poverty alleviation"),
    ("The urbanisation rate of the permanent population reached 60.6%.", "60.6%", "urbanisation rate of the permanent population"),
    ("Life expectancy in poor areas rose to 77.3 years.", "77.3 years", "life expectancy"),
    ("Medical insurance covered 99.9% of the registered poor.", "99.9%", "registered poor"),
    ("A total of 3,400 cadres were dispatched to Hubei.", "3,400", "cadres"),
    ("The province created 1.1 million new urban jobs.", "1.1 million", "new urban jobs"),
    ("The output of the agricultural sector grew 3.0%.", "3.0%", "output of the agricultural sector"),
    ("Exports of goods to ASEAN rose 7% to 4.7 trillion yuan.", "4.7 trillion yuan", "exports of goods"),
    ("Per-capita GDP surpassed $10,000 for the first time.", "$10,000", "per-capita GDP"),
    ("Rural residents' per capita consumption expenditure was 13,713 yuan.", "13,713 yuan", "per capita consumption expenditure"),
    ("The Gini coefficient was 0.465 in 2019.", "0.465", "Gini coefficient"),
    ("Tourism revenue of the village exceeded 5 million yuan.", "5 million yuan", "tourism revenue"),
    ("Xinhua said 12.9 million people in the province had been lifted out of poverty.", "12.9 million", "people"),
    ("The registered poor population in the 52 remaining counties was 5.51 million.", "5.51 million", "registered poor population"),
    ("By the end of 2020, all 832 poor counties had shaken off poverty.", "832", "poor counties"),
    ("Wheat prices in Henan rose 5 per cent.", "5 per cent", "wheat prices"),
    ("Output of crude steel in December was 91.3 million tonnes.", "91.3 million tonnes", "output of crude steel"),
    ("The number of internet users in rural areas reached 309 million.", "309 million", "number of internet users"),
    ("Total social financing grew 13.3% year on year.", "13.3%", "total social financing"),
    ("The UNDP project trained 4,500 farmers in 30 townships.", "4,500", "farmers"),
    ("The UNDP project trained 4,500 farmers in 30 townships.", "30", "townships"),
    ("The total population at the end of the year was 1,411.78 million.", "1,411.78 million", "total population"),
    ("Rural incomes in the province have grown by an average of 10.5% a year since 2015.", "10.5%", "rural incomes"),
    ("The cooperative's members earned an average of 3,200 yuan from the harvest.", "3,200 yuan", "cooperative's members"),
    ("The county has 300 or more cooperatives.", "300", "cooperatives"),
    ("That left the province with a 3.2% year-on-year growth rate.", "3.2%", "year-on-year growth rate"),
    ("Exports posted a 7.5% year-on-year increase.", "7.5%", "year-on-year increase"),
    ("Rising demand will lift the county's tea output to 3,000 tonnes.", "3,000 tonnes", "tea output"),
    ("The provincial government invested 2.3 billion yuan in rural schools.", "2.3 billion yuan", "rural schools"),
    ("Household savings in Guangdong grew 9% last year.", "9%", "household savings"),
    ("Coal consumption at the end of the period was 56.8% of the total.", "56.8%", "coal consumption"),
]


@pytest.mark.parametrize("sentence, span, metric", METRICS, ids=[f"{s} [{t}]" for s, t, _ in METRICS])
def test_metric(sentence, span, metric):
    row = _row(sentence, span)
    assert metric_matches(metric, row.metric), (row.metric, metric)
    assert set(content_stems(metric)) & set(content_stems(row.metric)), (row.metric, metric)
    assert row.metric.lower() not in {"is", "was", "were", "the", "of", "and", "rose", "fell", "reached"}
