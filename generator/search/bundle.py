"""The site's search bundle across builds: index when what search knows changed, install at the end.

A build indexes before the engine renders, into a scratch folder, and moves the bundle into
the site at the end (the engine's output folder is cleaned when it starts). A preview
indexes on a thread alongside the engine, and not at all when the collection is the one the
site's bundle already holds.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path
from typing import Any

from generator.render.parallel import can_fork, run_in_workers
from generator.search.index_writer import SearchIndexError, write_search_index
from generator.search.records import SearchCollection

BUNDLE_FOLDER = "search-index"  # folder in the built site; docs/assets/search-engine.js reads it


class SearchIndexJob:
    """Writes the index into a scratch folder, at once or on a thread while the caller goes
    on. `wait()` hands over the bundle's folder, or raises SearchIndexError.

    At once, it is written by a process forked from the build where one can be (Linux): what
    indexing holds (200 MB at 10,000 case studies) is then never part of the build's own
    memory, which the pages' workers, forked later, would start from."""

    def __init__(self, collection: SearchCollection, *, background: bool) -> None:
        self._scratch = tempfile.TemporaryDirectory(prefix="practice-search-index-")
        self.bundle = Path(self._scratch.name) / BUNDLE_FOLDER
        self._error: SearchIndexError | None = None
        self._thread: threading.Thread | None = None
        if not background and can_fork():
            self._in_worker(collection)
            return
        self._thread = threading.Thread(target=self._run, args=(collection,), daemon=True)
        self._thread.start()
        if not background:
            self._thread.join()

    def _in_worker(self, collection: SearchCollection) -> None:
        def job() -> tuple[str, Any]:
            try:
                write_search_index(collection, self.bundle)
            except SearchIndexError as error:
                return "", str(error)
            return "", None

        made = run_in_workers({"index": job}, Path(self._scratch.name) / "worker", 1, here=False)
        if made["index"][1] is not None:
            self._error = SearchIndexError(made["index"][1])

    def _run(self, collection: SearchCollection) -> None:
        try:
            write_search_index(collection, self.bundle)
        except SearchIndexError as error:
            self._error = error

    def wait(self) -> Path:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self.bundle

    def discard(self) -> None:
        if self._thread is not None:
            self._thread.join()
        self._scratch.cleanup()


class SearchBundle:
    def __init__(self) -> None:
        self._job: SearchIndexJob | None = None
        self._collection: SearchCollection | None = None  # what the next bundle holds
        self._installed: SearchCollection | None = None  # what the site's bundle holds

    def start(self, collection: SearchCollection, site_dir: Path, *, preview: bool) -> None:
        """Index `collection` (at once for a build, alongside for a preview); raises SearchIndexError."""
        self.discard()
        self._collection = collection
        if preview and collection == self._installed and (site_dir / BUNDLE_FOLDER).is_dir():
            return  # what search knows is unchanged: the site's bundle stays
        self._job = SearchIndexJob(collection, background=preview)
        if not preview:
            self._job.wait()

    def install(self, site_dir: Path) -> None:
        """Move the new bundle into the site; raises SearchIndexError if indexing failed."""
        if self._job is not None:
            bundle = self._job.wait()
            target = site_dir / BUNDLE_FOLDER
            if target.exists():
                shutil.rmtree(target)
            shutil.move(bundle, target)
            self.discard()
        elif self._collection != self._installed:
            raise SearchIndexError("the search index was not written; see the messages above")
        self._installed = self._collection

    def discard(self, *, forget: bool = False) -> None:
        """Drop an unfinished bundle; with `forget`, also what the site's bundle holds (unknown after a failure)."""
        job, self._job = self._job, None
        if job is not None:
            job.discard()
        if forget:
            self._installed = None
