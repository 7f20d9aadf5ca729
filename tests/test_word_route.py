"""The word route with weights kept per word is jieba's own, float for float."""
from __future__ import annotations

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh import words

from test_indexes import DOC, FRACTION, _at, contexts


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=1, max_value=60))
def test_route_as_jieba_computes_it(d, f, width):
    text = contexts()[d].doc.norm[_at(contexts()[d], f):][:width]
    tok = words.tokenizer()
    dag = tok.get_DAG(text)
    ours, theirs = {}, {}
    tok.calc(text, dag, ours)
    jieba.Tokenizer.calc(tok, text, dag, theirs)  # jieba's sums over the same frequencies
    assert ours == theirs


def test_route_of_invented_texts():
    tok = words.tokenizer()
    for text in ("中华人民共和国国家统计局", "千瓦时贫困发生率", "xyz中", "亿", "的的的的"):
        dag, ours, theirs = tok.get_DAG(text), {}, {}
        tok.calc(text, dag, ours)
        jieba.Tokenizer.calc(tok, text, dag, theirs)
        assert ours == theirs
