"""Small pieces of the MkDocs adapter: the engine's files a page is made from, the dirty-build
warning the plugin makes unnecessary, and the theme's listing a preview keeps."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

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


def require_hand_written(files: Files, config: MkDocsConfig) -> None:
    for page in HAND_WRITTEN:
        if files.get_file_from_path(page) is None:
            raise PluginError(f"{config.docs_dir}/{page} is missing; generated pages link to it")


_THEME_LISTING: dict[Any, list[str]] = {}  # the latest listing only


def keep_theme_listing(config: MkDocsConfig, site_files: object) -> None:
    """For a preview: list the theme's folders once, not on every save. MkDocs lists every
    file of the theme to find its static files, and Material's folder holds some 12,000 icons
    (0.7 s of each rebuild at 1,000 case studies). The listing is kept while the site's own
    files (`site_files`: mkdocs.yml, docs/, site_overrides/) are unchanged, since they decide
    which folders are listed and which names are taken; the files' contents are read afresh."""
    theme = config.theme
    make_env = type(theme).get_env.__get__(theme)  # the engine's own, however often this is called

    def get_env() -> jinja2.Environment:
        env = make_env()
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
