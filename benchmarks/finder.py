"""Benchmark the finder at scale: the data it loads and how long filtering takes.

    python benchmarks/finder.py [--count 10000] [--repeats 5]

Targets (issue 5): at 10,000 case studies, filtering takes under 100 ms in Chromium and the
data the finder loads is under 1 MB compressed. What it loads is its page (the first fifty
cards), its script and its data file (issue 28: the page held every card until then); a filter
is timed from the click to the first fifty matching cards in the list, fetched as the finder
fetches them. The page and the files beside it are rendered by the generator from a synthetic
collection, the page wrapped without the theme, and served on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import REPO, make_collection
from generator.check.collection import check_collection
from generator.config.project import Project
from generator.config.taxonomy import Taxonomy
from generator.render.browse import FINDER_PAGE_SIZE as PAGE_SIZE
from generator.render.site import SiteRenderer
from generator.render.urls import FINDER, FINDER_DATA
from tests.support.browser import launch_chromium, serve

MAX_MS = 100
MAX_COMPRESSED = 1024 * 1024
FILTERS = [
    ("one theme", "input[name=theme][value=safeguarding]"),
    ("add a rating", "input[name=rating][value=emerging]"),
    ("add a region", "input[name=region]:not(:disabled)"),  # the first region any match is in
]


def finder_page(count: int, folder: Path) -> Path:
    project = Project(make_collection(folder / "project", count))
    taxonomy = Taxonomy.load(project.taxonomy_path)
    pages = SiteRenderer(taxonomy).render(check_collection(project).case_studies, "{}")
    body = pages[FINDER].html
    site = folder / "site"
    (site / "finder" / "cards").mkdir(parents=True)
    (site / "assets").mkdir()
    for path, text in pages.items():
        if path.startswith("finder/") and isinstance(text, str):  # the data file and the cards
            (site / path).write_text(text, encoding="utf-8")
    for name in ("finder.js", "extra.css"):
        shutil.copy(REPO / "docs" / "assets" / name, site / "assets" / name)
    (site / "finder" / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Finder</title>'
        '<link rel="stylesheet" href="../assets/extra.css"></head><body><div class="md-typeset">'
        f'{body}</div><script src="../assets/finder.js"></script></body></html>',
        encoding="utf-8",
    )
    return site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="practice-finder-bench-") as folder:
        site = finder_page(args.count, Path(folder))
        loaded = ("finder/index.html", "assets/finder.js", FINDER_DATA)
        raw = b"".join((site / path).read_bytes() for path in loaded)
        compressed = len(gzip.compress(raw, 6))
        timings: dict[str, list[float]] = {name: [] for name, _ in FILTERS}
        card_timings: dict[str, list[float]] = {name: [] for name, _ in FILTERS}
        with serve(site) as url, launch_chromium() as browser:
            for _ in range(args.repeats):
                page = browser.new_context().new_page()
                page.goto(url + "finder/")
                page.wait_for_load_state("networkidle")
                for name, selector in FILTERS:
                    # From the click to the new count (the filtering), and to the new cards in
                    # the list, laid out (the filtering and fetching the cards not yet fetched).
                    count_ms, cards_ms = page.evaluate(
                        """selector => new Promise((resolve, reject) => {
                           const results = document.querySelector('[data-finder-results]');
                           const count = document.querySelector('[data-finder-count]');
                           let counted = null;
                           const t = performance.now();
                           setTimeout(() => reject(new Error(selector + ' changed nothing in 10 s')), 10000);
                           new MutationObserver((_, observer) => {
                             observer.disconnect(); document.body.offsetHeight; counted = performance.now() - t;
                           }).observe(count, {childList: true, characterData: true, subtree: true});
                           new MutationObserver((_, observer) => {
                             if (results.hasAttribute('aria-busy')) return;
                             observer.disconnect(); document.body.offsetHeight;
                             const shown = performance.now() - t;
                             resolve([counted === null ? shown : counted, shown]);
                           }).observe(results, {childList: true, attributes: true});
                           document.querySelector(selector).click(); })""",
                        selector,
                    )
                    timings[name].append(count_ms)
                    card_timings[name].append(cards_ms)
                page.context.close()
    print(f"{args.count} case studies in the finder; median of {args.repeats} runs")
    print(
        f"  page, script and data: {len(raw) / 1024:.0f} KB, {compressed / 1024:.0f} KB gzip "
        f"(target under {MAX_COMPRESSED // 1024} KB): {'met' if compressed < MAX_COMPRESSED else 'MISSED'}"
    )
    for name, values in timings.items():
        ms = statistics.median(values)
        cards = statistics.median(card_timings[name])
        print(
            f"  filter, {name}: {ms:.0f} ms to the count (target under {MAX_MS}): {'met' if ms < MAX_MS else 'MISSED'};"
            f" {cards:.0f} ms to its first {PAGE_SIZE} cards, fetched from a local server"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
