"""zhfacts: every quantitative claim of Chinese text as a row of a fact table."""
from __future__ import annotations

from importlib import import_module

__all__ = ["__version__", "extract_table", "extract_text_table", "load"]

#: Public names and the modules that define them, imported when first used so that the
#: command line starts (and answers Ctrl-C or --version) before the extractor is loaded.
_LAZY = {"extract_table": "pipeline", "extract_text_table": "pipeline", "load": "spacy_pipe"}


def _version() -> str:
    """The installed distribution's version. importlib.metadata pulls in the email package (a
    tenth of a second), so it is read only when asked for."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("zhfacts")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str):
    if name == "__version__":
        return _version()
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
