"""Faults in the project's set-up, and files that are not case studies: both commands answer
with a message naming the file (and line) and the fix, never a traceback or a hang."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, build

# The line of "- id: promising" in the shipped taxonomy, where a term without its label is reported.
PROMISING_LINE = (REPO / "schema" / "taxonomy.yaml").read_text().splitlines().index("  - id: promising") + 1


def validate(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "validate", "--no-cache", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )


def truncate(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8")[:500], encoding="utf-8")


FAULTS = {
    "no practice folder": (lambda root: (root / "practice" / "one.yaml").unlink() or (root / "practice").rmdir(),
                           "practice/ is missing"),
    "schema missing": (lambda root: (root / "schema" / "case-study.schema.json").unlink(),
                       "schema/case-study.schema.json: cannot be read"),
    "schema truncated": (lambda root: truncate(root / "schema" / "case-study.schema.json"),
                         "schema/case-study.schema.json line 12: not valid JSON"),  # where the cut string starts
    "schema not a schema": (lambda root: (root / "schema" / "case-study.schema.json").write_text('{"type": 7}'),
                            "schema/case-study.schema.json: not a usable JSON Schema"),
    "taxonomy broken": (lambda root: (root / "schema" / "taxonomy.yaml").write_text("ratings:\n  - id: a\n    id: b\n"),
                        "schema/taxonomy.yaml line 3: duplicate key 'id'"),
    "taxonomy term without label": (
        lambda root: (root / "schema" / "taxonomy.yaml").write_text(
            (root / "schema" / "taxonomy.yaml").read_text().replace("    label: Promising\n", "", 1)
        ),
        f"schema/taxonomy.yaml line {PROMISING_LINE}: each term of ratings needs id, label and description",
    ),
    "policy broken": (lambda root: (root / "schema" / "policy.yaml").write_text("review:\n  due_after_months: -1\n"),
                      "schema/policy.yaml line 2: review.due_after_months is -1"),
}  # fmt: skip


@pytest.mark.parametrize("fault", FAULTS, ids=str)
def test_a_set_up_fault_is_reported_by_both_commands(scratch_project, leeds_text, fault, tmp_path):
    project = scratch_project({"one.yaml": leeds_text.replace("id: leeds-family-valued", "id: one")})
    make_fault, message = FAULTS[fault]
    make_fault(project.root)
    checked = validate(project.root)
    assert checked.returncode == 2, checked.stdout + checked.stderr
    assert message in checked.stderr and "Traceback" not in checked.stderr, checked.stderr
    built = build(project.root, tmp_path / "site")
    assert built.returncode != 0
    assert message in built.stderr and "Traceback" not in built.stderr, built.stderr


def test_an_empty_collection_is_an_error_not_a_pass(scratch_project, tmp_path):
    project = scratch_project({})
    checked = validate(project.root)
    assert checked.returncode == 1
    assert "practice: error: holds no case studies" in checked.stdout.replace("\n  -", " ").replace("-", "") or (
        "holds no case studies" in checked.stdout
    )
    built = build(project.root, tmp_path / "site")
    assert built.returncode != 0 and "holds no case studies" in built.stderr and "Traceback" not in built.stderr


def test_a_fifo_named_like_a_case_study_is_reported_without_hanging(scratch_project, leeds_text):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    os.mkfifo(project.practice_dir / "pipe.yaml")
    whole = validate(project.root)  # reads every file
    named = validate(project.root, "practice/leeds-family-valued.yaml")  # peeks at the others' ids
    direct = validate(project.root, "practice/pipe.yaml")
    assert whole.returncode == 1 and "practice/pipe.yaml" in whole.stdout and "is not a regular file" in whole.stdout
    assert named.returncode == 0, named.stdout
    assert direct.returncode == 1 and "is not a regular file" in direct.stdout


def test_a_hidden_case_study_is_reported_not_skipped(scratch_project, leeds_text):
    project = scratch_project({".leeds-family-valued.yaml": leeds_text, ".gitkeep": ""})
    checked = validate(project.root)
    assert checked.returncode == 1
    assert "practice/.leeds-family-valued.yaml" in checked.stdout and "is hidden" in checked.stdout
    assert ".gitkeep" not in checked.stdout


def test_escape_sequences_in_a_file_name_do_not_reach_the_terminal(scratch_project, leeds_text):
    project = scratch_project({"bad\x1b[2Jname.yaml": leeds_text})
    checked = validate(project.root)
    assert "\x1b" not in checked.stdout and "bad\\x1b[2Jname.yaml" in checked.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("use_directory_urls: true", "use_directory_urls: false"), "use_directory_urls must be true"),
        (("docs_dir: docs", "docs_dir: elsewhere"), "elsewhere/contributing/format.md is missing"),
    ],
    ids=["flat urls", "another docs folder"],
)
def test_mkdocs_settings_the_core_depends_on_are_refused_when_changed(
    scratch_project, leeds_text, tmp_path, change, message
):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(*change), encoding="utf-8")
    (project.root / "elsewhere").mkdir()
    (project.root / "elsewhere" / "index.md").write_text("# Hand-written home\n", encoding="utf-8")
    built = build(project.root, tmp_path / "site")
    assert built.returncode != 0 and message in built.stderr and "Traceback" not in built.stderr, built.stderr


def test_a_schema_that_disagrees_with_the_taxonomy_is_a_set_up_fault(scratch_project, leeds_text, tmp_path):
    """A theme removed from the taxonomy but left in the schema once passed validation and then
    crashed the build."""
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    taxonomy = project.taxonomy_path.read_text(encoding="utf-8")
    start = taxonomy.index("  - id: disability")
    end = taxonomy.index("  - id:", start + 1)
    project.taxonomy_path.write_text(taxonomy[:start] + taxonomy[end:], encoding="utf-8")
    message = "schema/case-study.schema.json disagrees with schema/taxonomy.yaml; run: practice schema --write"
    checked = validate(project.root)
    assert checked.returncode == 2 and message in checked.stderr and "Traceback" not in checked.stderr
    built = build(project.root, tmp_path / "site")
    assert built.returncode != 0 and message in built.stderr and "Traceback" not in built.stderr


def test_a_schema_nested_too_deeply_is_a_set_up_fault(scratch_project, leeds_text):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    for depth in (600, 3000):
        project.schema_path.write_text('{"not":' * depth + "{}" + "}" * depth, encoding="utf-8")
        checked = validate(project.root)
        assert checked.returncode == 2 and "Traceback" not in checked.stderr, checked.stderr
        assert "schema/case-study.schema.json" in checked.stderr


def test_a_file_named_twice_is_checked_once(scratch_project, leeds_text):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    twice = validate(project.root, "practice/leeds-family-valued.yaml", "./practice/leeds-family-valued.yaml")
    assert twice.returncode == 0, twice.stdout


def test_output_cut_short_by_its_reader_is_not_a_traceback(scratch_project, leeds_text):
    project = scratch_project({f"bad-{n}.yaml": "title: [\n" for n in range(40)})
    result = subprocess.run(
        f"{sys.executable} -m generator.adapters.cli validate --no-cache | head -1",
        shell=True,
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "practice/bad-0.yaml" and "Traceback" not in result.stderr, result.stderr
