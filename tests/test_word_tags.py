"""Words and tags read from the dictionary trie are jieba's: the trie holds jieba's prefix
dictionary with zhfacts' words added, each key with jieba's frequency and the tag the plain
dictionary table gives; the words cut in one list are jieba's ``lcut``, and ``tag`` over corpus
phrases answers as jieba's own tokenizer with the tags looked up in jieba's dictionary file."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st

from zhfacts.lang.zh import words

from test_indexes import DOC, FRACTION, _at, contexts
from test_caches import other_byte_order


@lru_cache(maxsize=None)
def reference() -> jieba.Tokenizer:
    """jieba's own tokenizer with zhfacts' words added the documented way."""
    tok = jieba.Tokenizer()
    tok.initialize()
    for word, tag in words._own_words():
        tok.add_word(word, freq=1000, tag=tag)
    return tok


@lru_cache(maxsize=None)
def dictionary_tags() -> dict[str, str]:
    """The part of speech of every word of jieba's dictionary file other than a plain noun."""
    tags = {}
    with reference().get_dict_file() as fh:
        for line in fh:
            word, _, tag = line.decode("utf-8").split()
            if tag not in {"n", "nr", "nz", "nt", "ng", "nrfg"}:
                tags[word] = tag
    return tags


def plain_tag(text: str) -> tuple[tuple[str, str], ...]:
    """jieba's words of the phrase, each with its lexicon tag, else its dictionary tag, else
    "nz" for a word of letters and "x" for any other."""
    own, tags = reference().user_word_tag_tab, dictionary_tags()
    return tuple((w, own.get(w) or tags.get(w, "nz" if w.isalpha() else "x")) for w in reference().cut(text, HMM=True))


def test_the_trie_is_jiebas_prefix_dictionary():
    tok = words.tokenizer()
    assert set(tok._trie.keys()) == set(reference().FREQ)
    assert all(tok.frequency(w) == f for w, f in reference().FREQ.items())
    assert tok.total == reference().total


def test_every_word_has_the_plain_tables_tag():
    tok, own, tags = words.tokenizer(), reference().user_word_tag_tab, dictionary_tags()
    assert all(tok.word_tag(w) == (own.get(w) or tags.get(w, "")) for w in reference().FREQ)


CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_words_of_every_corpus_document_are_jiebas():
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for hmm in (False, True):
            assert words.tokenizer().words(text, hmm=hmm) == reference().lcut(text, HMM=hmm), (path.name, hmm)


def test_tokens_of_every_corpus_document_are_jiebas():
    for ctx in contexts():
        doc = ctx.doc
        assert [(t.start, t.end) for t in words.tokenize(doc)] == [(a, b) for _, a, b in reference().tokenize(doc.norm, HMM=False)]


@settings(max_examples=500, deadline=None)
@given(d=DOC, f=FRACTION, width=st.integers(min_value=1, max_value=40))
def test_tags_of_corpus_phrases_are_jiebas(d, f, width):
    norm = contexts()[d].doc.norm
    text = norm[_at(contexts()[d], f):][:width]
    assert words.tag.__wrapped__(text) == plain_tag(text)
    assert words.tokenizer().words(text, hmm=False) == reference().lcut(text, HMM=False)
    assert words.first_word(text) == next(iter(reference().cut(text, HMM=True)), "")


def test_a_lone_surrogate_is_no_word():
    assert words.tag.__wrapped__("\ud800孤立") == (("\ud800", "x"), *plain_tag("孤立"))
    assert words.jieba_frequency("\ud800") == 0


def test_tags_of_invented_phrases():
    for text in ("", "全旗黄牛存栏达80万头", "xyz中", "的的的的", "贫困发生率 3.5%", "科左后旗巴彦嘎查村民"):
        assert words.tag.__wrapped__(text) == plain_tag(text)


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _garbage(path: Path) -> None:
    path.write_bytes(b"not a dictionary\n" * 1000)


def _zeroed(path: Path) -> None:
    """Zeros over the opening of the trie, the size of the file unchanged."""
    data = bytearray(path.read_bytes())
    start = -(-(data.index(b"\n") + 1) // 8) * 8
    data[start + 100:start + 200_000] = bytes(199_900)
    path.write_bytes(bytes(data))


def test_a_broken_dictionary_file_is_built_again(tmp_path, monkeypatch):
    monkeypatch.setenv("ZHFACTS_CACHE_DIR", str(tmp_path))
    text = "全旗黄牛存栏达80万头，人均收入1.2万元"
    expected = words.tokenizer().words(text, hmm=True)
    assert words.tokenizer.__wrapped__().words(text, hmm=True) == expected
    (path,) = tmp_path.glob("jieba-*")
    for damage in (_truncate, _garbage, _zeroed, other_byte_order):
        damage(path)
        assert words.tokenizer.__wrapped__().words(text, hmm=True) == expected
        whole = path.stat().st_size
        assert words.tokenizer.__wrapped__().frequency("中国") == reference().FREQ["中国"]
        assert path.stat().st_size == whole  # the rebuilt file is whole, read as it is
