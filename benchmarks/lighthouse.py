"""Lighthouse on the built site, served with gzip as any host would serve it.

    python benchmarks/lighthouse.py [--site DIR] [--runs 3] [--scale 1000]

Builds the site (or takes one already built, `--site`), serves it on 127.0.0.1 over HTTP/1.1
with gzip for text responses, and runs Lighthouse (from npm, pinned in package-lock.json) in Debian's
Chromium with its defaults: a phone, simulated slow 4G and a 4x slower CPU. Pages: the home
page, the largest case-study page, the finder, the gap map the menu opens and the largest
one, the search results and the proposal form; with `--scale N`, also the
finder of a synthetic site of N case studies (benchmarks/synthetic.py). Each figure is the
median of RUNS runs, each metric on its own. Exits 1 if any page misses a threshold or
requests anything from another origin (Lighthouse's own record of every request the page made).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.synthetic import REPO, make_collection
from tests.support.browser import StaticHostHandler, chromium_path, serve

# Thresholds from issue 12: every page scores at least 95 for performance on a phone, and
# nothing moves once shown (cumulative layout shift at most 0.05).
MIN_PERFORMANCE = 95
MAX_CLS = 0.05

LIGHTHOUSE = REPO / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
# Besides the home page and the largest case study:
PAGES = {
    "finder": "finder/",
    "gap map": "gap-map/impact-evidence/",  # the one the menu opens
    "largest gap map": "gap-map/themes-outcomes/",
    "search results": "search/?q=families",
    "proposal form": "contributing/propose/",
}
# What a host compresses: text, whatever its MIME type calls it. The search index's files are
# compressed already.
TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
LOCAL_SCHEMES = ("data", "blob")  # never leave the browser


@dataclass(frozen=True)
class Run:
    """One Lighthouse run of one page."""

    performance: float
    cls: float
    lcp_ms: float
    tbt_ms: float
    transferred: int
    urls: tuple[str, ...]


@dataclass(frozen=True)
class PageResult:
    name: str
    path: str
    origin: str
    runs: tuple[Run, ...]

    def median(self, field: str) -> float:
        return float(statistics.median(float(getattr(run, field)) for run in self.runs))

    def failures(self) -> list[str]:
        found = []
        if self.median("performance") < MIN_PERFORMANCE:
            found.append(f"{self.name}: performance {self.median('performance'):.0f} < {MIN_PERFORMANCE}")
        if self.median("cls") > MAX_CLS:
            found.append(f"{self.name}: CLS {self.median('cls'):.3f} > {MAX_CLS}")
        foreign = sorted({url for run in self.runs for url in run.urls if not is_local(url, self.origin)})
        found += [f"{self.name}: requested {url}, not on {self.origin}" for url in foreign]
        return found


# Serving --------------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def gzipped(path: Path, mtime_ns: int) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=mtime_ns // 10**9)


class GzipHandler(StaticHostHandler):
    """The tests' static host, plus gzip for text when the client accepts it, and HTTP/1.1
    keep-alive (every response it sends has a Content-Length)."""

    protocol_version = "HTTP/1.1"

    def send_head(self) -> io.BytesIO | BinaryIO | None:
        path = self.compressible_file()
        if path is None:
            return super().send_head()
        body = gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def compressible_file(self) -> Path | None:
        """The file to send compressed, or None to leave the request to the plain handler
        (redirects, errors, binary files, clients that do not accept gzip)."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return None
            path = path / "index.html"
        if not path.is_file() or not self.guess_type(str(path)).startswith(TEXT_TYPES):
            return None
        return path


# Building -------------------------------------------------------------------------------


def build_site(project: Path, site: Path) -> Path:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-d", str(site)],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}")
    return site


def largest_case_study(site: Path) -> str:
    """The case-study page with the most HTML: the heaviest of its kind."""
    pages = sorted((site / "practice").glob("*/index.html"), key=lambda page: (-page.stat().st_size, page))
    if not pages:
        raise SystemExit(f"no case-study pages in {site / 'practice'}")
    return pages[0].parent.relative_to(site).as_posix() + "/"


# Lighthouse -----------------------------------------------------------------------------


def lighthouse(url: str) -> dict[str, Any]:
    """One Lighthouse run (mobile, default throttling, performance only); its report."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--only-categories=performance",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": chromium_path()}
    result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300, check=False)
    if result.returncode != 0:
        raise SystemExit(f"Lighthouse failed on {url}:\n{result.stderr[-3000:]}")
    report: dict[str, Any] = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise SystemExit(f"Lighthouse could not measure {url}: {report['runtimeError']}")
    return report


def read_run(report: dict[str, Any]) -> Run:
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    score = report["categories"]["performance"]["score"]
    if score is None:
        raise SystemExit(f"Lighthouse gave {report['finalDisplayedUrl']} no performance score")
    return Run(
        performance=score * 100,
        cls=audits["cumulative-layout-shift"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        transferred=sum(int(item.get("transferSize") or 0) for item in requests),
        urls=tuple(item["url"] for item in requests),
    )


def is_local(url: str, origin: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or f"{parts.scheme}://{parts.netloc}" == origin


def measure(name: str, base_url: str, path: str, runs: int) -> PageResult:
    results = []
    for number in range(runs):
        print(f"  {name}: run {number + 1} of {runs}", file=sys.stderr, flush=True)
        results.append(read_run(lighthouse(base_url + path)))
    parts = urlsplit(base_url)
    return PageResult(name, path, f"{parts.scheme}://{parts.netloc}", tuple(results))


# Report ---------------------------------------------------------------------------------


def table(results: list[PageResult]) -> list[str]:
    labels = [f"{result.name} (/{result.path})" for result in results]
    width = max(len(label) for label in [*labels, "page"])
    rows = [
        f"| {'page':<{width}} | performance | CLS   | LCP   | TBT    | transferred |",
        f"|{'-' * (width + 2)}|------------:|------:|------:|-------:|------------:|",
    ]
    for label, result in zip(labels, results, strict=True):
        rows.append(
            f"| {label:<{width}} | {result.median('performance'):>11.0f} | {result.median('cls'):.3f} "
            f"| {result.median('lcp_ms') / 1000:>3.1f} s | {result.median('tbt_ms'):>3.0f} ms "
            f"| {result.median('transferred') / 1024:>8.0f} KB |"
        )
    return rows


def versions() -> str:
    node = subprocess.run(["node", str(LIGHTHOUSE), "--version"], capture_output=True, text=True, check=False)
    chromium = subprocess.run([chromium_path(), "--version"], capture_output=True, text=True, check=False)
    return f"Lighthouse {node.stdout.strip()}, {chromium.stdout.strip()}, mobile, default (simulated) throttling"


def measure_site(site: Path, pages: dict[str, str], runs: int) -> list[PageResult]:
    with serve(site, GzipHandler) as base_url:
        return [measure(name, base_url, path, runs) for name, path in pages.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a site already built (default: build this repository's)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (medians reported)")
    parser.add_argument("--scale", type=int, help="also the finder of a synthetic site of this many case studies")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.site and not (args.site / "index.html").is_file():
        parser.error(f"{args.site} is not a built site (no index.html)")
    if not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing. Install the npm packages: bash scripts/setup.sh test")

    with tempfile.TemporaryDirectory(prefix="practice-lighthouse-") as folder:
        site = args.site or build_site(REPO, Path(folder) / "site")
        pages = {"home": "", "case study": largest_case_study(site), **PAGES}
        results = measure_site(site, pages, args.runs)
        if args.scale:
            project = make_collection(Path(folder) / "scale", args.scale)
            scale_site = build_site(project, Path(folder) / "scale-site")
            results += measure_site(scale_site, {f"finder, {args.scale:,} case studies": "finder/"}, args.runs)

    print(versions())
    print(f"Median of {args.runs} runs per page; served from 127.0.0.1 with gzip.")
    print("\n".join(table(results)))
    failures = [failure for result in results for failure in result.failures()]
    print(f"Thresholds (issue 12): performance at least {MIN_PERFORMANCE}, CLS at most {MAX_CLS}; every request local.")
    print("\n".join(f"  MISSED {failure}" for failure in failures) or "  all met")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
