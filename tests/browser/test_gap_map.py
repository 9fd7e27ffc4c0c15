"""The evidence gap map, for both choices of rows, against counts computed from the YAML files
themselves, and its cells in a browser."""

from __future__ import annotations

import csv
import io
import re
from html import unescape

import pytest
import yaml

from tests.conftest import REPO
from tests.support.browser import serve
from tests.unit.model.test_impact_evidence import STRONGEST_FIRST, expected_impact


def _themes(data: dict) -> set[str]:
    return set(data["themes"])


def _outcome_areas(data: dict) -> set[str]:
    return {o["domain"] for o in data["outcomes"]}


def _characteristics(data: dict) -> set[str]:
    return set(data["characteristics"])


# Each map whose cells open the finder: (page, rows' finder key, the row terms a case study's
# YAML carries, the columns' finder key, the column terms it carries, the vocabularies' names).
AXES = {
    "themes": ("gap-map/index.html", "theme", _themes, "characteristic", _characteristics),
    "outcomes": ("gap-map/outcomes/index.html", "outcome", _outcome_areas, "characteristic", _characteristics),
    "themes-outcomes": ("gap-map/themes-outcomes/index.html", "theme", _themes, "outcome", _outcome_areas),
}
VOCABULARY = {"theme": "themes", "outcome": "outcome_domains", "characteristic": "characteristics"}


def cell_pattern(column_key: str) -> re.Pattern[str]:
    return re.compile(
        r'<td class="gap-map__cell gap-map__cell--shade-(\d)" data-row="([^"]+)" '
        rf'data-{column_key}="([^"]+)" data-count="(\d+)">(.*?)</td>'
    )


def yaml_collection() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((REPO / "practice").glob("*.yaml"))]


def cells_in(html: str, column_key: str = "characteristic") -> dict[tuple[str, str], tuple[int, int, str]]:
    return {
        (row, col): (int(count), int(shade), inner)
        for shade, row, col, count, inner in cell_pattern(column_key).findall(html)
    }


@pytest.mark.parametrize("axis", AXES)
def test_every_cell_counts_the_case_studies_from_the_yaml(built_site, taxonomy, axis):
    page, row_key, rows_of, column_key, columns_of = AXES[axis]
    rows = getattr(taxonomy, VOCABULARY[row_key]).ids
    columns = getattr(taxonomy, VOCABULARY[column_key]).ids
    html = (built_site / page).read_text(encoding="utf-8")
    cells = cells_in(html, column_key)
    assert len(cells) == len(rows) * len(columns)
    empty = sum(count == 0 for count, _, _ in cells.values())
    assert (
        "Empty cells are gaps: practice nobody has documented here yet. "
        f"On this map, {empty} of {len(cells)} cells are gaps." in html
    )
    collection = yaml_collection()
    fullest = max(
        sum(1 for d in collection if row in rows_of(d) and column in columns_of(d))
        for row in rows
        for column in columns
    )
    up = "../" if page.count("/") == 1 else "../../"
    for row in rows:
        for column in columns:
            members = [d for d in collection if row in rows_of(d) and column in columns_of(d)]
            count, shade, inner = cells[(row, column)]
            assert count == len(members), (row, column)
            if members:
                href = re.search(r'class="gap-map__link" href="([^"]+)"', inner).group(1)
                assert unescape(href) == f"{up}finder/?{row_key}={row}&{column_key}={column}"
                assert shade == -(-count * 4 // fullest)  # darker by count, in 4 steps: the fullest is darkest
                for rating in taxonomy.ratings.terms:  # each rating's count, in words
                    n = sum(d["evidence"]["rating"] == rating.id for d in members)
                    assert (f"{n} {rating.label.lower()}" in re.sub(r"<[^>]+>", "", inner)) == (n > 0)
            else:
                assert shade == 0 and "None yet" in inner and "propose one" in inner
                # An empty cell invites a proposal on the form, and never opens an empty finder.
                assert f'href="{up}contributing/propose/"' in inner and "finder" not in inner
    assert any(count == 0 for count, _, _ in cells.values()), "the shipped collection has gaps"


MAP_PAGES = {
    "gap-map/impact-evidence/index.html": "Outcomes by impact evidence",
    "gap-map/themes-outcomes/index.html": "Themes by outcome",
    "gap-map/index.html": "Themes by characteristic",
    "gap-map/outcomes/index.html": "Outcomes by characteristic",
}


def test_the_reader_chooses_the_map(built_site):
    """Every map offers every other, in the same order, the commissioner's question first; the
    site menu opens that one."""
    for page, title in MAP_PAGES.items():
        html = (built_site / page).read_text(encoding="utf-8")
        offered = re.search(r'<nav class="gap-map__axes" aria-label="Other maps"><p>Maps: (.*?)</p></nav>', html).group(
            1
        )
        names = re.findall(r">([^<>]+)</(?:a|strong)>", offered)
        assert names == list(MAP_PAGES.values())
        assert f'aria-current="page">{title}</strong>' in offered
        assert "<caption" in html and 'scope="col"' in html and 'scope="row"' in html
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="gap-map/impact-evidence/" class="md-nav__link"' in home
    assert 'href="gap-map/" class="md-nav__link"' not in home


@pytest.mark.parametrize("axis", AXES)
def test_a_cell_leads_to_the_matching_case_studies(browser, built_site, axis):
    page_path, _, rows_of, column_key, columns_of = AXES[axis]
    collection = yaml_collection()
    cells = cells_in((built_site / page_path).read_text(encoding="utf-8"), column_key)
    (row, column), _ = max(cells.items(), key=lambda item: item[1][0])  # the fullest cell
    with serve(built_site) as url:
        page = browser.new_page()
        page.goto(url + page_path.removesuffix("index.html"))
        page.locator(f'td[data-row="{row}"][data-{column_key}="{column}"] a').click()
        page.wait_for_load_state("networkidle")
        shown = page.eval_on_selector_all("[data-finder-results] > li", "nodes => nodes.map(n => n.dataset.caseStudy)")
        expected = {d["id"] for d in collection if row in rows_of(d) and column in columns_of(d)}
        assert expected and set(shown) == expected
        page.close()


@pytest.mark.parametrize("width", [1280, 375])
def test_cells_look_like_links(browser, built_site, width):
    with serve(built_site) as url:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(url + "gap-map/outcomes/")
        link = page.locator(".gap-map__link").first
        style = link.evaluate("a => [getComputedStyle(a).textDecorationLine, getComputedStyle(a).borderTopStyle]")
        assert style == ["underline", "solid"]
        box = link.bounding_box()
        assert box["width"] >= 24 and box["height"] >= 24
        page.close()


@pytest.mark.parametrize("width", [320, 375, 1280])
@pytest.mark.parametrize("map_page", MAP_PAGES)
def test_headings_stay_in_view_wherever_the_map_is_scrolled(browser, built_site, width, map_page):
    """Scrolled to its far corner, a map still shows which column and which row each cell is
    in: the column headings sit at the top of the map's box and the row labels at its left,
    the box is never taller than the screen below the site's header, and the page itself
    does not scroll sideways."""
    with serve(built_site) as url:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(url + map_page.removesuffix("index.html"))
        found = page.evaluate(
            """() => {
                const box = document.querySelector(".gap-map");
                box.scrollIntoView();  // as a link or the keyboard brings it: below the site's header
                box.scrollTo(box.scrollWidth, box.scrollHeight);
                const seen = (element) => {  // what the reader sees at the element's middle is the element
                    const r = element.getBoundingClientRect();
                    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                    return Boolean(hit) && (element === hit || element.contains(hit));
                };
                const edge = box.getBoundingClientRect();
                const inside = edge.top + box.clientTop, left = edge.left + box.clientLeft;
                const heading = document.querySelector(".gap-map thead th:last-child").getBoundingClientRect();
                const label = document.querySelector(".gap-map tbody tr:last-child th").getBoundingClientRect();
                const header = document.querySelector(".md-header").getBoundingClientRect();
                return {
                    seen: [seen(document.querySelector(".gap-map thead th:last-child")),
                           seen(document.querySelector(".gap-map tbody tr:last-child th"))],
                    scrolled: [box.scrollLeft, box.scrollTop],
                    heading: heading.top - inside, label: label.left - left,
                    boxBottom: edge.bottom, boxTop: edge.top, headerBottom: header.bottom,
                    screen: innerHeight, pageWide: document.documentElement.scrollWidth - innerWidth,
                };
            }"""
        )
        assert found["seen"] == [True, True], found  # nothing, the site's header included, covers them
        assert found["scrolled"][1] > 0, "the map is taller than its box"
        assert abs(found["heading"]) < 1, found
        assert abs(found["label"]) < 1, found
        if width < 1280:
            assert found["scrolled"][0] > 0, "on a phone the map is wider than the screen"
        assert found["boxBottom"] - found["boxTop"] <= found["screen"] - found["headerBottom"], found
        assert found["pageWide"] == 0, found
        page.close()


FOCUSED_IN_MAP = """() => {
    const focused = document.activeElement;
    if (!focused.closest(".gap-map")) return null;
    const r = focused.getClientRects()[0];  // its first line: a wrapped link's box holds gaps
    const hit = document.elementFromPoint(r.left + Math.min(4, r.width / 2), r.top + r.height / 2);
    const seen = Boolean(hit) && (focused === hit || focused.contains(hit));
    return {text: focused.textContent.trim().slice(0, 40), seen};
}"""


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("map_page", MAP_PAGES)
def test_no_focused_cell_hides_under_the_sticky_headings(browser, built_site, width, map_page):
    """Tabbing through a map, every link that takes the focus can be seen where it is: none
    sits under the sticky column headings, the row labels or the site's header (WCAG 2.4.11)."""
    with serve(built_site) as url:
        page = browser.new_page(viewport={"width": width, "height": 800})
        page.goto(url + map_page.removesuffix("index.html"))
        page.focus(".gap-map__axes a")
        focused, hidden = 0, []
        for _ in range(400):
            page.keyboard.press("Tab")
            found = page.evaluate(FOCUSED_IN_MAP)
            if found is None:
                if focused:
                    break
                continue
            focused += 1
            if not found["seen"]:
                hidden.append(found["text"])
        assert focused >= 20 and hidden == [], (focused, hidden[:5])
        page.close()


IMPACT_CELL = re.compile(
    r'<td class="gap-map__cell gap-map__cell--shade-(\d)(?: gap-map__cell--not-a-gap)?" data-row="([^"]+)" '
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
    text = (built_site / "data" / "gap-map-outcomes-impact-evidence.csv").read_text("utf-8")
    table = list(csv.DictReader(io.StringIO(text)))
    assert {(line["outcome_id"], line["impact_evidence_id"]) for line in table if line["gap"] == "yes"} == {
        key for key in open_cells if cells[key][0] == 0
    }, "the CSV marks as gaps the cells the page counts, and only those"
    by_cell = {(line["outcome_id"], line["impact_evidence_id"]): line for line in table}
    assert len(by_cell) == len(cells)
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
            if not members:  # only a gap invites a proposal; a cell no case study could fill says so
                gap = (row, column) in open_cells
                assert ("propose one" in inner) == gap and ("not a gap" in inner) == (not gap), (row, column)
            line = by_cell[(row, column)]  # the CSV holds the same case studies, by rating too
            assert set(filter(None, line["case_study_ids"].split("; "))) == {d["id"] for d in members}
            for rating in taxonomy.ratings.ids:
                expected = sum(d["evidence"]["rating"] == rating for d in members)
                assert int(line[f"rated_{rating.replace('-', '_')}"]) == expected
            named = re.findall(r'<a href="\.\./\.\./practice/([a-z0-9-]+)/">', inner)
            assert set(named) <= {d["id"] for d in members} and len(named) == min(3, len(members)), (row, column)
            assert "finder" not in inner


@pytest.mark.parametrize("axis", AXES)
def test_each_map_downloads_as_csv_with_the_yaml_counts(built_site, taxonomy, axis):
    """The map's CSV, linked from its page, has one row per cell with the case studies the YAML
    puts there, each rating's count, and whether the empty cell is a gap."""
    page, row_key, rows_of, column_key, columns_of = AXES[axis]
    html = (built_site / page).read_text(encoding="utf-8")
    href = re.search(r'<a href="([^"]+\.csv)" download>Download this map as CSV</a>', html).group(1)
    table = list(csv.DictReader(io.StringIO((built_site / page).parent.joinpath(href).read_text(encoding="utf-8"))))
    rows = getattr(taxonomy, VOCABULARY[row_key]).terms
    columns = getattr(taxonomy, VOCABULARY[column_key]).terms
    assert len(table) == len(rows) * len(columns)
    collection = yaml_collection()
    found = iter(table)
    for row in rows:
        for column in columns:
            line = next(found)
            members = [d for d in collection if row.id in rows_of(d) and column.id in columns_of(d)]
            assert list(line.values())[:4] == [row.id, row.label, column.id, column.label]
            assert int(line["case_studies"]) == len(members)
            assert set(filter(None, line["case_study_ids"].split("; "))) == {d["id"] for d in members}
            for rating in taxonomy.ratings.ids:
                expected = sum(d["evidence"]["rating"] == rating for d in members)
                assert int(line[f"rated_{rating.replace('-', '_')}"]) == expected
            assert line["gap"] == ("yes" if not members else "no")
