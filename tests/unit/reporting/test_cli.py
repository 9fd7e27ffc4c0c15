"""`practice validate` as an editor or CI runs it: exit codes and located messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def practice(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        timeout=120,
    )


def test_valid_collection_exits_zero():
    result = practice("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    count = len(list((REPO / "practice").glob("*.yaml")))
    assert f"All {count} case studies valid" in result.stdout


def test_problems_exit_one_with_file_line_and_fix(leeds_text, scratch_project):
    project = scratch_project(
        {"leeds-family-valued.yaml": leeds_text.replace("  - safeguarding\n", "  - safegaurding\n")}
    )
    result = practice("validate", cwd=project.root)
    assert result.returncode == 1
    line = leeds_text.splitlines().index("  - safeguarding") + 1
    assert "practice/leeds-family-valued.yaml" in result.stdout
    assert f"  {line}:5 error: themes[0]: 'safegaurding' is not an allowed value" in result.stdout
    assert "fix: did you mean 'safeguarding'?" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_named_files_only_are_checked(leeds_text, scratch_project):
    project = scratch_project(
        {
            "leeds-family-valued.yaml": leeds_text,
            "broken.yaml": "- not a case study\n",
        }
    )
    assert practice("validate", "practice/leeds-family-valued.yaml", cwd=project.root).returncode == 0
    assert practice("validate", cwd=project.root).returncode == 1


def test_usage_errors_exit_two():
    assert practice("validate", "practice/no-such-file.yaml").returncode == 2
    assert practice("frobnicate").returncode == 2


def test_schema_check_agrees_with_taxonomy():
    result = practice("schema")
    assert result.returncode == 0
    assert "agrees with taxonomy.yaml" in result.stdout


def test_a_missing_file_is_named_with_its_invisible_characters_escaped():
    """A name from a deleted file in a pull request once went to the terminal raw: a forged
    GitHub annotation on a line of its own, and an escape sequence that cleared the screen."""
    name = "practice/gone.yaml\n::error file=practice/x.yaml,line=1::forged\n\x1b[2J"
    result = practice("validate", name)
    assert result.returncode == 2
    assert "\x1b" not in result.stderr and "\n::error" not in result.stderr
    assert "no such file: practice/gone.yaml\\x0a::error" in result.stderr


def test_a_named_symbolic_link_is_reported_not_followed(leeds_text, scratch_project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "secrets.yaml"
    outside.write_text("AWS_SECRET_ACCESS_KEY: Hunter2_Secret_Value\n", encoding="utf-8")
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    (project.practice_dir / "innocent.yaml").symlink_to(outside)
    result = practice("validate", "--no-cache", "practice/innocent.yaml", cwd=project.root)
    assert result.returncode == 1
    assert "practice/innocent.yaml" in result.stdout and "is a symbolic link (to '" in result.stdout
    assert "Hunter2" not in result.stdout and "AWS_SECRET" not in result.stdout


def test_a_collection_folder_that_is_a_symbolic_link_is_refused(leeds_text, scratch_project, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "leeds-family-valued.yaml").write_text(leeds_text, encoding="utf-8")
    project = scratch_project({})
    project.practice_dir.rmdir()
    project.practice_dir.symlink_to(elsewhere, target_is_directory=True)
    result = practice("validate", "--no-cache", cwd=project.root)
    assert result.returncode == 2
    assert "practice/ is a symbolic link" in result.stderr
