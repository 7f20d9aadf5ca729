"""Ways to run the extraction over many documents: in this process, over a pool of worker
processes, or on a Dask cluster. Every engine yields the fact-table rows of each document, in
input order, exactly as a serial run gives them; only where the work happens differs."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Union

from ..types import Document

if TYPE_CHECKING:
    import pandas as pd

#: A document to extract with its doc_id: a file to read where the work runs, or one already
#: read (stdin).
Item = Union[Path, Document]


@dataclass(frozen=True)
class Options:
    """The extract options that change rows; sent with every document to wherever it runs."""

    year: str | None = None
    place: str | None = None
    explain: bool = False
    model: bool = False
    lang: str | None = None
    kind: str | None = None
    keep_going: bool = False


@dataclass(frozen=True)
class Extracted:
    """One document's fact-table rows (dicts of the table's columns), with what a document list
    says about it."""

    doc_id: str
    source: str
    year: str
    place: str
    characters: int
    rows: list[dict]
    skipped: str | None = None  # why an unreadable file was skipped (--keep-going)

    @property
    def table(self) -> "pd.DataFrame":
        """The rows as a typed pandas table (Parquet, Dask)."""
        from ..table import to_frame

        return to_frame(self.rows)

    def record(self) -> dict:
        return {"doc_id": self.doc_id, "source": self.source, "year": self.year, "place": self.place,
                "characters": self.characters, "claims": len(self.rows)}


#: A document longer than this many characters is extracted in blocks of whole paragraphs
#: (io.documents.paragraph_blocks), so memory stays flat however large the file.
BLOCK_CHARS = 2_000_000


def extract_item(item: Item, options: Options, doc_id: str | None = None) -> Extracted:
    """The fact-table rows of one document: the unit of work of every engine. With --keep-going
    an unreadable file gives no rows and why it was skipped."""
    from ..errors import ZhfactsError
    from ..io.documents import paragraph_blocks
    from ..pipeline import document_for_path, document_rows, make_document
    from ..schema import EVIDENCE_COLUMNS

    source = "stdin" if isinstance(item, Document) else str(item)
    try:
        doc = item if isinstance(item, Document) else document_for_path(
            item, options.year, options.place, options.lang, options.kind, doc_id=doc_id)
    except ZhfactsError as exc:
        if not options.keep_going:
            raise
        return Extracted(doc_id or Path(item).stem, source, "", "", 0, [], skipped=str(exc))
    rows = []
    for offset, block in paragraph_blocks(doc.text, BLOCK_CHARS):
        part = doc if offset == 0 and len(block) == len(doc.text) else make_document(
            doc.doc_id, block, doc.year, doc.place, doc.lang, doc.kind)
        for row in document_rows(part, explain=options.explain, model=options.model):
            if offset:
                row.update({c: row[c] + offset for c in ["start", "end"] + EVIDENCE_COLUMNS if row[c] is not None})
            rows.append(row)
    return Extracted(doc.doc_id, source, doc.year, doc.place, len(doc.text), rows)


def load_resources(options: Options, languages: frozenset[str] | None = None) -> None:
    """Load the tables of the given languages (every language by default), the rules and the
    decider now: in a process about to fork its workers, which then share them, or once in each
    worker where they cannot be inherited."""
    from ..lang import LANGUAGES, bundle
    from ..learn.decider import decider_for
    from ..registry import list_rules

    for code in sorted(languages) if languages is not None else LANGUAGES:
        bundle(code).load()
    list_rules()
    decider_for(options.model)


#: How many of the files, and how much of each, the parent of a pool or cluster reads to learn
#: which languages' tables to load: English needs spaCy, whose load costs more than a report.
PEEK_FILES = 64
PEEK_BYTES = 16 * 1024


def languages_of(items: list[Item], options: Options) -> frozenset[str]:
    """The languages of the documents, as detected from the opening of the first files. A
    document in another language, or in a file not read here, loads its tables where it runs."""
    from ..errors import ZhfactsError
    from ..io.documents import decode
    from ..lang import DEFAULT, bundle, detect

    if options.lang:
        return frozenset({options.lang})
    found = {DEFAULT}
    for item in items[:PEEK_FILES]:
        if isinstance(item, Document):
            found.add(item.lang)
            continue
        try:
            with open(item, "rb") as f:
                data = f.read(PEEK_BYTES)
            if len(data) == PEEK_BYTES:  # cut at a line break, not inside a character
                data = data[:data.rfind(b"\n") + 1] or data
            found.add(detect(decode(data, item), bundle(DEFAULT).traditional))
        except (OSError, ZhfactsError):
            continue  # its error, if it has one, comes from the worker
    return frozenset(found)


def results(items: list[Item], options: Options, jobs: int = 1, scheduler: str | None = None,
            doc_ids: list[str] | None = None) -> Iterator[Extracted]:
    """One result per item in input order, from the engine the arguments choose; ``doc_ids``
    names the files (default: their stems)."""
    items = list(zip(items, doc_ids or [None] * len(items)))
    if scheduler:
        from .dask import results as run
        return run(items, options, scheduler)
    if jobs > 1 and len(items) > 1:
        from .pool import results as run
        return run(items, options, jobs)
    from .serial import results as run
    return run(items, options)
