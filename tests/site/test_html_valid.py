"""Every page of the built site is valid HTML by the Nu HTML Checker (vnu.jar, pinned in
package-lock.json; it needs Java 11 or newer). Material's own errors are fixed in
site_overrides/ (base.html, partials/nav-item.html, partials/toc.html), not excluded here.

Without Java or vnu.jar these tests fail and say how to install them: they never skip."""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tests.conftest import REPO

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class NuError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def java_path() -> str:
    path = shutil.which("java")
    if path is None:
        raise RuntimeError(
            "Java is not installed; the Nu HTML Checker needs Java 11 or newer. "
            "Install Debian's package: apt-get install default-jre-headless"
        )
    return path


def vnu_jar() -> Path:
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing. Install the npm packages: bash scripts/setup.sh test")
    return VNU_JAR


def nu_errors(site: Path) -> list[NuError]:
    """One run of the checker over every HTML file under `site`; its errors, file by file."""
    command = [java_path(), "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--skip-non-html", str(site)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    try:
        report = json.loads(result.stderr)  # vnu writes its JSON report to standard error
    except json.JSONDecodeError:
        raise AssertionError(f"vnu.jar did not report (exit {result.returncode}):\n{result.stderr[-2000:]}") from None
    errors = sorted((_error(site, message) for message in report["messages"]), key=lambda e: (e.file, e.line))
    assert (result.returncode == 0) == (not errors), f"vnu.jar exited {result.returncode}:\n{result.stderr[-2000:]}"
    return errors


def _error(site: Path, message: dict[str, object]) -> NuError:
    path = Path(unquote(urlsplit(str(message.get("url", ""))).path))
    file = path.relative_to(site).as_posix() if path.is_relative_to(site) else str(path)
    line = message.get("lastLine", message.get("firstLine", 0))
    return NuError(file, line if isinstance(line, int) else 0, f"{message.get('type')}: {message.get('message')}")


def test_every_page_of_the_site_is_valid_html(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20, f"only {len(pages)} HTML files in {built_site}"
    errors = nu_errors(built_site)
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(map(str, errors))


def test_the_check_reports_each_planted_error(built_site: Path, tmp_path: Path) -> None:
    """The errors Material's templates used to make, planted in one page beside a good one."""
    shutil.copy(built_site / "index.html", tmp_path / "index.html")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "index.html").write_text(
        '<!doctype html>\n<html lang="en"><head><title>Bad</title></head><body>\n'
        '<input type="checkbox" id="__drawer" autocomplete="off">\n'
        '<label for="__drawer" tabindex="">Menu</label>\n'
        '<label for="__toc">Table of contents</label>\n'
        "</body></html>\n",
        encoding="utf-8",
    )
    errors = nu_errors(tmp_path)
    assert [(error.file, error.line) for error in errors] == [("bad/index.html", line) for line in (3, 4, 5)]
    assert "autocomplete" in errors[0].message
    assert "tabindex" in errors[1].message
    assert "for" in errors[2].message
