"""The corpus of bad examples: each file must produce exactly the problems paired with it."""

from __future__ import annotations

import json
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
import yaml

from generator.check.collection import validate
from generator.check.schema_validator import SchemaValidator
from generator.config.project import Project
from generator.load.strict_yaml import YamlProblem, load_yaml
from tests.conftest import REPO, TODAY

EXAMPLES = REPO / "tests" / "examples"
NEGATIVE = sorted(p for p in (EXAMPLES / "negative").glob("*.yaml") if not p.name.endswith(".expected.yaml"))
POSITIVE = sorted((EXAMPLES / "positive").glob("*.yaml"))


def expected_for(path: Path) -> list[dict]:
    return yaml.safe_load(path.with_name(path.stem + ".expected.yaml").read_text(encoding="utf-8"))


def test_corpus_is_complete():
    assert len(NEGATIVE) >= 30
    for path in NEGATIVE:
        assert path.with_name(path.stem + ".expected.yaml").is_file(), f"{path.name} has no expected problems"


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_bad_example_gives_exactly_its_expected_problems(path):
    report = validate(Project(REPO), [path], today=TODAY)
    errors = report.errors
    expected = expected_for(path)
    assert len(errors) == len(expected), [(p.line, p.field, p.message) for p in errors]
    for want in expected:
        matches = [
            p
            for p in errors
            if p.line == want["line"]
            and p.field == want["field"]
            and want["message"] in p.message
            and want.get("hint", "") in p.hint
        ]
        assert matches, f"expected {want}, got {[(p.line, p.field, p.message, p.hint) for p in errors]}"
        assert matches[0].file == f"tests/examples/negative/{path.name}"


@pytest.mark.parametrize("path", POSITIVE, ids=lambda p: p.stem)
def test_good_example_is_clean(path):
    report = validate(Project(REPO), [path], today=TODAY)
    assert report.problems == []


def test_two_files_claiming_one_id_are_both_reported():
    folder = EXAMPLES / "duplicate-ids"
    report = validate(Project(REPO), sorted(folder.glob("*.yaml")), today=TODAY)
    duplicate = {p.file: p for p in report.errors if "is also used by" in p.message}
    assert set(duplicate) == {"tests/examples/duplicate-ids/copy.yaml", "tests/examples/duplicate-ids/shared-id.yaml"}
    assert all(p.line == 2 and p.field == "id" for p in duplicate.values())


def test_new_file_clashing_with_the_collection_is_caught(scratch_project, repo):
    """Checking one changed file (as pre-commit does) still checks ids across the collection."""
    leeds = (repo.practice_dir / "leeds-family-valued.yaml").read_text(encoding="utf-8")
    project = scratch_project({"leeds-family-valued.yaml": leeds})
    newcomer = project.practice_dir / "newcomer.yaml"
    newcomer.write_text(leeds.replace("id: leeds-family-valued", "id: newcomer"), encoding="utf-8")
    assert validate(project, [newcomer], today=TODAY).errors == []
    newcomer.write_text(leeds, encoding="utf-8")
    messages = [p.message for p in validate(project, [newcomer], today=TODAY).errors]
    assert "id 'leeds-family-valued' is also used by practice/leeds-family-valued.yaml" in messages


def test_fast_and_detailed_validators_agree():
    """jsonschema-rs decides "valid?"; Python's jsonschema explains. They must never disagree."""
    validator = SchemaValidator.from_file(REPO / "schema" / "case-study.schema.json")
    for path in [*NEGATIVE, *POSITIVE, *sorted((REPO / "practice").glob("*.yaml"))]:
        try:
            data = load_yaml(path.read_bytes().decode("utf-8-sig"))
        except (YamlProblem, UnicodeDecodeError):
            continue
        detailed_errors = list(validator._detailed.iter_errors(data))
        assert validator.is_valid(data) == (not detailed_errors), path.name


def test_billion_laughs_is_rejected_in_bounded_memory():
    """(How fast hostile files are answered is measured by benchmarks/hostile.py, not here.)"""
    text = (EXAMPLES / "negative" / "billion-laughs.yaml").read_text(encoding="utf-8")
    tracemalloc.start()
    with pytest.raises(YamlProblem):
        load_yaml(text)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_whole_corpus_in_one_command_run():
    """Every bad file reported in one run, grouped by file, with no traceback."""
    files = [str(p.relative_to(REPO)) for p in NEGATIVE]
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "validate", "--no-cache", "--format", "json", *files],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    report = json.loads(result.stdout)
    assert report["files_checked"] == len(NEGATIVE)
    assert report["error_count"] == sum(len(expected_for(p)) for p in NEGATIVE)
    assert {p["file"] for p in report["problems"]} == set(files)


def test_two_files_that_each_say_they_developed_a_model_are_both_reported(scratch_project, repo):
    leeds = (repo.practice_dir / "leeds-family-valued.yaml").read_text(encoding="utf-8")
    darlington = (repo.practice_dir / "darlington-family-valued.yaml").read_text(encoding="utf-8")
    assert "  role: adopted\n" in darlington
    project = scratch_project(
        {
            "leeds-family-valued.yaml": leeds,
            "darlington-family-valued.yaml": darlington.replace("  role: adopted\n", "  role: originated\n"),
        }
    )
    errors = validate(project, today=TODAY).errors
    assert sorted((p.file, p.field) for p in errors) == [
        ("practice/darlington-family-valued.yaml", "model.role"),
        ("practice/leeds-family-valued.yaml", "model.role"),
    ]
    lines = {p.file: p.line for p in errors}
    for name, text in (("leeds-family-valued", leeds), ("darlington-family-valued", darlington)):
        assert (
            lines[f"practice/{name}.yaml"]
            == text.splitlines().index("  role: " + text.split("  role: ")[1].split("\n")[0]) + 1
        )
    assert all("model 'family-valued' is also said to have been developed by" in p.message for p in errors)
    # With the role put right, the collection is valid again.
    (project.practice_dir / "darlington-family-valued.yaml").write_text(darlington, encoding="utf-8")
    assert validate(project, today=TODAY).errors == []


@pytest.mark.parametrize(
    "rewrite",
    [
        lambda text: text.replace("\nid: ", '\n"id": ', 1),  # a quoted key
        lambda text: text.replace("\n", "\r"),  # old Mac line endings
    ],
    ids=["quoted id key", "carriage returns only"],
)
def test_a_duplicate_id_written_unusually_is_found_and_located(scratch_project, repo, rewrite):
    """Once the id's line came from a regular expression, which missed these: no line in the
    message, and a check of the one file said it was valid."""
    leeds = (repo.practice_dir / "leeds-family-valued.yaml").read_text(encoding="utf-8")
    project = scratch_project({"leeds-family-valued.yaml": rewrite(leeds)})
    newcomer = project.practice_dir / "newcomer.yaml"
    newcomer.write_text(rewrite(leeds), encoding="utf-8")
    [problem] = [p for p in validate(project, [newcomer], today=TODAY).errors if "is also used by" in p.message]
    assert problem.message == "id 'leeds-family-valued' is also used by practice/leeds-family-valued.yaml"
    assert problem.line == 2
    everything = [p for p in validate(project, today=TODAY).errors if "is also used by" in p.message]
    assert {(p.file, p.line) for p in everything} == {
        ("practice/newcomer.yaml", 2),
        ("practice/leeds-family-valued.yaml", 2),
    }
