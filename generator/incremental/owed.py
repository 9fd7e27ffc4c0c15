"""What a preview owes: outputs a save changed that are not written yet.

A new title at 1,000 case studies changes some 230 pages (each list the card moves in, each
page that shows it as related), and the engine took 5-10 s to write them, serving nothing
until it had. Like Hugo's server in its fast render mode, a preview's rebuild writes none of
them: it owes them, and a request for one makes it before it is served, so no reader is
given a stale page and no save waits for pages nobody looks at. A save hands what is still
owed to the next build, which makes it from its own outputs.

Nothing is made in the background: a thread making pages held the interpreter half the time,
and the next save's rebuild, and the reader's own request, waited for it (2-3 s at 1,000).

Paths are the site's (`practice/x/index.html`); one ending in "/" stands for a folder
(the search index). A maker must not start a build, nor wait for one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping

Maker = Callable[[], None]
Failure = Callable[[str, Exception], None]


class Owed:
    def __init__(self, on_failure: Failure) -> None:
        self._on_failure = on_failure  # told of an output that could not be made; must not raise
        self._lock = threading.Lock()  # held while an output is made, so each is made once
        self._makers: dict[str, Maker] = {}
        self._generation = 0

    @property
    def generation(self) -> int:
        """Changes whenever what is owed is replaced (a build started or ended)."""
        return self._generation

    def owe(self, makers: Mapping[str, Maker]) -> None:
        """Owe these outputs (what was owed before is no longer: see `pause`)."""
        with self._lock:
            self._makers = dict(makers)
            self._generation += 1

    def settle(self, paths: Iterable[str]) -> None:
        """Make now whatever is owed at `paths`, or at a folder holding one of them."""
        with self._lock:
            for path in paths:
                # The few folders owed, not every prefix of the path: a request's path is a stranger's.
                for key in [path, *(key for key in self._makers if key.endswith("/") and path.startswith(key))]:
                    if key in self._makers:
                        self._make(key)

    def pause(self) -> list[str]:
        """A build is starting: hand over what is still owed, no longer owed here."""
        with self._lock:
            left, self._makers = list(self._makers), {}
            self._generation += 1
        return left

    def finish(self) -> None:
        """Make everything owed, now."""
        with self._lock:
            while self._makers:
                self._make(next(iter(self._makers)))

    def _make(self, key: str) -> None:  # the lock is held
        maker = self._makers.pop(key)
        try:
            maker()
        except Exception as error:  # said to the editor as a message, not a thread's traceback
            self._on_failure(key, error)
