"""A preview hears of saves to practice/ from the kernel, where it can, not from MkDocs' polling.

MkDocs looks for changes every 0.5 s by listing what it watches, which works on every
filesystem: but that is half the preview's one second (on average a quarter), and when it
found a save the kernel had already told of, it started a second, needless rebuild that the
next save waited for. On Linux, inotify tells of each save at once; it is asked only for
what changes a folder (a file written, made, removed or renamed; never a file read, as a
build reads them all), and a save starts MkDocs' rebuild as MkDocs' own watcher would.

Where the kernel is not told of saves (a network mount; WSL's /mnt/c edited from Windows),
POLL_VARIABLE keeps MkDocs' polling. If practice/ itself is removed, renamed or replaced
(a restore from git or an archive), the kernel's watch would be left on the old folder, so
the preview says so and polls from then on.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path
from typing import Any

from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import BaseObserver

log = get_plugin_logger(__name__)
POLL_VARIABLE = "PRACTICE_SERVE_POLL"
_SAVES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileModifiedEvent,
    FileClosedEvent,  # closed after writing
    DirCreatedEvent,  # a folder in practice/ is reported as a problem
    DirDeletedEvent,
    DirMovedEvent,
]
_FOLDER_ITSELF: list[type[FileSystemEvent]] = [DirCreatedEvent, DirDeletedEvent, DirMovedEvent]


class PromptWatch:
    def __init__(self, server: LiveReloadServer, folder: Path, observer: BaseObserver) -> None:
        self._server, self._folder, self._observer = server, os.path.normpath(folder), observer
        self._polling = self._warned = False
        self._lock = threading.Lock()

    @classmethod
    def start(cls, server: LiveReloadServer, folder: Path) -> PromptWatch | None:
        """Watch `folder` through the kernel; None where it cannot (MkDocs is to watch it)."""
        if os.environ.get(POLL_VARIABLE) or not sys.platform.startswith("linux"):
            return None
        if not (hasattr(server, "_rebuild_cond") and hasattr(server, "_want_rebuild")):  # another server
            return None
        try:
            from watchdog.observers.inotify import InotifyObserver

            observer = InotifyObserver()
        except (ImportError, OSError):  # no inotify, or no more inotify instances
            return None
        watch = cls(server, folder, observer)
        try:
            observer.schedule(_handler(watch._in_folder), str(folder), event_filter=_SAVES)
            observer.schedule(_handler(watch._beside_folder), str(folder.parent), event_filter=_FOLDER_ITSELF)
            observer.start()
        except OSError:  # no more inotify watches, say
            observer.stop()
            return None
        return watch

    def stop(self) -> None:
        self._observer.stop()

    def _in_folder(self, event: FileSystemEvent) -> None:
        if os.path.normpath(os.fsdecode(event.src_path)) == self._folder:  # the folder itself went
            self._poll_instead()
        self._rebuild()

    def _beside_folder(self, event: FileSystemEvent) -> None:
        paths = {os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")}
        if self._folder in {os.path.normpath(path) for path in paths if path}:
            self._poll_instead()
            self._rebuild()

    def _poll_instead(self) -> None:
        with self._lock:
            if not self._warned:
                self._warned = True
                log.warning(
                    "%s was removed or replaced: the preview looks for saves every 0.5 s from now on", self._folder
                )
            if self._polling or not os.path.isdir(self._folder):
                return  # polled once it is back: the watch beside it tells of that
            self._polling = True
        try:
            self._server.watch(self._folder)
        except OSError:  # gone again meanwhile
            with self._lock:
                self._polling = False

    def _rebuild(self) -> None:
        server: Any = self._server
        with server._rebuild_cond:  # as MkDocs' own watcher asks for a rebuild
            server._want_rebuild = True
            server._rebuild_cond.notify_all()


def _handler(react: Any) -> FileSystemEventHandler:
    handler = FileSystemEventHandler()
    handler.on_any_event = react  # type: ignore[method-assign]
    return handler
