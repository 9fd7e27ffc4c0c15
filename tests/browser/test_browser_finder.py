"""The finder in a real browser: the right cards, the address, the keyboard, no JavaScript, and
a data file or a card that cannot be fetched."""

from __future__ import annotations

from functools import partial
from urllib.parse import parse_qs, urlsplit

import pytest

from benchmarks.synthetic import make_collection
from generator.check.collection import check_collection
from generator.config.project import Project
from tests.conftest import build
from tests.support.browser import serve


@pytest.fixture(scope="module")
def finder(browser, built_site):
    with serve(built_site) as url:
        yield browser, url + "finder/"


def visible_cards(page) -> list[str]:
    """The cards a reader sees, once those being fetched have come: the finder's results, or
    without JavaScript the page's own list."""
    page.wait_for_function("!document.querySelector('[data-finder-results][aria-busy]')")
    return page.eval_on_selector_all(
        "[data-finder-results] > li, [data-finder-list]:not([hidden]) > li",
        "nodes => nodes.filter(n => n.offsetParent !== null).map(n => n.dataset.caseStudy)",
    )


def option(page, group: str, term: str):
    return page.locator(f"input[name={group}][value={term}]")


def ranked_ids(case_studies, taxonomy):
    return [c.id for c in sorted(case_studies, key=lambda c: (taxonomy.ratings.rank(c.evidence.rating), c.title))]


def test_without_javascript_the_page_s_own_cards_show(finder, shipped, taxonomy):
    browser, url = finder
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    assert visible_cards(page) == ranked_ids(shipped.case_studies, taxonomy)[:50]
    assert page.locator("[data-finder]").is_hidden()
    context.close()


def test_filters_give_exactly_the_right_cards_and_survive_a_reload(finder, shipped, taxonomy):
    browser, url = finder
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    option(page, "theme", "safeguarding").check()
    option(page, "rating", "emerging").check()
    option(page, "rating", "promising").check()
    expected = [
        c for c in shipped.case_studies if "safeguarding" in c.themes and c.evidence.rating in ("emerging", "promising")
    ]
    assert visible_cards(page) == ranked_ids(expected, taxonomy)
    count = page.locator("[data-finder-count]").inner_text()
    assert count == f"{len(expected)} of {len(shipped.case_studies)} case studies match."
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"theme": ["safeguarding"], "rating": ["promising,emerging"]}
    page.reload()
    page.wait_for_load_state("networkidle")
    assert visible_cards(page) == ranked_ids(expected, taxonomy)
    assert option(page, "theme", "safeguarding").is_checked()
    page.close()


def test_words_and_a_shared_link_narrow_the_list(finder, shipped, taxonomy):
    browser, url = finder
    page = browser.new_page()
    page.goto(url + "?characteristic=evaluation-of-impact&region=yorkshire-and-the-humber&q=north")
    page.wait_for_load_state("networkidle")
    expected = [
        c
        for c in shipped.case_studies
        if "evaluation-of-impact" in c.characteristics
        and c.region == "yorkshire-and-the-humber"
        and "north" in (c.title + " " + c.locality).lower()
    ]
    assert expected, "the example should match something"
    assert visible_cards(page) == ranked_ids(expected, taxonomy)
    assert page.locator("#finder-q").input_value() == "north"
    page.close()


def test_works_with_the_keyboard(finder, shipped):
    browser, url = finder
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.locator("#finder-q").focus()
    while page.evaluate("document.activeElement.value") != "youth":  # Tab through the themes
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.locator("input[name=theme][value=youth]").is_checked()
    expected = {c.id for c in shipped.case_studies if "youth" in c.themes}
    assert expected and set(visible_cards(page)) == expected
    page.close()


@pytest.fixture(scope="module")
def large_finder(browser, tmp_path_factory):
    """A site of 120 synthetic case studies: more than one page of finder results."""
    root = make_collection(tmp_path_factory.mktemp("finder-120") / "project", 120)
    out = root / "site"
    result = build(root, out)
    assert result.returncode == 0, result.stderr
    collection = check_collection(Project(root))
    with serve(out) as url:
        yield browser, url + "finder/", collection.case_studies


def test_results_come_fifty_at_a_time_and_show_more_adds_the_next(large_finder, taxonomy):
    browser, url, case_studies = large_finder
    ranked = ranked_ids(case_studies, taxonomy)
    page = browser.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    more = page.get_by_role("button", name="Show more")
    assert page.locator("[data-finder-count]").inner_text() == "120 case studies."
    assert visible_cards(page) == ranked[:50]
    more.click()
    assert visible_cards(page) == ranked[:100]
    more.click()
    assert visible_cards(page) == ranked
    assert more.is_hidden()
    # A new choice starts again from the first fifty of its matches.
    themes_of = {c.id: c.themes for c in case_studies}
    commonest = max(taxonomy.themes.ids, key=lambda t: sum(t in v for v in themes_of.values()))
    option(page, "theme", commonest).check()
    matching = [i for i in ranked if commonest in themes_of[i]]
    assert len(matching) > 50, "the synthetic collection should need a second page here"
    assert visible_cards(page) == matching[:50]
    assert more.is_visible()
    page.close()


def test_a_phone_reader_can_skip_past_the_filters(large_finder):
    browser, url, _ = large_finder
    page = browser.new_page(viewport={"width": 375, "height": 700})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    skip = page.get_by_role("link", name="Skip to the results")
    assert skip.is_visible()
    skip.click()
    assert page.evaluate("document.activeElement.id") == "finder-results"
    count_box = page.locator("[data-finder-count]").bounding_box()
    assert count_box is not None and 0 <= count_box["y"] < 700  # the results are on screen
    page.close()


def test_the_page_holds_one_page_of_cards_and_without_javascript_leads_to_the_rest(large_finder, taxonomy):
    """Issue 28: the page listed every case study (about 20 MB at 10,000). It holds the first
    fifty, strongest evidence first, and a reader without JavaScript follows a link to the rating
    pages, which list every case study in the same order, fifty to a page."""
    browser, url, case_studies = large_finder
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(url)
    assert visible_cards(page) == ranked_ids(case_studies, taxonomy)[:50]
    assert page.locator("[data-finder-more]").is_hidden()
    rest = page.get_by_role("link", name="See all 120, strongest evidence first, by evidence rating")
    rest.click()
    listed = []
    for rating in page.locator(".facet-table th a").evaluate_all("links => links.map(a => a.href)"):
        while rating:
            page.goto(rating)
            listed += page.eval_on_selector_all(".case-study-list > li", "ns => ns.map(n => n.dataset.caseStudy)")
            following = page.locator("a[rel=next]")
            rating = following.evaluate("a => a.href") if following.count() else None
    assert listed == ranked_ids(case_studies, taxonomy)
    context.close()


def fulfil(answer: dict, route) -> None:
    route.fulfill(**answer)


def test_without_its_data_file_the_finder_says_so_and_leaves_the_page_as_it_is(large_finder, taxonomy):
    browser, url, case_studies = large_finder
    for answer, reason in (
        ({"status": 404}, "The finder's data file could not be fetched: error 404."),
        ({"body": "<html>", "content_type": "application/json"}, "The finder's data file is not JSON."),
        ({"json": {"format": 99}}, "The finder's data file is not of format 1."),
    ):
        page = browser.new_page()
        page.route("**/finder/data.json", partial(fulfil, answer))
        page.goto(url + "?theme=early-help")
        advice = page.locator("[data-finder-advice]")
        advice.wait_for()
        assert advice.inner_text() == f"The filters are not available just now; reload the page to try again. {reason}"
        assert visible_cards(page) == ranked_ids(case_studies, taxonomy)[:50]
        assert page.locator("[data-finder]").is_hidden() and page.locator("[data-finder-more]").is_hidden()
        assert page.get_by_role("link", name="See all 120, strongest evidence first, by evidence rating").is_visible()
        page.close()


def test_cards_that_come_late_never_land_in_a_newer_choice_s_list(large_finder, taxonomy):
    """Cards held back while the reader asks for more and then changes the choice: when they
    come, the list is the new choice's first fifty, once each, and no longer busy."""
    browser, url, case_studies = large_finder
    ranked = ranked_ids(case_studies, taxonomy)
    page = browser.new_page()
    held = []
    page.route("**/finder/cards/*.json", lambda route: held.append(route))
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_function("document.querySelector('[data-finder-results]:not([aria-busy])')")
    page.get_by_role("button", name="Show more").click()
    themes_of = {c.id: c.themes for c in case_studies}
    commonest = max(taxonomy.themes.ids, key=lambda t: sum(t in v for v in themes_of.values()))
    expected = [i for i in ranked if commonest in themes_of[i]][:50]
    assert set(expected) - set(ranked[:50]), "some of the new choice's cards must be fetched"
    option(page, "theme", commonest).check()
    page.wait_for_function("document.querySelector('[data-finder-results][data-stale]') !== null")
    asked = set(ranked[50:100]) | (set(expected) - set(ranked[:50]))  # "Show more", then the new choice
    for _ in range(100):  # the browser's requests reach the route one by one
        if len(held) >= len(asked):
            break
        page.wait_for_timeout(50)
    held_ids = {route.request.url.rsplit("/", 1)[1].removesuffix(".json"): route for route in held}
    assert set(held_ids) == asked
    late = set(held_ids) - set(expected)  # asked for by "Show more" only
    assert late, "some of the earlier cards are not the new choice's"
    for case_id in set(held_ids) - late:
        held_ids[case_id].continue_()
    page.wait_for_function("document.querySelector('[data-finder-results]:not([data-stale])')")
    for case_id in late:  # they come after the new choice's cards are in
        held_ids[case_id].continue_()
    page.wait_for_load_state("networkidle")
    assert visible_cards(page) == expected
    assert page.locator("[data-finder-results][data-stale]").count() == 0
    page.close()


def test_a_card_that_cannot_be_fetched_says_so_and_links_to_its_page(large_finder, taxonomy):
    """A card file missing, or holding another case study's card, shows a line saying so, with a
    link to the case study's page; the other cards of the page of results still come."""
    browser, url, case_studies = large_finder
    ranked = ranked_ids(case_studies, taxonomy)
    missing, swapped = ranked[50], ranked[51]
    page = browser.new_page()
    page.route(f"**/finder/cards/{missing}.json", lambda route: route.fulfill(status=500))
    page.route(
        f"**/finder/cards/{swapped}.json",
        lambda route: route.continue_(url=route.request.url.replace(swapped, missing)),
    )
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Show more").click()
    assert visible_cards(page) == ranked[:100]
    for case_id in (missing, swapped):
        card = page.locator(f"[data-finder-results] > li[data-case-study='{case_id}']")
        assert (
            card.inner_text()
            == f"The summary of {case_id} could not be fetched just now; reload the page to try again."
        )
        link = card.get_by_role("link", name=case_id)
        assert urlsplit(link.evaluate("a => a.href")).path.endswith(f"/practice/{case_id}/")
    assert page.locator(
        f"[data-finder-results] > li[data-case-study='{ranked[52]}'] .case-study-card__title"
    ).is_visible()
    page.close()


def in_sight(page, selector: str) -> bool:
    """Whether the element is on the screen, below the sticky header."""
    return page.locator(selector).evaluate(
        """e => {
            const r = e.getBoundingClientRect();
            const top = document.querySelector('.md-header').getBoundingClientRect().bottom;
            return r.height > 0 && r.top >= top - 1 && r.bottom <= innerHeight + 1;
        }"""
    )


def test_on_a_phone_the_results_come_first_and_the_count_stays_in_sight(finder, shipped):
    """Issue 26: at 375 px the results started 2,300 px down, below six filter groups, and after a
    tick the count was 1,400 px away. The filters are folded under "Filters"; while they are open,
    a bar at the bottom of the screen says how many case studies the choices give; tapping it
    folds the filters and shows the results. Expected counts come from the YAML."""
    import yaml

    from tests.conftest import REPO

    data = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "practice").glob("*.yaml"))]
    browser, url = finder
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert in_sight(page, "[data-finder-count]")  # on the first screen
    toggle = page.get_by_role("button", name="Filters")
    assert toggle.get_attribute("aria-expanded") == "false" and option(page, "theme", "safeguarding").is_hidden()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    themed = [d for d in data if "safeguarding" in d["themes"]]
    young = [d for d in themed if "early-years" in d["audience"]["age_groups"]]
    assert 1 < len(young) < len(themed)
    for box, expected in ((option(page, "theme", "safeguarding"), themed), (option(page, "age", "early-years"), young)):
        box.scroll_into_view_if_needed()
        box.check()
        bar = page.locator("[data-finder-show]")
        page.wait_for_function(f"document.querySelector('[data-finder-show]').textContent.includes('{len(expected)} ')")
        assert bar.inner_text() == f"Show {len(expected)} case studies"
        assert in_sight(page, "[data-finder-show]")
    assert page.locator("[data-finder-summary]").inner_text() == "Filters (2 chosen)"
    page.locator("[data-finder-show]").click()
    assert toggle.get_attribute("aria-expanded") == "false" and option(page, "theme", "safeguarding").is_hidden()
    assert in_sight(page, "[data-finder-count]")
    assert page.locator("[data-finder-count]").inner_text() == f"{len(young)} of {len(data)} case studies match."
    assert parse_qs(urlsplit(page.url).query) == {"theme": ["safeguarding"], "age": ["early-years"]}
    page.close()


def test_on_a_wide_screen_the_filters_are_open_beside_the_results(finder):
    browser, url = finder
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-finder-summary]").is_hidden() and page.locator("[data-finder-show]").is_hidden()
    assert option(page, "theme", "youth").is_visible()
    page.close()


def test_on_a_phone_no_focused_box_hides_under_the_bar(finder):
    """WCAG 2.4.11: tabbing through the open filters at 375 px, each box that takes the focus is
    scrolled into sight above the "Show N case studies" bar, not under it."""
    browser, url = finder
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Filters").click()
    boxes = page.locator(".finder__groups input[type=checkbox]:not([disabled])").count()
    assert boxes > 20
    hidden = []
    for _ in range(boxes + 1):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => {
                const box = document.activeElement, bar = document.querySelector('[data-finder-show]');
                if (box.type !== 'checkbox') return null;
                return [box.value, box.getBoundingClientRect().bottom, bar.getBoundingClientRect().top];
            }"""
        )
        if where and where[1] > where[2]:
            hidden.append(where[0])
    assert hidden == []
    page.close()
