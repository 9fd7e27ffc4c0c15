"""The site's search bundle across builds: index when what search knows changed, install at the end.

A build indexes before the engine renders, into a scratch folder, and moves the bundle into
the site at the end: Pagefind needs ~530 MB at 10,000 case studies, and that is the build's
smallest moment (later the engine holds every page; both at once passed 1 GB). A preview
indexes alongside the engine, its rebuilds being small, and not at all when the records are
the ones the site's bundle already holds.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.search.pagefind_index import SearchIndexError, SearchIndexJob
from generator.search.records import SearchRecord

BUNDLE_FOLDER = "pagefind"  # folder in the built site; site_overrides and mkdocs.yml refer to it


class SearchBundle:
    def __init__(self) -> None:
        self._job: SearchIndexJob | None = None
        self._records: list[SearchRecord] | None = None  # what the next bundle holds
        self._installed: list[SearchRecord] | None = None  # what the site's bundle holds

    def start(self, records: list[SearchRecord], pagefind: str, site_dir: Path, *, preview: bool) -> None:
        """Index `records` (at once for a build, alongside for a preview); raises SearchIndexError."""
        self.discard()
        self._records = records
        if preview and records == self._installed and (site_dir / BUNDLE_FOLDER).is_dir():
            return  # what search knows is unchanged: the site's bundle stays
        self._job = SearchIndexJob(records, pagefind, background=preview)
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
        elif self._records != self._installed:
            raise SearchIndexError("the search index was not written; see the messages above")
        self._installed = self._records

    def discard(self, *, forget: bool = False) -> None:
        """Drop an unfinished bundle; with `forget`, also what the site's bundle holds (unknown after a failure)."""
        job, self._job = self._job, None
        if job is not None:
            job.discard()
        if forget:
            self._installed = None
