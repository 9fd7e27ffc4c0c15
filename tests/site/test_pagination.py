"""A term with more case studies than one page shows is split across numbered pages, and a
reader can reach every case study, in order, by the links between them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from benchmarks.synthetic import make_collection
from generator.check.collection import check_collection
from generator.config.project import Project
from generator.config.taxonomy import Taxonomy
from generator.render.pagination import Pagination
from tests.conftest import build
from tests.site.test_html_valid import nu_errors
from tests.support.link_crawl import crawl, target_of
from tests.support.site_html import read_page

PER_PAGE = 50  # the and the finder's page: written here, not read from the code
FOLDERS = {
    "ratings": lambda c: {c.evidence.rating},
    "themes": lambda c: set(c.themes),
    "characteristics": lambda c: set(c.characteristics),
    "outcomes": lambda c: {o.domain for o in c.outcomes},
    "regions": lambda c: {c.region},
    "models": lambda c: {c.model.id} if c.model else set(),
}


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> tuple[Path, Project]:
    project = Project(make_collection(tmp_path_factory.mktemp("big") / "project", 130))
    site = tmp_path_factory.mktemp("big-site")
    result = build(project.root, site)
    assert result.returncode == 0, result.stderr
    return site, project


def expected_order(project: Project, folder: str, term_id: str) -> list[str]:
    taxonomy = Taxonomy.load(project.taxonomy_path)
    members = [c for c in check_collection(project).case_studies if term_id in FOLDERS[folder](c)]
    return [c.id for c in sorted(members, key=lambda c: (taxonomy.ratings.rank(c.evidence.rating), c.title))]


def pages_by_next(site: Path, first: Path) -> list[Path]:
    """The term's pages as a reader reaches them: the first, then each Next link."""
    pages, page = [], first
    while page is not None:
        pages.append(page)
        nexts = re.findall(r'<a href="([^"]+)" rel="next">', page.read_text(encoding="utf-8"))
        assert len(nexts) <= 1
        page = target_of(site, page, nexts[0])[0] if nexts else None
        assert len(pages) < 100
    return pages


def shown_pages(number: int, count: int) -> list[int | None]:
    """The GOV.UK rule, written out: the first and last pages, this one and those either side;
    None for each run of pages left out."""
    shown: list[int | None] = []
    for page in range(1, count + 1):
        if page in (1, count) or abs(page - number) <= 1:
            shown.append(page)
        elif shown[-1] is not None:
            shown.append(None)
    return shown


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_case_study_of_a_term_is_reached_once_in_order_across_its_pages(big, folder):
    site, project = big
    taxonomy = Taxonomy.load(project.taxonomy_path)
    split = 0
    for term in getattr(taxonomy, "outcome_domains" if folder == "outcomes" else folder).terms:
        expected = expected_order(project, folder, term.id)
        first = site / folder / term.id / "index.html"
        pages = pages_by_next(site, first)
        count = max(1, -(-len(expected) // PER_PAGE))
        assert len(pages) == count, term.id
        seen = []
        for number, path in enumerate(pages, start=1):
            page = read_page(path)
            assert len(page.cards) <= PER_PAGE
            seen += page.cards
            assert page.h1 == [term.label]
            noun = "study" if len(expected) == 1 else "studies"
            if count == 1:
                assert f"{len(expected)} case {noun}, strongest evidence first." in page.text
                assert "Pages of case studies" not in path.read_text(encoding="utf-8")
                assert not (site / folder / term.id / "page").exists()
                continue
            split += 1
            low, high = (number - 1) * PER_PAGE + 1, min(number * PER_PAGE, len(expected))
            assert f"{len(expected)} case studies, strongest evidence first: {low} to {high} on this page." in page.text
            suffix = "" if number == 1 else f" (page {number} of {count})"
            assert page.title.startswith(f"{term.label}{suffix} - ")
            if number > 1:
                assert path == site / folder / term.id / "page" / str(number) / "index.html"
        assert seen == expected, term.id
    if folder in ("ratings", "themes", "characteristics", "outcomes"):
        assert split, f"no term of {folder} had more than {PER_PAGE} case studies: the test proves nothing"


def test_the_links_between_pages_follow_the_govuk_pattern(big):
    site, _ = big
    for first in sorted(site.glob("*/*/page")):
        term = first.parent
        pages = pages_by_next(site, term / "index.html")
        for number, path in enumerate(pages, start=1):
            html = path.read_text(encoding="utf-8")
            nav = html.split('<nav class="pagination" aria-label="Pages of case studies">', 1)[1].split("</nav>", 1)[0]
            linked = re.findall(r'<a href="([^"]+)" aria-label="Page (\d+)"( aria-current="page")?>(\d+)</a>', nav)
            shown = [int(label) for _, label, _, text in linked]
            assert [int(text) for *_, text in linked] == shown
            expected = shown_pages(number, len(pages))
            assert shown == [n for n in expected if n is not None]
            assert nav.count("⋯") == expected.count(None)
            assert [int(label) for _, label, current, _ in linked if current] == [number]
            for href, label, _, _ in linked:
                assert target_of(site, path, href)[0] == pages[int(label) - 1]
            assert ('rel="prev"' in nav) == (number > 1)
            assert ('rel="next"' in nav) == (number < len(pages))


def test_no_link_is_broken_and_every_page_is_reached(big):
    site, _ = big
    result = crawl(site)
    assert result.broken == []
    assert [p for p in result.unreachable if "/page/" in p] == []


def test_the_numbered_pages_are_valid_html(big, tmp_path):
    site, _ = big
    assert nu_errors(site / "themes") == []


@given(st.integers(min_value=1, max_value=60).flatmap(lambda n: st.tuples(st.integers(1, n), st.just(n))))
def test_page_links_match_the_rule_for_any_page_of_any_length(number_and_count):
    number, count = number_and_count
    paths = tuple(f"p{n}" for n in range(1, count + 1))
    items = Pagination(number, paths, count * PER_PAGE).items()
    assert [None if item is None else item[0] for item in items] == shown_pages(number, count)
    assert all(item is None or item[1] == paths[item[0] - 1] for item in items)


def test_a_models_side_by_side_table_names_at_most_a_pages_worth(big, monkeypatch):
    """Shown here with pages of three, since no model of the synthetic collection has 50."""
    from collections import Counter

    from generator.render import pagination, site
    from generator.site_build import SiteSettings, build_site

    _, project = big
    monkeypatch.setattr(pagination, "CARDS_PER_PAGE", 3)
    monkeypatch.setattr(site, "CARDS_PER_PAGE", 3)
    outputs = build_site(project, SiteSettings())
    models = Counter(c.model.id for c in check_collection(project).case_studies if c.model)
    model, members = models.most_common(1)[0]
    assert members > 3
    html = outputs.pages[f"models/{model}.md"].body().html
    table = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert table.count("<tr>") == 3
    assert f"The first 3 of {members} case studies here of " in html
    pages = -(-members // 3)
    assert f"(all are listed below, across {pages} pages)" in html
    assert html.count('data-case-study="') == 3
    second = outputs.pages[f"models/{model}/page/2.md"].body().html
    assert "<table>" not in second and 'data-case-study="' in second
