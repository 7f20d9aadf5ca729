"""Messages for people: on stderr (stdout carries only data), one line each, silenced by --quiet."""
from __future__ import annotations

import json
import sys

#: Set by the command line's --quiet.
quiet = False


def note(message: str) -> None:
    """A progress or warning line on stderr, unless --quiet."""
    if not quiet:
        print(f"zhfacts: {message}", file=sys.stderr)


def print_json(data: object) -> None:
    """JSON on stdout in UTF-8 (JSON's own encoding) whatever the locale says, Chinese as
    Chinese, never \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=float) + "\n"
    sys.stdout.flush()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.buffer.flush()
