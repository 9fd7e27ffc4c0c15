"""Small pieces of the MkDocs adapter: the engine's files a page is made from, and the dirty-build
warning the plugin makes unnecessary."""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands import build as engine_build
from mkdocs.config.defaults import MkDocsConfig

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
