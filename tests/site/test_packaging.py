"""The package as users install it: a wheel, in a fresh virtual environment outside the
repository, builds a site. (An editable install hides a subpackage or a template left out of
the wheel: generator.search once was.)"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

from tests.conftest import REPO, copy_site_setup


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=600, env=env, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def test_a_wheel_installed_outside_the_repository_builds_the_site(tmp_path):
    source = tmp_path / "source"  # a clean copy: no .venv, no site/, no caches
    shutil.copytree(
        REPO,
        source,
        ignore=shutil.ignore_patterns(".venv", "node_modules", "site", ".*cache*", ".git", "*.egg-info", "build"),
    )
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", tmp_path / "dist", ".", cwd=source)
    [wheel] = (tmp_path / "dist").glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for module in REPO.glob("generator/**/*"):
        if module.suffix in (".py", ".j2", ".tmpl"):
            assert module.relative_to(REPO).as_posix() in names, f"{module} is missing from the wheel"

    # A fresh environment whose only copy of the package is the wheel; its dependencies are
    # borrowed from the test environment's site-packages (a path, so its editable install of
    # this repository is not loaded).
    environment = tmp_path / "env"
    venv.create(environment, with_pip=False)
    python = environment / "bin" / "python"
    site_packages = Path(
        run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))", cwd=tmp_path).stdout.strip()
    )
    (site_packages / "borrowed.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--quiet", wheel, cwd=tmp_path)
    where = run(python, "-c", "import generator; print(generator.__file__)", cwd=tmp_path).stdout
    assert where.startswith(str(site_packages)), where

    project = tmp_path / "project"
    project.mkdir()
    copy_site_setup(project)
    shutil.copytree(REPO / "practice", project / "practice")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    checked = run(environment / "bin" / "practice", "validate", "--no-cache", cwd=project, env=env)
    assert "case studies valid" in checked.stdout
    run(python, "-m", "mkdocs", "build", "--strict", "-d", tmp_path / "site", cwd=project, env=env)
    assert (tmp_path / "site" / "practice" / "leeds-family-valued" / "index.html").is_file()
    assert (tmp_path / "site" / "search-index" / "index.json").is_file()
