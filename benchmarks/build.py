"""Benchmark a full site build against the floor MkDocs itself sets.

    python benchmarks/build.py [--count 1000] [--repeats 3]

Targets (issue 28; issue 6 had asked at most 1.15x and 1 GB): the build takes at most 0.35x
the time of a plain `mkdocs build` of equivalent hand-written Markdown pages with Material's
default search, and its largest process stays under 700 MB at 10,000 case studies.

The contender is this repository's build of a synthetic collection of COUNT case studies:
`mkdocs build` with the practice plugin, which reads and validates every YAML file, renders
every page, and writes the search index. The baseline is the same site written out
by hand: every page the generator would make, saved as a Markdown file in docs/, built by
`mkdocs build` with Material's own search plugin and header instead of the practice plugin.
So the baseline renders the same pages; what differs is everything the generator adds.

Each repeat builds both, back to back in alternating order so that they meet the same
machine load; the ratio reported is the median of the ratios within each pair. Memory is
reported twice: the largest process, the kernel's own count of the largest resident size of
the build or any process it started (wait4's ru_maxrss, as GNU time's %M), which is the
target; and the whole process tree's resident size added up, sampled every 20 ms from /proc,
which counts the pages a forked worker shares with the build once for each.
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

MAX_RATIO = 0.35
MAX_LARGEST_PROCESS_BYTES = 700 * 2**20
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


def timed_build(root: Path, site: Path) -> tuple[float, int, int]:
    """Wall seconds, the largest process's peak resident bytes and the process tree's peak
    resident bytes (added up) of one `mkdocs build` from an empty output folder."""
    shutil.rmtree(site, ignore_errors=True)
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)],
            cwd=root,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
            stderr=errors,
        )
        tree_peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal tree_peak
            while not done.is_set():
                tree_peak = max(tree_peak, tree_rss(process.pid))
                done.wait(0.02)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)  # reaped here, for its usage
        process.returncode = os.waitstatus_to_exitcode(status)
        elapsed = time.perf_counter() - started
        done.set()
        sampler.join()
        if process.returncode != 0:
            errors.seek(0)
            raise SystemExit(f"mkdocs build failed in {root}:\n{errors.read()[-3000:]}")
    return elapsed, usage.ru_maxrss * 1024, tree_peak  # ru_maxrss: kilobytes on Linux


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="case studies in the synthetic collection")
    parser.add_argument("--repeats", type=int, default=3, help="pairs of builds (medians reported)")
    parser.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    parser.add_argument("--write-baseline", nargs=2, type=Path, metavar=("PROJECT", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write_baseline:
        write_baseline(Project(args.write_baseline[0]), args.write_baseline[1])
        return 0

    with tempfile.TemporaryDirectory(prefix="practice-build-bench-") as folder:
        project = Project(make_collection(Path(folder) / "project", args.count))
        baseline = Path(folder) / "baseline"
        # Written by another process: a process started from this one would otherwise count the
        # collection this one held among its own resident size (Linux carries the largest size
        # a process reached across fork and exec into ru_maxrss).
        subprocess.run([sys.executable, __file__, "--write-baseline", str(project.root), str(baseline)], check=True)
        pages = sum(1 for _ in (baseline / "docs").rglob("*.md"))
        runs: dict[str, list[tuple[float, int, int]]] = {"baseline": [], "generator": []}
        ratios = []
        for repeat in range(args.repeats):
            pair = [("baseline", baseline), ("generator", project.root)]
            for name, root in pair if repeat % 2 == 0 else reversed(pair):
                runs[name].append(timed_build(root, Path(folder) / f"site-{name}"))
            ratios.append(runs["generator"][-1][0] / runs["baseline"][-1][0])

    seconds = {name: statistics.median(run[0] for run in values) for name, values in runs.items()}
    largest = {name: max(run[1] for run in values) for name, values in runs.items()}
    tree = {name: max(run[2] for run in values) for name, values in runs.items()}
    ratio = statistics.median(ratios)
    time_ok = ratio <= MAX_RATIO
    memory_ok = largest["generator"] < MAX_LARGEST_PROCESS_BYTES
    verdict = {True: "met", False: "MISSED"}
    spread = f"{min(ratios):.2f}x to {max(ratios):.2f}x"
    print(
        f"{args.count} case studies ({pages} Markdown pages in the baseline), median of {args.repeats} "
        f"paired builds, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
    )
    for name, label in (
        ("baseline", "plain mkdocs build, Material search (baseline)"),
        ("generator", "practice build (YAML to site, search index)   "),
    ):
        print(
            f"  {label} {seconds[name]:7.1f} s   largest process {largest[name] / 2**20:5.0f} MB   "
            f"process tree added up {tree[name] / 2**20:5.0f} MB"
        )
    print(
        f"  time {ratio:.2f}x the baseline (median of paired ratios, {spread}; target at most {MAX_RATIO}x): "
        f"{verdict[time_ok]}; largest process target under {MAX_LARGEST_PROCESS_BYTES // 2**20} MB: "
        f"{verdict[memory_ok]}"
    )
    return 0 if (time_ok and memory_ok) or not args.check else 1


if __name__ == "__main__":
    sys.exit(main())
