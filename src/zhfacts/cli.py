"""The ``zhfacts`` command line: one subcommand per module in :mod:`zhfacts.commands`."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import ZhfactsError

#: Subcommand name -> module under zhfacts.commands.
COMMANDS = {
    "extract": "extract",
    "score": "score",
    "check-gold": "check_gold",
    "diff": "diff",
    "check": "check",
    "report": "report",
}


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; given the command about to run, only that command's module is imported (the
    others pull in what a run of it does not need, at start-up)."""
    parser = argparse.ArgumentParser(prog="zhfacts", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module_name in COMMANDS.items():
        if command in COMMANDS and name != command:
            sub.add_parser(name)
            continue
        module = importlib.import_module(f".commands.{module_name}", __package__)
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP)
        module.configure(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv[0] if argv else None).parse_args(argv)
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
