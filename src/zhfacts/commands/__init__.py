"""Subcommands of the ``zhfacts`` CLI: each module has ``HELP``, ``configure(parser)`` and ``run(args) -> int``."""


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
