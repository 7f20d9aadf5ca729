"""The rule registry, the deciders, profiles and the language seam.

Every slot has named rules in a stable order; adding a rule is one function and one registry
line; a decider other than the rule order plugs in over the same candidates; a profile
switches fallbacks off; a language bundle reads the documents of its code.
"""
from __future__ import annotations

import dataclasses
from dataclasses import replace

import pytest

from zhfacts import registry
from zhfacts.cli import main
from zhfacts.codes import Slot, Status
from zhfacts.context import build_context
from zhfacts.decide import RuleOrder
from zhfacts.engine import attribute
from zhfacts.errors import ZhfactsError
from zhfacts.lang import bundle, detect, register
from zhfacts.learn.features import rows
from zhfacts.pipeline import extract_claims, extract_text_table, make_document
from zhfacts.profiles import Profile, detect_kind, profile_for, profiles
from zhfacts.registry import list_rules, rule, rules_for
from zhfacts.types import Claim

ZH = bundle("zh")


def claims_of(text: str, place: str = "某县", profile: Profile | None = None, decider=None) -> list[Claim]:
    doc = make_document("t", text, "2020", place)
    sentences = ZH.split_sentences(doc)
    mentions = ZH.find_mentions(doc)
    tokens = ZH.tokenize(doc, ZH.word_windows(doc, mentions))
    ctx = build_context(doc, ZH, profile or profile_for("default"), sentences, tokens)
    return [c for c in attribute(mentions, ctx, decider or RuleOrder()) if c.status == Status.CLAIM]


# --- the registry ----------------------------------------------------------------------------

def test_every_slot_has_rules_in_order_with_a_purpose():
    rules = list_rules("zh")
    for slot in Slot:
        names = [r.name for r in rules if r.slot == slot]
        assert names, slot
        assert len(names) == len(set(names)), f"{slot}: a name twice"
        assert [r.name for r in rules_for("zh", slot)] == names
    assert all(r.purpose and not r.purpose.endswith(",") for r in rules)


@pytest.mark.parametrize("slot, first, last", [
    (Slot.EXCLUDE, "table_cell", "claim"),
    (Slot.UNIT, "table_cell_unit", "no_unit"),
    (Slot.METRIC, "table_row", "no_metric"),
    (Slot.YEAR, "table_column_year", "no_year"),
    (Slot.PLACE, "place_before", "document_place"),
    (Slot.PER, "share_takes_none", "no_per"),
    (Slot.KIND, "review_section", "actual"),
])
def test_each_slot_ends_in_a_rule_that_always_answers(slot, first, last):
    names = [r.name for r in rules_for("zh", slot)]
    assert (names[0], names[-1]) == (first, last)


def test_rules_command_lists_every_rule(capsys):
    assert main(["rules", "--lang", "zh"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list_rules("zh"))
    assert any(line.split()[:3] == ["zh", "place", "paragraph_place"] for line in lines)


def test_rules_of_an_unknown_language_is_a_one_line_error(capsys):
    assert main(["rules", "--lang", "xx"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_name_or_an_order_twice_is_refused():
    with pytest.raises(ValueError):
        rule("zh", Slot.YEAR, "time_before", order=999)(lambda ask: ())
    with pytest.raises(ValueError):
        rule("zh", Slot.YEAR, "another_name", order=20)(lambda ask: ())


@pytest.fixture
def added_rule():
    """Register a rule for the test only."""
    keys = []

    def add(slot, name, order, fn):
        rule("zh", slot, name, order)(fn)
        keys.append(("zh", slot, name))

    yield add
    for key in keys:
        del registry._RULES[key]


def test_adding_a_rule_is_one_function_and_one_line(added_rule):
    def every_number_is_a_target(ask):
        """Every number is a target (a test rule)."""
        yield "target", ask.mention.start, ask.mention.end

    before = claims_of("全县黄牛存栏80万头。")
    assert [c.kind for c in before] == ["actual"]
    added_rule(Slot.KIND, "every_number_is_a_target", 5, every_number_is_a_target)
    after = claims_of("全县黄牛存栏80万头。")
    assert [(c.kind, c.rule_of(Slot.KIND)) for c in after] == [("target", "every_number_is_a_target")]


# --- candidates and deciders -----------------------------------------------------------------

TEXT = "努古斯台嘎查位于科左后旗。今年，农户种植玉米2000亩。"


class FeatureRows(RuleOrder):
    """The rule order, keeping the feature rows a learned decider reads (for the test)."""

    def __init__(self):
        super().__init__(complete=True)
        self.rows = {}

    def decide(self, slot, candidates, ask):
        self.rows[slot] = rows(slot, candidates, ask)
        return super().decide(slot, candidates, ask)


def test_candidates_keep_evidence_and_features():
    recorder = FeatureRows()
    [claim] = claims_of(TEXT, decider=recorder)
    place = claim.decision(Slot.PLACE)
    assert place.rule == "paragraph_place" and claim.place == "科左后旗"
    assert [c.rule for c in place.candidates] == ["paragraph_place", "paragraph_place", "document_place"]
    nearest, farther, default = place.candidates
    doc = make_document("t", TEXT, "2020", "某县")
    assert doc.text[nearest.start:nearest.end] == "科左后旗" and doc.text[farther.start:farther.end] == "努古斯台嘎查"
    assert default.from_text is False
    near, far, document = recorder.rows[Slot.PLACE]
    assert near["same_sentence"] == 0.0 and near["paragraphs_between"] == 0.0
    assert near["log_distance"] < far["log_distance"]
    assert (near["rank"], far["rank"], document["rank"]) == (0.0, 1.0, 0.0)
    assert document["from_text"] == 0.0
    year = claim.decision(Slot.YEAR)
    assert (year.rule, claim.year, doc.text[year.evidence.start:year.evidence.end]) == ("time_before", "2020", "今年")


class LastTextCandidate:
    """A decider that prefers the farthest candidate with text evidence (for the test)."""

    name = "last_text"

    def needs(self, slot):
        return None

    def decide(self, slot, candidates, ask):
        decision = RuleOrder().decide(slot, candidates, ask)
        if slot != Slot.PLACE:
            return decision
        from_text = [i for i, c in enumerate(candidates) if c.from_text]
        return decision._replace(chosen=(from_text[-1],), decider=self.name) if from_text else decision


def test_another_decider_plugs_in_over_the_same_candidates():
    [default] = claims_of(TEXT, decider=RuleOrder(complete=True))
    [other] = claims_of(TEXT, decider=LastTextCandidate())
    assert default.decision(Slot.PLACE).candidates == other.decision(Slot.PLACE).candidates
    assert (default.place, other.place) == ("科左后旗", "努古斯台嘎查")
    assert other.decision(Slot.PLACE).decider == "last_text"
    assert default.metric == other.metric and default.year == other.year


def test_the_rule_order_asks_only_the_rules_it_reads():
    """Only the first candidate decides, so the rules after it are not asked; a composed slot
    (per) and a complete rule order ask every rule."""
    [lazy] = claims_of(TEXT)
    [complete] = claims_of(TEXT, decider=RuleOrder(complete=True))
    assert [c.rule for c in lazy.decision(Slot.PLACE).candidates] == ["paragraph_place"]
    assert len(complete.decision(Slot.PLACE).candidates) == 3
    assert [(d.slot, d.value, d.rule) for d in lazy.decisions] == [(d.slot, d.value, d.rule) for d in complete.decisions]
    assert RuleOrder().needs(Slot.PER) is None and RuleOrder().needs(Slot.YEAR) == 1


def test_a_decision_read_then_replaced_reads_its_own_choice():
    [claim] = claims_of(TEXT, decider=RuleOrder(complete=True))
    place = claim.decision(Slot.PLACE)
    assert (place.value, place.rule, claim.place) == ("科左后旗", "paragraph_place", "科左后旗")
    other = place._replace(chosen=(2,))
    assert (other.value, other.rule, [c.rule for c in other.winners]) == ("某县", "document_place", ["document_place"])
    moved = replace(claim, decisions=tuple(other if d.slot == Slot.PLACE else d for d in claim.decisions))
    assert (moved.place, moved.rule_of(Slot.PLACE), claim.place) == ("某县", "document_place", "科左后旗")
    assert other._replace(chosen=(0,)) == place  # what was read and cached is no part of equality


def test_claims_are_frozen():
    [claim] = claims_of(TEXT)
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.status = Status.EXCLUDED


def test_per_composes_the_counted_unit_and_the_time():
    [claim] = claims_of("每人每年补助1800元。")
    per = claim.decision(Slot.PER)
    assert (claim.per, per.rule) == ("person/year", "per_marker")
    assert [c.value for c in per.winners] == ["person", "year"]


# --- profiles ---------------------------------------------------------------------------------

def test_a_profile_switches_a_fallback_off():
    off = Profile("test", off=frozenset({(Slot.PLACE, "paragraph_place")}))
    assert [c.place for c in claims_of(TEXT)] == ["科左后旗"]
    [claim] = claims_of(TEXT, profile=off)
    assert (claim.place, claim.rule_of(Slot.PLACE)) == ("某县", "document_place")


def test_a_profile_moves_a_rule_first():
    first = Profile("test", first=((Slot.PLACE, "document_place"),))
    assert [r.name for r in rules_for("zh", Slot.PLACE, first)][0] == "document_place"
    assert [c.place for c in claims_of(TEXT, profile=first)] == ["某县"]


def test_headings_give_years_unless_the_profile_says_not():
    text = "一、2019年工作回顾\n全县种植玉米2000亩。\n"
    assert [c.year for c in claims_of(text)] == ["2019"]
    off = Profile("test", off=frozenset({(Slot.YEAR, "heading_year"), (Slot.YEAR, "title_year")}))
    assert [c.year for c in claims_of(text, profile=off)] == [""]


def test_every_manifest_kind_has_a_profile_naming_registered_rules():
    import csv
    from pathlib import Path

    with (Path(__file__).resolve().parents[1] / "corpus" / "manifest.csv").open(encoding="utf-8") as fh:
        kinds = {row["kind"] for row in csv.DictReader(fh)}
    assert kinds <= set(profiles())
    registered = {(r.slot, r.name) for r in list_rules("zh")}
    for slot in Slot:
        assert rules_for("zh", slot, profile_for("default")) == rules_for("zh", slot)  # the rules' own order
    for profile in profiles().values():
        assert set(profile.off) | set(profile.first) <= registered, profile.name


@pytest.mark.parametrize("kind, slot, rule", [
    ("work_report", Slot.PLACE, "paragraph_place"),
    ("communique", Slot.KIND, "kind_marker"),
    ("news", Slot.PLACE, "paragraph_place"),
    ("press", Slot.PLACE, "paragraph_place"),
    ("plan", Slot.PLACE, "paragraph_place"),
    ("summary", Slot.PLACE, "paragraph_place"),
    ("analysis", Slot.PLACE, "paragraph_place"),
])
def test_a_kind_switches_off_what_its_gold_showed(kind, slot, rule):
    assert rule in [r.name for r in rules_for("zh", slot)]
    assert rule not in [r.name for r in rules_for("zh", slot, profile_for(kind))]


@pytest.mark.parametrize("kind", ["feature", "report"])
def test_a_feature_or_county_profile_carries_a_place_through_its_paragraph(kind):
    assert "paragraph_place" in [r.name for r in rules_for("zh", Slot.PLACE, profile_for(kind))]


def test_the_work_report_profile_keeps_the_place_to_its_sentence():
    text = "甘肃省加快发展。全年粮食产量1200万吨。"
    default = claims_of(text, place="中国")
    work_report = claims_of(text, place="中国", profile=profile_for("work_report"))
    assert [c.place for c in default] == ["甘肃省"] and [c.place for c in work_report] == ["中国"]


@pytest.mark.parametrize("title, kind", [
    ("2020年政府工作报告", "work_report"),
    ("银川市2025年国民经济和社会发展统计公报", "communique"),
    ("一篇没有类别词的文章", "default"),
])
def test_kind_detected_from_the_title(title, kind):
    assert detect_kind(title) == kind
    assert make_document("t", title + "\n正文。").kind == kind


def test_manifest_kind_wins_over_detection():
    assert make_document("t", "2020年政府工作报告\n正文。", kind="press").kind == "press"


# --- the language seam --------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("In 2019 the county lifted 12,000 people out of poverty.", "en"),
    ("全县贫困人口减少1.2万人。", "zh"),
    ("全縣經濟增長約兩成，萬戶受益。", "zh-Hant"),
])
def test_language_detected_from_the_script(text, lang):
    assert detect(text, ZH.traditional) == lang
    assert make_document("t", text).lang == lang


ABSTRACT = "Abstract. This report reviews how the county lifted its villages out of poverty. " * 80
REPORT = "全县贫困人口减少1.2万人，农民人均可支配收入增长8%。\n" * 400


@pytest.mark.parametrize("text, lang", [
    (ABSTRACT + REPORT, "zh"),  # an English abstract before a Chinese report
    (REPORT[:2000] + ABSTRACT * 20, "en"),  # a Chinese summary before an English report
    (ABSTRACT, "en"),
])
def test_language_is_the_whole_text_s_not_its_opening(text, lang):
    assert detect(text, ZH.traditional) == lang


def test_traditional_text_is_folded_to_simplified_in_a_copy_of_the_same_length():
    doc = make_document("t", "全縣貧困人口減少1.2萬人。")
    assert doc.lang == "zh-Hant" and bundle(doc.lang) is ZH
    assert len(doc.norm) == len(doc.text) and "万" in doc.norm and doc.text == "全縣貧困人口減少1.2萬人。"
    [row] = extract_text_table(doc.text, "t", "2020", "某县").to_dict("records")
    assert (row["text"], row["value"], row["unit"]) == ("1.2萬人", 12000.0, "person")


def test_a_language_without_a_bundle_is_read_by_the_default_one():
    assert bundle("fr") is ZH
    assert make_document("t", "La production a augmenté de 5 %.", lang="fr").lang == "fr"


def test_a_registered_bundle_reads_its_language(monkeypatch):
    from zhfacts import lang as languages

    seen = []

    def fold(text):
        seen.append(text)
        return text

    english = dataclasses.replace(ZH, code="en", scripts=(), fold=fold)
    monkeypatch.setattr(languages, "_BUNDLES", dict(languages._BUNDLES))
    monkeypatch.setattr(languages, "LANGUAGES", list(languages.LANGUAGES))
    register(english)
    assert bundle("en") is english and bundle("zh") is ZH
    doc = make_document("t", "Output rose 5 percent.", lang="en")
    assert seen == ["Output rose 5 percent."] and doc.norm == doc.text


# --- the lexicon loader ---------------------------------------------------------------------------

@pytest.fixture
def resources(tmp_path, monkeypatch):
    """A resource package of its own for each test (a package name is imported once)."""
    package = tmp_path / f"fake_resources_{abs(hash(str(tmp_path)))}"
    package.mkdir()
    (package / "__init__.py").write_text("")
    monkeypatch.syspath_prepend(str(tmp_path))
    return package


@pytest.mark.parametrize("content, problem", [
    ("marker\tsource\n目标\tgoal\n", "missing column(s) kind"),
    ("marker\tkind\tsource\n目标\tgoal\tx\n", "unknown code 'goal'"),
    ("marker\tkind\tsource\n目标\ttarget\tx\n目标\tplan\ty\n", "'目标' listed twice"),
])
def test_a_broken_resource_file_is_an_error_naming_it(resources, content, problem):
    from zhfacts.codes import Kind
    from zhfacts.lang.base import Lexicon

    (resources / "kinds.tsv").write_text("# a comment\n" + content, encoding="utf-8")
    with pytest.raises(ZhfactsError) as err:
        Lexicon(resources.name).table("kinds.tsv", ("marker", "kind"), codes={"kind": Kind}, unique=("marker",))
    assert f"{resources.name}/kinds.tsv" in str(err.value) and problem in str(err.value)


def test_extract_claims_uses_the_documents_profile(monkeypatch):
    import zhfacts.pipeline as pipeline

    asked = []
    monkeypatch.setattr(pipeline, "profile_for", lambda kind: asked.append(kind) or profile_for(kind))
    extract_claims(make_document("t", TEXT, "2020", "某县", kind="feature"))
    assert asked == ["feature"]


def test_the_readme_rule_example_registers_as_shown():
    """The README shows how to add a rule; the snippet works as written."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"Adding a rule is one function.*?```python\n(.*?)```", readme, re.S).group(1)
    try:
        exec(snippet, {"rule": rule, "Slot": Slot})
        names = [r.name for r in rules_for("zh", Slot.YEAR)]
        assert names.index("heading_year") < names.index("caption_year") < names.index("title_year")
        assert [r.purpose for r in list_rules("zh") if r.name == "caption_year"] == [
            "The year a photo caption names, for the sentence it stands in."]
    finally:
        registry._RULES.pop(("zh", Slot.YEAR, "caption_year"), None)


def _manifest():
    import csv
    from pathlib import Path

    corpus = Path(__file__).resolve().parents[1] / "corpus"
    with (corpus / "manifest.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            yield row, (corpus / f"{row['doc_id']}.txt").read_text(encoding="utf-8")


def test_detection_agrees_with_the_manifest_over_the_corpus():
    """Without the manifest, every corpus document gets its language, and a kind that is its own
    or the default one (the title words never name a wrong kind)."""
    for row, text in _manifest():
        doc = make_document(row["doc_id"], text)
        assert doc.lang == row["language"], row["doc_id"]
        assert doc.kind in (row["kind"], "default"), (row["doc_id"], doc.kind)


ENGINE = ["codes.py", "types.py", "spans.py", "context.py", "registry.py", "decide.py", "engine.py",
          "pipeline.py", "table.py", "profiles/__init__.py", "lang/__init__.py", "lang/base.py",
          "learn/features.py", "learn/decider.py", "learn/training.py"]


@pytest.mark.parametrize("name", ENGINE)
def test_the_engine_names_no_word_of_any_language(name):
    """Language lives in the bundles: the engine's modules hold no Han character."""
    import regex
    from pathlib import Path

    import zhfacts

    source = (Path(zhfacts.__file__).parent / name).read_text(encoding="utf-8")
    assert not regex.search(r"\p{Han}", source), regex.search(r".*\p{Han}.*", source).group()
