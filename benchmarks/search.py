"""Benchmark search at scale: bytes a query downloads and time to its first results.

    python benchmarks/search.py [--count 10000] [--repeats 5]

Targets (issue 4): at 10,000 case studies a query downloads at most 500 KB in total and
its first results appear within 300 ms in Chromium. The site is built from the shipped
collection, then its search index is replaced by one of a synthetic collection of COUNT
case studies; the page is served on 127.0.0.1 and driven in Debian's Chromium through
Playwright, with a fresh browser cache each repeat. Time runs from the last keystroke to
the first result link on screen (the search box waits 100 ms for typing to pause).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import REPO, make_collection
from generator.check.collection import check_collection
from generator.config.project import Project
from generator.config.synonyms import Synonyms
from generator.config.taxonomy import Taxonomy
from generator.search.pagefind_index import pagefind_executable, write_search_index
from generator.search.records import search_records
from tests.support.browser import launch_chromium, serve

MAX_BYTES = 500 * 1024
MAX_MS = 300
QUERIES = ("leeds", "hertfordshire", "families")


def build_site(site: Path) -> None:
    import subprocess

    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
        cwd=REPO,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def measure(base_url: str, query: str, repeats: int) -> tuple[list[float], list[int]]:
    times, sizes = [], []
    with launch_chromium() as browser:
        for _ in range(repeats):
            context = browser.new_context()
            page = context.new_page()
            fetched: dict[str, int] = {}

            def record(response, fetched=fetched) -> None:
                try:
                    fetched[response.url] = len(response.body())
                except Exception:
                    fetched[response.url] = 0

            page.on("response", record)
            page.goto(base_url)
            page.wait_for_load_state("networkidle")
            box = page.locator(".practice-search input")
            box.press_sequentially(query, delay=20)
            started = time.perf_counter()
            page.locator(".practice-search__result a").first.wait_for(state="visible", timeout=10_000)
            times.append((time.perf_counter() - started) * 1000)
            page.wait_for_load_state("networkidle")
            sizes.append(sum(size for url, size in fetched.items() if "/pagefind/" in url))
            context.close()
    return times, sizes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="practice-search-bench-") as folder:
        site = Path(folder) / "site"
        build_site(site)
        project = Project(make_collection(Path(folder) / "project", args.count))
        records = search_records(
            check_collection(project).case_studies,
            Taxonomy.load(project.taxonomy_path),
            Synonyms.load(project.synonyms_path),
        )
        started = time.perf_counter()
        write_search_index(records, site / "pagefind", pagefind_executable(REPO))
        indexing = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # largest child: build or indexer
        bundle_kb = sum(f.stat().st_size for f in (site / "pagefind").rglob("*") if f.is_file()) / 1024

        with serve(site) as base_url:
            ok = report(args, len(records), base_url)
        print(
            f"  indexing {indexing:.1f} s; largest child process (site build or indexer) {peak_mb:.0f} MB; "
            f"whole search bundle {bundle_kb:.0f} KB"
        )
    return 0 if ok or not args.check else 1


def report(args: argparse.Namespace, count: int, base_url: str) -> bool:
    print(f"{count} case studies in the search index; median of {args.repeats} fresh-cache searches")
    ok = True
    for query in QUERIES:
        times, sizes = measure(base_url, query, args.repeats)
        ms, size = statistics.median(times), statistics.median(sizes)
        met = ms <= MAX_MS and size <= MAX_BYTES
        ok = ok and met
        print(
            f"  '{query}': first results {ms:4.0f} ms (target {MAX_MS}), downloaded {size / 1024:4.0f} KB "
            f"of search files (target {MAX_BYTES // 1024}): {'met' if met else 'MISSED'}"
        )
    return ok


if __name__ == "__main__":
    sys.exit(main())
