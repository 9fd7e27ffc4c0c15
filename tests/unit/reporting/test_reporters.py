"""The three output formats of `practice validate`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from generator.problems import Problem, Severity
from generator.reporting import Report
from generator.reporting.github import annotation, summary_markdown
from generator.reporting.json_report import format_json
from generator.reporting.text import format_text
from tests.conftest import REPO

ERROR = Problem("practice/a.yaml", "unknown field 'x'", 4, 1, "x", "did you mean 'id'?")
WARNING = Problem("practice/b.yaml", "source has no URL", 9, 5, "sources[0]", "add url:", Severity.WARNING)
TRICKY = Problem("practice/c,d.yaml", "50% done\nnext: line", 2, 3, "a:b", "fix, then %0A")


def test_text_groups_by_file_with_fix_and_summary():
    text = format_text(Report([WARNING, ERROR], 2))
    assert text.splitlines() == [
        "practice/a.yaml",
        "  4:1 error: x: unknown field 'x'",
        "      fix: did you mean 'id'?",
        "",
        "practice/b.yaml",
        "  9:5 warning: sources[0]: source has no URL",
        "      fix: add url:",
        "",
        "1 error in 1 of 2 files; 1 warning.",
    ]


def test_text_colour_only_when_asked():
    assert "\033[" not in format_text(Report([ERROR], 1))
    assert "\033[31merror\033[0m" in format_text(Report([ERROR], 1), color=True)


def test_json_has_the_documented_shape():
    data = json.loads(format_json(Report([WARNING, ERROR], 2)))
    assert data == {
        "format_version": 1,
        "valid": False,
        "files_checked": 2,
        "error_count": 1,
        "warning_count": 1,
        "problems": [
            {
                "file": "practice/a.yaml",
                "line": 4,
                "column": 1,
                "field": "x",
                "severity": "error",
                "message": "unknown field 'x'",
                "hint": "did you mean 'id'?",
            },
            {
                "file": "practice/b.yaml",
                "line": 9,
                "column": 5,
                "field": "sources[0]",
                "severity": "warning",
                "message": "source has no URL",
                "hint": "add url:",
            },
        ],
    }


def test_github_annotations_escape_what_would_break_them():
    assert annotation(ERROR) == (
        "::error file=practice/a.yaml,line=4,col=1,title=x::unknown field 'x'. Fix: did you mean 'id'?"
    )
    assert annotation(TRICKY) == (
        "::error file=practice/c%2Cd.yaml,line=2,col=3,title=a%3Ab::50%25 done%0Anext: line. Fix: fix, then %250A"
    )
    assert annotation(WARNING).startswith("::warning file=practice/b.yaml,line=9,col=5,")


def summary_rows(summary: str) -> list[list[str]]:
    """The job summary's table as GitHub shows it: rendered as Markdown, each cell's text."""
    from html.parser import HTMLParser

    from markdown_it import MarkdownIt

    rendered = MarkdownIt("commonmark").enable("table").render(summary)
    assert "<a " not in rendered and "<script" not in rendered and "<img" not in rendered

    class Cells(HTMLParser):
        rows: list[list[str]] = []  # noqa: RUF012

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.rows[-1].append("")

        def handle_data(self, data):
            if self.rows and self.rows[-1]:
                self.rows[-1][-1] += data

    parser = Cells()
    parser.rows = []
    parser.feed(rendered)
    return [[cell.strip() for cell in row] for row in parser.rows[1:]]  # without the heading row


def test_github_summary_lists_every_problem():
    problems = [Problem(f"practice/f{i}.yaml", f"problem {i}", i + 1, 1, "id", "fix | it") for i in range(15)]
    summary = summary_markdown(Report(problems, 15))
    assert summary.startswith("## Case-study validation: failed")
    rows = summary_rows(summary)
    expected = [[f"practice/f{i}.yaml", str(i + 1), "id", f"❌ problem {i}", "fix | it"] for i in range(15)]
    assert rows == sorted(expected)  # by file, as the problems are reported


def test_github_summary_shows_hostile_values_as_text_in_their_own_cell():
    message = "bad\r| injected | cell |\n[click](javascript:alert(1)) <script>x</script> ![i](x) \x1b[31mred"
    summary = summary_markdown(Report([Problem("practice/a|b.yaml", message, 3, 1, "title", "*fix* `it`")], 1))
    [row] = summary_rows(summary)
    assert row == [
        "practice/a|b.yaml",
        "3",
        "title",
        "❌ bad\\x0d| injected | cell |\\x0a[click](javascript:alert(1)) <script>x</script> ![i](x) \\x1b[31mred",
        "*fix* `it`",
    ]


def test_github_format_is_the_default_on_github_actions(tmp_path):
    summary_file = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary_file)}
    bad = "tests/examples/negative/unknown-theme.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "validate", "--no-cache", bad],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(f"::error file={bad},line=")
    assert "'safegaurding' is not an allowed value" in summary_file.read_text(encoding="utf-8")
