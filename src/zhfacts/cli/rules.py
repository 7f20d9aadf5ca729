"""``zhfacts rules``: every registered rule, slot by slot, in the order the default decider tries them."""
from __future__ import annotations

import argparse

from ..registry import list_rules

HELP = "list the registered rules: slot, name and purpose, in rule order"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", help="only the rules of this language (default: every language with rules)")


def run(args: argparse.Namespace) -> int:
    rules = list_rules(args.lang)
    width = max(len(r.name) for r in rules)
    for r in rules:
        print(f"{r.lang:<4} {r.slot:<8} {r.name:<{width}}  {r.purpose}")
    return 0
