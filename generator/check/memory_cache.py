"""Keep each file's check, parsed data included, while the file and the rules stay the same.

A preview under `mkdocs serve` loads the collection again on every save: at 1,000 case
studies that is about 0.6 s of parsing and checking, nearly all of it for files that did not
change. The saved cache of `practice validate` (validation_cache) keeps problems, not the
data the site is made from, so a long-running process keeps its own, in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.check.file_check import FileCheck

Checker = Callable[[Path, str], FileCheck]


class RememberedChecks:
    def __init__(self) -> None:
        self._rules: object = None
        self._known: dict[tuple[Path, str], tuple[bool, bytes, FileCheck]] = {}

    def check_files(self, files: list[tuple[Path, str]], rules: object, check: Checker) -> list[FileCheck]:
        """`check(path, display)` for each file, reusing the last result for a file whose bytes
        (and whether it is a symlink) are unchanged since, provided `rules` (everything else a
        check depends on: the schema, the day, the review policy) compares equal to last time's."""
        known = self._known if rules == self._rules else {}
        self._rules, self._known = rules, {}
        results = []
        for path, display in files:
            try:
                state = (path.is_symlink(), path.read_bytes())
            except OSError:  # a directory, or unreadable: not worth keeping
                results.append(check(path, display))
                continue
            before = known.get((path, display))
            result = before[2] if before is not None and before[:2] == state else check(path, display)
            self._known[(path, display)] = (*state, result)
            results.append(result)
        return results
