"""The files a contributor meets on GitHub: issue forms, the review checklist, the citation and the licence.

Each is checked against something outside this repository where one exists: GitHub's issue-form
and issue-config schemas and the Citation File Format 1.2.0 schema, as vendored by
check-jsonschema (no network), and the MIT licence text as pytest ships it.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from datetime import date
from importlib.metadata import distribution
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import yaml

from generator.config.publication import CASE_STUDY_FIELD, CORRECTION_FORM, NEW_CASE_STUDY_FORM, SITE_PROBLEM_FORM
from tests.conftest import REPO

FORMS_FOLDER = REPO / ".github" / "ISSUE_TEMPLATE"
FORMS = (NEW_CASE_STUDY_FORM, CORRECTION_FORM, SITE_PROBLEM_FORM)
ISSUE_CONFIG = FORMS_FOLDER / "config.yml"
PR_TEMPLATE = REPO / ".github" / "pull_request_template.md"
CITATION = REPO / "CITATION.cff"
LICENSE = REPO / "LICENSE"

# A form whose field has no label: GitHub refuses to show it.
UNLABELLED_FORM = """name: Broken
description: A field without its label.
body:
  - type: input
    id: case-study
    attributes:
      description: The label is missing.
"""


class _AnyTagLoader(yaml.SafeLoader):
    """Safe loading that reads unknown tags (mkdocs.yml may gain Material's !!python/name:...) as nothing."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def mkdocs_config() -> dict[str, Any]:
    return yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)


def load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def check_jsonschema(schema: str, *paths: Path) -> list[dict[str, Any]]:
    """The errors check-jsonschema finds in `paths` against one of its vendored schemas (offline)."""
    assert find_spec("check_jsonschema"), "check-jsonschema is missing: run bash scripts/setup.sh test"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--output-format=json",
            "--force-filetype=yaml",
            f"--builtin-schema={schema}",
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.lstrip().startswith("{"), result.stderr
    report = json.loads(result.stdout)
    assert report.get("parse_errors", []) == [], report
    assert (result.returncode == 0) == (report["status"] == "ok") == (report["errors"] == []), report
    return report["errors"]


def test_the_forms_the_site_links_to_are_the_forms_there_are():
    assert sorted(p.name for p in FORMS_FOLDER.iterdir()) == sorted([*FORMS, ISSUE_CONFIG.name])


def test_every_issue_form_passes_githubs_schema_which_refuses_a_broken_one(tmp_path):
    assert check_jsonschema("vendor.github-issue-forms", *(FORMS_FOLDER / name for name in FORMS)) == []
    broken = tmp_path / "broken.yml"
    broken.write_text(UNLABELLED_FORM, encoding="utf-8")
    [error] = check_jsonschema("vendor.github-issue-forms", broken)
    assert error["path"] == "$.body[0].attributes"
    assert "'label' is a required property" in error["message"]


def test_the_issue_config_passes_its_schema_and_allows_no_blank_issues(tmp_path):
    assert check_jsonschema("vendor.github-issue-config", ISSUE_CONFIG) == []
    assert load(ISSUE_CONFIG)["blank_issues_enabled"] is False
    broken = tmp_path / "config.yml"
    broken.write_text("blank_issues_enabled: no thanks\n", encoding="utf-8")
    assert check_jsonschema("vendor.github-issue-config", broken) != []


def test_the_correction_form_has_the_field_the_case_study_pages_fill_in():
    fields = [item for item in load(FORMS_FOLDER / CORRECTION_FORM)["body"] if item.get("id") == CASE_STUDY_FIELD]
    assert [item["type"] for item in fields] == ["input"]


def test_every_form_says_issues_are_public_and_asks_for_no_personal_data():
    for name in FORMS:
        body = load(FORMS_FOLDER / name)["body"]
        notes = " ".join(item["attributes"]["value"] for item in body if item["type"] == "markdown")
        assert "This issue is public" in notes, name
        assert "personal data about children, young people or families" in notes, name
        confirmations = [
            option
            for item in body
            if item["type"] == "checkboxes"
            for option in item["attributes"]["options"]
            if "no personal data" in option["label"]
        ]
        assert [option.get("required") for option in confirmations] == [True], name


def test_links_into_the_repository_point_at_files_that_exist_on_the_published_branch():
    config = mkdocs_config()
    branch = re.fullmatch(r"edit/(.+)/docs/", config["edit_uri"]).group(1)
    prefix = f"{config['repo_url']}/blob/{branch}/"
    links = [
        link
        for path in (ISSUE_CONFIG, PR_TEMPLATE)
        for link in re.findall(r"https://github\.com/[^\s)>\"']+", path.read_text(encoding="utf-8"))
    ]
    assert len(links) >= 2
    for link in links:
        assert link.startswith(prefix), link
        assert (REPO / link.removeprefix(prefix)).is_file(), link


def test_the_review_checklist_follows_c4eos_four_stages_in_order():
    text = PR_TEMPLATE.read_text(encoding="utf-8")
    stages = re.findall(r"^- \[ \] \*\*(\w+)\*\*", text, flags=re.MULTILINE)
    assert stages == ["Screening", "Standards", "Decision", "Feedback"]
    decision = text[text.index("**Decision**") : text.index("**Feedback**")]
    for choice in ("publish at the rating proposed", "publish at a lower rating", "not yet"):
        assert choice in decision
    assert "schema/taxonomy.yaml" in text and "About the evidence" in text


def test_the_citation_passes_the_cff_schema_and_agrees_with_the_project(tmp_path):
    assert check_jsonschema("vendor.citation-file-format", CITATION) == []
    wrong_version = tmp_path / "CITATION.cff"
    wrong_version.write_text(CITATION.read_text(encoding="utf-8").replace("cff-version: 1.2.0", "cff-version: 1.1.0"))
    assert check_jsonschema("vendor.citation-file-format", wrong_version) != []

    citation = load(CITATION)
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    config = mkdocs_config()
    assert citation["cff-version"] == "1.2.0"
    assert citation["type"] == "dataset"
    assert citation["title"] == config["site_name"]
    assert citation["version"] == project["version"]
    assert citation["repository-code"] == config["repo_url"]
    assert citation["authors"] == [{"name": config["extra"]["publication"]["publisher"]}]
    assert citation["license"] == "CC-BY-4.0"
    assert citation["date-released"] == date(2026, 11, 24)


def test_the_licence_is_the_mit_text_pyproject_names():
    assert tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["license"] == "MIT"
    text = LICENSE.read_text(encoding="utf-8")
    assert text.splitlines()[:3] == ["MIT License", "", "Copyright (c) 2026 Effective Practice Repository editors"]
    # pytest (MIT) ships the same terms under its own copyright line.
    [pytest_licence] = [f for f in distribution("pytest").files or [] if f.name == "LICENSE"]

    def terms(licence: str) -> list[str]:
        return licence.split("Permission is hereby granted", 1)[1].split()

    assert terms(text) == terms(pytest_licence.read_text(encoding="utf-8"))
