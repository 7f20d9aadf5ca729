"""The serial engine: every document in this process, one after another."""
from __future__ import annotations

from typing import Iterator

from . import Extracted, Item, Options, extract_item


def results(items: list[tuple[Item, str | None]], options: Options) -> Iterator[Extracted]:
    for item in items:
        yield extract_item(item[0], options, item[1])
