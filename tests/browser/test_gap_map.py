"""The evidence gap map against counts computed from the YAML, and its cells in a browser."""

from __future__ import annotations

import re
from html import unescape

from tests.support.browser import launch_chromium, serve


def cells_in(html: str) -> dict[tuple[str, str], tuple[int, str]]:
    found = {}
    for theme, characteristic, count, inner in re.findall(
        r'data-theme="([^"]+)" data-characteristic="([^"]+)" data-count="(\d+)"><a href="([^"]+)"', html
    ):
        found[(theme, characteristic)] = (int(count), unescape(inner))
    return found


def test_every_cell_counts_the_case_studies_from_the_yaml(built_site, shipped, taxonomy):
    html = (built_site / "gap-map" / "index.html").read_text(encoding="utf-8")
    cells = cells_in(html)
    assert len(cells) == len(taxonomy.themes.ids) * len(taxonomy.characteristics.ids)
    for theme in taxonomy.themes.ids:
        for characteristic in taxonomy.characteristics.ids:
            members = [c for c in shipped.case_studies if theme in c.themes and characteristic in c.characteristics]
            count, link = cells[(theme, characteristic)]
            assert count == len(members), (theme, characteristic)
            assert link == f"../finder/?theme={theme}&characteristic={characteristic}"
    assert any(count == 0 for count, _ in cells.values()), "the shipped collection has gaps"


def test_gaps_and_ratings_read_without_colour(built_site):
    html = (built_site / "gap-map" / "index.html").read_text(encoding="utf-8")
    for cell in re.findall(r'<td class="gap-map__cell[^"]*"[^>]*>(.*?)</td>', html):
        text = re.sub(r"<[^>]+>", " ", cell)
        assert re.search(r"\b0\b.*gap|\d+ (fully validated|promising|emerging)", text), text
    assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html


def test_a_cell_leads_to_the_matching_case_studies(built_site, shipped):
    with serve(built_site) as url, launch_chromium() as browser:
        page = browser.new_page()
        page.goto(url + "gap-map/")
        page.locator('td[data-theme="safeguarding"][data-characteristic="evaluation-of-impact"] a').click()
        page.wait_for_load_state("networkidle")
        shown = page.eval_on_selector_all("[data-finder-results] > li", "nodes => nodes.map(n => n.dataset.caseStudy)")
        expected = {
            c.id
            for c in shipped.case_studies
            if "safeguarding" in c.themes and "evaluation-of-impact" in c.characteristics
        }
        assert expected and set(shown) == expected
