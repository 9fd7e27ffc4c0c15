"""Each case study's changes, from git: the date and message of every commit that touched its
file, newest first, and, where the evidence rating changed, the old and new rating with the
note that came with the new one.

Two git processes read the whole collection's history, whatever its size: `git log` lists the
commits under practice/ and the files each changed (renames followed), and one
`git cat-file --batch` reads those commits (their dates and messages) and both versions of
each changed file. A rating is read from a version by the strict loader, the parser's own
view, never by a scan of the diff. The same commit always gives the same history, so two
builds of it stay byte-identical.

Nothing from git is trusted: a message is text (the templates escape it), with invisible
characters written as escapes and its length capped, and an unreadable version, commit or
listing costs only its own detail. A copy without git history (a tarball, or git missing)
and a shallow clone, which holds only the newest commits, are said so on each page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.load.files import MAX_FILE_BYTES
from generator.load.strict_yaml import load_yaml
from generator.problems import escape_invisible

MAX_MESSAGE_CHARACTERS = 1000  # a commit's first paragraph, as shown; longer ones end in "…"
GIT_TIMEOUT_SECONDS = 120
# Settings that would change what git prints, or run a program, pinned whatever the reader's
# own git configuration says.
_GIT_SETTINGS = (
    "-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "-c", "log.showSignature=false",
    "-c", "diff.renames=true", "-c", "color.ui=false",
)  # fmt: skip
_NO_FILE = "0" * 40


class Completeness(StrEnum):
    FULL = "full"  # the whole history: every change is listed
    PARTIAL = "partial"  # a shallow clone: only the newest commits
    NONE = "none"  # no git history at all


@dataclass(frozen=True)
class RatingChange:
    old: str
    new: str
    note: str  # the evidence note of the new version ("" if it has none)


@dataclass(frozen=True)
class Change:
    commit: str  # the full commit id
    day: date  # the day it was committed, in the committer's time zone
    message: str  # the message's first paragraph, one line
    rating: RatingChange | None = None


@dataclass(frozen=True)
class History:
    completeness: Completeness
    changes: dict[str, tuple[Change, ...]] = field(default_factory=dict)  # by path from the project root
    problem: str = ""  # why the history could not be read, when git was there but failed

    def of(self, source_file: str) -> tuple[Change, ...]:
        return self.changes.get(source_file, ())


NO_HISTORY = History(Completeness.NONE)


@dataclass
class _Entry:
    """One file changed by one commit, as `git log --raw` lists it."""

    commit: str
    path: str  # the file's path now (renames followed back)
    old_blob: str
    new_blob: str
    modified: bool  # an earlier version exists (modified or renamed), so a rating can change


def read_history(root: Path, practice_dir: Path) -> History:
    """The history of every file under `practice_dir`, keyed by its path from `root`."""
    git = shutil.which("git")
    if git is None:
        return NO_HISTORY
    try:
        found = _git(git, root, "rev-parse", "--show-toplevel", "--is-shallow-repository")
        top, shallow = found.decode().split("\n")[:2]
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError, ValueError):
        return NO_HISTORY  # not a git checkout
    try:
        toplevel = Path(top).resolve()
        prefix = root.resolve().relative_to(toplevel).as_posix()
        listing = _git(git, toplevel, "log", "-z", "--format=commit %H", "--raw", "--no-abbrev", "-M", "--",
                       practice_dir.resolve().relative_to(toplevel).as_posix())  # fmt: skip
        entries = list(_entries(listing))
        objects = _objects(git, toplevel, _wanted(entries))
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        return History(Completeness.NONE, problem=escape_invisible(str(error))[:300])
    commits = {commit: parsed for commit in {e.commit for e in entries} if (parsed := _commit(objects.get(commit)))}
    ratings = {blob: _rating(objects.get(blob)) for e in entries if e.modified for blob in (e.old_blob, e.new_blob)}
    changes: dict[str, list[Change]] = {}
    for entry in entries:
        if entry.commit not in commits:
            continue
        day, message = commits[entry.commit]
        old, new = ratings.get(entry.old_blob), ratings.get(entry.new_blob)
        rating = RatingChange(old[0], new[0], new[1]) if old and new and old[0] != new[0] else None
        path = entry.path if prefix in ("", ".") else _below(entry.path, prefix)
        if path is not None:
            changes.setdefault(path, []).append(Change(entry.commit, day, message, rating))
    complete = Completeness.PARTIAL if shallow.strip() == "true" else Completeness.FULL
    return History(complete, {path: tuple(found) for path, found in changes.items()})


def _git(git: str, where: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):  # the checkout at `where`, nothing else
        env.pop(variable, None)
    result = subprocess.run(
        [git, *_GIT_SETTINGS, "-C", str(where), *args],
        input=stdin,
        capture_output=True,
        timeout=GIT_TIMEOUT_SECONDS,
        env=env,
        check=False,
    )
    if result.returncode != 0:
        raise subprocess.SubprocessError(result.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} failed")
    return result.stdout


def _entries(listing: bytes) -> Iterator[_Entry]:
    """`git log -z --raw` as entries, newest commit first, each path the file's name now."""
    now_named: dict[str, str | None] = {}  # a path in an older commit -> the file it is now (None: none)
    commit = ""
    fields = iter(listing.split(b"\0"))
    for item in fields:
        token = item.lstrip(b"\n")
        if token.startswith(b"commit "):
            commit = token[7:].decode("ascii", "replace")
            continue
        if not token.startswith(b":"):
            continue
        parts = token[1:].split(b" ")
        if len(parts) != 5:
            raise ValueError("git log printed a listing this build cannot read")
        old_blob, new_blob, status = (p.decode("ascii", "replace") for p in parts[2:])
        source = next(fields, b"").decode("utf-8", "surrogateescape")
        target = next(fields, b"").decode("utf-8", "surrogateescape") if status[:1] in ("R", "C") else source
        current = now_named.get(target, target)
        if status[:1] == "R":
            now_named[source] = current  # before this commit, the file had its old name
        if status[:1] in ("A", "R", "C"):
            now_named[target] = None  # before it, that name held no file, or another one
        if current is not None:
            modified = status[:1] in ("M", "R", "T") and old_blob != _NO_FILE
            yield _Entry(commit, current, old_blob, new_blob, modified)


def _wanted(entries: list[_Entry]) -> list[str]:
    """The objects to read: each commit, and both versions of each modified file."""
    wanted = dict.fromkeys(e.commit for e in entries)
    for entry in entries:
        if entry.modified:
            wanted.update(dict.fromkeys((entry.old_blob, entry.new_blob)))
    return [name for name in wanted if len(name) == 40 and all(c in "0123456789abcdef" for c in name)]


def _objects(git: str, where: Path, names: list[str]) -> dict[str, bytes]:
    """The named objects' contents, read by one `git cat-file --batch`."""
    if not names:
        return {}
    output = _git(git, where, "cat-file", "--batch", stdin="".join(f"{name}\n" for name in names).encode())
    found: dict[str, bytes] = {}
    at = 0
    for name in names:
        header_end = output.find(b"\n", at)
        if header_end < 0:
            break
        header = output[at:header_end].split(b" ")
        if len(header) != 3 or not header[2].isdigit():  # "<name> missing": in no commit this copy holds
            at = header_end + 1
            continue
        size = int(header[2])
        found[name] = output[header_end + 1 : header_end + 1 + size]
        at = header_end + 1 + size + 1
    return found


def _commit(raw: bytes | None) -> tuple[date, str] | None:
    """The committed day and the message's first paragraph of a commit object."""
    if raw is None:
        return None
    headers, _, message = raw.partition(b"\n\n")
    for line in headers.split(b"\n"):
        if line.startswith(b"committer "):
            parts = line.rsplit(b" ", 2)
            try:
                zone = int(parts[2][:3]) * 60 + (1 if parts[2][:1] != b"-" else -1) * int(parts[2][3:5])
                when = datetime.fromtimestamp(int(parts[1]), UTC).astimezone(timezone(timedelta(minutes=zone)))
            except (ValueError, IndexError, OverflowError, OSError):
                return None
            return when.date(), _first_paragraph(message.decode("utf-8", "replace"))
    return None


def _first_paragraph(message: str) -> str:
    paragraph = " ".join(message.strip().split("\n\n", 1)[0].split())
    shown = escape_invisible(paragraph)
    return shown if len(shown) <= MAX_MESSAGE_CHARACTERS else shown[: MAX_MESSAGE_CHARACTERS - 1].rstrip() + "…"


def _rating(raw: bytes | None) -> tuple[str, str] | None:
    """A version's evidence rating and note, as the strict loader reads them (None if it cannot)."""
    if raw is None or len(raw) > MAX_FILE_BYTES:
        return None
    try:
        data: Any = load_yaml(raw.decode("utf-8"))
    except Exception:  # a version that no longer parses shows no rating; the history goes on
        return None
    evidence = data.get("evidence") if isinstance(data, dict) else None
    rating = evidence.get("rating") if isinstance(evidence, dict) else None
    if not isinstance(rating, str):
        return None
    note = evidence.get("note")
    return rating, " ".join(note.split()) if isinstance(note, str) else ""


def _below(path: str, prefix: str) -> str | None:
    return path[len(prefix) + 1 :] if path.startswith(prefix + "/") else None
