"""The files that wire the validator into editors' and CI's workflows say what they must."""

from __future__ import annotations

import yaml

from tests.conftest import REPO


def test_pull_request_workflow_is_read_only_and_never_privileged():
    text = (REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    assert "secrets." not in text
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert ".venv/bin/practice validate --no-cache" in steps
    assert ".venv/bin/practice build" in steps
    uploads = [s for job in workflow["jobs"].values() for s in job["steps"] if "upload-artifact" in s.get("uses", "")]
    assert uploads and uploads[0]["with"]["path"] == "site/"


def test_pre_commit_hook_runs_the_validator_on_case_studies():
    [hook] = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["entry"] == "practice validate"
    assert hook["files"] == "^practice/"
    assert hook["language"] == "python"
