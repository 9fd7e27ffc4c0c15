"""The evidence gap map, for both choices of rows, against counts computed from the YAML files
themselves, and its cells in a browser."""

from __future__ import annotations

import re
from html import unescape

import pytest
import yaml

from tests.conftest import REPO
from tests.support.browser import serve
from tests.unit.model.test_impact_evidence import STRONGEST_FIRST, expected_impact

# (page, data-row key in the map, the finder's key, the terms a case study's YAML carries)
AXES = {
    "themes": ("gap-map/index.html", "theme", lambda data: set(data["themes"])),
    "outcomes": ("gap-map/outcomes/index.html", "outcome", lambda data: {o["domain"] for o in data["outcomes"]}),
}
CELL = re.compile(
    r'<td class="gap-map__cell gap-map__cell--shade-(\d)" data-row="([^"]+)" '
    r'data-characteristic="([^"]+)" data-count="(\d+)">(.*?)</td>'
)


def yaml_collection() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "practice").glob("*.yaml"))]


def cells_in(html: str) -> dict[tuple[str, str], tuple[int, int, str]]:
    return {(row, ch): (int(count), int(shade), inner) for shade, row, ch, count, inner in CELL.findall(html)}


@pytest.mark.parametrize("axis", AXES)
def test_every_cell_counts_the_case_studies_from_the_yaml(built_site, taxonomy, axis):
    page, finder_key, rows_of = AXES[axis]
    rows = taxonomy.themes.ids if axis == "themes" else taxonomy.outcome_domains.ids
    html = (built_site / page).read_text(encoding="utf-8")
    cells = cells_in(html)
    assert len(cells) == len(rows) * len(taxonomy.characteristics.ids)
    empty = sum(count == 0 for count, _, _ in cells.values())
    assert (
        "Empty cells are gaps: practice nobody has documented here yet. "
        f"On this map, {empty} of {len(cells)} cells are gaps." in html
    )
    collection = yaml_collection()
    fullest = max(
        sum(1 for d in collection if row in rows_of(d) and ch in d["characteristics"])
        for row in rows
        for ch in taxonomy.characteristics.ids
    )
    for row in rows:
        for characteristic in taxonomy.characteristics.ids:
            members = [d for d in collection if row in rows_of(d) and characteristic in d["characteristics"]]
            count, shade, inner = cells[(row, characteristic)]
            assert count == len(members), (row, characteristic)
            if members:
                href = re.search(r'class="gap-map__link" href="([^"]+)"', inner).group(1)
                up = "../" if axis == "themes" else "../../"
                assert unescape(href) == f"{up}finder/?{finder_key}={row}&characteristic={characteristic}"
                assert shade == -(-count * 4 // fullest)  # darker by count, in 4 steps: the fullest is darkest
                for rating in taxonomy.ratings.terms:  # each rating's count, in words
                    n = sum(d["evidence"]["rating"] == rating.id for d in members)
                    assert (f"{n} {rating.label.lower()}" in re.sub(r"<[^>]+>", "", inner)) == (n > 0)
            else:
                assert shade == 0 and "None yet" in inner and "propose one" in inner
                assert "finder" not in inner  # an empty cell does not open an empty finder
    assert any(count == 0 for count, _, _ in cells.values()), "the shipped collection has gaps"


def test_the_reader_chooses_the_rows(built_site):
    themes = (built_site / "gap-map" / "index.html").read_text(encoding="utf-8")
    outcomes = (built_site / "gap-map" / "outcomes" / "index.html").read_text(encoding="utf-8")
    assert 'href="outcomes/">Outcomes</a>' in themes and 'aria-current="page">Themes<' in themes
    assert 'href="../">Themes</a>' in outcomes and 'aria-current="page">Outcomes<' in outcomes
    for html in (themes, outcomes):
        assert "<caption>" in html and 'scope="col"' in html and 'scope="row"' in html


@pytest.mark.parametrize("axis", AXES)
def test_a_cell_leads_to_the_matching_case_studies(browser, built_site, axis):
    page_path, _, rows_of = AXES[axis]
    collection = yaml_collection()
    cells = cells_in((built_site / page_path).read_text(encoding="utf-8"))
    (row, characteristic), _ = max(cells.items(), key=lambda item: item[1][0])  # the fullest cell
    with serve(built_site) as url:
        page = browser.new_page()
        page.goto(url + page_path.removesuffix("index.html"))
        page.locator(f'td[data-row="{row}"][data-characteristic="{characteristic}"] a').click()
        page.wait_for_load_state("networkidle")
        shown = page.eval_on_selector_all("[data-finder-results] > li", "nodes => nodes.map(n => n.dataset.caseStudy)")
        expected = {d["id"] for d in collection if row in rows_of(d) and characteristic in d["characteristics"]}
        assert expected and set(shown) == expected
        page.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_cells_look_like_links_and_row_labels_stay_in_view(browser, built_site, width):
    with serve(built_site) as url:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(url + "gap-map/outcomes/")
        link = page.locator(".gap-map__link").first
        style = link.evaluate("a => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).borderTopStyle]")
        assert style == ["underline", "solid"]
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        # Sticky: scrolled sideways, the row label sits at the left edge of the box that
        # scrolls (Material wraps tables in one of its own), in view.
        scrolled, label_x, edge_x = page.locator(".gap-map tbody th").first.evaluate(
            """th => {
                let box = th.parentElement;
                while (box.parentElement && box.scrollWidth <= box.clientWidth) box = box.parentElement;
                box.scrollLeft = 400;
                return [box.scrollLeft, th.getBoundingClientRect().x, box.getBoundingClientRect().x];
            }"""
        )
        if width == 1280:
            assert scrolled == 0  # it fits: nothing scrolls
        else:
            assert scrolled > 0, "on a phone the map is wider than the screen"
            assert abs(label_x - edge_x) < 1
        page.close()


IMPACT_CELL = re.compile(
    r'<td class="gap-map__cell gap-map__cell--shade-(\d)" data-row="([^"]+)" '
    r'data-impact="([^"]+)" data-count="(\d+)">(.*?)</td>'
)


def test_the_impact_evidence_map_counts_from_the_yaml(built_site, taxonomy):
    """Outcome areas against impact evidence within each area, recomputed from each file by the
    definition's plain reading (tests/unit/model/test_impact_evidence.py), not by the site's
    code; each cell names its case studies, as the finder cannot filter within an area."""
    html = (built_site / "gap-map" / "impact-evidence" / "index.html").read_text(encoding="utf-8")
    cells = {(row, col): (int(count), inner) for _, row, col, count, inner in IMPACT_CELL.findall(html)}
    columns = [*STRONGEST_FIRST, "none"]
    assert len(cells) == len(taxonomy.outcome_domains.ids) * len(columns)
    collection = yaml_collection()
    # A gap is an empty cell under a design of improvement, in an area that is not a count of activity.
    outputs = {t.id for t in taxonomy.outcome_domains.terms if t.kind == "output"}
    open_cells = [
        (r, c) for r in taxonomy.outcome_domains.ids if r not in outputs for c in STRONGEST_FIRST if c != "count"
    ]
    gaps = sum(cells[key][0] == 0 for key in open_cells)
    assert f"On this map, {gaps} of {len(open_cells)} cells are gaps." in html
    assert "Empty cells under counts and \u201cNone held\u201d are not gaps" in html
    for row in taxonomy.outcome_domains.ids:
        for column in columns:
            members = [
                d
                for d in collection
                if row in {o["domain"] for o in d["outcomes"]}
                and expected_impact(d["outcomes"], d["sources"], row) == column
            ]
            count, inner = cells[(row, column)]
            assert count == len(members), (row, column)
            named = re.findall(r'<a href="\.\./\.\./practice/([a-z0-9-]+)/">', inner)
            assert set(named) <= {d["id"] for d in members} and len(named) == min(3, len(members)), (row, column)
            assert "finder" not in inner
