"""The MkDocs adapter: feeds the generated pages to MkDocs. All the work is in the core.

Registered as the `practice` plugin. Pages exist only in memory (File.generated), so
nothing is written into a watched folder under `mkdocs serve`.
"""

from __future__ import annotations

import logging
import os
import shutil
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
from mkdocs.utils import clean_directory

from generator.adapters.mkdocs_html_blocks import GeneratedHtmlBlocks
from generator.check.collection import load_collection
from generator.check.memory_cache import RememberedChecks
from generator.config.build_date import BuildDateError, build_date, source_date_epoch
from generator.config.policy import PolicyError, ReviewPolicy
from generator.config.project import Project
from generator.config.taxonomy import Taxonomy
from generator.incremental.preview import PreviewError, preview_only
from generator.incremental.rebuild import Rebuilds, file_states
from generator.render.site import SiteRenderer
from generator.reporting import Report
from generator.reporting.text import format_text
from generator.search.pagefind_index import SearchIndexError, SearchIndexJob, pagefind_executable
from generator.search.records import SearchRecord, search_records

log = get_plugin_logger(__name__)

SEARCH_BUNDLE = "pagefind"  # folder in the built site; site_overrides and mkdocs.yml refer to it

# A SOURCE_DATE_EPOCH the user set is theirs to keep; otherwise the plugin sets it from the data.
_USER_SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")


class RenderedOnRead(File):
    """A generated page or data file whose text is made when MkDocs reads or copies it, and
    not kept.

    MkDocs reads every page before it writes any; holding every generated page's text from
    `on_files` on (as File.generated(content=...) does) cost hundreds of MB at 10,000 case
    studies. Together with dropping each page's source once converted and its HTML once
    written (the hooks below), a page's text is held only while MkDocs needs it.

    `modified` answers MkDocs' question in a dirty build (`practice serve`): whether the
    output must be made again, as planned by generator.incremental.rebuild, not guessed from file times.
    """

    make: Callable[[], str]
    modified: bool = True

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

    def is_modified(self) -> bool:
        return self.modified

    def copy_file(self, dirty: bool = False) -> None:
        """Data files (pages are written by MkDocs from their HTML)."""
        if dirty and not self.modified:
            return
        target = Path(self.abs_dest_path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(self.content_bytes)


class PracticeConfig(Config):
    site_title = config_options.Type(str, default="Effective Practice Repository")


class PracticePlugin(BasePlugin[PracticeConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._start(serving=False, incremental=False)

    def _start(self, *, serving: bool, incremental: bool) -> None:
        """MkDocs keeps this instance across a serve's rebuilds (it has on_startup): state
        carried from one build to the next lives here, and starts empty with each command.
        `incremental`: `mkdocs serve --dirty`, as `practice serve` runs it (generator.incremental.rebuild)."""
        self.serving = serving
        self.incremental = incremental
        self._rebuilds = Rebuilds()
        self._remembered = RememberedChecks() if incremental else None
        self._indexed: list[SearchRecord] | None = None  # what the site's search bundle holds
        self._search: SearchIndexJob | None = None
        self._html_blocks = GeneratedHtmlBlocks()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self._start(serving=command == "serve", incremental=command == "serve" and dirty)
        if self.incremental:
            logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_build_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = Project(Path(config.config_file_path).resolve().parent)
        config.markdown_extensions.append(self._html_blocks)  # type: ignore[arg-type]  # an instance is accepted
        try:
            self.review = ReviewPolicy.load(self.project.policy_path)
            self.as_of = build_date(_USER_SOURCE_DATE_EPOCH)  # the day review status is judged on
            only = preview_only(os.environ, self.serving)
        except (PolicyError, BuildDateError, PreviewError) as error:
            raise PluginError(str(error)) from None
        self.collection = load_collection(self.project, paths=only, review=self.review, remembered=self._remembered)
        if only is not None:
            log.info("previewing %d case studies only (practice serve --only)", len(self.collection.case_studies))
        self.taxonomy = Taxonomy.load(self.project.taxonomy_path)  # one snapshot for pages and search
        # Reproducible builds: the dates MkDocs stamps on its output (the sitemap's) come
        # from the collection's newest publication or review, not from the clock.
        if _USER_SOURCE_DATE_EPOCH is None and self.collection.case_studies:
            newest = max(max(c.published, c.last_reviewed) for c in self.collection.case_studies)
            os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(newest)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._discard_search_index()
        self._site_files = file_states(_site_sources(config)) if self.incremental else ()
        if self.incremental and not self._rebuilds.knows(self._site_files):
            clean_directory(config.site_dir)  # mkdocs.yml, a hand-written page or the theme changed
        if not self.collection.ok:
            return  # on_files reports the problems; there is nothing to index
        self._records = search_records(self.collection.case_studies, self.taxonomy)
        if self.incremental and self._records == self._indexed and (Path(config.site_dir) / SEARCH_BUNDLE).is_dir():
            return  # what search knows is unchanged: the site's bundle stays
        # A build writes the index now, into a scratch folder, and moves it into the site at
        # the end: Pagefind needs ~530 MB at 10,000 case studies, and this is the build's
        # smallest moment (later MkDocs holds every page; both at once passed 1 GB). A preview
        # indexes while MkDocs works: its rebuilds are small.
        try:
            executable = pagefind_executable(self.project.root)
            self._search = SearchIndexJob(self._records, executable, background=self.incremental)
            if not self.incremental:
                self._search.wait()
        except SearchIndexError as error:
            self._discard_search_index()
            raise PluginError(str(error)) from None

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
        self._outputs = renderer.pages(collection.case_studies, self.project.schema_path.read_text(encoding="utf-8"))
        plan = self._rebuilds.plan(self._outputs, self._site_files)
        for src_uri, make in self._outputs.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"{config.docs_dir}/{src_uri} clashes with a generated page; remove or rename it")
            file = RenderedOnRead.rendering(config, src_uri, make)
            file.modified = src_uri in plan.changed
            files.append(file)
        self._removed = [File.generated(config, src_uri, content="").abs_dest_path for src_uri in plan.removed]
        if plan.everything:
            log.info(
                "generated %d pages and data files from %d case studies",
                len(self._outputs),
                len(collection.case_studies),
            )
        else:
            log.info("%d of %d generated pages and data files changed", len(plan.changed), len(self._outputs))
        return files

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        self._html_blocks.start_page(generated=isinstance(page.file, RenderedOnRead))
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if isinstance(page.file, RenderedOnRead):
            page.markdown = ""  # converted: the source is not needed again (its title is in page.meta)
            # The ids in its HTML blocks, which MkDocs' own scan no longer sees (mkdocs_html_blocks).
            page.present_anchor_ids = (page.present_anchor_ids or set()) | self._html_blocks.anchor_ids
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page.file, RenderedOnRead):
            page.content = None  # written: other pages need only its title, url and anchors
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._search is not None:
            try:
                bundle = self._search.wait()
            except SearchIndexError as error:
                raise PluginError(str(error)) from None
            target = Path(config.site_dir) / SEARCH_BUNDLE
            if target.exists():
                shutil.rmtree(target)
            shutil.move(bundle, target)
            self._discard_search_index()
        elif self._records != self._indexed:
            raise PluginError("the search index was not written; see the messages above")
        self._indexed = self._records
        for path in self._removed:  # a case study deleted or renamed during a preview
            _remove_with_empty_folder(Path(path))
        if self.incremental:
            self._rebuilds.built(self._outputs, self._site_files)

    def on_build_error(self, *, error: Exception) -> None:
        self._discard_search_index()
        self._rebuilds.forget()  # what reached the site is unknown: the next build makes everything
        self._indexed = None

    def on_shutdown(self) -> None:
        self._discard_search_index()
        logging.getLogger("mkdocs.commands.build").removeFilter(_without_dirty_build_warning)

    def _discard_search_index(self) -> None:
        job, self._search = self._search, None
        if job is not None:
            job.discard()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        server.watch(str(self.project.practice_dir))
        server.watch(str(self.project.schema_path.parent))
        return server


def _site_sources(config: MkDocsConfig) -> list[Path]:
    """Everything besides practice/ and schema/ that a page may be made from."""
    sources = [Path(config.config_file_path), Path(config.docs_dir)]
    if config.theme.custom_dir:
        sources.append(Path(config.theme.custom_dir))
    return sources


def _remove_with_empty_folder(path: Path) -> None:
    path.unlink(missing_ok=True)
    if path.parent.is_dir() and not any(path.parent.iterdir()):
        path.parent.rmdir()


def _without_dirty_build_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build leaves pages stale, which in strict mode fails it. This
    plugin decides what to rebuild itself (generator.incremental.rebuild), so the warning does not apply."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")
