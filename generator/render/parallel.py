"""Making a whole build's generated pages and files on every core, into files, before the
engine writes them.

An engine's page loop runs on one core, and it renders every page's body before it writes
any page (MkDocs does), so every body was held in memory at once: most of a 10,000-page
build's peak. Here each output is made once, by one of `workers` processes forked from the
build (they share its collection and templates without copying them), and written to a
scratch folder with a few facts about it; the build keeps only the facts, and reads an
output back just before the engine writes it.

Jobs are dealt to the workers in turn, in sorted order, so each gets a like share of every
kind. A worker that fails makes the whole run fail with its error, never an output left out.
"""

from __future__ import annotations

import ctypes
import gc
import json
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.render.page import Heading, PageOutput, RenderedPage

Job = Callable[[], tuple[str | Iterable[str], Any]]  # -> (the output's text or its pieces, facts JSON can hold)


MAX_WORKERS = 8  # each worker may come to hold a copy of what it touches of the build's memory
WORKERS_VARIABLE = "PRACTICE_WORKERS"  # how many processes a build makes its pages with; 1: MkDocs' own loop alone
_PR_SET_PDEATHSIG = 1  # Linux prctl: a signal for the child when its parent dies


class ParallelRenderError(RuntimeError):
    pass


def can_fork() -> bool:
    """Only Linux forks here: macOS's system libraries may crash in a forked child, and
    Windows cannot fork."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


def available_workers() -> int:
    """PRACTICE_WORKERS if set (1 or more), else the cores this process may run on (its
    affinity, not the machine's count), at most MAX_WORKERS; 1 where it cannot fork."""
    if not can_fork():
        return 1
    chosen = os.environ.get(WORKERS_VARIABLE, "")
    if chosen.isdigit() and int(chosen) > 0:
        return min(MAX_WORKERS, int(chosen))
    return max(1, min(MAX_WORKERS, usable_cores()))


def may_fork() -> bool:
    """Whether this build may hand work to forked workers: it can fork (available_workers),
    workers are wanted (not PRACTICE_WORKERS=1), and no other thread runs, as the server's do
    under `mkdocs serve` (a child forked beside threads may hang on a lock one of them held)."""
    return available_workers() > 1 and threading.active_count() == 1


def usable_cores() -> int:
    """The cores this process may run on: its affinity, not the machine's count (a container
    may show the host's 64)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run_in_workers(
    jobs: Mapping[str, Job], folder: Path, workers: int, *, here: bool = True
) -> dict[str, tuple[Path, Any]]:
    """Each job's text in a file in `folder`, with its facts, made by `workers` processes
    (this one among them, unless not `here`). Every worker is waited for, or stopped, before
    this returns or raises; a worker's warnings are logged here, so that a strict build counts
    them."""
    folder.mkdir(parents=True, exist_ok=True)
    order = sorted(jobs)
    shares = max(1, min(workers, len(order))) if can_fork() else 1
    first = 1 if here or not can_fork() else 0  # the shares from `first` on go to workers
    children: list[int] = []
    gc.freeze()  # the build's objects stay where they are: workers share them instead of copying them
    try:
        for share in range(first, shares):
            try:
                pid = os.fork()
            except OSError:  # no more processes allowed: the shares left are done here
                break
            if pid == 0:
                _child(jobs, order, share, shares, folder)
            children.append(pid)
        mine = [*range(first), *range(first + len(children), shares)]
        failures = _run_share(jobs, order, mine[0], shares, folder, extra=mine[1:]) if mine else []
        for share, pid in enumerate(list(children), start=first):
            status = os.waitpid(pid, 0)[1]
            children.remove(pid)
            if status != 0:
                failures.append(f"worker {share} {_how_it_ended(status)}")
    finally:
        for pid in children:  # interrupted: stop the workers, never leave them running
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        gc.unfreeze()
    return _collected(folder, shares, failures)


def _collected(folder: Path, shares: int, failures: list[str]) -> dict[str, tuple[Path, Any]]:
    """What the workers made, once all are done; raises ParallelRenderError if any failed, and
    logs their warnings here."""
    errors = [f.read_text(encoding="utf-8") for f in sorted(folder.glob("error-*.txt"))]
    if failures or errors:
        raise ParallelRenderError("\n".join([*errors, *(f for f in failures if f)]) or "a worker failed")
    for share in range(shares):  # a worker's warnings; this process logged its own
        kept = folder / f"warnings-{share}.json"
        for name, level, message in json.loads(kept.read_text(encoding="utf-8")) if kept.is_file() else ():
            logging.getLogger(name).log(level, "%s", message)
    made: dict[str, tuple[Path, Any]] = {}
    for done in sorted(folder.glob("done-*.json")):
        for name, number, facts in json.loads(done.read_text(encoding="utf-8")):
            made[name] = (folder / f"{number}.out", facts)
    return made


class Background:
    """One job in a process forked now, while this one goes on; `result()` waits for it. Where
    no process can be forked, the job is done at once, here."""

    def __init__(self, job: Job, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._folder, self._failures = folder, []
        pid = None
        if can_fork():
            gc.freeze()  # as run_in_workers: the worker shares the build's objects
            try:
                pid = os.fork()
            except OSError:  # no more processes allowed: done here
                pid = None
            if pid == 0:
                _child({"job": job}, ["job"], 0, 1, folder)
            gc.unfreeze()
        if pid is None:
            self._failures = _run_share({"job": job}, ["job"], 0, 1, folder)
        self._pid = pid or 0

    def result(self) -> Any:
        """The job's facts; raises ParallelRenderError if it failed."""
        if self._pid > 0:
            status = os.waitpid(self._pid, 0)[1]
            self._pid = 0
            if status != 0:
                self._failures.append(f"the worker {_how_it_ended(status)}")
        return _collected(self._folder, 1, self._failures)["job"][1]

    def stop(self) -> None:
        """Stop the worker if it is still running (a build that failed)."""
        if self._pid > 0:
            os.kill(self._pid, signal.SIGTERM)
            os.waitpid(self._pid, 0)
            self._pid = 0


def _how_it_ended(status: int) -> str:
    """A worker's exit status (not 0), as a report names it."""
    return f"was stopped by signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else "failed"


def _child(jobs: Mapping[str, Job], order: list[str], share: int, shares: int, folder: Path) -> None:
    """A worker: do its share, say how it went, and leave without ever running the parent's
    code (its clean-up would delete the folder the parent reads, its buffers print twice)."""
    status = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)  # dies with its parent
        kept = _KeptWarnings()
        status = 0 if not _run_share(jobs, order, share, shares, folder) else 1
        (folder / f"warnings-{share}.json").write_text(json.dumps(kept.records), encoding="utf-8")
    finally:
        os._exit(status)


class _KeptWarnings(logging.Handler):
    """In a worker: every warning or error logged, in place of the loggers' own handlers (the
    build's process logs them, once)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []
        for logger in [logging.getLogger(), *logging.root.manager.loggerDict.values()]:
            if isinstance(logger, logging.Logger) and (logger.handlers or logger is logging.root):
                logger.handlers = [self]

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _run_share(
    jobs: Mapping[str, Job], order: list[str], share: int, shares: int, folder: Path, extra: Sequence[int] = ()
) -> list[str]:
    """Jobs share, share + shares, ... (and, in this process, the shares of workers that could
    not be started); returns what failed ([] or one line; the error file holds the traceback)."""
    try:
        done = []
        for each in (share, *extra):
            for number in range(each, len(order), shares):
                text, facts = jobs[order[number]]()
                with (folder / f"{number}.out").open("wb") as out:  # read back as made
                    for piece in (text,) if isinstance(text, str) else text:
                        out.write(piece.encode("utf-8", errors="surrogatepass"))
                done.append((order[number], number, facts))
        (folder / f"done-{share}.json").write_text(json.dumps(done), encoding="utf-8")
        return []
    except Exception:  # reported by the parent, with the job's own traceback
        (folder / f"error-{share}.txt").write_text(traceback.format_exc(), encoding="utf-8")
        return [""]


@dataclass(frozen=True)
class StoredPage:
    """A rendered page whose HTML waits in a file."""

    html_file: Path
    headings: tuple[Heading, ...]
    anchor_ids: frozenset[str]

    def load(self) -> RenderedPage:
        return RenderedPage(read_back(self.html_file), self.headings, self.anchor_ids)


def read_back(made: Path) -> str:
    """An output's text, exactly as its job made it."""
    return made.read_bytes().decode("utf-8", errors="surrogatepass")


def render_to_files(pages: Mapping[str, PageOutput], folder: Path, workers: int) -> dict[str, StoredPage]:
    """Every page's body rendered into `folder` by `workers` processes."""
    made = run_in_workers({path: _body_job(output) for path, output in pages.items()}, folder, workers)
    return {
        path: StoredPage(file, tuple(Heading(*heading) for heading in facts[0]), frozenset(facts[1]))
        for path, (file, facts) in made.items()
    }


def _body_job(output: PageOutput) -> Job:
    def job() -> tuple[str, Any]:
        rendered = output.body()
        return rendered.html, ([(h.level, h.id, h.text) for h in rendered.headings], sorted(rendered.anchor_ids))

    return job
