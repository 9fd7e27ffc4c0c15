"""Benchmark a full site build against the floor MkDocs itself sets.

    python benchmarks/build.py [--count 1000] [--repeats 3]

Target (issue 6): the generator adds at most 15% to the build time of a plain `mkdocs
build` of equivalent hand-written Markdown pages with Material's default search, and the
build's peak memory at 10,000 case studies stays under 1 GB.

The contender is this repository's build of a synthetic collection of COUNT case studies:
`mkdocs build` with the practice plugin, which reads and validates every YAML file, renders
every page, and writes the search index. The baseline is the same site written out
by hand: every page the generator would make, saved as a Markdown file in docs/, built by
`mkdocs build` with Material's own search plugin and header instead of the practice plugin.
So the baseline renders the same pages; what differs is everything the generator adds.

Each repeat builds both, back to back in alternating order so that they meet the same
machine load; the ratio reported is the median of the ratios within each pair. Peak memory
is the largest resident size of the build's whole process tree (MkDocs and, for the
contender, its search-index workers), sampled every 20 ms from /proc.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import make_collection
from generator.check.collection import check_collection
from generator.config.project import Project
from generator.config.taxonomy import Taxonomy
from generator.render.page import PageOutput
from generator.render.site import SiteRenderer

MAX_OVERHEAD = 0.15
MAX_PEAK_BYTES = 1024**3
PAGE_BYTES = os.sysconf("SC_PAGE_SIZE")


def write_baseline(project: Project, target: Path) -> Path:
    """The same site as hand-written Markdown, built by plain MkDocs with Material's search."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project.root / "docs", target / "docs")
    shutil.copytree(project.root / "site_overrides", target / "site_overrides")
    (target / "site_overrides" / "partials" / "header.html").unlink()  # Material's own header and search box
    config = (project.root / "mkdocs.yml").read_text(encoding="utf-8")
    if "plugins:\n  - practice\n" not in config:
        raise SystemExit("mkdocs.yml no longer lists the practice plugin as expected; update write_baseline")
    (target / "mkdocs.yml").write_text(config.replace("plugins:\n  - practice\n", "plugins:\n  - search\n"))
    taxonomy = Taxonomy.load(project.taxonomy_path)
    collection = check_collection(project)
    outputs = SiteRenderer(taxonomy).pages(collection.case_studies, project.schema_path.read_text(encoding="utf-8"))
    for src_uri, output in outputs.items():
        path = target / "docs" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(output, PageOutput):  # a hand-written page would carry its title as front matter
            front = json.dumps({"title": html.escape(output.title), "description": html.escape(output.description)})
            path.write_text(f"---\n{front}\n---\n\n{output.body().html}", encoding="utf-8")
        else:
            path.write_text(output(), encoding="utf-8")
    return target


def tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (0 for any that have gone)."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm", encoding="ascii") as statm:
                total += int(statm.read().split()[1]) * PAGE_BYTES
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as children:
                    stack.extend(int(child) for child in children.read().split())
        except (OSError, ValueError):
            continue
    return total


def timed_build(root: Path, site: Path) -> tuple[float, int]:
    """Wall seconds and peak resident bytes of one `mkdocs build` from an empty output folder."""
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(process.pid))
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {root}:\n{errors[-3000:]}")
    return elapsed, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="case studies in the synthetic collection")
    parser.add_argument("--repeats", type=int, default=3, help="pairs of builds (medians reported)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="practice-build-bench-") as folder:
        project = Project(make_collection(Path(folder) / "project", args.count))
        baseline = write_baseline(project, Path(folder) / "baseline")
        pages = sum(1 for _ in (baseline / "docs").rglob("*.md"))
        runs: dict[str, list[tuple[float, int]]] = {"baseline": [], "generator": []}
        ratios = []
        for repeat in range(args.repeats):
            pair = [("baseline", baseline), ("generator", project.root)]
            for name, root in pair if repeat % 2 == 0 else reversed(pair):
                runs[name].append(timed_build(root, Path(folder) / f"site-{name}"))
            ratios.append(runs["generator"][-1][0] / runs["baseline"][-1][0])

    seconds = {name: statistics.median(t for t, _ in values) for name, values in runs.items()}
    peaks = {name: max(p for _, p in values) for name, values in runs.items()}
    overhead = statistics.median(ratios) - 1
    time_ok = overhead <= MAX_OVERHEAD
    memory_ok = peaks["generator"] < MAX_PEAK_BYTES
    verdict = {True: "met", False: "MISSED"}
    print(
        f"{args.count} case studies ({pages} Markdown pages in the baseline), median of {args.repeats} "
        f"paired builds, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )
    print(
        f"  plain mkdocs build, Material search (baseline) {seconds['baseline']:7.1f} s   "
        f"peak {peaks['baseline'] / 2**20:5.0f} MB"
    )
    print(
        f"  practice build (YAML to site, search index)    {seconds['generator']:7.1f} s   "
        f"peak {peaks['generator'] / 2**20:5.0f} MB"
    )
    print(
        f"  generator adds {overhead:+.1%} (median of paired ratios; target at most +{MAX_OVERHEAD:.0%}): "
        f"{verdict[time_ok]}; peak memory target under {MAX_PEAK_BYTES // 2**20} MB: {verdict[memory_ok]}"
    )
    return 0 if (time_ok and memory_ok) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
