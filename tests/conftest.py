from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from generator.check.collection import Collection, check_collection
from generator.config.project import Project
from generator.config.taxonomy import Taxonomy

REPO = Path(__file__).resolve().parent.parent
# A fixed "today" so that date rules give the same answer whenever the tests run.
TODAY = date(2026, 12, 6)
# Everything a site build needs besides the case studies.
SITE_FILES = ("mkdocs.yml", "docs", "site_overrides", "schema")


def copy_site_setup(root: Path) -> None:
    """Everything a site build needs besides practice/, copied from the repository into `root`."""
    for name in SITE_FILES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)


@pytest.fixture(scope="session")
def repo() -> Project:
    return Project(REPO)


@pytest.fixture(scope="session")
def taxonomy(repo: Project) -> Taxonomy:
    return Taxonomy.load(repo.taxonomy_path)


@pytest.fixture(scope="session")
def shipped(repo: Project) -> Collection:
    return check_collection(repo, today=TODAY)


@pytest.fixture
def leeds_text(repo: Project) -> str:
    """A known-good case study to mutate into bad ones: a frozen copy of an early version of
    the shipped Leeds file, so that editing the collection cannot change what the tests test."""
    return (repo.root / "tests" / "examples" / "base" / "leeds-family-valued.yaml").read_text(encoding="utf-8")


@pytest.fixture
def scratch_project(tmp_path: Path) -> Callable[[dict[str, str | bytes]], Project]:
    """A copy of the repository's site set-up with the given practice/ files instead of ours."""

    def make(files: dict[str, str | bytes]) -> Project:
        copy_site_setup(tmp_path)
        practice = tmp_path / "practice"
        practice.mkdir()
        for name, content in files.items():
            target = practice / name
            if isinstance(content, bytes):
                target.write_bytes(content)
            else:
                target.write_text(content, encoding="utf-8")
        return Project(tmp_path)

    return make


def build(project_root: Path, out: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_root / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env={**(env if env is not None else os.environ), "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    return out


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run in which no test passed proves nothing: fail it, even if nothing failed."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and exitstatus == 0 and not reporter.stats.get("passed"):
        reporter.write_line("ERROR: no test passed (all skipped or none collected)", red=True)
        session.exitstatus = 1
