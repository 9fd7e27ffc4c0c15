"""The MkDocs adapter: feeds the generated pages to MkDocs. All the work is in the core.

Registered as the `practice` plugin. Pages exist only in memory (File.generated), so
nothing is written into a watched folder under `mkdocs serve`.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files

from generator.build_date import BuildDateError, build_date, source_date_epoch
from generator.collection import load_collection
from generator.policy import PolicyError, ReviewPolicy
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


class PracticeConfig(Config):
    site_title = config_options.Type(str, default="Effective Practice Repository")


class PracticePlugin(BasePlugin[PracticeConfig]):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project = Project(Path(config.config_file_path).resolve().parent)
        try:
            self.review = ReviewPolicy.load(self.project.policy_path)
            self.as_of = build_date(_USER_SOURCE_DATE_EPOCH)  # the day review status is judged on
        except (PolicyError, BuildDateError) as error:
            raise PluginError(str(error)) from None
        self.collection = load_collection(self.project, review=self.review)
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
        pages = renderer.render(collection.case_studies, self.project.schema_path.read_text(encoding="utf-8"))
        for src_uri, content in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"{config.docs_dir}/{src_uri} clashes with a generated page; remove or rename it")
            files.append(File.generated(config, src_uri, content=content))
        log.info("generated %d pages and data files from %d case studies", len(pages), len(collection.case_studies))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        records = search_records(self.collection.case_studies, self.taxonomy)
        try:
            write_search_index(records, Path(config.site_dir) / SEARCH_BUNDLE, pagefind_executable(self.project.root))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        log.info("indexed %d case studies for search", len(records))

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        server.watch(str(self.project.practice_dir))
        server.watch(str(self.project.schema_path.parent))
        return server
