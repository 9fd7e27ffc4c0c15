"""A problem found while reading YAML, located where libyaml found it."""

from __future__ import annotations


class YamlProblem(Exception):
    """A YAML-level problem, with the 0-based position libyaml reported."""

    def __init__(self, message: str, line: int | None, column: int | None, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column
        self.hint = hint
