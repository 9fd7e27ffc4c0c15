"""The MkDocs adapter: feeds the generated pages to MkDocs. All the work is in the core.

Registered as the `practice` plugin. Pages exist only in memory (File.generated), so
nothing is written into a watched folder under `mkdocs serve`.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from generator.build_date import BuildDateError, build_date, source_date_epoch
from generator.collection import load_collection
from generator.policy import PolicyError, ReviewPolicy
from generator.preview import PreviewError, preview_only
from generator.project import Project
from generator.render.site import SiteRenderer
from generator.reporting import Report
from generator.reporting.text import format_text
from generator.search.pagefind_index import SearchIndexError, pagefind_executable, write_search_index
from generator.search.records import search_records
from generator.taxonomy import Taxonomy

log = get_plugin_logger(__name__)

SEARCH_BUNDLE = "pagefind"  # folder in the built site; site_overrides and mkdocs.yml refer to it

# A SOURCE_DATE_EPOCH the user set is theirs to keep; otherwise the plugin sets it from the data.
_USER_SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")


class RenderedOnRead(File):
    """A generated page whose Markdown is rendered when MkDocs reads it, and not kept.

    MkDocs reads every page before it writes any; holding every generated page's text from
    `on_files` on (as File.generated(content=...) does) cost hundreds of MB at 10,000 case
    studies. Together with dropping each page's source once converted and its HTML once
    written (the hooks below), a page's text is held only while MkDocs needs it.
    """

    make: Callable[[], str]

    @classmethod
    def rendering(cls, config: MkDocsConfig, src_uri: str, make: Callable[[], str]) -> RenderedOnRead:
        file = cls.generated(config, src_uri, content="")  # the content is never stored: see content_string
        assert isinstance(file, RenderedOnRead)
        file.make = make
        return file

    @property
    def content_string(self) -> str:
        return self.make()

    @property
    def content_bytes(self) -> bytes:
        return self.make().encode()


class PracticeConfig(Config):
    site_title = config_options.Type(str, default="Effective Practice Repository")


class PracticePlugin(BasePlugin[PracticeConfig]):
    serving = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = Project(Path(config.config_file_path).resolve().parent)
        try:
            self.review = ReviewPolicy.load(self.project.policy_path)
            self.as_of = build_date(_USER_SOURCE_DATE_EPOCH)  # the day review status is judged on
            only = preview_only(os.environ, self.serving)
        except (PolicyError, BuildDateError, PreviewError) as error:
            raise PluginError(str(error)) from None
        self.collection = load_collection(self.project, paths=only, review=self.review)
        if only is not None:
            log.info("previewing %d case studies only (practice serve --only)", len(self.collection.case_studies))
        self.taxonomy = Taxonomy.load(self.project.taxonomy_path)  # one snapshot for pages and search
        # Reproducible builds: the dates MkDocs stamps on its output (the sitemap's) come
        # from the collection's newest publication or review, not from the clock.
        if _USER_SOURCE_DATE_EPOCH is None and self.collection.case_studies:
            newest = max(max(c.published, c.last_reviewed) for c in self.collection.case_studies)
            os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(newest)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        collection = self.collection
        if not collection.ok:
            raise PluginError(
                "the case-study collection has problems; nothing was built.\n"
                + format_text(Report(collection.problems, collection.files_checked))
            )
        for problem in collection.problems:  # warnings only: shown, never fatal
            log.info("%s: %s", problem.location(), problem.message)
        renderer = SiteRenderer(
            self.taxonomy,
            site_name=self.config.site_title,
            site_url=config.site_url,
            review=self.review,
            as_of=self.as_of,
        )
        pages = renderer.pages(collection.case_studies, self.project.schema_path.read_text(encoding="utf-8"))
        for src_uri, make in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"{config.docs_dir}/{src_uri} clashes with a generated page; remove or rename it")
            if src_uri.endswith(".md"):
                files.append(RenderedOnRead.rendering(config, src_uri, make))
            else:  # data files are copied from the File's content as it is
                files.append(File.generated(config, src_uri, content=make()))
        log.info("generated %d pages and data files from %d case studies", len(pages), len(collection.case_studies))
        return files

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if isinstance(page.file, RenderedOnRead):
            page.markdown = ""  # converted: the source is not needed again (its title is in page.meta)
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page.file, RenderedOnRead):
            page.content = None  # written: other pages need only its title, url and anchors
        return output

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        # The search index is written now, into a scratch folder, and moved into the site at
        # the end: Pagefind needs ~530 MB at 10,000 case studies, and this is the build's
        # smallest moment (later MkDocs holds every page; both at once passed 1 GB).
        self._discard_search_index()
        if not self.collection.ok:
            return  # on_files reports the problems; there is nothing to index
        records = search_records(self.collection.case_studies, self.taxonomy)
        self._search_scratch = tempfile.TemporaryDirectory(prefix="practice-search-index-")
        try:
            write_search_index(
                records, Path(self._search_scratch.name) / SEARCH_BUNDLE, pagefind_executable(self.project.root)
            )
        except SearchIndexError as error:
            self._discard_search_index()
            raise PluginError(str(error)) from None
        log.info("indexed %d case studies for search", len(records))

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._search_scratch is None:
            raise PluginError("the search index was not written; see the messages above")
        target = Path(config.site_dir) / SEARCH_BUNDLE
        if target.exists():
            shutil.rmtree(target)
        shutil.move(Path(self._search_scratch.name) / SEARCH_BUNDLE, target)
        self._discard_search_index()

    def on_build_error(self, *, error: Exception) -> None:
        self._discard_search_index()

    def on_shutdown(self) -> None:
        self._discard_search_index()

    def _discard_search_index(self) -> None:
        scratch, self._search_scratch = getattr(self, "_search_scratch", None), None
        if scratch is not None:
            scratch.cleanup()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        server.watch(str(self.project.practice_dir))
        server.watch(str(self.project.schema_path.parent))
        return server
