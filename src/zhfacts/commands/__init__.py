"""Subcommands of the ``zhfacts`` CLI: each module has ``HELP``, ``configure(parser)`` and ``run(args) -> int``."""
