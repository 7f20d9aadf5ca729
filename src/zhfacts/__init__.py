"""zhfacts: every quantitative claim of Chinese text as a row of a fact table."""
from __future__ import annotations

from .pipeline import extract_table, extract_text_table

__all__ = ["extract_table", "extract_text_table", "load"]


def __getattr__(name: str):
    """``load`` imports spaCy only when asked for, so the command line does not pay for it."""
    if name == "load":
        from .spacy_pipe import load
        return load
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
