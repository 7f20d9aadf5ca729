"""The word route found in one pass, with weights kept per word, is jieba's own: the ends it
takes are those of jieba's ``calc`` over the word graph, float for float."""
from __future__ import annotations

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh import words

from test_indexes import DOC, FRACTION, _at, contexts


def jieba_route_ends(text: str) -> list[int]:
    """Where each word of jieba's route ends, by jieba's calc over the graph of the trie."""
    tok, route = words.tokenizer(), {}
    jieba.Tokenizer.calc(tok, text, tok.get_DAG(text), route)
    return [route[k][1] + 1 for k in range(len(text))]


@settings(max_examples=300, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=1, max_value=60))
def test_route_as_jieba_computes_it(d, f, width):
    text = contexts()[d].doc.norm[_at(contexts()[d], f):][:width]
    assert words.tokenizer()._route(text) == jieba_route_ends(text)


def test_route_of_invented_texts():
    for text in ("中华人民共和国国家统计局", "千瓦时贫困发生率", "xyz中", "亿", "的的的的", "乒乓球拍卖完了"):
        assert words.tokenizer()._route(text) == jieba_route_ends(text)
