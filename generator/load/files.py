"""Which files make up the collection, how editors see their paths, and safe peeks into them.

Nothing in practice/ is skipped silently: every entry but the README and non-YAML hidden
files (.gitkeep, .DS_Store) is returned, so an entry that is not a case study is reported
rather than left out of the site. Nothing here opens a file that is not a regular file: a
FIFO named *.yaml would block a read forever.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from generator.problems import SetupError

NOT_CASE_STUDIES = {"README.md"}
MAX_FILE_BYTES = 256 * 1024


def case_study_paths(practice_dir: Path) -> list[Path]:
    """Every entry in practice/ but its README and hidden files that are not YAML."""
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


_ID_LINE = re.compile(r"^id:[ \t]*['\"]?([^'\"#\s]+)", re.MULTILINE)


def id_line(text: str) -> tuple[str, int] | None:
    """The id a case study's text claims at the left margin, and its 1-based line."""
    found = _ID_LINE.search(text)
    return (found.group(1), text.count("\n", 0, found.start()) + 1) if found else None


def peek_id(path: Path) -> str | None:
    """The id a file claims, read without parsing it: for cross-checking files that were not
    named on the command line. Any problem in the file itself is not this check's to report."""
    raw = regular_file_bytes(path)
    if raw is None:
        return None
    found = id_line(raw.decode("utf-8", errors="replace"))
    return found[0] if found else None
