"""Each file's check, reused while nothing it depends on has changed. One notion of
"unchanged", two stores.

A check depends on the file's bytes (and that it is a regular file), and on its context: the
schema, the taxonomy, the editorial policy, the generator's own code and the day (some rules
compare dates with today). `context_key` and `file_fingerprint` hash those; a stored check
is used only when both match.

- MemoryStore: for a preview (`practice serve`), which checks the collection on every save;
  keeps the parsed data too, which the site is made from.
- DiskStore: for `practice validate`, between runs; keeps problems, not data. A store that
  cannot be read is treated as empty, and one that cannot be written is only a slower next run.

Reading and hashing 10,000 files is most of an unchanged re-run (0.27 s of 0.44 s), so the
DiskStore, as git's index does, also keeps each file's state (size, modification and change
times in nanoseconds, inode, device) and takes the stored hash without reading a file whose
state is unchanged. A state is stored only once it is settled: a file whose times fall within
RACY_SECONDS before the start of the run that read it (or after) could be edited again in the
same clock tick without its state changing (git's "racily clean" entries; some filesystems
keep whole seconds), so it is stored without one and read again next time. The change time
cannot be set by a program (touch and os.utime set it to now), so restoring a file's
modification time after editing it does not hide the edit. (A network filesystem whose
server's clock runs RACY_SECONDS or more behind this machine's defeats the window.) The store
is trusted as far as it is already: it lives in the user's cache folder, which a pull
request cannot write (config/cache_location).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import Any

from generator.check.file_check import FileCheck
from generator.config.project import Project
from generator.load.files import regular_file_bytes
from generator.problems import Problem, Severity

CACHE_FORMAT = 5
RACY_SECONDS = 2  # a file's times this close to the run that read it: its state is not stored
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


def context_key(project: Project, today: object) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{today}|{code_fingerprint()}".encode())
    for path in (project.schema_path, project.taxonomy_path, project.policy_path):
        digest.update(regular_file_bytes(path) or b"")
    return digest.hexdigest()


def file_fingerprint(path: Path) -> str | None:
    """Content hash of a regular case-study file; None for anything not worth keeping."""
    raw = regular_file_bytes(path)
    return hashlib.sha256(raw).hexdigest() if raw is not None else None


FileState = tuple[int, int, int, int, int]


def settled_cutoff() -> int:
    """Taken when a run begins, before any file is read: a state whose times fall before it
    may stand for the file's bytes next time (nanoseconds)."""
    return time.time_ns() - RACY_SECONDS * 10**9


def is_settled(state: FileState, cutoff: int) -> bool:
    return max(state[1], state[2]) < cutoff  # modification and change times


def file_state(path: Path) -> FileState | None:
    """What changes when a regular file's bytes change; None for anything else."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


class CheckStore:
    """Checks by file, for one context. `begin` starts a run; `end` finishes it."""

    def __init__(self) -> None:
        self._context: str | None = None
        self._old: dict[str, tuple[str, Any]] = {}
        self._new: dict[str, tuple[str, Any]] = {}

    def begin(self, context: str) -> None:
        if context != self._context:
            self._old = {}  # what the checks depend on changed: nothing stored is valid
        self._context, self._new = context, {}

    def fingerprint(self, path: Path, display: str) -> str | None:
        """The file's content hash, as `get` and `put` take it."""
        return file_fingerprint(path)

    def get(self, display: str, fingerprint: str) -> FileCheck | None:
        entry = self._old.get(display)
        if entry is None or entry[0] != fingerprint:
            return None
        check = self._thaw(display, entry[1])
        if check is not None:
            self._new[display] = entry
        return check

    def put(self, display: str, fingerprint: str, check: FileCheck) -> None:
        self._new[display] = (fingerprint, self._freeze(check))

    def end(self, whole_collection: bool) -> None:
        """After a check of the whole collection only the files met are kept, so removed files
        drop out; after a check of named files, the others' entries are kept too."""
        self._old = self._new if whole_collection else {**self._old, **self._new}
        self._new = {}

    def _freeze(self, check: FileCheck) -> Any:
        return check

    def _thaw(self, display: str, stored: Any) -> FileCheck | None:
        return stored


class MemoryStore(CheckStore):
    """Keeps each check whole, parsed data included (a preview's store). As DiskStore, it knows
    an unchanged file by its state once settled, and does not read it again (1,000 files read
    and hashed on every save took 0.05-0.1 s)."""

    def __init__(self) -> None:
        super().__init__()
        self._known: dict[str, tuple[FileState, str]] = {}  # settled states, and their files' hashes
        self._seen: dict[str, tuple[FileState, str]] = {}
        self._settled_before = 0

    def begin(self, context: str) -> None:
        super().begin(context)
        self._seen, self._settled_before = {}, settled_cutoff()

    def fingerprint(self, path: Path, display: str) -> str | None:
        state = file_state(path)
        if state is None:
            return None
        known = self._known.get(display)
        if known is not None and known[0] == state:
            self._seen[display] = known
            return known[1]
        fingerprint = file_fingerprint(path)  # the state was taken first: a later edit changes it
        if fingerprint is not None and is_settled(state, self._settled_before):
            self._seen[display] = (state, fingerprint)
        return fingerprint

    def end(self, whole_collection: bool) -> None:
        super().end(whole_collection)
        self._known = self._seen if whole_collection else {**self._known, **self._seen}


class DiskStore(CheckStore):
    """Keeps problems and ids in a JSON file."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self._saved: dict[str, Any] = {}
        self._settled_before = 0  # nanoseconds: a state with times before this may be stored
        self._states: dict[str, FileState] = {}  # the files read this run, as they were

    def begin(self, context: str) -> None:
        self._saved, self._states = {}, {}
        self._settled_before = settled_cutoff()
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("format") == CACHE_FORMAT and stored.get("key") == context:
                self._saved = {name: (entry.pop("digest"), entry) for name, entry in stored["files"].items()}
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            self._saved = {}  # missing or unreadable: start empty
        self._context, self._old, self._new = context, dict(self._saved), {}

    def fingerprint(self, path: Path, display: str) -> str | None:
        state = file_state(path)
        if state is None:
            return None
        saved = self._saved.get(display)
        if saved is not None and saved[1].get("state") == list(state):
            return saved[0]  # stored only once settled: the bytes are those hashed then
        self._states[display] = state  # taken before the read: a later edit changes it
        return file_fingerprint(path)

    def get(self, display: str, fingerprint: str) -> FileCheck | None:
        check = super().get(display, fingerprint)
        if check is not None and display in self._states:  # same bytes, read again: its state now
            self._new[display] = (fingerprint, {**self._new[display][1], "state": self._settled(display)})
        return check

    def end(self, whole_collection: bool) -> None:
        super().end(whole_collection)
        if self._old == self._saved:
            return  # every result came from the store and no file went away: nothing to write
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", dir=self.path.parent, delete=False, encoding="utf-8") as tmp:
                files = {name: {"digest": digest, **entry} for name, (digest, entry) in self._old.items()}
                tmp.write(json.dumps({"format": CACHE_FORMAT, "key": self._context, "files": files}))
            os.replace(tmp.name, self.path)
        except OSError:
            pass

    def _settled(self, display: str) -> list[int] | None:
        """The state this run read the file in, if it may stand for its bytes next time."""
        state = self._states.get(display)
        return list(state) if state is not None and is_settled(state, self._settled_before) else None

    def _freeze(self, check: FileCheck) -> Any:
        return {
            "state": self._settled(check.display),
            "case_id": check.case_id,
            "id_line": check.id_line,
            "originates": check.originates,
            "role_line": check.role_line,
            "problems": [p.as_dict() for p in check.problems],
        }

    def _thaw(self, display: str, stored: Any) -> FileCheck | None:
        try:
            problems = [_problem(p) for p in stored["problems"]]
            check = FileCheck(display, problems, stored["case_id"], stored["id_line"])
            check.originates, check.role_line = stored["originates"], stored["role_line"]
            return check
        except (KeyError, TypeError, ValueError):
            return None


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
