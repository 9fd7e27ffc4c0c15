"""A build renders its generated pages on every core, into files (generator/render/parallel.py):
the same pages, headings and anchors as rendering them one by one here, and a page that fails
fails the whole render with its own error."""

from __future__ import annotations

import logging
import os
import sys

import pytest

from generator.check.collection import check_collection
from generator.config.taxonomy import Taxonomy
from generator.render.deferred import Deferred
from generator.render.page import PageOutput, RenderedPage
from generator.render.parallel import (
    MAX_WORKERS,
    ParallelRenderError,
    available_workers,
    render_to_files,
    run_in_workers,
)
from generator.render.site import SiteRenderer


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


def test_no_worker_is_left_behind(repo, tmp_path):
    render_to_files(shipped_pages(repo), tmp_path / "bodies", 2)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for


def test_workers_follow_the_cores_this_process_may_use_not_the_machines(monkeypatch):
    assert available_workers() == min(MAX_WORKERS, len(os.sched_getaffinity(0)))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(64)))
    assert available_workers() == MAX_WORKERS  # a container that shows the host's 64 cores
    monkeypatch.setattr(sys, "platform", "darwin")
    assert available_workers() == 1  # macOS's libraries may crash in a forked child


def _warns() -> tuple[str, None]:
    logging.getLogger("mkdocs.plugins.generator").warning("a warning from the worker")
    return "text", None


def test_a_workers_warnings_are_logged_here_so_a_strict_build_counts_them(tmp_path, caplog):
    jobs = {"a": lambda: ("text", None), "b": _warns}  # "b" is the forked worker's
    with caplog.at_level(logging.WARNING):
        run_in_workers(jobs, tmp_path / "out", 2)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING].count(
        "a warning from the worker"
    ) == 1
