"""Messages for people: on stderr (stdout carries only data), one line each, silenced by --quiet."""
from __future__ import annotations

import sys

#: Set by the command line's --quiet.
quiet = False


def note(message: str) -> None:
    """A progress or warning line on stderr, unless --quiet."""
    if not quiet:
        print(f"zhfacts: {message}", file=sys.stderr)
