"""Running git for the history reader (history.py): one command, with settings that would
change what git prints or run a program pinned, and a batch of objects read in one process."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

GIT_TIMEOUT_SECONDS = 120
BATCH = 1000  # objects read by one cat-file process
# Settings that would change what git prints, or run a program, pinned whatever the reader's
# own git configuration says.
_GIT_SETTINGS = (
    "-c", "core.fsmonitor=false", "-c", "core.quotePath=false", "-c", "log.showSignature=false",
    "-c", "log.showRoot=true", "-c", "color.ui=false",
)  # fmt: skip


def run_git(git: str, where: Path, *args: str, stdin: bytes | None = None) -> bytes:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", "GIT_OPTIONAL_LOCKS": "0"}
    env["GIT_NO_LAZY_FETCH"] = "1"  # a partial clone's missing versions are not fetched one by one (git 2.44+)
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


def is_object_id(name: str) -> bool:
    return len(name) in (40, 64) and all(c in "0123456789abcdef" for c in name)  # SHA-1 or SHA-256


def read_objects(git: str, where: Path, names: list[str]) -> Iterator[tuple[str, bytes]]:
    """Each named object's content, read by `git cat-file --batch`, BATCH names a process so
    that memory stays bounded however long the history. An object this copy does not hold
    (a partial clone's) is passed over, never fetched."""
    for first in range(0, len(names), BATCH):
        batch = names[first : first + BATCH]
        output = run_git(git, where, "cat-file", "--batch", stdin="".join(f"{name}\n" for name in batch).encode())
        at = 0
        for name in batch:
            header_end = output.find(b"\n", at)
            if header_end < 0:
                break
            header = output[at:header_end].split(b" ")
            if len(header) != 3 or not header[2].isdigit():  # "<name> missing"
                at = header_end + 1
                continue
            size = int(header[2])
            yield name, output[header_end + 1 : header_end + 1 + size]
            at = header_end + 1 + size + 1
