"""Ways to run the extraction over many documents: in this process, over a pool of worker
processes, or on a Dask cluster. Every engine yields the fact-table rows of each document, in
input order, exactly as a serial run gives them; only where the work happens differs."""
from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass, replace
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
    """The fact-table rows (dicts of the table's columns) of one document, or of one block of a
    document longer than ``BLOCK_CHARS`` (block ``block`` of ``blocks``), with what a document
    list says about the document."""

    doc_id: str
    source: str
    year: str
    place: str
    characters: int  # of the whole document
    rows: list[dict]
    skipped: str | None = None  # why an unreadable file was skipped (--keep-going)
    block: int = 0
    blocks: int = 1

    @property
    def last(self) -> bool:
        """Whether this is the document's last block (its only one, mostly)."""
        return self.block == self.blocks - 1

    @property
    def table(self) -> "pd.DataFrame":
        """The rows as a typed pandas table (Parquet, Dask)."""
        from ..table import to_frame

        return to_frame(self.rows)

    def record(self, claims: int | None = None) -> dict:
        """The document's row of a document list; ``claims`` counted over all its blocks."""
        return {"doc_id": self.doc_id, "source": self.source, "year": self.year, "place": self.place,
                "characters": self.characters, "claims": len(self.rows) if claims is None else claims}


#: A document longer than this many characters is extracted in blocks of whole paragraphs
#: (io.documents.paragraph_blocks), each written when done, so memory stays flat however large
#: the file, and the blocks of one file can go to several workers.
BLOCK_CHARS = 500_000


def _read(item: Item, options: Options, doc_id: str | None) -> Document:
    from ..pipeline import document_for_path

    return item if isinstance(item, Document) else document_for_path(
        item, options.year, options.place, options.lang, options.kind, doc_id=doc_id)


@dataclass(frozen=True)
class Block:
    """Block ``index`` of the ``count`` a document is extracted in: its characters start:end."""

    index: int
    count: int
    start: int
    end: int


def blocks(text: str) -> list[Block]:
    """The blocks of a document's text (io.documents.paragraph_blocks of ``BLOCK_CHARS``)."""
    from ..io.documents import paragraph_blocks

    spans = [(start, start + len(part)) for start, part in paragraph_blocks(text, BLOCK_CHARS)]
    return [Block(k, len(spans), start, end) for k, (start, end) in enumerate(spans)]


@contextmanager
def collector_paused():
    """The cyclic garbage collector off while one block is extracted. A block's mentions,
    candidates and claims are many young objects that live until its rows are made, so the
    collector's passes over them found next to nothing and cost a quarter of the run; they are
    freed by reference counting either way, and the collector runs again between blocks, so
    memory stays bounded by one block."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def extract_blocks(item: Item, options: Options, doc_id: str | None = None,
                   only: Block | None = None) -> Iterator[Extracted]:
    """The fact-table rows of one document, a result per block (``only``: just that one): the
    unit of work of every engine. With --keep-going an unreadable file gives one result without
    rows, saying why it was skipped."""
    from ..errors import ZhfactsError
    from ..pipeline import document_rows, make_document
    from ..schema import EVIDENCE_COLUMNS

    source = "stdin" if isinstance(item, Document) else str(item)
    try:
        doc = _read(item, options, doc_id)
    except ZhfactsError as exc:
        if not options.keep_going:
            raise
        yield Extracted(doc_id or Path(item).stem, source, "", "", 0, [], skipped=str(exc))
        return
    for block in [only] if only else blocks(doc.text):
        part = doc if block.count == 1 else make_document(doc.doc_id, doc.text[block.start:block.end], doc.year,
                                                          doc.place, doc.lang, doc.kind)
        with collector_paused():
            rows = document_rows(part, explain=options.explain, model=options.model)
        if block.start:
            for row in rows:
                row.update({c: row[c] + block.start for c in ["start", "end"] + EVIDENCE_COLUMNS if row[c] is not None})
        yield Extracted(doc.doc_id, source, doc.year, doc.place, len(doc.text), rows, block=block.index,
                        blocks=block.count)


def extract_block(item: Item, options: Options, doc_id: str | None, block: Block | None) -> Extracted:
    """A pool's task: one block of a document, cut where the parent cut it, or (None) the whole
    of a short one."""
    return extract_item(item, options, doc_id) if block is None else next(extract_blocks(item, options, doc_id, block))


def extract_item(item: Item, options: Options, doc_id: str | None = None) -> Extracted:
    """All the rows of one document in one result (a Dask partition)."""
    parts = list(extract_blocks(item, options, doc_id))
    return replace(parts[-1], rows=[row for part in parts for row in part.rows], block=0, blocks=1)


def size_of(item: Item) -> int:
    """How much work a document is, from its size in bytes (0 when it cannot be read: its error
    comes from the worker)."""
    if isinstance(item, Path):
        try:
            return os.path.getsize(item)
        except OSError:
            return 0
    return len(item.text.encode("utf-8"))


def blocks_of(item: Item, options: Options, doc_id: str | None, size: int) -> list[Block | None]:
    """The blocks a document of ``size`` bytes is extracted in, as the engines send them: [None] (the
    whole) unless it has more bytes than a block has characters; then it is read to tell (an
    unreadable file is [None]: its error comes from the worker)."""
    from ..errors import ZhfactsError

    from ..io.documents import read_document

    if size <= BLOCK_CHARS:
        return [None]
    try:  # the text alone: its folded copy is made where the work runs
        found = blocks(item.text if isinstance(item, Document) else read_document(item))
    except ZhfactsError:
        return [None]
    return found if len(found) > 1 else [None]


@dataclass(frozen=True)
class Task:
    """One unit of work an engine sends: a block of a document (None: the whole of a short one),
    with ``size``, its share of the document's bytes, for sending the largest first."""

    item: Item
    doc_id: str | None
    block: Block | None
    size: int


def tasks(items: list[tuple[Item, str | None]], options: Options) -> list[Task]:
    """The tasks of the documents in input order: a document longer than a block, block by
    block, cut here so that every worker cuts where this process did."""
    out = []
    for item, doc_id in items:
        size = size_of(item)
        found = blocks_of(item, options, doc_id, size)
        out += [Task(item, doc_id, block, size // len(found)) for block in found]
    return out


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
    if jobs > 1:
        units = tasks(items, options)
        if len(units) > 1:  # one task is done here: a pool of one worker only adds its start-up
            from .pool import results as run
            return run(units, options, jobs)
    from .serial import results as run
    return run(items, options)
