"""The pipeline, as a visible composition of plain stages:

normalise -> sentences -> tokens -> mentions -> quantities -> claims -> table
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .claims import attribute, build_context, word_windows
from .docio import read_document
from .manifest import read_manifest
from .mentions import find_mentions
from .model import ON_BY_DEFAULT, apply_model, model_available
from .normalise import make_document
from .sentences import split_sentences
from .table import claim_row, to_frame
from .tokens import tokenize
from .values import Claim, Document

#: The bundled corpus (package data), used when extract is given no path.
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


def extract_claims(doc: Document, model: bool = False) -> list[Claim]:
    """Every number mention of the document as a claim or an excluded mention (with its rule);
    with ``model``, the trained ranker reorders the rules' metric candidates."""
    sentences = split_sentences(doc)
    mentions = find_mentions(doc)
    tokens = tokenize(doc, word_windows(doc, mentions))
    ctx = build_context(doc, sentences, tokens)
    claims = attribute(mentions, ctx)
    if model and model_available():
        claims = apply_model(claims, doc)
    return claims


def document_rows(doc: Document, explain: bool = False, model: bool = ON_BY_DEFAULT) -> list[dict]:
    return [claim_row(c, doc) for c in extract_claims(doc, model) if explain or c.status == "claim"]


def extract_text_table(text: str, doc_id: str, year: str | None = None, place: str | None = None,
                       explain: bool = False, model: bool = ON_BY_DEFAULT) -> pd.DataFrame:
    """The fact table of one text."""
    doc = make_document(doc_id, text, year or "", place or "")
    return to_frame(document_rows(doc, explain, model))


def document_for_path(path: Path | str, year: str | None = None, place: str | None = None,
                      doc_id: str | None = None) -> Document:
    """Read a file; year and place come from the arguments, else from the manifest beside it."""
    path = Path(path)
    text = read_document(path)
    entry = read_manifest(path.parent / "manifest.csv").get(path.stem)
    return make_document(
        doc_id or path.stem, text,
        year or (entry.year if entry else ""),
        place or (entry.default_place if entry else ""),
    )


def extract_table(path: Path | str, year: str | None = None, place: str | None = None,
                  explain: bool = False, model: bool = ON_BY_DEFAULT) -> pd.DataFrame:
    """The fact table of one document file."""
    return to_frame(document_rows(document_for_path(path, year, place), explain, model))
