"""Ways to run the extraction over many documents: in this process, over a pool of worker
processes, or on a Dask cluster. Every engine yields one fact table per document, in input
order, with exactly the rows a serial run gives; only where the work happens differs."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

import pandas as pd

from ..values import Document

#: A document to extract: a file to read where the work runs, or one already read (stdin).
Item = Union[Path, Document]


@dataclass(frozen=True)
class Options:
    """The extract options that change rows; sent with every document to wherever it runs."""

    year: str | None = None
    place: str | None = None
    explain: bool = False
    model: bool = False


@dataclass(frozen=True)
class Extracted:
    """One document's fact table, with what a document list says about it."""

    doc_id: str
    source: str
    year: str
    place: str
    characters: int
    table: pd.DataFrame

    def record(self) -> dict:
        return {"doc_id": self.doc_id, "source": self.source, "year": self.year, "place": self.place,
                "characters": self.characters, "claims": len(self.table)}


def extract_item(item: Item, options: Options) -> Extracted:
    """The fact table of one document: the unit of work of every engine."""
    from ..pipeline import document_for_path, document_rows
    from ..table import to_frame

    doc = item if isinstance(item, Document) else document_for_path(item, options.year, options.place)
    table = to_frame(document_rows(doc, explain=options.explain, model=options.model))
    source = "stdin" if isinstance(item, Document) else str(item)
    return Extracted(doc.doc_id, source, doc.year, doc.place, len(doc.text), table)


def extract_table(item: Item, options: Options) -> pd.DataFrame:
    """Only the fact table of one document (a Dask partition)."""
    return extract_item(item, options).table


def load_lexicons() -> None:
    """Load the lexicons and word tables now, once per worker process, not inside the first
    document's timing."""
    from ..places import find_places
    from ..tokens import tokenizer

    tokenizer()
    find_places("")


def results(items: list[Item], options: Options, jobs: int = 1, scheduler: str | None = None) -> Iterator[Extracted]:
    """One result per item in input order, from the engine the arguments choose."""
    if scheduler:
        from .dask import results as run
        return run(items, options, scheduler)
    if jobs > 1 and len(items) > 1:
        from .pool import results as run
        return run(items, options, jobs)
    from .serial import results as run
    return run(items, options)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt like Ctrl-C, so a killed run unwinds through the writers'
    cleanup (no output, no temporary files) instead of dying where it stands."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach the main thread only
        return
    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
