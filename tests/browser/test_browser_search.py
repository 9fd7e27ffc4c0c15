"""Search in a real browser (Debian's Chromium): what a reader types, sees and opens."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
import yaml

from tests.conftest import build
from tests.support.browser import PAGE_KINDS, launch_chromium, serve


def search(page, url: str, query: str) -> list[str]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.locator(".practice-search input").press_sequentially(query, delay=20)
    page.locator(".practice-search__result a").first.wait_for(state="visible", timeout=10_000)
    return page.locator(".practice-search__result a").all_inner_texts()


def test_a_word_of_the_title_finds_the_case_study_and_opens_it(browser, site_url):
    page = browser.new_page()
    assert search(page, site_url + "themes/youth/", "wrong")[0] == "North Yorkshire No Wrong Door"
    page.locator(".practice-search__result a").first.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == "/practice/north-yorkshire-no-wrong-door/"
    assert page.locator("h1").inner_text() == "North Yorkshire No Wrong Door"
    page.close()


def test_the_locality_finds_the_case_study(browser, site_url):
    page = browser.new_page()
    assert "Middlesbrough Strengthening Families (early adopter)" in search(page, site_url, "Middlesbrough")
    page.close()


def test_a_theme_and_a_characteristic_find_case_studies(browser, site_url, shipped):
    page = browser.new_page()
    outreach = {c.title for c in shipped.case_studies if "outreach-to-vulnerable-groups" in c.characteristics}
    assert set(search(page, site_url, "outreach")) & outreach
    page.close()


def test_searching_asks_nothing_of_another_host(browser, site_url):
    page = browser.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).hostname))
    search(page, site_url, "leeds")
    assert hosts == {"127.0.0.1"}
    page.close()


def test_hostile_text_shows_as_text_in_search_results(browser, scratch_project, leeds_text, tmp_path_factory):
    data = yaml.safe_load(leeds_text)
    payload = '<img src=x onerror="document.title=\'owned\'"> <script>document.title="owned"</script> zebra'
    data["title"] = payload
    data["summary"] = "Zebra crossing <b onmouseover=alert(1)>text</b>, long enough to be a summary."
    project = scratch_project({"leeds-family-valued.yaml": yaml.safe_dump(data, sort_keys=False)})
    out = tmp_path_factory.mktemp("hostile-search-site")
    assert build(project.root, out).returncode == 0
    dialogs = []
    page = browser.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(out) as url:
        assert search(page, url, "zebra") == [payload]
        title = page.title()
        results = page.locator(".practice-search__results")
        assert results.locator("img, script, b").count() == 0
    assert dialogs == []
    assert title == "Home - Effective Practice Repository"
    page.close()


def test_no_page_scrolls_sideways_on_a_phone(browser, site_url):
    page = browser.new_page(viewport={"width": 375, "height": 800})
    for path in PAGE_KINDS:
        page.goto(site_url + path)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.scrollWidth") <= 375, path
    page.close()


def test_chromium_is_the_system_one():
    """Playwright cannot download a browser here; the tests use Debian's."""
    from tests.support.browser import chromium_path

    assert chromium_path().startswith("/usr/")


def test_without_chromium_browser_tests_fail_and_say_how_to_install_it(monkeypatch):
    """Not a skip: in CI a missing browser must turn the run red, with the fix."""
    import tests.support.browser

    monkeypatch.setattr(tests.support.browser.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeError, match=r"apt-get install chromium.*scripts/setup.sh test"), launch_chromium():
        pass


def test_results_are_counted_paged_and_closed_with_escape(browser, site_url, shipped):
    page = browser.new_page()
    search(page, site_url, "families")
    status = page.locator(".practice-search__status")
    total = int(status.inner_text().split()[0])
    assert total > 8, "the shipped collection should give more than one page of results"
    assert status.inner_text() == f"{total} case studies match"
    assert page.locator(".practice-search__result").count() == 8
    page.locator(".practice-search__more").click()
    page.wait_for_function("document.querySelectorAll('.practice-search__result').length > 8")
    assert page.locator(".practice-search__result").count() == min(16, total)
    page.locator(".practice-search input").press("Escape")
    assert page.locator(".practice-search__panel").is_hidden()
    label = page.locator("label[for=practice-search-input]").inner_text()
    assert label == "Search case studies"
    page.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("FIP", "Family Intervention Projects"),  # an abbreviation, from the synonyms file
        ("domestic violence", "Hertfordshire Family Safeguarding"),  # its page says "domestic abuse"
        ("domestic violence", "Leeds Family Valued"),
        ("substance misuse", "Hertfordshire Family Safeguarding"),  # a synonyms word its description uses
        ("police", "Wakefield early intervention centre"),
        ("key worker", "Family Intervention Projects"),  # in its implementation
    ],
)
def test_the_header_search_finds_what_the_page_says_and_its_synonyms(browser, site_url, query, expected):
    page = browser.new_page()
    assert expected in search(page, site_url, query)
    page.close()
