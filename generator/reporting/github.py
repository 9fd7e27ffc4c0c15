"""GitHub Actions workflow commands (annotations on the pull request's files) and a
Markdown report for the job summary.

GitHub shows at most 10 annotations of each kind per step, so the full list also goes to
$GITHUB_STEP_SUMMARY (written by the CLI, from `summary_markdown`).
"""

from __future__ import annotations

import html

from generator.problems import Problem, escape_invisible
from generator.reporting import Report


def _escape_data(text: str) -> str:
    return escape_invisible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    properties = [f"file={_escape_property(problem.file)}"]
    if problem.line is not None:
        properties.append(f"line={problem.line}")
    if problem.column is not None:
        properties.append(f"col={problem.column}")
    properties.append(f"title={_escape_property(problem.field or 'case study')}")
    message = problem.message + (f". Fix: {problem.hint}" if problem.hint else "")
    return f"::{problem.severity.value} {','.join(properties)}::{_escape_data(message)}"


def format_annotations(report: Report, color: bool = False) -> str:
    lines = [annotation(p) for p in sorted(report.problems, key=Problem.sort_key)]
    lines.append(report.summary())
    return "\n".join(lines)


_MARKDOWN_PUNCTUATION = str.maketrans({c: f"\\{c}" for c in "\\`*_{}[]()#+-.!|~>"})


def _cell(text: str) -> str:
    """A table cell's text, shown as typed: HTML escaped, Markdown's punctuation backslashed
    (so a value cannot make a link, an image or a new cell), invisible characters escaped."""
    return html.escape(escape_invisible(text), quote=False).translate(_MARKDOWN_PUNCTUATION)


def summary_markdown(report: Report) -> str:
    heading = "Case-study validation: " + ("passed" if report.valid else "failed")
    lines = [f"## {heading}", "", report.summary(), ""]
    if report.problems:
        lines += ["| File | Line | Field | Problem | How to fix |", "|---|---|---|---|---|"]
        for p in sorted(report.problems, key=Problem.sort_key):
            icon = "❌" if p.is_error else "⚠️"
            cells = [
                _cell(p.file),
                str(p.line or ""),
                _cell(p.field),
                f"{icon} {_cell(p.message)}",
                _cell(p.hint),
            ]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)
