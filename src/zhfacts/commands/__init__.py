"""Subcommands of the ``zhfacts`` CLI: each module has ``HELP``, ``configure(parser)`` and ``run(args) -> int``."""
from __future__ import annotations

import argparse
import re


def year_arg(text: str) -> str:
    """--year and its kin: a four-digit year."""
    if not re.fullmatch(r"[0-9]{4}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (four digits, such as 2020)")
    return text
