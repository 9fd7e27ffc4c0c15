"""Build the real site with MkDocs and check what a reader would see."""

from __future__ import annotations

import json
import os
import re
import shutil
import struct
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from generator.config.project import Project
from tests.conftest import REPO, build
from tests.support.link_crawl import crawl, feed_links
from tests.support.site_html import read_page


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


def test_home_shows_counts_by_rating_and_the_newest_case_studies(built_site, shipped, taxonomy):
    home = read_page(built_site / "index.html")
    for rating in taxonomy.ratings.terms:
        count = sum(c.evidence.rating == rating.id for c in shipped.case_studies)
        assert f"{rating.label} {count} case {'study' if count == 1 else 'studies'}" in home.text
        assert f"ratings/{rating.id}/" in home.links
    for characteristic in taxonomy.characteristics.terms:
        assert f"characteristics/{characteristic.id}/" in home.links
    # "Recently updated": the latest days on which case studies were published or reviewed,
    # each naming the new ones (or, on a day with none, the reviewed ones), six at most
    # (strongest evidence first, then by title), then how many more, and how many others were
    # reviewed.
    rank = {r: i for i, r in enumerate(taxonomy.ratings.ids)}
    days = sorted({max(c.published, c.last_reviewed) for c in shipped.case_studies}, reverse=True)[:3]
    html = (built_site / "index.html").read_text(encoding="utf-8")
    listed = re.findall(
        r"<li><strong>(.*?)</strong>: (.*?)</li>", html.split('class="update-days"', 1)[1].split("</ul>")[0]
    )
    assert len(listed) == len(days)
    for (day_text, rest), day in zip(listed, days, strict=True):
        assert day_text == f"{day.day} {day:%B %Y}"
        on_day = sorted(
            (c for c in shipped.case_studies if max(c.published, c.last_reviewed) == day),
            key=lambda c: (rank[c.evidence.rating], c.title),
        )
        new = [c for c in on_day if c.published == day]
        named = new or on_day
        noun = "case study" if len(named) == 1 else "case studies"
        assert rest.startswith(f"{len(named)} {noun} {'published' if new else 'reviewed'}: "), rest
        assert re.findall(r'href="practice/([^/"]+)/"', rest) == [c.id for c in named[:6]]
        more = f"; and {len(named) - 6} more." if len(named) > 6 else "."
        others = len(on_day) - len(new)
        reviewed = f" {others} {'other was' if others == 1 else 'others were'} reviewed." if new and others else ""
        assert rest.endswith(more + reviewed), rest
    assert 'href="finder/?sort=updated"' in html


def ranked(case_studies, taxonomy):
    return [c.id for c in sorted(case_studies, key=lambda c: (taxonomy.ratings.rank(c.evidence.rating), c.title))]


FACET_MEMBERSHIP = {
    "ratings": lambda c: {c.evidence.rating},
    "characteristics": lambda c: set(c.characteristics),
    "themes": lambda c: set(c.themes),
    "regions": lambda c: {c.region},
}


@pytest.mark.parametrize("folder", FACET_MEMBERSHIP)
def test_every_index_lists_exactly_its_case_studies_once_strongest_first(built_site, shipped, taxonomy, folder):
    overview = read_page(built_site / folder / "index.html")
    for term in getattr(taxonomy, folder).terms:
        members = [c for c in shipped.case_studies if term.id in FACET_MEMBERSHIP[folder](c)]
        page = read_page(built_site / folder / term.id / "index.html")
        assert page.h1 == [term.label]
        assert page.cards == ranked(members, taxonomy)  # each exactly once, in order
        noun = "study" if len(members) == 1 else "studies"
        assert f"{len(members)} case {noun}, strongest evidence first" in page.text
        assert f"{term.id}/" in overview.links
        assert f"{term.label} {len(members)} " in overview.text
        if folder == "characteristics":
            for case_study in members:
                assert " ".join(case_study.characteristics[term.id].split()) in page.text


def test_case_study_page_links_to_its_indexes(built_site, shipped):
    for case_study in shipped.case_studies:
        page = read_page(built_site / "practice" / case_study.id / "index.html")
        for theme in case_study.themes:
            assert f"../../themes/{theme}/" in page.links
        for characteristic in case_study.characteristics:
            assert f"../../characteristics/{characteristic}/" in page.links
        assert f"../../regions/{case_study.region}/" in page.links
        assert f"../../about/evidence/#rating-{case_study.evidence.rating}" in page.links


def test_build_dates_come_from_the_data_not_the_clock(scratch_project, tmp_path_factory):
    """The only date MkDocs stamps on its output (the sitemap's) is the newest review."""
    example = (REPO / "tests" / "examples" / "positive" / "minimal-valid.yaml").read_text(encoding="utf-8")
    project = scratch_project({"minimal-valid.yaml": example})  # last reviewed 2026-11-01
    out = tmp_path_factory.mktemp("dated-site")
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    result = build(project.root, out, env=env)
    assert result.returncode == 0, result.stderr
    gzip_header = (out / "sitemap.xml.gz").read_bytes()[:10]
    assert struct.unpack("<I", gzip_header[4:8])[0] == int(datetime(2026, 11, 1, tzinfo=UTC).timestamp())


def test_two_builds_are_byte_identical(built_site, tmp_path_factory):
    again = tmp_path_factory.mktemp("site-again")
    result = build(REPO, again)
    assert result.returncode == 0, result.stderr
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_about_page_explains_every_rating_and_characteristic(built_site, taxonomy):
    about = read_page(built_site / "about" / "evidence" / "index.html")
    for prefix, terms in (("rating-", taxonomy.ratings.terms), ("characteristic-", taxonomy.characteristics.terms)):
        for term in terms:
            assert prefix + term.id in about.ids
            assert " ".join(term.description.split()) in about.text
    assert "applied by this repository's editors" in about.text


def test_every_internal_link_and_anchor_resolves_and_every_page_can_be_reached(built_site):
    result = crawl(built_site)
    assert result.broken == []
    # The server shows 404.html for a missing address; no page links to it.
    assert result.unreachable == ["404.html"]


def test_the_crawl_finds_broken_links_missing_anchors_and_orphans(built_site, tmp_path):
    site = shutil.copytree(built_site, tmp_path / "site")
    home = site / "index.html"
    home.write_text(
        home.read_text(encoding="utf-8").replace(
            "</main>", '<a href="practice/no-such-study/">x</a><a href="about/evidence/#no-such-rating">y</a></main>', 1
        ),
        encoding="utf-8",
    )
    feed = site / "feed.xml"
    feed.write_text(feed.read_text(encoding="utf-8").replace('href="practice/', 'href="practise/', 1), encoding="utf-8")
    (site / "orphan").mkdir()
    (site / "orphan" / "index.html").write_text("<html><body><a href='../'>home</a></body></html>", encoding="utf-8")

    result = crawl(site)
    assert sorted(result.broken) == sorted(
        [
            "index.html -> practice/no-such-study/ (no such file)",
            "index.html -> about/evidence/#no-such-rating (no such anchor)",
            next(f"feed.xml -> {link} (no such file)" for link in feed_links(feed) if link.startswith("practise/")),
        ]
    )
    assert result.unreachable == ["404.html", "orphan/index.html"]


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


# Blank lines, Markdown and HTML in plain-text fields. (Control characters such as a carriage
# return are refused by validation: tests/examples/negative/control-character-*.yaml.)
PAYLOAD_LINES = "First line.\n\n## Not a heading\n\n[click](javascript:alert(8))\n \n\n*stars* and <b>bold</b>"


def page_html(site: Path) -> str:
    return (site / "practice" / "leeds-family-valued" / "index.html").read_text(encoding="utf-8")


def test_injection_payloads_are_inert(leeds_text, scratch_project, tmp_path_factory):
    data = yaml.safe_load(leeds_text)
    data.update(
        title=PAYLOAD_TITLE,
        locality="<b onmouseover=alert(4)>Leeds</b>",
        summary=PAYLOAD_SUMMARY,
        description=PAYLOAD_DESCRIPTION,
    )
    data["outcomes"][0]["measure"] = "<svg onload=alert(5)>"
    # Blank lines and line breaks of every kind around Markdown: shown as text, never read as Markdown.
    data["outcomes"][0]["note"] = PAYLOAD_LINES
    data["characteristics"][next(iter(data["characteristics"]))] = PAYLOAD_LINES
    # The address rule refuses " < > (issue 22); an apostrophe and = are allowed, and must stay inside the attribute.
    data["sources"][0]["url"] = "https://example.org/'onmouseover='alert(6)'"
    data["outcomes"][0]["comparison"] = {"value": 600, "when": "<img src=x onerror=alert(9)>"}  # 515 beats it
    hostile = yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    project: Project = scratch_project({"leeds-family-valued.yaml": hostile})
    taxonomy = project.root / "schema" / "taxonomy.yaml"
    adopters = "    adopters: >-\n      Through the Strengthening"
    text = taxonomy.read_text(encoding="utf-8")
    assert adopters in text
    taxonomy.write_text(
        text.replace(adopters, "    adopters: >-\n      <script>alert(10)</script> Through the Strengthening")
    )
    out = tmp_path_factory.mktemp("hostile-site")
    result = build(project.root, out)
    assert result.returncode == 0, result.stderr

    for path in out.rglob("*.html"):
        page = read_page(path)
        assert not any("alert" in script for script in page.scripts), path
        for block in page.data_blocks:  # JSON-LD: the payloads as data, with no markup to close the element
            json.loads(block)
            assert "<" not in block and ">" not in block, path
        assert page.event_handlers == [], path
        assert not any(link.lower().startswith(("javascript:", "data:")) for link in page.links), path
    case_page = read_page(out / "practice" / "leeds-family-valued" / "index.html")
    # The reader sees the contributed text exactly as typed, never evaluated.
    assert case_page.h1 == [PAYLOAD_TITLE]
    assert case_page.title == f"{PAYLOAD_TITLE} - Effective Practice Repository"
    assert PAYLOAD_SUMMARY in case_page.text
    assert "{{ config }}" in case_page.text
    assert case_page.text.count("[click](javascript:alert(8))") == 2
    assert "Not a heading" not in " ".join(case_page.h1) and "<h2>Not a heading" not in page_html(out)
    assert "<em>stars</em>" not in page_html(out)
    assert "<img src=x onerror=alert(9)>" in case_page.text  # a comparison group's label, as text
    model_page = read_page(out / "models" / "family-valued" / "index.html")
    assert "<script>alert(10)</script> Through the Strengthening" in model_page.text  # taxonomy text, as text


def test_hand_written_pages_may_link_to_anchors_in_generated_html(leeds_text, scratch_project, tmp_path_factory):
    """MkDocs checks anchors in Markdown links; ids inside generated HTML count as anchors."""
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    page = project.root / "docs" / "linking.md"
    page.write_text("# Linking\n\n[What it means](about/evidence.md#rating-fully-validated)\n", encoding="utf-8")
    result = build(project.root, tmp_path_factory.mktemp("anchor-site"))
    assert result.returncode == 0, result.stderr
    page.write_text("# Linking\n\n[Nowhere](about/evidence.md#no-such-rating)\n", encoding="utf-8")
    result = build(project.root, tmp_path_factory.mktemp("bad-anchor-site"))
    assert result.returncode != 0
    assert "does not contain an anchor '#no-such-rating'" in result.stderr


def test_invalid_collection_stops_the_build_with_a_located_message(leeds_text, scratch_project, tmp_path_factory):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text.replace("locality:", "localty:")})
    out = tmp_path_factory.mktemp("broken-site")
    result = build(project.root, out)
    assert result.returncode != 0
    assert "practice/leeds-family-valued.yaml" in result.stderr
    assert "unknown field 'localty'" in result.stderr
    assert "did you mean 'locality'?" in result.stderr
    assert "Traceback" not in result.stderr
