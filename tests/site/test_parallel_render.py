"""A build renders its generated pages on every core, into files (generator/render/parallel.py):
the same pages, headings and anchors as rendering them one by one here, and a page that fails
fails the whole render with its own error."""

from __future__ import annotations

import logging
import os
import signal
import sys
from pathlib import Path

import pytest

from generator.check.collection import check_collection
from generator.config.taxonomy import Taxonomy
from generator.render.deferred import Deferred
from generator.render.page import PageOutput, RenderedPage
from generator.render.parallel import (
    MAX_WORKERS,
    WORKERS_VARIABLE,
    ParallelRenderError,
    available_workers,
    render_to_files,
    run_in_workers,
)
from generator.render.site import SiteRenderer
from tests.conftest import REPO, build


def shipped_pages(repo) -> dict[str, PageOutput]:
    taxonomy = Taxonomy.load(repo.taxonomy_path)
    outputs = SiteRenderer(taxonomy).pages(check_collection(repo).case_studies, repo.schema_path.read_text("utf-8"))
    return {path: output for path, output in outputs.items() if isinstance(output, PageOutput)}


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_every_page_is_what_rendering_it_alone_gives(repo, tmp_path, workers):
    pages = shipped_pages(repo)
    stored = render_to_files(pages, tmp_path / "bodies", workers)
    assert stored.keys() == pages.keys()
    for path, output in pages.items():
        assert stored[path].load() == output.body(), path


def _fails() -> RenderedPage:
    raise ValueError("the template broke on this page")


def test_a_page_that_fails_fails_the_render_with_its_error(repo, tmp_path):
    pages = shipped_pages(repo)
    broken = PageOutput("Broken", "", (), Deferred(_fails, ()))
    fine = pages["index.md"]
    # Pages are dealt in sorted order: the first to this process, the second to the forked worker.
    for name, extra in (("in-this-process", {"aaa.md": broken}), ("in-the-worker", {"aaa.md": fine, "aab.md": broken})):
        with pytest.raises(ParallelRenderError, match="the template broke on this page"):
            render_to_files({**pages, **extra}, tmp_path / name, 2)


def _children() -> set[int]:
    """This process's children, running or not yet waited for (Linux's /proc)."""
    return {int(pid) for task in Path("/proc/self/task").iterdir() for pid in (task / "children").read_text().split()}


def test_no_worker_is_left_behind(repo, tmp_path):
    before = _children()  # a fork server another test started, say: not the render's
    render_to_files(shipped_pages(repo), tmp_path / "bodies", 2)
    assert _children() <= before  # every worker was waited for


def test_workers_follow_the_cores_this_process_may_use_not_the_machines(monkeypatch):
    assert available_workers() == min(MAX_WORKERS, len(os.sched_getaffinity(0)))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(64)))
    assert available_workers() == MAX_WORKERS  # a container that shows the host's 64 cores
    monkeypatch.setenv(WORKERS_VARIABLE, "3")
    assert available_workers() == 3  # chosen
    monkeypatch.setattr(sys, "platform", "darwin")
    assert available_workers() == 1  # macOS's libraries may crash in a forked child


def _warns() -> tuple[str, None]:
    for n in range(5):
        logging.getLogger("mkdocs.plugins.generator").warning("warning %d from the worker", n)
    return "text", None


def test_every_warning_of_a_worker_is_logged_here_once_so_a_strict_build_counts_them(tmp_path, caplog):
    jobs = {"a": lambda: ("text", None), "b": _warns}  # "b" is the forked worker's
    with caplog.at_level(logging.WARNING):
        run_in_workers(jobs, tmp_path / "out", 2)
    shown = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert shown == [f"warning {n} from the worker" for n in range(5)]


def _killed() -> tuple[str, None]:
    os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
    return "never", None


def test_a_worker_killed_by_a_signal_is_named_with_it(tmp_path):
    with pytest.raises(ParallelRenderError, match="worker 1 was stopped by signal 9"):
        run_in_workers({"a": lambda: ("text", None), "b": _killed}, tmp_path / "out", 2)


def test_mkdocs_own_page_loop_and_the_workers_build_the_same_site(tmp_path_factory):
    """The oracle is MkDocs itself: PRACTICE_WORKERS=1 leaves every page to its own loop."""
    sites = {}
    for workers in ("1", "3"):
        sites[workers] = tmp_path_factory.mktemp(f"workers-{workers}")
        result = build(REPO, sites[workers], env={**os.environ, WORKERS_VARIABLE: workers})
        assert result.returncode == 0, result.stderr
    own, ahead = ({p.relative_to(s): p.read_bytes() for p in s.rglob("*") if p.is_file()} for s in sites.values())
    assert own.keys() == ahead.keys()
    assert [name for name in own if own[name] != ahead[name]] == []


def test_a_job_in_the_background_runs_in_another_process_and_says_how_it_went(tmp_path):
    import os
    import time

    from generator.render.parallel import Background, ParallelRenderError

    done = Background(lambda: ("", os.getpid()), tmp_path / "done")
    assert done.result() not in (os.getpid(), None)
    failed = Background(lambda: 1 / 0, tmp_path / "failed")
    with pytest.raises(ParallelRenderError, match="ZeroDivisionError"):
        failed.result()
    slow = Background(lambda: (time.sleep(120), ("", None))[1], tmp_path / "slow")
    started = time.perf_counter()
    slow.stop()
    assert time.perf_counter() - started < 10
