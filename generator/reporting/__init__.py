"""Reporters: turn a validation report into text, JSON or GitHub annotations.

The checks never print; a reporter is chosen by name (`--format`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.problems import Problem


@dataclass(frozen=True)
class Report:
    problems: list[Problem]
    files_checked: int

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    @property
    def valid(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        files = self.files_checked
        warned = plural(len(self.warnings), "warning")
        if self.errors:
            bad = len({p.file for p in self.errors})
            return f"{plural(len(self.errors), 'error')} in {bad} of {plural(files, 'file')}; {warned}."
        return f"All {plural(files, 'case study', 'case studies')} valid; {warned}."


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def reporter(name: str) -> Callable[..., str]:
    from generator.reporting import github, json_report, text

    return {"text": text.format_text, "json": json_report.format_json, "github": github.format_annotations}[name]


FORMATS = ("text", "json", "github")
