"""A marshal cache in the temporary directory for tables that are slow to parse at every start
(jieba's word tags, CC-CEDICT), the way jieba caches its own dictionary. A cache that cannot
be read or written is rebuilt or skipped; it never changes a result."""
from __future__ import annotations

import marshal
import os
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import Callable

from . import __name__ as _package

_VERSION = "1"


def cached(name: str, key: str, build: Callable[[], dict]) -> dict:
    """build() once per (name, key); later processes read the marshalled result."""
    path = Path(tempfile.gettempdir()) / f"{_package}-{name}-{_VERSION}-{key}.cache"
    with suppress(OSError, EOFError, ValueError, TypeError):
        with path.open("rb") as fh:
            return marshal.load(fh)
    value = build()
    with suppress(OSError):
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name)
        with os.fdopen(fd, "wb") as fh:
            marshal.dump(value, fh)
        os.replace(tmp, path)
    return value
