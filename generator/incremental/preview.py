"""Previewing part of the collection under `practice serve --only FILE ...`.

MkDocs rebuilds the whole site on every save; at 1,000 case studies that takes ~12 s. An
editor working on one case study can preview just it (ids still checked against the whole
collection). The choice travels to the MkDocs plugin in an environment variable, and only
`mkdocs serve` honours it: a build with it set is refused, so a leftover variable can never
publish part of the collection.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from generator.config.project import Project
from generator.load.history import head_log
from generator.problems import SetupError

PREVIEW_ONLY_VARIABLE = "PRACTICE_PREVIEW_ONLY"


class PreviewError(SetupError):
    pass


def preview_only(environ: Mapping[str, str], serving: bool) -> list[Path] | None:
    """The case-study files to preview, or None for the whole collection."""
    value = environ.get(PREVIEW_ONLY_VARIABLE, "")
    if not value:
        return None
    if not serving:
        raise PreviewError(
            f"{PREVIEW_ONLY_VARIABLE} is set, which would build only part of the collection; it is for "
            "previews (practice serve --only FILE). Unset it to build the whole site."
        )
    return [Path(part) for part in value.split(os.pathsep) if part]


def watched_paths(project: Project, *, practice: bool = True) -> list[Path]:
    """What a preview rebuilds on, besides the engine's own configuration and pages: the
    collection (unless `practice` is False: watched otherwise), the schema folder, and git's
    log of HEAD (each page's Changes come from git)."""
    log = head_log(project.root)
    return [*([project.practice_dir] if practice else []), project.schema_path.parent, *([log] if log else [])]
