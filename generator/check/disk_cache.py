"""Remember which files were checked, and what was found, by content hash.

A cached result is used only when everything it depends on is unchanged: the file's
bytes and name, the schema, the taxonomy, the editorial policy, the generator's own code and today's date (some
rules compare dates with today). Any difference, or a cache file that cannot be read,
means the file is checked afresh: a stale result is never trusted.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from generator.check.file_check import FileCheck
from generator.config.project import Project
from generator.load.read_file import MAX_FILE_BYTES
from generator.problems import Problem, Severity

CACHE_FORMAT = 1
PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole generator package


@cache
def code_fingerprint() -> str:
    """A hash of the generator's own source, so a changed rule invalidates old results."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in (".py", ".j2") and path.is_file():
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def context_key(project: Project, today: date) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{today.isoformat()}|{code_fingerprint()}".encode())
    digest.update(project.schema_path.read_bytes())
    digest.update(project.taxonomy_path.read_bytes())
    digest.update(project.policy_path.read_bytes())
    return digest.hexdigest()


def file_digest(path: Path) -> str | None:
    """Content hash of a regular case-study file; None for anything not worth caching."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_FILE_BYTES:
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()


class ValidationCache:
    def __init__(self, path: Path, key: str, entries: dict[str, dict[str, Any]] | None = None):
        self.path = path
        self.key = key
        self._old = entries or {}
        self._new: dict[str, dict[str, Any]] = {}

    @classmethod
    def open(cls, path: Path, key: str) -> ValidationCache:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored.get("format") == CACHE_FORMAT and stored.get("key") == key:
                return cls(path, key, stored["files"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # missing or unreadable: start empty
        return cls(path, key)

    def get(self, display: str, digest: str) -> FileCheck | None:
        entry = self._old.get(display)
        if entry is None or entry.get("digest") != digest:
            return None
        try:
            check = FileCheck(
                display,
                [_problem(p) for p in entry["problems"]],
                entry["case_id"],
                entry["id_line"],
            )
        except (KeyError, TypeError, ValueError):
            return None
        self._new[display] = entry
        return check

    def put(self, display: str, digest: str, check: FileCheck) -> None:
        self._new[display] = {
            "digest": digest,
            "case_id": check.case_id,
            "id_line": check.id_line,
            "problems": [p.as_dict() for p in check.problems],
        }

    def save(self, keep_unvisited: bool) -> None:
        """Write atomically; a cache that cannot be written is only a slower next run.

        After a check of the whole collection only the files met are kept, so removed files
        drop out; after a check of named files, the others' entries are kept too."""
        files = {**self._old, **self._new} if keep_unvisited else self._new
        if files == self._old:
            return  # every result came from the cache and no file went away: nothing to write
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=self.path.parent, delete=False, encoding="utf-8") as tmp:
                tmp.write(json.dumps({"format": CACHE_FORMAT, "key": self.key, "files": files}))
            os.replace(tmp.name, self.path)
        except OSError:
            pass


def _problem(data: dict[str, Any]) -> Problem:
    return Problem(
        file=data["file"],
        message=data["message"],
        line=data["line"],
        column=data["column"],
        field=data["field"],
        hint=data["hint"],
        severity=Severity(data["severity"]),
    )
