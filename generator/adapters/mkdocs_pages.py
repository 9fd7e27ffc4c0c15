"""The core's pages and data files as MkDocs objects.

A generated page is a Page whose HTML, title and table of contents come from the core: MkDocs
never reads it as Markdown. Its file exists only in memory, and its text is made when MkDocs
asks for it (and, by the plugin, dropped once written): hundreds of MB at 10,000 case studies.
"""

from __future__ import annotations

import functools
import html
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from generator.incremental.rebuild import RebuildPlan
from generator.render.deferred import Deferred
from generator.render.page import Heading, PageOutput
from generator.render.parallel import Job, ParallelRenderError, StoredPage, read_back, render_to_files, run_in_workers

log = get_plugin_logger(__name__)


class GeneratedFile(File):
    """A page or data file made by the core; `modified` is the rebuild plan's answer."""

    output: PageOutput | Deferred
    modified: bool = True
    made: Path | None = None  # a data file's text, made ahead (render_ahead)

    @property
    def content_bytes(self) -> bytes:
        assert isinstance(self.output, Deferred)
        return (read_back(self.made) if self.made else self.output()).encode()

    def is_modified(self) -> bool:
        return self.modified

    def copy_file(self, dirty: bool = False) -> None:  # data files; pages are written by MkDocs
        if not (dirty and not self.modified):
            Path(self.abs_dest_path).parent.mkdir(parents=True, exist_ok=True)
            if self.made:  # its bytes as made: read whole, decoded and encoded, 10,000 case studies' JSON took 450 MB
                shutil.copyfile(self.made, self.abs_dest_path)
            else:
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

    def _set_canonical_url(self, base: str | None) -> None:
        """MkDocs' own, with its URL functions remembered: a preview made the same 1,300
        addresses again on every save (0.1 s at 1,000 case studies)."""
        if not base:
            return super()._set_canonical_url(base)
        self.canonical_url = canonical_url = _joined(base if base.endswith("/") else base + "/", self.url)
        self.abs_url = _path_of(canonical_url)

    stored: StoredPage | None = None  # its body, rendered ahead into a file (render_ahead)
    final: Path | None = None  # the whole page, made ahead with the theme (mkdocs_prerender)

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
        """Just before the page is written: the whole page made ahead, or else its stored body."""
        made = self.final or (self.stored.html_file if self.stored else None)
        if made is not None:
            self.content = read_back(made)


def add_generated(
    files: Files, config: MkDocsConfig, outputs: dict[str, PageOutput | Deferred], plan: RebuildPlan, case_studies: int
) -> None:
    """The core's pages and data files, as MkDocs files (and pages) in `files`."""
    changed = plan.changed
    for src_uri, output in outputs.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"{config.docs_dir}/{src_uri} clashes with a generated page; remove or rename it")
        file = GeneratedFile.generated(config, src_uri, content="")
        assert isinstance(file, GeneratedFile)
        file.output, file.modified = output, src_uri in changed
        if isinstance(output, PageOutput):
            GeneratedPage(output, file, config)
        files.append(file)
    if plan.everything:
        log.info("generated %d pages and data files from %d case studies", len(outputs), case_studies)
    else:
        log.info("%d of %d generated pages and data files changed", len(changed), len(outputs))


def render_ahead(files: Files, folder: Path, workers: int) -> None:
    """Every generated page's body and data file's text, made into `folder` on `workers`
    cores, ahead of MkDocs' page loop, which holds every body it renders until it writes them
    all (most of a large build's memory) and runs on one core."""
    generated = [file for file in files if isinstance(file, GeneratedFile)]
    pages = {f.src_uri: f.page for f in generated if isinstance(f.page, GeneratedPage)}
    data = {f.src_uri: f for f in generated if f.page is None}
    try:
        stored = render_to_files({uri: page.output for uri, page in pages.items()}, folder / "pages", workers)
        made = run_in_workers({uri: _text_job(file.output) for uri, file in data.items()}, folder / "data", workers)
    except ParallelRenderError as error:
        raise PluginError(f"a generated page or file could not be made:\n{error}") from None
    for uri, page in pages.items():
        page.stored = stored[uri]
    for uri, file in data.items():
        file.made = made[uri][0]


def _text_job(output: PageOutput | Deferred) -> Job:
    assert isinstance(output, Deferred)
    return lambda: (output.pieces(), None)


_joined = functools.lru_cache(maxsize=1 << 16)(urljoin)
_path_of = functools.lru_cache(maxsize=1 << 16)(lambda url: urlsplit(url).path)


def _toc_token(heading: Heading) -> Any:
    return {"level": heading.level, "id": heading.id, "name": html.escape(heading.text), "children": []}
