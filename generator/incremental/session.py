"""What an engine process carries from one build to the next.

A plain build uses a session once. A preview (`practice serve`) keeps one across rebuilds:
the checked files (generator.check.cache), the last build's outputs, to plan what a
rebuild must redo (generator.incremental.rebuild), and the search bundle the site holds.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from generator.check.cache import MemoryStore
from generator.incremental.rebuild import FileStates, RebuildPlan, Rebuilds, file_states
from generator.incremental.reuse import REUSE
from generator.search.bundle import SearchBundle


class BuildSession:
    def __init__(self, *, preview: bool) -> None:
        self.preview = preview
        self.checks = MemoryStore() if preview else None
        self.search = SearchBundle()
        self._rebuilds = Rebuilds()
        self._site_files: FileStates = ()
        REUSE.start() if preview else REUSE.stop()  # a preview's builds share what has not changed

    def begin(self, site_sources: list[Path]) -> bool:
        """Start a build made with `site_sources` (the engine's configuration, hand-written
        pages, theme). True when the site folder is stale and must be emptied first: they
        changed since the last preview build, or there was none."""
        if not self.preview:
            return False
        self._site_files = file_states(site_sources)
        return not self._rebuilds.knows(self._site_files)

    @property
    def site_files(self) -> FileStates:
        """The engine's configuration, hand-written pages and theme, as this build found them."""
        return self._site_files

    def plan(self, outputs: Mapping[str, object], unwritten: Iterable[str] = ()) -> RebuildPlan:
        return self._rebuilds.plan(outputs, self._site_files, unwritten)

    def built(self, outputs: Mapping[str, object]) -> None:
        if self.preview:
            self._rebuilds.built(outputs, self._site_files)

    def forget_plan(self) -> None:
        """An output may not be what the plan believes (one could not be made): the next
        build makes everything."""
        self._rebuilds.forget()

    def failed(self) -> None:
        """What reached the site is unknown: the next build makes everything."""
        self._rebuilds.forget()
        self.search.discard(forget=True)
