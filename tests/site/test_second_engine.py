"""ProperDocs, the maintained fork of MkDocs 1.x, builds the same site as MkDocs 1.6.1.

MkDocs 1.x is frozen and Material's end of life is 5 May 2027 (README, "Dependencies and the
engine"). ProperDocs is the way out that keeps the theme and the plugin; this test proves the
move is a change of command, not of site: every page and data file either engine writes is
compared byte for byte, and each difference the test allows is listed below with its reason.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO

# What may differ between the engines' sites, and why. Each entry is checked to occur, so
# the list cannot outlive the difference it excuses.
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="([^"]*)">')
ALLOWED_DIFFERENCES = {
    "the generator tag names the engine": (
        # Each page says which engine built it (base.html), which is its purpose: a mirror's
        # maintainer can tell which engine built the copy in front of them.
        GENERATOR_TAG,
        b"mkdocs-1.6.1, mkdocs-material-9.8.1",
        b"mkdocs-ProperDocs 1.6.7, mkdocs-material-9.8.1",
    ),
}


def build_with(engine: str, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "build", "--engine", engine, "-q", "--site-dir", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
        timeout=300,
    )


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("properdocs-site")
    result = build_with("properdocs", out)
    assert result.returncode == 0, result.stderr
    # It really was ProperDocs: its name is on the page.
    assert b"ProperDocs 1.6.7" in (out / "index.html").read_bytes()
    return out


def test_properdocs_writes_the_same_files_as_mkdocs(built_site, properdocs_site):
    assert sorted(files(properdocs_site)) == sorted(files(built_site))


def test_every_page_and_data_file_is_the_same_but_for_the_listed_differences(built_site, properdocs_site):
    mkdocs_files, properdocs_files = files(built_site), files(properdocs_site)
    seen = set()
    differing = []
    for name, mkdocs_bytes in mkdocs_files.items():
        properdocs_bytes = properdocs_files.get(name)
        if properdocs_bytes == mkdocs_bytes:
            continue
        for reason, (pattern, mkdocs_value, properdocs_value) in ALLOWED_DIFFERENCES.items():
            if pattern.findall(mkdocs_bytes) == [mkdocs_value] and pattern.findall(properdocs_bytes or b"") == [
                properdocs_value
            ]:
                seen.add(reason)
                mkdocs_bytes = pattern.sub(b"", mkdocs_bytes)
                properdocs_bytes = pattern.sub(b"", properdocs_bytes or b"")
        if mkdocs_bytes != properdocs_bytes:
            differing.append(name)
    assert differing == [], "these files differ beyond the listed differences"
    assert seen == set(ALLOWED_DIFFERENCES), "a listed difference no longer occurs: take it off the list"


def test_every_page_carries_the_allowed_difference_once_so_nothing_else_hides_behind_it(properdocs_site):
    pages = [p for p in properdocs_site.rglob("*.html")]
    assert len(pages) > 50
    for page in pages:
        assert len(GENERATOR_TAG.findall(page.read_bytes())) == 1, page


def test_the_pins_keep_mkdocs_below_2_and_pin_both_engines():
    """MkDocs 2 has no plugins and refuses mkdocs.yml; an unpinned upgrade would break the build."""
    declared = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    constraints = (REPO / "requirements" / "constraints.txt").read_text(encoding="utf-8").splitlines()
    for pins in (declared, constraints):
        versions = dict(line.split("==") for line in pins if "==" in line and not line.startswith("#"))
        assert versions["mkdocs"].split(".")[0] == "1"
        assert versions["properdocs"] == "1.6.7"
        assert versions["mkdocs-material"] == "9.8.1"
