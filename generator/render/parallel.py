"""Rendering a whole build's generated pages on every core, into files, before the engine
writes them.

An engine's page loop runs on one core, and it renders every page's body before it writes
any page (MkDocs does), so every body was held in memory at once: most of a 10,000-page
build's peak. Here each body is made once, by one of `workers` processes forked from the
build (they share its collection and templates without copying them), and written to a
scratch folder; the build keeps only each page's headings and anchor ids, and the engine
reads a body back just before it writes that page.

Pages are dealt to the workers in turn, so each gets a like share of every kind of page. A
worker that fails makes the whole render fail with its error, never a page left out.
"""

from __future__ import annotations

import json
import os
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.render.page import Heading, PageOutput, RenderedPage


class ParallelRenderError(RuntimeError):
    pass


@dataclass(frozen=True)
class StoredPage:
    """A rendered page whose HTML waits in a file."""

    html_file: Path
    headings: tuple[Heading, ...]
    anchor_ids: frozenset[str]

    def load(self) -> RenderedPage:
        return RenderedPage(self.html_file.read_text(encoding="utf-8"), self.headings, self.anchor_ids)


def render_to_files(pages: Mapping[str, PageOutput], folder: Path, workers: int) -> dict[str, StoredPage]:
    """Render every page into `folder` with `workers` processes (this one among them)."""
    folder.mkdir(parents=True, exist_ok=True)
    order = sorted(pages)
    shares = max(1, min(workers, len(order)))
    children = []
    for share in range(1, shares if hasattr(os, "fork") else 1):
        pid = os.fork()
        if pid == 0:  # the child: render its share, say how it went, and leave without cleaning up the parent's state
            status = _render_share(pages, order, share, shares, folder)
            os._exit(status)
        children.append(pid)
    failures = [] if _render_share(pages, order, 0, len(children) + 1, folder) == 0 else [0]
    for share, pid in enumerate(children, start=1):
        _, status = os.waitpid(pid, 0)
        if status != 0:
            failures.append(share)
    if failures:
        errors = [(folder / f"error-{share}.txt") for share in failures]
        raise ParallelRenderError("\n".join(e.read_text(encoding="utf-8") for e in errors if e.is_file()))
    stored: dict[str, StoredPage] = {}
    for share in range(len(children) + 1):
        for path, number, headings, anchor_ids in json.loads((folder / f"pages-{share}.json").read_text("utf-8")):
            stored[path] = StoredPage(
                folder / f"{number}.html",
                tuple(Heading(level, anchor, text) for level, anchor, text in headings),
                frozenset(anchor_ids),
            )
    return stored


def _render_share(pages: Mapping[str, PageOutput], order: list[str], share: int, shares: int, folder: Path) -> int:
    try:
        written = []
        for number in range(share, len(order), shares):
            rendered = pages[order[number]].body()
            (folder / f"{number}.html").write_text(rendered.html, encoding="utf-8")
            headings = [(h.level, h.id, h.text) for h in rendered.headings]
            written.append((order[number], number, headings, sorted(rendered.anchor_ids)))
        (folder / f"pages-{share}.json").write_text(json.dumps(written), encoding="utf-8")
        return 0
    except BaseException:  # reported by the parent, with the page's own traceback
        (folder / f"error-{share}.txt").write_text(traceback.format_exc(), encoding="utf-8")
        return 1
