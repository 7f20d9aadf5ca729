"""Span bookkeeping shared by the stages, so that no stage scans a whole document per mention."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator


class Marks:
    """Which characters of a text are taken, with O(span) marking and testing."""

    def __init__(self, length: int):
        self._mask = bytearray(length)

    def mark(self, a: int, b: int) -> None:
        self._mask[a:b] = b"\x01" * (b - a)

    def any(self, a: int, b: int) -> bool:
        return self._mask.find(1, a, b) != -1


class Ordered:
    """Spans (anything with .start and .end) sorted by start, for range queries by bisection."""

    def __init__(self, items):
        self.items = sorted(items, key=lambda x: x.start)
        self.starts = [x.start for x in self.items]

    def starting_in(self, a: int, b: int) -> list:
        return self.items[bisect_left(self.starts, a):bisect_left(self.starts, b)]

    def before(self, pos: int) -> list:
        """Items that start before pos, nearest last."""
        return self.items[:bisect_left(self.starts, pos)]

    def nearest_before(self, pos: int) -> Iterator:
        """Items that start before pos, nearest first, without copying the ones a walk back from
        pos never reaches."""
        for i in range(bisect_left(self.starts, pos) - 1, -1, -1):
            yield self.items[i]
