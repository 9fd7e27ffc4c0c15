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
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.render.deferred import Deferred
from generator.render.page import Heading, PageOutput


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

    def render(self, config: MkDocsConfig, files: Files) -> None:
        rendered = self.output.body()
        self.content = rendered.html
        self.toc = get_toc([_toc_token(heading) for heading in rendered.headings])
        self.present_anchor_ids = set(rendered.anchor_ids)


def _toc_token(heading: Heading) -> Any:
    return {"level": heading.level, "id": heading.id, "name": html.escape(heading.text), "children": []}
