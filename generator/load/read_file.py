"""Read one case-study file into plain data, or into problems saying why not."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.files import MAX_FILE_BYTES
from generator.load.strict_yaml import YamlProblem, load_yaml
from generator.problems import Problem, escape_invisible

BOM = "\ufeff"


@dataclass
class ReadResult:
    path: Path
    display: str  # the path as shown to editors, relative to the repository
    text: str = ""
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    key_lines: dict[str, int] = field(default_factory=dict)  # each top-level key's line

    @property
    def ok(self) -> bool:
        return not self.problems


def read_case_study(path: Path, display: str) -> ReadResult:
    """Read, decode and parse `path`; never raises for a bad file."""
    result = ReadResult(path=path, display=display)

    def fail(message: str, hint: str = "", line: int | None = None, column: int | None = None) -> ReadResult:
        result.problems.append(Problem(display, message, line=line, column=column, hint=hint))
        return result

    editor_file = _editor_file(path.name)
    if editor_file:
        return fail(
            f"is {editor_file}, not a case study",
            "save and close the file in your editor (it then removes this one), or delete it",
        )
    if path.suffix != ".yaml":
        return fail(
            "is not a case study: case-study files end in .yaml",
            f"rename it to {path.stem}.yaml, or move it out of practice/",
        )
    if path.name.startswith("."):
        return fail(
            "is hidden (its name starts with a dot), so the site and other tools would not see it",
            f"rename it to {path.name.lstrip('.') or 'a name'} without the leading dot",
        )
    if path.is_symlink():
        return fail(
            f"is a symbolic link (to {_link_target(path)}), not a file: the site would publish whatever it points at",
            "replace the link with the case-study file itself",
        )
    if not path.is_file():
        return fail("is not a regular file", "case studies are files named <id>.yaml; rename or remove this")
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return fail(
            f"is {size // 1024} KB, over the {MAX_FILE_BYTES // 1024} KB limit for a case study",
            "shorten the description, or link to a longer report in sources",
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return fail(
            f"is not valid UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})",
            "save the file as UTF-8 in your editor",
            line=line,
        )
    result.text = text.removeprefix(BOM)
    if not result.text.strip():
        return fail("is empty", "copy an existing case study and edit it")
    try:
        result.data = load_yaml(result.text, result.key_lines)
    except YamlProblem as problem:
        return fail(
            problem.message,
            problem.hint,
            line=problem.line,
            column=problem.column,
        )
    if result.data is None:
        return fail("is empty (it holds only comments)", "copy an existing case study and edit it")
    if not isinstance(result.data, dict):
        kind = "a list" if isinstance(result.data, list) else "a single value"
        return fail(
            f"holds {kind} at the top level, not a case study",
            "a case study is a set of fields (id:, title:, ...) starting at the left margin",
            line=1,
            column=1,
        )
    return result


def _editor_file(name: str) -> str:
    """What an editor's working file is, by the names editors give them; '' for any other name."""
    if name.startswith(".#"):
        return "an editor's lock file (Emacs makes .#name while name has unsaved changes)"
    if name.startswith("#") and name.endswith("#"):
        return "an editor's auto-save file (Emacs makes #name# while name is being edited)"
    if name.endswith("~"):
        return "an editor's backup copy (name~ is the version before the last save)"
    if name.endswith((".swp", ".swo", ".swx")):
        return "an editor's swap file (Vim makes it while a file is open)"
    return ""


def _link_target(path: Path) -> str:
    try:
        target = os.readlink(path)
    except OSError:
        return "somewhere that cannot be read"
    return "'" + escape_invisible(target if len(target) <= 60 else target[:60] + "…") + "'"
