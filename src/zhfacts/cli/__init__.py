"""The ``zhfacts`` command line: one subcommand per module of this package.

Each module has ``HELP``, ``configure(parser)`` and ``run(args) -> int``. Streams and exit
codes are the same for every subcommand (docs/cli.md): data on stdout, messages on stderr;
0 success, 1 a finding or gate the user asked to fail on (or a reader of stdout that went
away), 2 bad input or output, 130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import re
import signal
import sys

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


def year_arg(text: str) -> str:
    """--year and its kin: a four-digit year."""
    if not re.fullmatch(r"[0-9]{4}", text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a year (four digits, such as 2020)")
    return text


def add_lang_argument(parser) -> None:
    """``--lang zh|en|auto``: the language a document is read in (auto: the manifest's
    language column, else the script of the text)."""
    from ..lang import codes

    parser.add_argument("--lang", choices=["auto", *codes()], default="auto", metavar="{auto,zh,en,...}",
                        help="language of the documents (default: %(default)s = the manifest's language column, "
                             "else the script of the text)")


def chosen_lang(args) -> str | None:
    """The language given with --lang, None for auto."""
    return None if getattr(args, "lang", "auto") == "auto" else args.lang


class _Version(argparse.Action):
    """--version: the version looked up only when asked for (see zhfacts._version)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help="show the version and exit"):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from .. import __version__

        print(f"zhfacts {__version__}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; given the command about to run, only that command's module is imported (the
    others pull in what a run of it does not need, at start-up)."""
    import importlib

    parser = argparse.ArgumentParser(prog="zhfacts", description="every quantitative claim of a text as a row of a fact table")
    parser.add_argument("--version", action=_Version)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-q", "--quiet", action="store_true", help="no progress bar, notes or warnings on stderr")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, module_name in COMMANDS.items():
        if command in COMMANDS and name != command:
            sub.add_parser(name)
            continue
        module = importlib.import_module(f".{module_name}", __package__)
        cmd = sub.add_parser(name, help=module.HELP, description=module.HELP, parents=[common])
        module.configure(cmd)
        cmd.set_defaults(run=module.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    from ..io.atomic import STOP_SIGNALS, Interrupted, on_stop_signal, raise_if_stopped

    for signum in STOP_SIGNALS:
        signal.signal(signum, on_stop_signal)
    try:
        from .. import console
        from ..errors import ZhfactsError

        argv = sys.argv[1:] if argv is None else argv
        args = build_parser(argv[0] if argv else None).parse_args(argv)
        console.quiet = args.quiet
        try:
            if getattr(args, "kind", None):
                from ..profiles import known_kind
                known_kind(args.kind)
            code = args.run(args)
            raise_if_stopped()  # a stop whose exception a finaliser swallowed
            return code
        except ZhfactsError as exc:
            print(f"zhfacts: {exc}", file=sys.stderr)
            return 2
    except Interrupted as exc:
        print(f"zhfacts: interrupted ({signal.Signals(exc.signum).name})", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("zhfacts: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of stdout went away (``| head``): not a success, and no second error from
        # Python flushing the closed pipe at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
