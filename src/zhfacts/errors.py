"""One exception type for every user-facing problem, so the CLI can print one line and exit."""
from __future__ import annotations


class ZhfactsError(Exception):
    """A problem with a named input or output: printed as ``zhfacts: PATH: PROBLEM``."""

    def __init__(self, path: object, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem
