"""Problems grouped by file, for a terminal: position, field, message and how to fix it."""

from __future__ import annotations

from itertools import groupby

from generator.problems import Problem, escape_invisible
from generator.reporting import Report

RED, YELLOW, DIM, BOLD, RESET = "\033[31m", "\033[33m", "\033[2m", "\033[1m", "\033[0m"


def format_text(report: Report, color: bool = False) -> str:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{RESET}" if color else text

    lines: list[str] = []
    for file, group in groupby(sorted(report.problems, key=Problem.sort_key), key=lambda p: p.file):
        lines.append(paint(BOLD, escape_invisible(file)))
        for problem in group:
            where = f"{problem.line}:{problem.column}" if problem.column else f"{problem.line or '-'}"
            severity = paint(RED if problem.is_error else YELLOW, problem.severity.value)
            field = f" {escape_invisible(problem.field)}:" if problem.field else ""
            lines.append(f"  {where} {severity}:{field} {escape_invisible(problem.message)}")
            if problem.hint:
                lines.append(paint(DIM, f"      fix: {escape_invisible(problem.hint)}"))
        lines.append("")
    lines.append(report.summary())
    return "\n".join(lines)
