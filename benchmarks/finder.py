"""Benchmark the finder at scale: the data it loads and how long filtering takes.

    python benchmarks/finder.py [--count 10000] [--repeats 5]

Targets (issue 5): at 10,000 case studies, filtering takes under 100 ms in Chromium and the
data the finder loads is under 1 MB compressed. The finder's data is its page (the full list,
which readers without JavaScript see); the page is rendered by the generator from a synthetic
collection, wrapped without the theme, and served on 127.0.0.1.
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
from generator.render.site import SiteRenderer
from generator.render.urls import FINDER
from tests.support.browser import launch_chromium, serve

MAX_MS = 100
MAX_COMPRESSED = 1024 * 1024
FILTERS = [
    ("one theme", "input[name=theme][value=safeguarding]"),
    ("add a rating", "input[name=rating][value=emerging]"),
    ("add a region", "input[name=region][value=east-of-england]"),
]


def finder_page(count: int, folder: Path) -> Path:
    project = Project(make_collection(folder / "project", count))
    taxonomy = Taxonomy.load(project.taxonomy_path)
    pages = SiteRenderer(taxonomy).render(check_collection(project).case_studies, "{}")
    body = pages[FINDER].html
    site = folder / "site"
    (site / "finder").mkdir(parents=True)
    (site / "assets").mkdir()
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
        raw = b"".join((site / path).read_bytes() for path in ("finder/index.html", "assets/finder.js"))
        compressed = len(gzip.compress(raw, 6))
        timings: dict[str, list[float]] = {name: [] for name, _ in FILTERS}
        with serve(site) as url, launch_chromium() as browser:
            for _ in range(args.repeats):
                page = browser.new_context().new_page()
                page.goto(url + "finder/")
                page.wait_for_load_state("networkidle")
                for name, selector in FILTERS:
                    # The change handler filters synchronously; time the click to the updated count,
                    # and let the browser lay out the result before the next step.
                    ms = page.evaluate(
                        """selector => { const t = performance.now(); document.querySelector(selector).click();
                           document.body.offsetHeight; return performance.now() - t; }""",
                        selector,
                    )
                    timings[name].append(ms)
                page.context.close()
    print(f"{args.count} case studies in the finder; median of {args.repeats} runs")
    print(
        f"  page and script: {len(raw) / 1024:.0f} KB, {compressed / 1024:.0f} KB gzip "
        f"(target under {MAX_COMPRESSED // 1024} KB): {'met' if compressed < MAX_COMPRESSED else 'MISSED'}"
    )
    for name, values in timings.items():
        ms = statistics.median(values)
        print(f"  filter, {name}: {ms:.0f} ms (target under {MAX_MS}): {'met' if ms < MAX_MS else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
