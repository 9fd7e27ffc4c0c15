"""A stable JSON shape for tools (documented in CONTRIBUTING.md, "Validator output").

    {"format_version": 1, "valid": bool, "files_checked": int, "error_count": int,
     "warning_count": int, "problems": [{"file", "line", "column", "field",
     "severity": "error"|"warning", "message", "hint"}]}

line and column are 1-based, or null when unknown. New keys may be added within version 1;
none will be removed or change meaning without a new format_version.
"""

from __future__ import annotations

import json
import re

from generator.problems import Problem, escape_invisible
from generator.reporting import Report

FORMAT_VERSION = 1


# json.dumps escapes C0 controls but leaves C1 (U+0080-U+009F, which some terminals obey) raw.
# (A regular expression, not str.translate: translate walks non-ASCII text character by
# character, 0.25 s for a report of 10,000 files.)
_C1 = re.compile("[\x7f-\x9f]")


def format_json(report: Report, color: bool = False) -> str:
    return _dumps(
        {
            "format_version": FORMAT_VERSION,
            "valid": report.valid,
            "files_checked": report.files_checked,
            "error_count": len(report.errors),
            "warning_count": len(report.warnings),
            "problems": [_problem(p) for p in sorted(report.problems, key=Problem.sort_key)],
        },
        indent=2,
        ensure_ascii=False,
    )


def _dumps(data: object, **options: object) -> str:
    return _C1.sub(lambda found: f"\\u{ord(found.group()):04x}", json.dumps(data, **options))  # type: ignore[arg-type]


def _problem(problem: Problem) -> dict[str, object]:
    """Invisible characters (bidi controls, line separators) escaped as in the other reports."""
    return {
        "file": escape_invisible(problem.file),
        "line": problem.line,
        "column": problem.column,
        "field": escape_invisible(problem.field),
        "severity": problem.severity.value,
        "message": escape_invisible(problem.message),
        "hint": escape_invisible(problem.hint),
    }
