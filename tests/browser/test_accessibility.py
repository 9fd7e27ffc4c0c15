"""Every page of the built site, scanned by axe-core in Chromium against WCAG 2.2 A and AA.

axe-core comes from the npm registry (package.json, installed by scripts/setup.sh) and is
injected into each page after it has loaded and its scripts have run, so the scan sees what
a reader sees: Material's scripts, the search box, the finder's results. Every request each
page makes is recorded too: none may go to another host.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import REPO, build
from tests.support.browser import PAGE_KINDS, serve

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
WCAG_22_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 800}


def axe_script() -> Path:
    if not AXE.is_file():
        raise RuntimeError(f"{AXE} is missing; install the test tools with: bash scripts/setup.sh test")
    return AXE


def scan(page) -> list[str]:
    """axe-core's violations on the page as it is now, one line per failing element."""
    page.add_script_tag(path=str(axe_script()))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_22_A_AA,
    )
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in result["violations"]
        for node in violation["nodes"]
    ]


class Reader:
    """A browser page that remembers every address it requested."""

    def __init__(self, browser, base: str, viewport: dict[str, int]):
        self.page = browser.new_page(viewport=viewport)
        self.base = base
        self.requests: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))

    def open(self, path: str, settle: bool = True) -> None:
        """Load a page; with `settle`, also wait until the network has been quiet for 0.5 s."""
        self.page.goto(self.base + path, wait_until="networkidle" if settle else "load")

    def elsewhere(self) -> list[str]:
        here = urlsplit(self.base).netloc
        return [url for url in self.requests if urlsplit(url).scheme != "data" and urlsplit(url).netloc != here]


def site_paths(site: Path) -> list[str]:
    """The address of every page in the built site, 404 page included."""
    pages = [p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")]
    return [*sorted(path.removeprefix("./") for path in pages), "404.html"]


def test_the_scan_covers_every_kind_of_page(built_site):
    paths = site_paths(built_site)
    assert set(PAGE_KINDS) <= set(paths)
    assert len(paths) > 40


def test_every_page_has_no_violations_and_asks_no_other_host(browser, site_url, built_site):
    reader = Reader(browser, site_url, DESKTOP)
    failures = {}
    for path in site_paths(built_site):
        reader.open(path, settle=False)  # the page's own scripts have run by "load"
        found = scan(reader.page)
        if found:
            failures[path] = found
    assert failures == {}
    assert len(reader.requests) > len(site_paths(built_site))  # the recording saw the loads
    assert reader.elsewhere() == []
    reader.page.close()


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_each_kind_of_page_has_no_violations_on_a_phone(browser, site_url, path):
    reader = Reader(browser, site_url, PHONE)
    reader.open(path)
    assert scan(reader.page) == []
    assert reader.elsewhere() == []
    reader.page.close()


REFLOW = {"width": 320, "height": 800}  # a 1280-pixel screen zoomed to 400% (WCAG 1.4.10)


def test_each_kind_of_page_reflows_at_320_pixels_and_keeps_nothing_about_the_reader(browser, site_url):
    """No sideways scrolling at 320 px (tables may scroll inside their own box), and, as the
    privacy note says, no cookie and nothing stored in the browser by merely reading."""
    context = browser.new_context(viewport=REFLOW)
    page = context.new_page()
    wide = {}
    for path in PAGE_KINDS:
        page.goto(site_url + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > REFLOW["width"]:
            wide[path] = width
        cut_off = "[...document.querySelectorAll('pre > code')].some(c => c.scrollWidth > c.clientWidth)"
        if page.evaluate(cut_off):  # code wraps on a phone: the format page's annotated example is read there
            wide[path + " (code)"] = width
        assert page.evaluate("localStorage.length + sessionStorage.length") == 0, path
    assert wide == {}
    assert context.cookies() == []
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "query",
    ["families", "zzzzqx", "Hertfordshre", "eviction zeppelin"],
    ids=["results", "no-results", "did-you-mean", "some-words"],
)
def test_search_with_results_open_has_no_violations(browser, site_url, viewport, query):
    reader = Reader(browser, site_url, viewport)
    reader.open("")
    box = reader.page.locator(".practice-search input")
    box.press_sequentially(query, delay=20)
    status = reader.page.locator(".practice-search [role=status]")
    if query == "families":
        reader.page.locator(".practice-search__result a").first.wait_for(state="visible", timeout=10_000)
    else:
        status.filter(has_text="No").wait_for(timeout=10_000)
        reader.page.wait_for_function("!document.querySelector('.practice-search__panel').hasAttribute('aria-busy')")
    assert scan(reader.page) == []
    assert reader.elsewhere() == []
    reader.page.close()


def test_finder_with_choices_and_with_no_matches_has_no_violations(browser, site_url):
    reader = Reader(browser, site_url, DESKTOP)
    reader.open("finder/?theme=youth&rating=promising")
    assert "match" in reader.page.locator("[data-finder-count]").inner_text()
    assert scan(reader.page) == []
    reader.page.locator("#finder-q").fill("no such place anywhere")
    reader.page.wait_for_function("document.querySelector('[data-finder-count]').textContent.startsWith('0 of')")
    assert scan(reader.page) == []
    reader.page.close()


def test_a_page_with_review_due_has_no_violations(browser, scratch_project, tmp_path_factory):
    example = (REPO / "tests" / "examples" / "positive" / "minimal-valid.yaml").read_text(encoding="utf-8")
    overdue = example.replace('"2026-11-01"', '"2019-03-01"')
    project = scratch_project({"minimal-valid.yaml": overdue})
    out = tmp_path_factory.mktemp("review-due-site")
    result = build(project.root, out)
    assert result.returncode == 0, result.stderr
    with serve(out) as url:
        for viewport in (DESKTOP, PHONE):
            reader = Reader(browser, url, viewport)
            for path in ("practice/minimal-valid/", "editors/review/"):
                reader.open(path)
                assert "Review due" in reader.page.inner_text("article") or path == "editors/review/"
                assert scan(reader.page) == [], path
            reader.page.close()


def test_a_term_split_across_pages_has_no_violations(browser, tmp_path_factory):
    """The shipped collection fills no term's first page; 130 synthetic case studies do."""
    from benchmarks.synthetic import make_collection

    project = make_collection(tmp_path_factory.mktemp("paged") / "project", 130)
    out = tmp_path_factory.mktemp("paged-site")
    result = build(project, out)
    assert result.returncode == 0, result.stderr
    term = sorted(out.glob("themes/*/page"))[0].parent.relative_to(out).as_posix()
    with serve(out) as url:
        for viewport in (DESKTOP, PHONE):
            reader = Reader(browser, url, viewport)
            for path in (f"{term}/", f"{term}/page/2/"):
                reader.open(path)
                assert reader.page.locator("nav.pagination a[aria-current=page]").count() == 1
                assert scan(reader.page) == [], path
            reader.page.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize(
    "address",
    ["search/?q=families&theme=safeguarding", "search/?q=safegaurding", "search/?q=eviction+zeppelin", "search/"],
    ids=["filtered", "did-you-mean", "some-words", "empty"],
)
def test_the_results_page_has_no_violations(browser, site_url, viewport, address):
    reader = Reader(browser, site_url, viewport)
    reader.open(address)
    reader.page.wait_for_function(
        "() => { const b = document.querySelector('.search-page__body');"
        " return b.checkVisibility() && !b.hasAttribute('aria-busy'); }"
    )
    assert scan(reader.page) == []
    assert reader.elsewhere() == []
    assert reader.page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    reader.page.close()
