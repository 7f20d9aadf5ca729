"""A rule's guard only skips asks that yield nothing.

The engine does not ask a rule where its guard fails; each guarded rule is asked anyway here,
wherever its guard says no, and must propose nothing: at every mention of the corpus's Chinese
documents (with the unit the unit slot gives it, as the engine asks the later slots) and at
random positions with invented units and values.
"""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.codes import Slot
from zhfacts.context import Ask
from zhfacts.engine import candidates, decide, guarded_runs, with_unit
from zhfacts.lang.zh import lexicon
from zhfacts.registry import Guard, rule, rules_for
from zhfacts.types import Decision, Mention

from test_indexes import DOC, FRACTION, ZH, _at, contexts

GUARDED = tuple(r for slot in Slot for r in rules_for("zh", slot) if r.when is not None)
UNIT_WORDS = sorted(lexicon.units())


def _refused(ask: Ask) -> list[tuple[str, list]]:
    """The guarded rules whose guard fails for the ask, with what they propose when asked anyway."""
    return [(r.name, list(r.propose(ask))) for r in GUARDED if not r.when.test(ask)]


def test_the_chinese_rules_declare_guards():
    names = {r.name for r in GUARDED}
    assert {"table_cell", "table_cell_unit", "table_row", "table_column_year", "in_time_expression",
            "set_phrase", "quoted_name", "date_part", "category_bound", "enumerator", "time_before", "list_intro",
            "respective_member", "year_number", "ordinal", "section_number", "time_frame", "address", "inside_word",
            "collective_name", "spec_rating", "indefinite_one", "counted_noun", "enterprise_household",
            "share_takes_none"} <= names


def test_guarded_rules_propose_nothing_where_the_guard_fails_at_every_corpus_mention():
    asked = 0
    for ctx in contexts():
        for m in ZH.find_mentions(ctx.doc) + [c.mention for t in ctx.tables.items for c in t.cells]:
            ask = Ask(m, ctx)
            united = with_unit(m, decide(Slot.UNIT, guarded_runs(rules_for("zh", Slot.UNIT)), ask))
            for a in (ask, Ask(united, ctx)) if united is not m else (ask,):
                refused = _refused(a)
                asked += len(refused)
                assert all(not proposed for _, proposed in refused), (ctx.doc.doc_id, m, refused)
    assert asked > 10000  # the guards do turn rules away


def test_guarded_rules_propose_nothing_where_the_guard_fails_with_any_unit_a_decider_may_choose():
    """A decider other than the rule order may give a table cell another rule's unit: the cell's
    mention is then "table_cell+<rule>", and the rules that read cells must still be asked."""
    unit_runs = guarded_runs(rules_for("zh", Slot.UNIT))
    relabelled = 0
    for ctx in contexts():
        for m in [c.mention for t in ctx.tables.items for c in t.cells]:
            ask = Ask(m, ctx)
            found = candidates(Slot.UNIT, unit_runs, ask)
            for i in range(len(found)):
                united = with_unit(m, Decision(Slot.UNIT, found, (i,)))
                relabelled += united is not m
                refused = _refused(Ask(united, ctx, memo=ask.memo))
                assert all(not proposed for _, proposed in refused), (ctx.doc.doc_id, united, refused)
    assert relabelled > 0  # some cells do get another rule's unit


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=1, max_value=6), unit=st.sampled_from([""] + UNIT_WORDS),
       value=st.sampled_from([Decimal(1), Decimal(3), Decimal(2019), Decimal("0.5"), Decimal(20000)]))
def test_guarded_rules_propose_nothing_where_the_guard_fails_at_any_position(d, f, width, unit, value):
    ctx = contexts()[d]
    pos = _at(ctx, f)
    end = min(len(ctx.doc.norm), pos + width)
    code = lexicon.units()[unit].code if unit else ""
    ask = Ask(Mention(pos, end, value, None, code, unit, "=", "bare_number", unit_end=end), ctx)
    assert all(not proposed for _, proposed in _refused(ask))


def test_runs_keep_the_rule_order_and_group_one_guard():
    for slot in Slot:
        rules = rules_for("zh", slot)
        runs = guarded_runs(rules)
        assert tuple(r for _, group in runs for r in group) == rules
        assert all(r.when is guard for guard, group in runs for r in group)
        assert all(a[0] is not b[0] for a, b in zip(runs, runs[1:]))


def test_a_guard_name_names_one_guard():
    other = Guard("zh.table_cell", lambda ask: True)
    try:
        rule("zh", Slot.KIND, "guard_twin", order=999, when=other)(lambda ask: iter(()))
    except ValueError as exc:
        assert "zh.table_cell" in str(exc)
    else:
        raise AssertionError("a second guard took a registered guard's name")
