"""A problem found while reading YAML, located where libyaml found it."""

from __future__ import annotations


class YamlProblem(Exception):
    """A YAML-level problem. Built from the 0-based mark libyaml reports; `line` and `column`
    are 1-based, as in every Problem an editor sees."""

    def __init__(self, message: str, mark_line: int | None, mark_column: int | None, hint: str = ""):
        super().__init__(message)
        self.message = message
        self.line = None if mark_line is None else mark_line + 1
        self.column = None if mark_column is None else mark_column + 1
        self.hint = hint
