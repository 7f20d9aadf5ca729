"""zhfacts as a spaCy pipeline: claims become ``doc.spans["claims"]`` with their row on ``span._.claim``.

The tokenizer is spaCy's Chinese tokenizer in jieba mode, pointed at zhfacts' own jieba
Tokenizer so unit, place and metric words come out as single tokens and the dictionary is
loaded once for both segmentation and extraction. The ``zhfacts_claims`` component runs the
same extractor as ``zhfacts extract``, so a span's offsets and fields equal the CLI's row.
"""
from __future__ import annotations

from bisect import bisect_right

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from .lang.zh.words import tokenizer
from .learn.decider import ON_BY_DEFAULT, decider_for
from .pipeline import extract_claims, make_document
from .table import candidate_lists, claim_row

SPAN_KEY = "claims"
LABEL = "CLAIM"

if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)
if not Doc.has_extension("zhfacts_excluded"):
    Doc.set_extension("zhfacts_excluded", default=None)


class ClaimsComponent:
    """Sets ``doc.spans["claims"]`` and ``doc._.zhfacts_excluded`` from the extractor's rows; each
    row's ``candidates`` lists every slot's candidates, best first, with the model's scores.

    ``doc.user_data`` keys ``doc_id``, ``year`` and ``place`` override the component's config,
    so one pipeline serves documents of different years and places.
    """

    def __init__(self, year: str | None = None, place: str | None = None, model: bool = ON_BY_DEFAULT,
                 lang: str | None = None):
        self.year = year
        self.place = place
        self.model = model
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        data = doc.user_data
        document = make_document(
            str(data.get("doc_id", "doc")), doc.text,
            data.get("year") or self.year or "", data.get("place") or self.place or "",
            data.get("lang") or self.lang or "",
        )
        found = extract_claims(document, decider_for(self.model, complete=True))
        rows = [claim_row(c, document) | {"candidates": candidate_lists(c)} for c in found]
        claims = [r for r in rows if r["status"] == "claim"]
        _split_tokens_at(doc, {r["start"] for r in claims} | {r["end"] for r in claims})
        spans = []
        for row in claims:
            span = doc.char_span(row["start"], row["end"], label=LABEL, alignment_mode="expand")
            span._.claim = row
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc._.zhfacts_excluded = [r for r in rows if r["status"] != "claim"]
        return doc


def _split_tokens_at(doc: Doc, offsets: set[int]) -> None:
    """Split tokens that straddle a claim edge, so each claim span covers exactly its characters.

    jieba sometimes joins a claim's last character with the next word ("15头牛"); without the
    split the span would widen to whole tokens and disagree with the table's offsets.
    """
    starts = [t.idx for t in doc]
    cuts: dict[int, list[int]] = {}
    for offset in offsets:
        i = bisect_right(starts, offset) - 1
        if i >= 0 and starts[i] < offset < starts[i] + len(doc[i]):
            cuts.setdefault(i, []).append(offset - starts[i])
    if not cuts:
        return
    with doc.retokenize() as retokenizer:
        for i, inner in cuts.items():
            token = doc[i]
            bounds = [0, *sorted(inner), len(token)]
            orths = [token.text[a:b] for a, b in zip(bounds, bounds[1:])]
            retokenizer.split(token, orths, heads=[(token, k) for k in range(len(orths))])


@Language.factory("zhfacts_claims", default_config={"year": None, "place": None, "model": ON_BY_DEFAULT, "lang": None})
def make_claims_component(nlp: Language, name: str, year: str | None, place: str | None,
                          model: bool, lang: str | None) -> ClaimsComponent:
    return ClaimsComponent(year, place, model, lang)


def load(year: str | None = None, place: str | None = None, model: bool = ON_BY_DEFAULT,
         lang: str = "zh") -> Language:
    """A blank pipeline with the ``zhfacts_claims`` component: Chinese (``lang="zh"``, jieba
    segmentation), English (``"en"``, spaCy's rule-based English tokenizer), or ``"auto"``
    (English tokens, the language of each document from its script or ``user_data["lang"]``).

    ``year`` and ``place`` are the defaults for documents whose ``user_data`` gives none;
    ``model`` decides with the learned decider, as ``zhfacts extract --model``. Nothing is downloaded.
    """
    if lang == "zh":
        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        nlp.tokenizer.jieba_seg = tokenizer()
    elif lang in ("en", "auto"):
        nlp = spacy.blank("en")
    else:
        raise ValueError(f"lang must be zh, en or auto, not {lang!r}")
    nlp.add_pipe("zhfacts_claims", config={"year": year, "place": place, "model": model,
                                           "lang": None if lang == "auto" else lang})
    return nlp
