"""Which files make up the collection, how editors see their paths, and safe peeks into them.

Nothing in practice/ is skipped silently: every entry but the README and non-YAML hidden
files (.gitkeep, .DS_Store) is returned, so an entry that is not a case study is reported
rather than left out of the site. Nothing here opens a file that is not a regular file: a
FIFO named *.yaml would block a read forever.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.load.from_events import claimed_id
from generator.problems import SetupError

NOT_CASE_STUDIES = {"README.md"}
MAX_FILE_BYTES = 256 * 1024


def case_study_paths(practice_dir: Path) -> list[Path]:
    """Every entry in practice/ but its README and hidden files that are not YAML."""
    if practice_dir.is_symlink():
        raise SetupError(
            f"{practice_dir.name}/ is a symbolic link: the collection must be the folder itself, so that "
            "nothing outside the repository is read or published"
        )
    if not practice_dir.is_dir():
        raise SetupError(
            f"{practice_dir.name}/ is missing: the collection lives in practice/ at the repository's root"
            if not practice_dir.exists()
            else f"{practice_dir.name} is not a folder; the collection lives in the folder practice/"
        )
    entries = (p for p in practice_dir.iterdir() if p.name not in NOT_CASE_STUDIES and _maybe_case_study(p.name))
    return sorted(entries, key=lambda p: p.name)


def _maybe_case_study(name: str) -> bool:
    return not name.startswith(".") or name.endswith((".yaml", ".yml"))


def named_file(path: Path) -> Path:
    """A file named on the command line, made absolute with its folder's links resolved but
    not its own: a symbolic link named as a case study is reported as one (read_file), never
    followed to whatever it points at."""
    absolute = Path(os.path.abspath(path))
    return absolute.parent.resolve() / absolute.name


def display_path(path: Path, root: Path) -> str:
    """The path as shown to editors: relative to the repository, with forward slashes."""
    relative = os.path.relpath(path, root)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def regular_file_bytes(path: Path) -> bytes | None:
    """The bytes of a regular file no larger than a case study may be; None for anything
    else (a symlink, a folder, a FIFO, a device, a file too large) without opening it."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
        return None
    try:
        return path.read_bytes()
    except OSError:
        return None


def peek_id(path: Path) -> str | None:
    """The id a file claims, for cross-checking files that were not named on the command line:
    read from libyaml's events up to the top-level id and no further (from_events.claimed_id).
    Any problem in the file itself is not this check's to report."""
    raw = regular_file_bytes(path)
    if raw is None:
        return None
    return claimed_id(raw.decode("utf-8", errors="replace").removeprefix("\ufeff"))
