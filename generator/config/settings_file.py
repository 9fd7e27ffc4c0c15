"""Reading one of the repository's own settings files (taxonomy, policy) strictly: a fault is
a SetupError naming the file and line, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.check.positions import PositionFinder
from generator.load.strict_yaml import YamlProblem, load_yaml
from generator.problems import SetupError


def shown_path(path: Path) -> str:
    """schema/taxonomy.yaml for the repository's own files, the path as given otherwise."""
    return f"schema/{path.name}" if path.parent.name == "schema" else str(path)


def read_settings(path: Path, fault: type[SetupError]) -> tuple[Any, PositionFinder]:
    """The file's data and the positions of its values; raises `fault` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else "not UTF-8 text"
        raise fault(f"{shown_path(path)}: cannot be read ({reason}); restore it from the repository") from None
    try:
        data = load_yaml(text)
    except YamlProblem as problem:
        line = f" line {problem.line}" if problem.line is not None else ""
        raise fault(f"{shown_path(path)}{line}: {problem.message}") from None
    return data, PositionFinder(text)
