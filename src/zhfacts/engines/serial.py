"""The serial engine: every document in this process, one after another, a long one block by
block."""
from __future__ import annotations

from typing import Iterator

from . import Extracted, Item, Options, extract_blocks


def results(items: list[tuple[Item, str | None]], options: Options) -> Iterator[Extracted]:
    for item, doc_id in items:
        yield from extract_blocks(item, options, doc_id)
