"""What a preview's rebuild must redo: the outputs whose inputs changed since the last build.

Under `mkdocs serve`, rebuilding all 1,000 pages of a collection after one case study is
saved took 12-16 s. Each generated output (a page or a `Deferred` data file) compares equal to the same
output of another build exactly when its text would be the same, so comparing the two
builds' outputs (0.1 s at 1,000) names the few pages to make again: the saved case study's
page, the pages that list it or show it as related, and the indexes.

Anything else the site is made of (mkdocs.yml, the hand-written pages, the theme's
overrides) may change every page, so when any of those files changes, everything is rebuilt.
A build that fails is forgotten, so the next one rebuilds everything.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

FileStates = tuple[tuple[str, int, int], ...]


def file_states(paths: Iterable[Path]) -> FileStates:
    """Every file at or under `paths`, with its modification time and size."""
    states = []
    for path in paths:
        if path.is_file():
            stat = path.stat()
            states.append((str(path), stat.st_mtime_ns, stat.st_size))
            continue
        for folder, _, names in os.walk(path):
            for name in names:
                stat = os.stat(os.path.join(folder, name))
                states.append((os.path.join(folder, name), stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(states))


@dataclass(frozen=True)
class RebuildPlan:
    everything: bool  # nothing is known of the last build (or its site files changed)
    changed: frozenset[str]  # outputs to make again
    removed: frozenset[str]  # outputs of the last build that this one no longer has


class Rebuilds:
    """Remembers the last successful build's outputs, to plan the next build."""

    def __init__(self) -> None:
        self._outputs: Mapping[str, object] | None = None
        self._site_files: FileStates | None = None

    def knows(self, site_files: FileStates) -> bool:
        """Whether the last build is known and made from these site files: if not, the next
        plan rebuilds everything, and whatever the site folder holds is stale."""
        return self._outputs is not None and site_files == self._site_files

    def plan(self, outputs: Mapping[str, object], site_files: FileStates, unwritten: Iterable[str] = ()) -> RebuildPlan:
        """`unwritten`: outputs of the last build it never wrote (incremental/owed), made again
        even if unchanged."""
        previous = self._outputs if self.knows(site_files) else None
        if previous is None:
            return RebuildPlan(True, frozenset(outputs), frozenset())
        changed = {path for path, output in outputs.items() if previous.get(path) != output}
        changed.update(path for path in unwritten if path in outputs)
        return RebuildPlan(False, frozenset(changed), frozenset(previous.keys() - outputs.keys()))

    def built(self, outputs: Mapping[str, object], site_files: FileStates) -> None:
        self._outputs, self._site_files = outputs, site_files

    def forget(self) -> None:
        self._outputs = self._site_files = None
