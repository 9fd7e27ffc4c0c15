"""Build the real site with MkDocs and check what a reader would see."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from generator.project import Project
from tests.conftest import REPO
from tests.site_html import read_page


def build(project_root: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project_root / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
    )


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build(REPO, out)
    assert result.returncode == 0, result.stderr
    return out


def test_every_case_study_has_its_page(built_site, shipped):
    for case_study in shipped.case_studies:
        page = read_page(built_site / "practice" / case_study.id / "index.html")
        assert page.h1 == [case_study.title]
        assert page.title.startswith(case_study.title + " - ")
        assert " ".join(case_study.summary.split()) in page.text
        assert case_study.locality in page.text
        for outcome in case_study.outcomes:
            assert " ".join(outcome.measure.split()) in page.text
        for source in case_study.sources:
            assert " ".join(source.title.split()) in page.text


def test_home_lists_every_case_study_with_rating_counts(built_site, shipped, taxonomy):
    home = read_page(built_site / "index.html")
    for case_study in shipped.case_studies:
        assert f"practice/{case_study.id}/" in home.links
    for rating in taxonomy.ratings.terms:
        count = sum(c.evidence.rating == rating.id for c in shipped.case_studies)
        noun = "study" if count == 1 else "studies"
        assert f"{rating.label} {count} case {noun}" in home.text


def test_about_page_explains_every_rating_and_characteristic(built_site, taxonomy):
    about = read_page(built_site / "about" / "evidence" / "index.html")
    for term in (*taxonomy.ratings.terms, *taxonomy.characteristics.terms):
        assert term.id in about.ids
        assert " ".join(term.description.split()) in about.text
    assert "applied by this repository's editors" in about.text


def test_every_internal_link_resolves(built_site):
    pages = sorted(built_site.rglob("*.html"))
    ids = {path: read_page(path).ids for path in pages}
    broken = []
    for path in pages:
        for link in read_page(path).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # 404.html links from the root, wherever it is served
                target = built_site / unquote(parts.path).lstrip("/")
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(built_site)} -> {link}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids.get(target, set()):
                broken.append(f"{path.relative_to(built_site)} -> {link} (no such anchor)")
    assert broken == []


def test_no_page_loads_anything_from_another_host(built_site):
    """font: false and no CDN: a reader's browser asks no third party for anything."""
    for path in built_site.rglob("*.html"):
        page = read_page(path)
        assert page.resources, path
        assert [r for r in page.resources if urlsplit(r).netloc or r.startswith("//")] == [], path


PAYLOAD_TITLE = '<script>alert("title")</script> {{ config.site_name }} & Sons'
PAYLOAD_SUMMARY = '<img src=x onerror=alert("summary")> and a {% include "base.html" %} tag in the summary.'
# Accepted by validation (plain text may contain any characters), so it reaches the renderer.
PAYLOAD_DESCRIPTION = (
    "Text with {{ config }} and {% include 'base.html' %} and a [link](https://example.org/\"onmouseover=\"alert(3)) "
    "and &lt;script&gt;alert(7)&lt;/script&gt; written as entities. This sentence pads it past the minimum length."
)


def test_injection_payloads_are_inert(leeds_text, scratch_project, tmp_path_factory):
    data = yaml.safe_load(leeds_text)
    data.update(
        title=PAYLOAD_TITLE,
        locality="<b onmouseover=alert(4)>Leeds</b>",
        summary=PAYLOAD_SUMMARY,
        description=PAYLOAD_DESCRIPTION,
    )
    data["outcomes"][0]["measure"] = "<svg onload=alert(5)>"
    data["sources"][0]["url"] = 'https://example.org/"><script>alert(6)</script>'
    hostile = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    project: Project = scratch_project({"leeds-family-valued.yaml": hostile})
    out = tmp_path_factory.mktemp("hostile-site")
    result = build(project.root, out)
    assert result.returncode == 0, result.stderr

    for path in out.rglob("*.html"):
        page = read_page(path)
        assert not any("alert" in script for script in page.scripts), path
        assert page.event_handlers == [], path
        assert not any(link.lower().startswith(("javascript:", "data:")) for link in page.links), path
    case_page = read_page(out / "practice" / "leeds-family-valued" / "index.html")
    # The reader sees the contributed text exactly as typed, never evaluated.
    assert case_page.h1 == [PAYLOAD_TITLE]
    assert case_page.title == f"{PAYLOAD_TITLE} - Effective Practice Repository"
    assert PAYLOAD_SUMMARY in case_page.text
    assert "{{ config }}" in case_page.text


def test_invalid_collection_stops_the_build_with_a_located_message(leeds_text, scratch_project, tmp_path_factory):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text.replace("locality:", "localty:")})
    out = tmp_path_factory.mktemp("broken-site")
    result = build(project.root, out)
    assert result.returncode != 0
    assert "practice/leeds-family-valued.yaml" in result.stderr
    assert "unknown field 'localty'" in result.stderr
    assert "did you mean 'locality'?" in result.stderr
    assert "Traceback" not in result.stderr
