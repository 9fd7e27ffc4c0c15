"""The core's pages and data files as MkDocs objects.

A generated page is a Page whose HTML, title and table of contents come from the core: MkDocs
never reads it as Markdown. Its file exists only in memory, and its text is made when MkDocs
asks for it (and, by the plugin, dropped once written): hundreds of MB at 10,000 case studies.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.render.deferred import Deferred
from generator.render.page import Heading, PageOutput
from generator.render.parallel import ParallelRenderError, StoredPage, render_to_files


class GeneratedFile(File):
    """A page or data file made by the core; `modified` is the rebuild plan's answer."""

    output: PageOutput | Deferred
    modified: bool = True

    @property
    def content_bytes(self) -> bytes:
        assert isinstance(self.output, Deferred)
        return self.output().encode()

    def is_modified(self) -> bool:
        return self.modified

    def copy_file(self, dirty: bool = False) -> None:  # data files; pages are written by MkDocs
        if not (dirty and not self.modified):
            Path(self.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            Path(self.abs_dest_path).write_bytes(self.content_bytes)


class GeneratedPage(Page):
    """A page whose HTML and table of contents the core made; never parsed as Markdown.
    Its title and meta are known from the start, so a preview's nav is whole even for pages
    it does not rebuild."""

    def __init__(self, output: PageOutput, file: File, config: MkDocsConfig) -> None:
        super().__init__(html.escape(output.title), file, config)  # becomes file.page
        self.output = output
        self.meta = {"title": html.escape(output.title), "description": html.escape(output.description)}
        if output.hide:
            self.meta["hide"] = list(output.hide)
        if output.feed_path:  # main.html links it (site_overrides)
            self.meta["feed"] = {"path": output.feed_path, "title": html.escape(output.feed_title)}

    def read_source(self, config: MkDocsConfig) -> None:
        self.markdown = ""

    stored: StoredPage | None = None  # its body, rendered ahead into a file (render_ahead)

    def render(self, config: MkDocsConfig, files: Files) -> None:
        rendered = self.output.body() if self.stored is None else None
        self.content = rendered.html if rendered else ""  # a stored body is read back by load()
        headings, anchors = (rendered.headings, rendered.anchor_ids) if rendered else self.stored_facts()
        self.toc = get_toc([_toc_token(heading) for heading in headings])
        self.present_anchor_ids = set(anchors)

    def stored_facts(self) -> tuple[tuple[Heading, ...], frozenset[str]]:
        assert self.stored is not None
        return self.stored.headings, self.stored.anchor_ids

    def load(self) -> None:
        """Just before MkDocs writes the page: its stored body, if it has one."""
        if self.stored is not None:
            self.content = self.stored.html_file.read_text(encoding="utf-8")


def render_ahead(files: Files, folder: Path, workers: int) -> None:
    """Render every generated page's body into `folder` on `workers` cores, ahead of MkDocs'
    page loop, which holds every body it renders until it writes them all (most of a large
    build's memory) and runs on one core."""
    pages = {file.src_uri: file.page for file in files if isinstance(file.page, GeneratedPage)}
    try:
        stored = render_to_files({uri: page.output for uri, page in pages.items()}, folder, workers)
    except ParallelRenderError as error:
        raise PluginError(f"a generated page could not be rendered:\n{error}") from None
    for uri, page in pages.items():
        page.stored = stored[uri]


def _toc_token(heading: Heading) -> Any:
    return {"level": heading.level, "id": heading.id, "name": html.escape(heading.text), "children": []}
