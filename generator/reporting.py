"""Turn a list of problems into text for a terminal.

Kept apart from the code that finds problems, so other formats (JSON, GitHub annotations)
can be added beside it.
"""

from __future__ import annotations

from itertools import groupby

from generator.problems import Problem


def format_text(problems: list[Problem], files_checked: int) -> str:
    """Problems grouped by file, each with its position, field, message and fix."""
    lines: list[str] = []
    for file, group in groupby(sorted(problems, key=Problem.sort_key), key=lambda p: p.file):
        lines.append(file)
        for problem in group:
            where = f"{problem.line}:{problem.column}" if problem.line is not None else "-"
            field = f" {problem.field}:" if problem.field else ""
            lines.append(f"  {where} {problem.severity.value}:{field} {problem.message}")
            if problem.hint:
                lines.append(f"      fix: {problem.hint}")
        lines.append("")
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    bad_files = len({p.file for p in problems if p.is_error})
    if errors:
        lines.append(
            f"{errors} error{'s' if errors != 1 else ''} in {bad_files} of {files_checked} "
            f"file{'s' if files_checked != 1 else ''}; {warnings} warning{'s' if warnings != 1 else ''}."
        )
    else:
        lines.append(
            f"All {files_checked} case stud{'ies' if files_checked != 1 else 'y'} valid; "
            f"{warnings} warning{'s' if warnings != 1 else ''}."
        )
    return "\n".join(lines)
