"""Each case study's changes, from git: the date and message of every commit that touched its
file, newest first, and, where the evidence rating changed, the old and new rating with the
note that came with the new one.

The history is the main line's: `git log --first-parent`, a merge commit standing for the pull
request it brought in (its diff against the branch it landed on, its date the day it landed),
so with merge commits or squash merges nothing committed only on a contributor's branch, with
its own dates and versions, reaches a page (a rebase or fast-forward merge puts those commits
on the main line). A file is a case study by its name, which the validator holds equal to its id:
a file renamed is a new case study (git would pair two similar case studies as a rename).

Four git processes read the whole collection's history, whatever its size: two small
`rev-parse` calls, `git log --raw` for the commits under practice/ and the files each changed,
and one `git cat-file --batch` for those commits (dates, messages) and each version of each
file. A rating is read from each version by the strict loader, the parser's own view, never
by a scan of the diff, and a change of rating is a version whose rating differs from the last
one before it that could be read and named a rating of the taxonomy. The same commit always
gives the same history, so two builds of it are byte-identical; the history is kept between
a preview's rebuilds until HEAD moves, and each version's rating for the whole process.

Nothing from git is trusted: a message is text (the templates escape it), with invisible
characters written as escapes and its length capped, and an unreadable version, commit or
listing costs only its own detail. A copy without git history (a tarball, git missing, or a
practice/ folder git does not track), one whose history git could not read, and a shallow
clone, which holds only the newest commits, are each said so on its pages.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any

from generator.load.files import MAX_FILE_BYTES
from generator.load.git_objects import is_object_id, read_objects, run_git
from generator.load.strict_yaml import load_yaml
from generator.problems import escape_invisible

MAX_MESSAGE_CHARACTERS = 1000  # a commit's first paragraph, as shown; longer ones end in "…"
MAX_NOTE_CHARACTERS = 2000  # a rating's note in an old version, likewise
_LOG = ("log", "-z", "--format=commit %H", "--raw", "--no-abbrev", "--no-renames", "--first-parent",
        "--diff-merges=first-parent")  # fmt: skip
_RATINGS: dict[str, tuple[str, str] | None] = {}  # a version's (rating, note) by object id: ids never change
_KEPT: dict[tuple[str, ...], History] = {}  # the last history read, by where and at which HEAD


class Completeness(StrEnum):
    FULL = "full"  # the whole history: every change is listed
    PARTIAL = "partial"  # a shallow clone: only the newest commits
    NONE = "none"  # no git history at all
    UNREADABLE = "unreadable"  # git is there, but failed


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
HISTORY_UNREAD = "git history"  # where a build's warning that git failed points


@dataclass(frozen=True)
class _Entry:
    """One file changed by one commit, as `git log --raw` lists it."""

    commit: str
    path: str
    blob: str  # the version the commit left (all zeros: it deleted the file)


def read_history(root: Path, practice_dir: Path, ratings: frozenset[str]) -> History:
    """The history of every file under `practice_dir`, keyed by its path from `root`;
    `ratings` are the rating ids a version may be read as having."""
    git = shutil.which("git")
    if git is None:
        return NO_HISTORY
    try:
        found = run_git(git, root, "rev-parse", "--show-toplevel", "--is-shallow-repository", "--git-path", "shallow")
    except subprocess.SubprocessError as error:
        return NO_HISTORY if "not a git repository" in str(error) else _unreadable(error)
    except (OSError, ValueError) as error:
        return _unreadable(error)
    try:
        top, shallow, shallow_file = found.decode().split("\n")[:3]
        toplevel = Path(top).resolve()
        prefix = root.resolve().relative_to(toplevel).as_posix()
        folder = practice_dir.resolve().relative_to(toplevel).as_posix()
        head = run_git(git, toplevel, "rev-parse", "-q", "--verify", "HEAD").decode().strip()
    except subprocess.SubprocessError:
        return NO_HISTORY  # a repository with no commit yet
    except (OSError, ValueError) as error:
        return _unreadable(error)
    try:
        boundary = _boundary(root / shallow_file if shallow.strip() == "true" else None)
    except OSError as error:
        return _unreadable(error)
    key = (str(toplevel), folder, prefix, head, *sorted(boundary or ("not shallow",)), *sorted(ratings))
    if key not in _KEPT:  # a failure is kept too: a preview would otherwise wait for git again on every save
        try:
            history = _read(git, toplevel, folder, prefix, boundary, ratings)
        except (OSError, subprocess.SubprocessError, ValueError) as error:
            history = _unreadable(error)
        _KEPT.clear()
        _KEPT[key] = history
    return _KEPT[key]


def _read(
    git: str, toplevel: Path, folder: str, prefix: str, boundary: set[str] | None, ratings: frozenset[str]
) -> History:
    entries = list(_entries(run_git(git, toplevel, *_LOG, "--", folder)))
    if not entries and boundary is None:
        return NO_HISTORY  # git tracks nothing here: a copy unpacked inside another repository
    commit_ids = {e.commit for e in entries}
    commits: dict[str, tuple[date, str]] = {}
    for name, raw in read_objects(git, toplevel, [n for n in _wanted(entries) if n not in _RATINGS]):
        if name not in commit_ids:
            _RATINGS[name] = _rating(raw)  # a version: only its rating is kept
        elif (parsed := _commit(raw)) is not None:
            commits[name] = parsed
    by_path: dict[str, list[_Entry]] = {}
    for entry in entries:  # newest first
        by_path.setdefault(entry.path, []).append(entry)
    changes: dict[str, tuple[Change, ...]] = {}
    for path, found in by_path.items():
        shown = path if prefix in ("", ".") else _below(path, prefix)
        if shown is not None and (listed := _changes(found, commits, ratings, boundary or set())):
            changes[shown] = listed
    return History(Completeness.FULL if boundary is None else Completeness.PARTIAL, changes)


def _changes(
    entries: list[_Entry], commits: dict[str, tuple[date, str]], ratings: frozenset[str], boundary: set[str]
) -> tuple[Change, ...]:
    """One file's changes, newest first. A change of rating is a version whose rating differs
    from the last one before it that could be read; a deletion leaves none before the next. A
    shallow clone's oldest commits give the versions they hold, but no change: what they
    changed is not in the clone."""
    changes: list[Change] = []
    last: str | None = None
    for entry in reversed(entries):  # oldest first
        read = _RATINGS.get(entry.blob)
        rating = None
        if not entry.blob.strip("0"):
            last = None  # deleted: a file that comes back under the name starts afresh
        elif read and read[0] in ratings:
            if last is not None and read[0] != last:
                rating = RatingChange(last, read[0], read[1])
            last = read[0]
        if entry.commit in commits and entry.commit not in boundary:
            day, message = commits[entry.commit]
            changes.append(Change(entry.commit, day, message, rating))
    return tuple(reversed(changes))


def head_log(root: Path) -> Path | None:
    """The file git appends to whenever HEAD moves (a commit, an amend, a checkout), if any: a
    preview watches it, so that a commit brings the Changes sections up to date."""
    git = shutil.which("git")
    try:
        found = run_git(git, root, "rev-parse", "--git-path", "logs/HEAD").decode().strip() if git else ""
    except (OSError, subprocess.SubprocessError, UnicodeDecodeError):
        return None
    path = root / found if found else None
    return path if path is not None and path.is_file() else None


def _unreadable(error: Exception) -> History:
    return History(Completeness.UNREADABLE, problem=escape_invisible(str(error))[:300])


def _boundary(shallow_file: Path | None) -> set[str] | None:
    """The commits a shallow clone holds without their parents: what they changed is unknown."""
    if shallow_file is None:
        return None
    return set(shallow_file.read_text(encoding="ascii", errors="replace").split()) if shallow_file.is_file() else set()


def _entries(listing: bytes) -> Iterator[_Entry]:
    """`git log -z --raw` as entries, newest commit first."""
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
        path = next(fields, b"").decode("utf-8", "surrogateescape")
        yield _Entry(commit, path, parts[3].decode("ascii", "replace"))


def _wanted(entries: list[_Entry]) -> list[str]:
    """The objects to read: each commit, and each version of each file (none for a deletion)."""
    names = dict.fromkeys(name for e in entries for name in (e.commit, e.blob))
    return [name for name in names if is_object_id(name) and name.strip("0")]


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
    note = escape_invisible(" ".join(evidence["note"].split())) if isinstance(evidence.get("note"), str) else ""
    return rating, note if len(note) <= MAX_NOTE_CHARACTERS else note[: MAX_NOTE_CHARACTERS - 1].rstrip() + "…"


def _below(path: str, prefix: str) -> str | None:
    return path[len(prefix) + 1 :] if path.startswith(prefix + "/") else None
