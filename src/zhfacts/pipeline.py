"""The pipeline, as one visible composition of plain stages over one document:

    document (language, kind) -> sentences -> tables -> mentions (table cells read as the
        table reads them) -> words -> context
        -> decisions per slot (unit, exclude, metric, year, place, per, kind) -> claims -> table

Each stage but the decisions is the language bundle's; the decisions are the registered rules'
candidates chosen by a decider (the rules' own order, or a learned one).
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from .context import build_context, with_table_cells
from .io.documents import read_document
from .engine import attribute
from .errors import ZhfactsError
from .lang import bundle, detect
from .io.manifest import read_manifest
from .decide import DEFAULT, Decider
from .learn.decider import ON_BY_DEFAULT, decider_for
from .profiles import detect_kind, profile_for
from .table import claim_row, to_frame
from .types import Claim, Document

if TYPE_CHECKING:
    import pandas as pd

#: The bundled corpus (package data), used when extract is given no path.
CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


_SURROGATE = re.compile("[\ud800-\udfff]")


def make_document(doc_id: str, text: str, year: str = "", place: str = "", lang: str = "", kind: str = "") -> Document:
    """A document with its folded copy; its language and kind given, else detected. Text with a
    lone surrogate (half of a UTF-16 pair, from bytes decoded with surrogateescape) is not
    Unicode text and is refused here, not deep in a table or cache."""
    bad = _SURROGATE.search(text)
    if bad:
        raise ZhfactsError(doc_id, f"the text holds a lone surrogate U+{ord(bad.group()):04X} at offset "
                                   f"{bad.start()}, which is not Unicode text; decode it strictly or with errors='replace'")
    code = lang or detect(text, bundle("zh").traditional)
    title = text.lstrip().split("\n", 1)[0]
    return Document(doc_id=doc_id, text=text, year=year, place=place, norm=bundle(code).fold(text),
                    lang=code, kind=kind or detect_kind(title))


def extract_claims(doc: Document, decider: Decider = DEFAULT) -> list[Claim]:
    """Every number mention of the document as a claim or an excluded mention (with its rule),
    each slot decided by the decider among the rules' candidates."""
    lang = bundle(doc.lang)
    sentences = lang.split_sentences(doc)
    tables = lang.find_tables(doc)
    mentions = with_table_cells(lang.find_mentions(doc), tables)
    tokens = lang.tokenize(doc, lang.word_windows(doc, mentions))
    ctx = build_context(doc, lang, profile_for(doc.kind), sentences, tokens, tables)
    return attribute(mentions, ctx, decider)


def document_rows(doc: Document, explain: bool = False, model: bool = ON_BY_DEFAULT) -> list[dict]:
    """The table rows of the document; ``model`` decides with the trained model, else the rule order."""
    return [claim_row(c, doc) for c in extract_claims(doc, decider_for(model)) if explain or c.status == "claim"]


def extract_text_table(text: str, doc_id: str, year: str | None = None, place: str | None = None,
                       explain: bool = False, model: bool = ON_BY_DEFAULT, lang: str | None = None,
                       kind: str | None = None) -> pd.DataFrame:
    """The fact table of one text."""
    doc = make_document(doc_id, text, year or "", place or "", lang or "", kind or "")
    return to_frame(document_rows(doc, explain, model))


def document_for_path(path: Path | str, year: str | None = None, place: str | None = None,
                      lang: str | None = None, kind: str | None = None, doc_id: str | None = None) -> Document:
    """Read a file; year, place, language and kind come from the arguments, else from the
    manifest beside it, else (language and kind) from the text."""
    path = Path(path)
    text = read_document(path)
    entry = read_manifest(path.parent / "manifest.csv").get(path.stem)
    return make_document(
        doc_id or path.stem, text,
        year or (entry.year if entry else ""),
        place or (entry.default_place if entry else ""),
        lang or (entry.language if entry else ""),
        kind or (entry.kind if entry else ""),
    )


def extract_table(path: Path | str, year: str | None = None, place: str | None = None,
                  explain: bool = False, model: bool = ON_BY_DEFAULT, lang: str | None = None,
                  kind: str | None = None) -> pd.DataFrame:
    """The fact table of one document file."""
    return to_frame(document_rows(document_for_path(path, year, place, lang, kind), explain, model))
