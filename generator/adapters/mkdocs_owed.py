"""A preview's changed pages and files, written when asked for (generator/incremental/owed.py
says why).

`mkdocs serve` answers no request while it builds. A preview's rebuild hands the generated
outputs it changed to `Owed` instead of writing them, and leaves the new search index to be
installed when first asked for (outside Owed's lock: waiting for its process takes seconds);
MkDocs' server is wrapped so that a request makes what it asks for before MkDocs serves it.
The first build of a preview, and any build that remakes everything, writes everything itself.
"""

from __future__ import annotations

import contextlib
import gc
import posixpath
import shutil
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from generator.adapters.mkdocs_pages import GeneratedFile, GeneratedPage
from generator.adapters.mkdocs_watch import PromptWatch
from generator.incremental.owed import Maker, Owed
from generator.incremental.rebuild import RebuildPlan
from generator.problems import SetupError, escape_invisible
from generator.search.bundle import BUNDLE_FOLDER, SearchIndexSuperseded

log = get_plugin_logger(__name__)
WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class OwedOutputs:
    def __init__(self, on_failure: Callable[[], None]) -> None:
        self.owed = Owed(self._failed)
        self._on_failure = on_failure  # the next build must make everything
        self._held: list[GeneratedFile] = []
        self._holding = False
        self._sources: dict[str, str] = {}  # what is owed, by path in the site -> its source path
        self._site_dir = Path()
        self._search: Maker | None = None  # the search index's install, once its process is done
        self._watch: PromptWatch | None = None
        self._search_lock = threading.Lock()  # one reader waits for the index; the others, for that one

    def start_build(self) -> list[str]:
        """A build starts: stop making the last one's outputs; the source paths still owed."""
        self._search = None  # the build starting indexes afresh (and stops this index's process)
        left = self.owed.pause()
        return [self._sources[path] for path in left if path in self._sources]

    def hold_back(self, files: Files, plan: RebuildPlan) -> None:
        """A preview's rebuild (not one that makes everything, as every plain build does):
        MkDocs is to write none of the generated outputs that changed."""
        self._holding = not plan.everything
        self._held = [f for f in files if isinstance(f, GeneratedFile) and f.modified] if self._holding else []
        for file in self._held:
            file.modified = False

    def owe(
        self, config: MkDocsConfig, files: Files, nav: Navigation, env: jinja2.Environment, install_search: Maker
    ) -> bool:
        """After the build: owe what it held back and the search index's install. False if it
        held nothing back: the build wrote everything, and the caller installs the index."""
        if not self._holding:
            return False
        self._site_dir = Path(config.site_dir)
        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        makers: dict[str, Maker] = {}
        for file in self._held:
            page = file.page
            if isinstance(page, GeneratedPage):
                makers[file.dest_uri] = _page_maker(page, config, files, doc_files, nav, env)
            else:
                makers[file.dest_uri] = _file_maker(file)
        self._sources = {file.dest_uri: file.src_uri for file in self._held}
        self._held, self._holding, self._search = [], False, install_search
        log.info("%d changed pages and files are written when first asked for", len(makers))
        self.owed.owe(makers)
        return True

    def serve(self, server: LiveReloadServer, *, prompt: Path) -> bool:
        """Once the preview's first build is done: answer `server`'s requests making what they
        ask for first if it is owed, and watch `prompt` for saves as the kernel tells of them
        (mkdocs_watch): False if it cannot, and MkDocs is to watch it.

        What the process holds by now (the engine, the theme, the case studies a save leaves
        unchanged) is set aside from the garbage collector, which went through all of it
        every other save (0.35-0.45 s at 1,000 case studies). What of it later dies in a
        reference cycle is not collected before the preview ends: once, at most the first
        build's own pages and files (a preview's memory stayed at 365-382 MB over 40 saves)."""
        gc.collect()
        gc.freeze()
        server.set_app(self.serve_when_made(server.get_app(), server.mount_path))
        self._watch = PromptWatch.start(server, prompt)
        return self._watch is not None

    def stop(self) -> None:
        """The preview ends: owe nothing, watch nothing, collect everything again."""
        self.start_build()
        if self._watch is not None:
            self._watch.stop()
            self._watch = None
        gc.unfreeze()

    def finish(self) -> None:
        """Write everything owed now (the tests, which compare the whole site with a build's)."""
        self._settle_search()
        self.owed.finish()

    def serve_when_made(self, app: WsgiApp, mount_path: str) -> WsgiApp:
        """MkDocs' server app, making what a request asks for first if it is owed."""

        def app_making_owed_first(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
            path = environ.get("PATH_INFO", "").encode("latin-1").decode("utf-8", "ignore")
            if path.startswith("/livereload/") or not (path + "/").startswith(mount_path):
                return app(environ, start_response)  # a long poll for the next build, or not a file
            wanted = posixpath.normpath("/" + path[len(mount_path) :] + ("index.html" if path.endswith("/") else ""))
            wanted = wanted.lstrip("/")
            while True:
                generation = self.owed.generation
                if wanted == BUNDLE_FOLDER or wanted.startswith(f"{BUNDLE_FOLDER}/"):
                    self._settle_search()  # outside the registry's lock: it may take seconds
                self.owed.settle([wanted, f"{wanted}/index.html"])
                answer, hold = _held_answer()
                body = app(environ, hold)
                if self.owed.generation == generation:  # no build started or ended meanwhile
                    start_response(*answer)
                    return body
                getattr(body, "close", lambda: None)()  # a build came between: make it again if owed

        return app_making_owed_first

    def _settle_search(self) -> None:
        """Install the search index if its install is owed, waiting for its process."""
        with self._search_lock:
            install = self._search
            if install is None:
                return
            try:
                install()
            except SearchIndexSuperseded:
                return  # a save's build stopped it; the request is answered from that build
            except SetupError as error:
                log.error("the search index could not be written: %s", escape_invisible(str(error)))
                shutil.rmtree(self._site_dir / BUNDLE_FOLDER, ignore_errors=True)  # no stale index served
            if self._search is install:
                self._search = None

    def _failed(self, path: str, error: Exception) -> None:
        self._on_failure()  # first: whatever else fails, the next build makes everything
        log.error("could not make %s: %s", escape_invisible(path), escape_invisible(str(error)))
        with contextlib.suppress(OSError):
            (self._site_dir / path).unlink(missing_ok=True)  # no stale copy is served


def _held_answer() -> tuple[list[Any], Callable[..., None]]:
    """A WSGI start_response that keeps its arguments (MkDocs' app never calls write())."""
    answer: list[Any] = []

    def hold(*args: Any) -> None:
        answer[:] = args

    return answer, hold


def _page_maker(
    page: GeneratedPage, config: MkDocsConfig, files: Files, doc_files: Any, nav: Navigation, env: jinja2.Environment
) -> Maker:
    def make() -> None:  # as MkDocs' own loops would: its page events, its theme's template
        engine_build._populate_page(page, config, files)
        engine_build._build_page(page, config, doc_files, nav, env)

    return make


def _file_maker(file: GeneratedFile) -> Maker:
    def make() -> None:
        file.modified = True
        file.copy_file()

    return make
