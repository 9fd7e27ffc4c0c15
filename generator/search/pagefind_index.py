"""Write the search records as a Pagefind index (its browser bundle included).

Each record becomes a tiny HTML page in a scratch folder, and Pagefind's own command indexes
them. (Pagefind's Python API waits 0.1 s per record it adds: 17 minutes at 10,000; and its
PyPI release lags npm's, whose 1.6.0 searches 2-3x faster at that size.) The
scratch pages hold only the searchable fields, so indexing stays fast and small at scale;
the site's real pages are not touched.
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
import tempfile
import threading
from pathlib import Path

from generator.problems import SetupError
from generator.search.records import SearchRecord

LANGUAGE = "en"


class SearchIndexError(SetupError):
    pass


# Pagefind's weights (0 to 10; plain text counts 1, an <h1> 7): the title first, then the
# place, headline, model, summary and labels, then the synonyms of words the page uses.
TITLE_WEIGHT, LEAD_WEIGHT, ALSO_WEIGHT = 10, 5, 1


def record_page(record: SearchRecord) -> str:
    """The scratch page Pagefind reads for one record. Every field is searched once; the
    title, locality and rating are also kept as metadata to show with a result. The synonyms
    are indexed but left out of the excerpt a result shows."""
    e = html.escape
    return (
        f'<!doctype html><html lang="{LANGUAGE}"><head><meta charset="utf-8"></head><body>'
        f'<h1 data-pagefind-meta="title" data-pagefind-weight="{TITLE_WEIGHT}">{e(record.title)}</h1>'
        f'<p data-pagefind-weight="{LEAD_WEIGHT}"><span data-pagefind-meta="locality">{e(record.locality)}</span>. '
        f"{e(record.text)} "
        f'<span data-pagefind-meta="rating">{e(record.rating)}</span>.</p>'
        + (f'<p data-pagefind-weight="{ALSO_WEIGHT}" hidden>{e(record.also)}</p>' if record.also else "")
        + "</body></html>"
    )


def pagefind_executable(project_root: Path) -> str:
    """PAGEFIND_EXECUTABLE if set (to try another release), else the version package.json
    pins, installed by scripts/setup.sh into the project's node_modules/, else a `pagefind`
    on the PATH. Never a path relative to this package: installed from a wheel, it lives in
    site-packages, far from any project."""
    if override := os.environ.get("PAGEFIND_EXECUTABLE"):
        return override
    installed = project_root / "node_modules" / ".bin" / "pagefind"
    if installed.is_file():
        return str(installed)
    if on_path := shutil.which("pagefind"):
        return on_path
    raise SearchIndexError(
        f"Pagefind is not installed in {project_root / 'node_modules'}; run: bash scripts/setup.sh "
        "(or npm install) from the repository root, or set PAGEFIND_EXECUTABLE"
    )


def write_search_index(records: list[SearchRecord], output_dir: Path, pagefind: str) -> None:
    """Index `records` into `output_dir` (e.g. site/pagefind) with the `pagefind` command,
    replacing an earlier index there (only a folder holding a Pagefind bundle is removed)."""
    if (output_dir / "pagefind-entry.json").is_file():
        shutil.rmtree(output_dir)
    with tempfile.TemporaryDirectory(prefix="practice-search-") as scratch:
        for record in records:
            page = Path(scratch, record.url, "index.html")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(record_page(record), encoding="utf-8")
        try:
            result = subprocess.run(
                [
                    pagefind,
                    "--site",
                    scratch,
                    "--output-path",
                    str(output_dir),
                    "--force-language",
                    LANGUAGE,
                    "--silent",
                ],
                capture_output=True,
                text=True,
                check=False,
            )
        except OSError as error:
            raise SearchIndexError(f"could not run Pagefind ({pagefind}): {error}") from None
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not build the search index:\n{result.stdout}{result.stderr}")


class SearchIndexJob:
    """Writes the index into a scratch folder: at once, or on a thread while the caller goes
    on (a preview's rebuild then overlaps Pagefind with MkDocs, on the machine's other core).
    `wait()` hands over the bundle's folder, or raises SearchIndexError."""

    def __init__(self, records: list[SearchRecord], pagefind: str, *, background: bool) -> None:
        self._scratch = tempfile.TemporaryDirectory(prefix="practice-search-index-")
        self.bundle = Path(self._scratch.name) / "pagefind"
        self._error: SearchIndexError | None = None
        self._thread = threading.Thread(target=self._run, args=(records, pagefind), daemon=True)
        self._thread.start()
        if not background:
            self._thread.join()

    def _run(self, records: list[SearchRecord], pagefind: str) -> None:
        try:
            write_search_index(records, self.bundle, pagefind)
        except SearchIndexError as error:
            self._error = error

    def wait(self) -> Path:
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.bundle

    def discard(self) -> None:
        self._thread.join()
        self._scratch.cleanup()
