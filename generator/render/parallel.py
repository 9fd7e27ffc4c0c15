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

import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.render.page import Heading, PageOutput, RenderedPage

Job = Callable[[], tuple[str, Any]]  # -> (the output's text, facts about it that JSON can hold)


MAX_WORKERS = 8  # each worker may come to hold a copy of what it touches of the build's memory


class ParallelRenderError(RuntimeError):
    pass


def available_workers() -> int:
    """The cores this process may run on (its affinity, not the machine's count), at most
    MAX_WORKERS; 1 where forking is not safe: only Linux forks here (macOS's system libraries
    may crash in a forked child, and Windows cannot fork)."""
    if not sys.platform.startswith("linux") or not hasattr(os, "fork"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(MAX_WORKERS, cores))


def run_in_workers(jobs: Mapping[str, Job], folder: Path, workers: int) -> dict[str, tuple[Path, Any]]:
    """Each job's text in a file in `folder`, with its facts, made by `workers` processes
    (this one among them)."""
    folder.mkdir(parents=True, exist_ok=True)
    order = sorted(jobs)
    shares = max(1, min(workers, len(order)))
    children = []
    for share in range(1, shares if available_workers() > 1 else 1):
        pid = os.fork()
        if pid == 0:  # the child: do its share, say how it went, and leave without the parent's clean-up
            kept = _KeptWarnings()
            status = _run_share(jobs, order, share, shares, folder)
            (folder / f"warnings-{share}.json").write_text(json.dumps(kept.records), encoding="utf-8")
            os._exit(status)
        children.append(pid)
    failures = [] if _run_share(jobs, order, 0, len(children) + 1, folder) == 0 else [0]
    for share, pid in enumerate(children, start=1):
        if os.waitpid(pid, 0)[1] != 0:
            failures.append(share)
    if failures:
        errors = [folder / f"error-{share}.txt" for share in failures]
        raise ParallelRenderError("\n".join(e.read_text(encoding="utf-8") for e in errors if e.is_file()))
    for share in range(1, len(children) + 1):  # a worker's warnings count here too (a strict build fails on them)
        for name, level, message in json.loads((folder / f"warnings-{share}.json").read_text(encoding="utf-8")):
            logging.getLogger(name).log(level, "%s", message)
    made: dict[str, tuple[Path, Any]] = {}
    for share in range(len(children) + 1):
        for name, number, facts in json.loads((folder / f"done-{share}.json").read_text(encoding="utf-8")):
            made[name] = (folder / f"{number}.out", facts)
    return made


class _KeptWarnings(logging.Handler):
    """In a worker: every warning or error logged, on every logger that shows them, once each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []
        self._seen: set[int] = set()
        loggers = [logging.getLogger(), *logging.root.manager.loggerDict.values()]
        for logger in loggers:
            if isinstance(logger, logging.Logger) and (logger.handlers or logger is logging.root):
                logger.addHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        if id(record) not in self._seen:
            self._seen.add(id(record))
            self.records.append((record.name, record.levelno, record.getMessage()))


def _run_share(jobs: Mapping[str, Job], order: list[str], share: int, shares: int, folder: Path) -> int:
    try:
        done = []
        for number in range(share, len(order), shares):
            text, facts = jobs[order[number]]()
            (folder / f"{number}.out").write_bytes(text.encode("utf-8", errors="surrogatepass"))  # read back as made
            done.append((order[number], number, facts))
        (folder / f"done-{share}.json").write_text(json.dumps(done), encoding="utf-8")
        return 0
    except BaseException:  # reported by the parent, with the job's own traceback
        (folder / f"error-{share}.txt").write_text(traceback.format_exc(), encoding="utf-8")
        return 1


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
