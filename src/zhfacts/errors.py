"""One exception type for every user-facing problem, so the CLI can print one line and exit."""
from __future__ import annotations


class ZhfactsError(Exception):
    """A problem with a named input or output: printed as ``zhfacts: PATH: PROBLEM``."""

    def __init__(self, path: object, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = str(path)
        self.problem = problem

    def __reduce__(self):
        """Rebuilt from path and problem when it crosses from a worker process."""
        return type(self), (self.path, self.problem)
