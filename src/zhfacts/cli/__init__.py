"""The ``zhfacts`` command line: one subcommand per module of this package.

Each module has ``HELP``, ``configure(parser)`` and ``run(args) -> int``.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from ..errors import ZhfactsError

#: Subcommand name -> module under zhfacts.cli.
COMMANDS = {
    "extract": "extract",
    "score": "score",
    "check-gold": "check_gold",
    "diff": "diff",
    "check": "check",
    "report": "report",
    "rules": "rules",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="zhfacts", description="every quantitative claim of a text as a row of a fact table")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(f".{module_name}", __package__)
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ZhfactsError as exc:
        print(f"zhfacts: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("zhfacts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
