"""The MkDocs adapter (the `practice` plugin): maps the core's SiteBuild onto MkDocs and
holds no build logic. Generated pages and files: generator.adapters.mkdocs_pages."""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import clean_directory
from mkdocs.utils.templates import TemplateContext

from generator.adapters import mkdocs_support as support
from generator.adapters.mkdocs_owed import OwedOutputs
from generator.adapters.mkdocs_pages import GeneratedPage, add_generated, render_ahead
from generator.adapters.mkdocs_prerender import prerender
from generator.config.build_date import build_date, source_date_epoch
from generator.config.project import Project
from generator.config.publication import publication_from
from generator.incremental.preview import preview_only, watched_paths
from generator.incremental.session import BuildSession
from generator.load.history import HISTORY_UNREAD
from generator.problems import escape_invisible
from generator.render.parallel import available_workers, may_fork
from generator.reporting import Report
from generator.reporting.text import format_text
from generator.site_build import SiteBuild, SiteSettings, build_site

log = get_plugin_logger(__name__)
_USER_SOURCE_DATE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")  # the user's to keep; else set from the data


class PracticePlugin(BasePlugin):
    def __init__(self) -> None:
        super().__init__()
        self.session, self.serving = BuildSession(preview=False), False
        self._ahead: tempfile.TemporaryDirectory[str] | None = None  # a build's pages, made ahead on every core
        self.owed = OwedOutputs(lambda: self.session.forget_plan())  # a preview's, written when asked for

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"
        self.session = BuildSession(preview=self.serving and dirty)  # `practice serve` runs `mkdocs serve --dirty`
        logging.getLogger(support.BUILD_LOG).addFilter(support.without_dirty_warning)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._unwritten = self.owed.start_build()
        self.project = Project(Path(config.config_file_path).resolve().parent)
        if not config.use_directory_urls:
            raise PluginError("mkdocs.yml: use_directory_urls must be true; the generated links depend on it")
        with support.as_plugin_error():
            publication = publication_from(config.repo_url, config.edit_uri, config.extra.get("publication"))
            config.extra["publication"] = publication  # the footer (site_overrides) reads it
            settings = SiteSettings(
                publication=publication,
                site_name=config.site_name,
                site_url=config.site_url,
                as_of=build_date(_USER_SOURCE_DATE_EPOCH),
                only=preview_only(os.environ, self.serving),
            )
            self.build = build_site(self.project, settings, self.session.checks)
        if settings.only is not None:
            log.info("previewing %d case studies only (practice serve --only)", self.build.case_study_count)
        if _USER_SOURCE_DATE_EPOCH is None and self.build.newest_date:  # reproducible sitemap dates
            os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(self.build.newest_date)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.session.begin(support.site_sources(config)):
            clean_directory(config.site_dir)  # mkdocs.yml, a hand-written page or the theme changed
        if self.session.preview:
            support.keep_theme(config, self.session.site_files)
        if self.build.ok:
            with support.as_plugin_error():
                self.session.search.start(self.build.search, Path(config.site_dir), preview=self.session.preview)
        else:
            self.session.search.discard()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        build: SiteBuild = self.build
        if not build.ok:
            report = format_text(Report(build.problems, build.files_checked))
            raise PluginError(f"the case-study collection has problems; nothing was built.\n{report}")
        support.require_hand_written(files, config)
        for problem in build.problems:  # warnings only: shown; only an unread git history fails a strict build
            say = log.warning if problem.file == HISTORY_UNREAD else log.info
            say("%s: %s", escape_invisible(problem.location()), escape_invisible(problem.message))
        outputs = {**build.pages, **build.data_files}
        plan = self.session.plan(outputs, self._unwritten)
        add_generated(files, config, outputs, plan, build.case_study_count)
        self.owed.hold_back(files, plan)
        self._removed = [File.generated(config, uri, content="").abs_dest_path for uri in plan.removed]
        if not self.serving and may_fork():  # a build, not a preview, on several cores
            self._ahead = tempfile.TemporaryDirectory(prefix="practice-pages-")
            render_ahead(files, Path(self._ahead.name), available_workers())
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self._nav = nav
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        if self._ahead is not None:  # each generated page made whole, on every core
            prerender(files, config, self._nav, env, Path(self._ahead.name) / "whole", available_workers())
        self._env, self._files = env, files
        return env

    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: object
    ) -> TemplateContext:
        if isinstance(page, GeneratedPage):
            page.load()  # its body, if it was rendered ahead
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, GeneratedPage):
            page.content = None  # written: other pages need only its title, url and anchors
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._ahead = self._ahead and self._ahead.cleanup()  # None, once its files are gone
        support.remove_outputs(self._removed)  # a case study deleted or renamed during a preview
        self.session.built({**self.build.pages, **self.build.data_files})
        install_search = lambda: self.session.search.install(Path(config.site_dir))  # noqa: E731
        if not self.owed.owe(config, self._files, self._nav, self._env, install_search):  # a build wrote all
            with support.as_plugin_error():
                install_search()

    def on_build_error(self, *, error: Exception) -> None:
        self.owed.start_build()  # drop what a build failing at its end (strict mode) owes
        self.session.failed()

    def on_shutdown(self) -> None:
        self.owed.stop()
        self.session.search.discard()
        logging.getLogger(support.BUILD_LOG).removeFilter(support.without_dirty_warning)

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        told = self.owed.serve(server, prompt=self.project.practice_dir)  # by the kernel, of saves there
        for path in watched_paths(self.project, practice=not told):  # the rest, as MkDocs watches
            server.watch(str(path))
        return server
