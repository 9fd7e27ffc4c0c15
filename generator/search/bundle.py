"""The site's search bundle across builds: index when what search knows changed, install at the end.

A build indexes in a worker while the engine renders, into a scratch folder, and moves the
bundle into the site at the end (the engine's output folder is cleaned when it starts). A
preview indexes in a process of its own (IndexProcess), and not at all when the collection is
the one the site's bundle already holds.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from generator.render.parallel import Background, ParallelRenderError, may_fork
from generator.search.index_writer import SearchIndexError, write_search_index
from generator.search.records import SearchCollection

INDEX_NICENESS = 10  # a preview's index process: below the rebuild and the reader's requests
BUNDLE_FOLDER = "search-index"  # folder in the built site; docs/assets/search-engine.js reads it


class SearchIndexSuperseded(SearchIndexError):
    """A newer build discarded the bundle being installed (a preview's next save)."""

    def __init__(self) -> None:
        super().__init__("a newer build discarded this search index")


class IndexProcess:
    """Indexing in a process started by multiprocessing's fork server, for a preview: apart
    from the engine's threads (indexing 1,000 case studies on a thread took half of the
    interpreter for 6-10 s, doubling every save's rebuild), never forked beside them, and
    stopped at once when a new save makes its index useless."""

    def __init__(self, collection: SearchCollection, bundle: Path) -> None:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["__main__", __name__])  # each process starts with them
        self._problem = bundle.parent / "problem.txt"
        self._process = context.Process(
            target=_write_alone, args=(collection, bundle, self._problem), name="practice-search-index", daemon=True
        )
        self._collection, self._bundle = collection, bundle
        self._not_started: str | None = None  # None, or what writing it on the thread instead said
        self._started = False
        # Started on a thread: handing it 1,000 case studies' records takes 0.1 s the rebuild need not wait for.
        self._starting = threading.Thread(target=self._start, name="practice-search-index-start", daemon=True)
        self._starting.start()

    def _start(self) -> None:
        try:
            self._process.start()
            self._started = True
        except Exception:  # no fork server here (a sandbox without sockets, say): written on this thread
            try:
                write_search_index(self._collection, self._bundle)
                self._not_started = ""
            except Exception as error:  # on a thread: said as a message, not a traceback
                self._not_started = _said(error)

    @staticmethod
    def usable() -> bool:
        return "forkserver" in multiprocessing.get_all_start_methods()

    def wait(self) -> str | None:
        """What went wrong, or None."""
        self._starting.join()
        if not self._started:
            return self._not_started or None
        self._process.join()
        code = self._process.exitcode
        if code == 0:
            return None
        if self._problem.is_file():
            return self._problem.read_text(encoding="utf-8")
        return f"the search index's process {f'was stopped by signal {-code}' if code and code < 0 else 'failed'}"

    def stop(self) -> None:
        self._starting.join()
        if not self._started:
            return
        if self._process.is_alive():
            self._process.kill()
        self._process.join()


def _write_alone(collection: SearchCollection, bundle: Path, problem: Path) -> None:
    """In the index's own process: what goes wrong is written down for the preview to say.
    It yields to the preview's own process, whose rebuild a reader is waiting for."""
    try:
        if hasattr(os, "nice"):
            os.nice(INDEX_NICENESS)
        write_search_index(collection, bundle)
    except BaseException as error:  # Ctrl-C too: a traceback here would be printed in the preview's log
        problem.write_text(_said(error), encoding="utf-8")
        raise SystemExit(1) from None


def _said(error: BaseException) -> str:
    """What indexing's failure says: its own message, or the unexpected error named."""
    return str(error) if isinstance(error, SearchIndexError) else repr(error)


class SearchIndexJob:
    """Writes the index into a scratch folder, in another process where it can, while the
    caller goes on. `wait()` hands over the bundle's folder, or raises SearchIndexError.

    A build's index is written by a process forked from the build (render/parallel.Background,
    where one can be forked), which also makes the records: neither the records nor what
    indexing holds (250 MB at 10,000 case studies) is ever the build's own memory, which the
    pages' workers, forked later, start from, and the index is written while the pages are.
    A preview indexes from records it has already made to compare, in an IndexProcess (or,
    where there is none, on a thread)."""

    def __init__(self, make: Callable[[], SearchCollection], *, in_process: bool) -> None:
        self._scratch = tempfile.TemporaryDirectory(prefix="practice-search-index-")
        self.bundle = Path(self._scratch.name) / BUNDLE_FOLDER
        self._error: SearchIndexError | None = None
        self._thread: threading.Thread | None = None
        self._worker: Background | None = None
        self._process: IndexProcess | None = None
        if in_process:
            collection = make()  # here, so that a fault in it is this process's, as the build's
            if IndexProcess.usable():
                self._process = IndexProcess(collection, self.bundle)
            else:  # no fork server (Windows): a thread
                self._thread = threading.Thread(target=self._run, args=(lambda: collection,), daemon=True)
                self._thread.start()
        else:
            self._worker = Background(lambda: ("", self._written(make)), Path(self._scratch.name) / "worker")

    def _written(self, make: Callable[[], SearchCollection]) -> str | None:
        """Write the index; what went wrong, or None."""
        try:
            write_search_index(make(), self.bundle)
        except SearchIndexError as error:
            return str(error)
        return None

    def _run(self, make: Callable[[], SearchCollection]) -> None:
        problem = self._written(make)
        self._error = SearchIndexError(problem) if problem else None

    def wait(self) -> Path:
        if self._thread is not None:
            self._thread.join()
        if self._process is not None:
            problem = self._process.wait()
            self._error = SearchIndexError(problem) if problem else None
        if self._worker is not None:
            worker, self._worker = self._worker, None
            try:
                problem = worker.result()
            except ParallelRenderError as error:  # the worker itself failed: say so, not a traceback
                problem = f"the search index's worker failed: {error}"
            self._error = SearchIndexError(problem) if problem else None
        if self._error is not None:
            raise self._error
        return self.bundle

    def discard(self) -> None:
        if self._thread is not None:
            self._thread.join()
        if self._process is not None:
            self._process.stop()
        if self._worker is not None:
            self._worker.stop()
        self._scratch.cleanup()


class SearchBundle:
    """A preview installs the bundle from a reader's request (adapters/mkdocs_owed) while the
    next save's build may start another: waiting is done outside the lock, moving inside."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._job: SearchIndexJob | None = None
        self._collection: object = None  # what the next bundle holds
        self._installed: object = None  # what the site's bundle holds

    def start(self, search: Callable[[], SearchCollection], site_dir: Path, *, preview: bool) -> None:
        """Index what `search` makes (a preview: alongside, unless unchanged; a build: in a
        worker, waited for by `install`); raises SearchIndexError."""
        self.discard()
        if not preview:
            self._collection = search  # made in the worker; a build installs once
            self._job = SearchIndexJob(search, in_process=not may_fork())
            return
        collection = self._collection = search()
        if collection == self._installed and (site_dir / BUNDLE_FOLDER).is_dir():
            return  # what search knows is unchanged: the site's bundle stays
        self._job = SearchIndexJob(lambda: collection, in_process=True)

    def install(self, site_dir: Path) -> None:
        """Move the new bundle into the site; raises SearchIndexError if indexing failed, or
        SearchIndexSuperseded if a newer build discarded it meanwhile."""
        job = self._job
        if job is not None:
            try:
                bundle = job.wait()
            except SearchIndexError:
                if self._job is not job:
                    raise SearchIndexSuperseded() from None
                raise
            with self._lock:
                if self._job is not job:
                    raise SearchIndexSuperseded()
                target = site_dir / BUNDLE_FOLDER
                if target.exists():
                    shutil.rmtree(target)
                shutil.move(bundle, target)
                self._job = None
                self._installed = self._collection
            job.discard()
        elif self._collection != self._installed:
            raise SearchIndexError("the search index was not written; see the messages above")

    def discard(self, *, forget: bool = False) -> None:
        """Drop an unfinished bundle; with `forget`, also what the site's bundle holds (unknown after a failure)."""
        with self._lock:
            job, self._job = self._job, None
            if forget:
                self._installed = None
        if job is not None:
            job.discard()
