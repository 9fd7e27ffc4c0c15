"""Where `practice validate` keeps its results between runs: in the user's cache folder,
never in the checkout.

A cache read from the checkout is whatever the checkout holds, and a pull request can add a
file there (`git add -f` passes .gitignore): one that did made `practice validate` print "all
valid" beside a file that crashed the parser. A pull request cannot write to the reader's
cache folder. So the store lives in the platform's user cache folder (platformdirs:
~/.cache/practice-repository on Linux), one file per repository (named by a hash of its path),
or in $PRACTICE_CACHE_DIR when that is set; and a cache found where earlier versions kept it,
in the checkout's .cache/practice/, is never read and is reported.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

from generator.config.project import Project
from generator.problems import Problem, Severity

CACHE_VARIABLE = "PRACTICE_CACHE_DIR"
APPLICATION = "practice-repository"
IN_CHECKOUT = Path(".cache") / "practice"  # where versions before issue 22 kept it


def validation_cache_path(project: Project) -> Path:
    folder = os.environ.get(CACHE_VARIABLE) or platformdirs.user_cache_dir(APPLICATION, appauthor=False)
    repository = hashlib.sha256(str(project.root.resolve()).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    return Path(folder) / f"validation-{repository}.json"


def cache_in_checkout(project: Project) -> Problem | None:
    """A warning if the checkout holds a validation cache, which is ignored."""
    found = project.root / IN_CHECKOUT
    if not found.exists() and not found.is_symlink():
        return None
    return Problem(
        IN_CHECKOUT.as_posix() + "/",
        "is not read: validation results are kept outside the repository, because a cache in the "
        "checkout could have come from a pull request and say anything",
        hint=f"delete {IN_CHECKOUT.as_posix()}/; results are now kept in your user cache folder",
        severity=Severity.WARNING,
    )
