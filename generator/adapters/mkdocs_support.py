"""Small pieces of the MkDocs adapter: the engine's files a page is made from, the dirty-build
warning the plugin makes unnecessary, and the theme's listing and compiled templates a preview keeps."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from generator.problems import SetupError
from generator.render.urls import HAND_WRITTEN

DIRTY_WARNING = "A 'dirty' build is being performed"  # the plugin plans dirty builds itself
# Its logger, by the engine's own name (under ProperDocs, `mkdocs.*` imports are `properdocs.*`).
BUILD_LOG = engine_build.__name__


def site_sources(config: MkDocsConfig) -> list[Path]:
    """What else a page is made from, resolved (given -f, MkDocs names the config relatively once)."""
    sources = [Path(config.config_file_path).resolve(), Path(config.docs_dir).resolve()]
    return [*sources, Path(config.theme.custom_dir).resolve()] if config.theme.custom_dir else sources


def without_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns that a dirty build leaves pages stale, which fails a strict build; the plugin plans them."""
    return not record.getMessage().startswith(DIRTY_WARNING)


@contextmanager
def as_plugin_error() -> Iterator[None]:
    """A fault in the set-up, told as MkDocs tells a plugin's: its message, no traceback."""
    try:
        yield
    except SetupError as error:
        raise PluginError(str(error)) from None


def remove_outputs(paths: list[str]) -> None:
    """Remove these files of the site, and each folder they leave empty."""
    for path in map(Path, paths):
        path.unlink(missing_ok=True)
        if path.parent.is_dir() and not any(path.parent.iterdir()):
            path.parent.rmdir()


def require_hand_written(files: Files, config: MkDocsConfig) -> None:
    for page in HAND_WRITTEN:
        if files.get_file_from_path(page) is None:
            raise PluginError(f"{config.docs_dir}/{page} is missing; generated pages link to it")


_THEME_LISTING: dict[Any, list[str]] = {}  # the latest listing only


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled by earlier builds, in memory. Jinja checks each against its source's
    checksum before use, so an edited template is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_COMPILED = CompiledTemplates()


def keep_theme(config: MkDocsConfig, site_files: object) -> None:
    """For a preview: list the theme's folders and compile its templates once, not on every
    save (MkDocs makes a new template environment for each build).

    MkDocs lists every file of the theme to find its static files, and Material's folder
    holds some 12,000 icons (0.7 s of each rebuild at 1,000 case studies). The listing is kept
    while the site's own files (`site_files`: mkdocs.yml, docs/, site_overrides/) are
    unchanged, since they decide which folders are listed and which names are taken; the
    files' contents are read afresh. Compiling the theme's templates took 0.3-0.6 s more."""
    theme = config.theme
    make_env = type(theme).get_env.__get__(theme)  # the engine's own, however often this is called

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.bytecode_cache = _COMPILED
        list_all = env.list_templates

        def list_templates(extensions: Any = None, filter_func: Any = None) -> list[str]:
            key = (site_files, tuple(theme.dirs), getattr(filter_func, "__qualname__", None), extensions)
            if key not in _THEME_LISTING:
                _THEME_LISTING.clear()
                _THEME_LISTING[key] = list_all(extensions, filter_func)
            return list(_THEME_LISTING[key])

        env.list_templates = list_templates  # type: ignore[method-assign]
        return env

    theme.get_env = get_env  # type: ignore[method-assign]
