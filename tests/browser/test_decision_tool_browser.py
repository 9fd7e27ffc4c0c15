"""The decision tool in Chromium at desktop and phone widths: the "At a glance" panel and
outcomes with nothing off-screen, the finder's counts, sort and advice, tap targets, and the
site's name on a phone. Expected values come from the YAML files, read here with PyYAML."""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import REPO

WIDTHS = [1280, 375]
DATA = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "practice").glob("*.yaml"))}


def open_page(browser, site_url, path, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(site_url + path)
    page.wait_for_load_state("networkidle")
    return page


def open_filters(page):
    """On a phone the finder's filters are folded under "Filters": open them as a reader would."""
    toggle = page.get_by_role("button", name="Filters")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


@pytest.mark.parametrize("width", WIDTHS)
def test_at_a_glance_and_every_outcome_fit_the_screen(browser, site_url, width):
    case = "hertfordshire-family-safeguarding"
    page = open_page(browser, site_url, f"practice/{case}/", width)
    glance = page.locator(".at-a-glance").bounding_box()
    assert glance["y"] < page.locator("#about-the-practice").bounding_box()["y"]
    assert glance["y"] < 800 * 0.6  # it starts on the first screen
    changes = page.locator(".outcome__change").all()
    # The source's words, quoted after the key, results first and then counts of reach.
    as_shown = [c.evaluate("e => e.childNodes[1].textContent").strip() for c in changes]
    outcomes = sorted(DATA[case]["outcomes"], key=lambda o: o["design"] == "count")
    assert as_shown == [f"\u201c{o['change']['as_reported']}\u201d" for o in outcomes]
    for selector in (".at-a-glance", ".outcome-list:not(.outcome-list--reach)", ".outcome-list--reach"):
        right = page.locator(selector).evaluate(
            "box => Math.max(...[box, ...box.querySelectorAll('*')].map(e => e.getBoundingClientRect().right))"
        )
        assert right <= width, selector  # nothing off-screen, nothing to scroll sideways for
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.close()


def count_of(page, group, term):
    text = page.locator(f"input[name={group}][value={term}]").locator("xpath=..").locator(".finder__option-count")
    return int(text.inner_text().strip("()"))


@pytest.mark.parametrize("width", WIDTHS)
def test_option_counts_follow_the_other_choices_and_empty_options_are_disabled(browser, site_url, width):
    page = open_page(browser, site_url, "finder/", width)
    open_filters(page)
    for theme in ("youth", "safeguarding", "vulnerable-children"):
        assert count_of(page, "theme", theme) == sum(theme in c["themes"] for c in DATA.values())
    options = {(el.get_attribute("name"), el.get_attribute("value")) for el in page.locator(".finder input").all()}
    for rating in ("fully-validated", "promising", "emerging"):  # offered only if somebody has it
        assert (("rating", rating) in options) == any(c["evidence"]["rating"] == rating for c in DATA.values())
    for region in ("wales", "scotland", "northern-ireland"):
        assert (("region", region) in options) == any(c["region"] == region for c in DATA.values())
    page.locator("input[name=rating][value=promising]").check()
    promising = [c for c in DATA.values() if c["evidence"]["rating"] == "promising"]
    for domain in {o["domain"] for c in DATA.values() for o in c["outcomes"]}:
        expected = sum(any(o["domain"] == domain for o in c["outcomes"]) for c in promising)
        assert count_of(page, "outcome", domain) == expected, domain
        assert page.locator(f"input[name=outcome][value={domain}]").is_disabled() == (expected == 0)
    page.close()


def test_the_outcome_filter_and_the_sort_orders(browser, site_url):
    page = open_page(browser, site_url, "finder/", 1280)
    page.locator("input[name=outcome][value=health-services]").check()
    shown = page.eval_on_selector_all("[data-finder-results] > li", "ns => ns.map(n => n.dataset.caseStudy)")
    assert set(shown) == {i for i, c in DATA.items() if any(o["domain"] == "health-services" for o in c["outcomes"])}
    page.locator("input[name=outcome][value=health-services]").uncheck()
    page.select_option("[data-finder-sort]", "title")
    shown = page.eval_on_selector_all("[data-finder-results] > li", "ns => ns.map(n => n.dataset.caseStudy)")
    assert shown == sorted(DATA, key=lambda i: DATA[i]["title"].lower())
    assert "sort=title" in page.url
    page.select_option("[data-finder-sort]", "updated")
    shown = page.eval_on_selector_all("[data-finder-results] > li", "ns => ns.map(n => n.dataset.caseStudy)")
    updated = [max(DATA[i]["published"], DATA[i]["last_reviewed"]) for i in shown]
    assert updated == sorted(updated, reverse=True)
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-finder-sort]").input_value() == "updated"
    page.close()


COMPARABLE_FIRST = ("per-family", "per-child", "per-year", "total", "per-pound-spent")


def per_family_or_child(case: dict) -> float | None:
    """From the YAML: the lowest pound amount of the case study's leading cost, where that cost
    is per family or per child (a total or a year's cost is never sorted as one)."""
    costs = case.get("costs", [])
    if not costs:
        return None
    lead = min(costs, key=lambda c: COMPARABLE_FIRST.index(c["covers"]))
    if lead["covers"] not in ("per-family", "per-child") or lead["currency"] != "GBP":
        return None
    return lead["amount"] if "amount" in lead else lead["amount_range"]["low"]


@pytest.mark.parametrize("width", WIDTHS)
def test_the_finder_sorts_by_cost_per_family_or_child(browser, site_url, width):
    page = open_page(browser, site_url, "finder/?sort=cost", width)
    shown = page.eval_on_selector_all("[data-finder-results] > li", "ns => ns.map(n => n.dataset.caseStudy)")
    amounts = [per_family_or_child(DATA[i]) for i in shown]
    priced = [a for a in amounts if a is not None]
    assert len(priced) >= 3 and priced == sorted(priced)
    assert amounts[: len(priced)] == priced, "every case study without a comparable cost comes after them"
    first = page.locator("[data-finder-results] > li").first
    lead = min(DATA[shown[0]]["costs"], key=lambda c: COMPARABLE_FIRST.index(c["covers"]))
    assert f"{' '.join(lead['unit'].split())}" in " ".join(first.inner_text().split())  # its unit, as written
    assert page.locator("[data-finder-sort]").input_value() == "cost"
    note = page.locator("[data-finder-sort-note]")
    assert note.is_visible() and "periods they cover and their price years differ" in note.inner_text()
    page.select_option("[data-finder-sort]", "title")
    assert note.is_hidden()  # said only beside the order it explains
    page.close()


def test_words_match_summaries_and_labels_not_only_titles(browser, site_url):
    page = open_page(browser, site_url, "finder/?q=police", 1280)
    shown = set(page.eval_on_selector_all("[data-finder-results] > li", "ns => ns.map(n => n.dataset.caseStudy)"))
    in_text = {i for i, c in DATA.items() if "police" in (c["summary"] + c["headline"] + c["title"]).lower()}
    assert in_text and in_text <= shown
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_empty_result_says_which_choice_to_drop(browser, site_url, width, taxonomy):
    # A theme and a region that each have case studies but none together, read from the YAML.
    theme, region = next(
        (t, r)
        for t in taxonomy.themes.ids
        for r in taxonomy.regions.ids
        if any(t in c["themes"] for c in DATA.values())
        and any(c["region"] == r for c in DATA.values())
        and not any(t in c["themes"] and c["region"] == r for c in DATA.values())
    )
    page = open_page(browser, site_url, f"finder/?theme={theme}&region={region}", width)
    assert page.locator("[data-finder-count]").inner_text().startswith("0 of")
    advice = page.locator("[data-finder-advice]")
    assert advice.is_visible()
    with_theme = sum(theme in c["themes"] for c in DATA.values())
    in_region = sum(c["region"] == region for c in DATA.values())
    theme_label, region_label = taxonomy.themes[theme].label, taxonomy.regions[region].label
    buttons = advice.get_by_role("button").all_inner_texts()
    plural = {1: "case study"}
    assert f"Remove Theme: {theme_label} ({in_region} {plural.get(in_region, 'case studies')})" in buttons
    assert f"Remove Region: {region_label} ({with_theme} {plural.get(with_theme, 'case studies')})" in buttons
    advice.get_by_role("button", name=f"Remove Theme: {theme_label}").click()
    assert page.locator("[data-finder-count]").inner_text() == f"{in_region} of {len(DATA)} case studies match."
    assert advice.is_hidden()
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_tap_targets_are_at_least_24_pixels(browser, site_url, width):
    page = open_page(browser, site_url, "finder/", width)
    open_filters(page)
    sizes = page.eval_on_selector_all(
        ".finder input[type=checkbox], .finder__sort select, .finder__reset",
        "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])",
    )
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes)
    page.close()


def test_the_site_name_is_readable_on_a_phone(browser, site_url):
    page = open_page(browser, site_url, "", 375)
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.inner_text().strip() == "Effective Practice Repository"
    clipped = name.evaluate("e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1")
    assert not clipped
    assert name.bounding_box()["width"] >= 90
    page.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_model_page_and_the_404_page_read_at_both_widths(browser, site_url, width):
    page = open_page(browser, site_url, "models/family-safeguarding/", width)
    rows = page.locator(".model-table tbody tr").all_inner_texts()
    members = [c for c in DATA.values() if c.get("model", {}).get("id") == "family-safeguarding"]
    assert len(rows) == len(members) and rows[0].startswith("Hertfordshire County Council")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.goto(site_url + "no/such/page/")
    assert page.locator("h1").inner_text() == "Page not found"
    page.locator("article").get_by_role("link", name="Find practice").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/finder/")
    page.close()


def test_a_choice_the_page_does_not_offer_is_dropped_and_said_so(browser, site_url):
    # A region nobody's case study is in (the collection is English so far).
    absent = next(r for r in ("northern-ireland", "scotland", "wales") if all(c["region"] != r for c in DATA.values()))
    page = open_page(browser, site_url, f"finder/?region={absent}&theme=youth", 1280)
    advice = page.locator("[data-finder-advice]")
    note = f"No case study has Region: {absent}, so the list leaves that choice out."
    assert advice.inner_text() == note
    youth = sum("youth" in c["themes"] for c in DATA.values())
    assert page.locator("[data-finder-count]").inner_text() == f"{youth} of {len(DATA)} case studies match."
    page.locator("input[name=theme][value=youth]").uncheck()  # the reader chooses: the note goes
    assert advice.is_hidden()
    page.close()


def test_if_the_finder_script_fails_the_full_list_shows(browser, site_url):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def broken(route):
        script = route.fetch().text()
        planted = script.replace(
            'results.className = "case-study-list finder__results";', "throw new Error('planted');"
        )
        assert planted != script, "the line to break is not in the bundle any more"
        route.fulfill(body=planted)

    page.route("**/assets/finder.js", broken)
    page.goto(site_url + "finder/")
    page.wait_for_load_state("networkidle")
    assert any("planted" in e for e in errors)
    visible = page.eval_on_selector_all("[data-finder-list] > li", "ns => ns.filter(n => n.offsetParent).length")
    assert visible == len(DATA)
    assert page.locator("[data-finder]").is_hidden()
    page.close()


def test_a_pasted_essay_in_the_word_box_does_not_hang_the_finder(browser, site_url):
    page = open_page(browser, site_url, "finder/", 1280)
    essay = " ".join(f"word{n}" for n in range(20_000))
    # From the paste to the count saying nothing matches (the words go through the search engine).
    elapsed = page.evaluate(
        """essay => new Promise(resolve => {
            const box = document.querySelector('#finder-q');
            const count = document.querySelector('[data-finder-count]');
            const started = performance.now();
            new MutationObserver(() => {
                if (count.textContent.startsWith('0 of')) resolve(performance.now() - started);
            }).observe(count, { childList: true, characterData: true, subtree: true });
            box.value = essay;
            box.dispatchEvent(new Event('input'));
        })""",
        essay,
    )
    assert elapsed < 1000, elapsed
    page.close()
