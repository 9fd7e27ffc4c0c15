"""Problems are data: every syntax, schema or cross-file finding becomes one Problem.

Reporters (terminal text, JSON, GitHub annotations) turn a list of them into output; the
code that finds problems never prints.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, located as precisely as the finder could."""

    file: str
    message: str
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based
    field: str = ""  # dotted path into the case study, e.g. "sources[0].url"
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        parts = [self.file]
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line or 0, self.column or 0, self.field)


def escape_invisible(text: str) -> str:
    """`text` with every character that is not printable (controls, escape sequences, line
    breaks, zero-width and direction marks) written as an escape such as \\x1b or \\u202e, so
    a value quoted in a message cannot drive a terminal or break a report's layout."""
    if text.isprintable():
        return text
    return "".join(
        character
        if character.isprintable()
        else f"\\x{ord(character):02x}"
        if ord(character) < 0x100
        else f"\\u{ord(character):04x}"
        if ord(character) <= 0xFFFF
        else f"\\U{ord(character):08x}"
        for character in text
    )


def field_path(parts: list[str | int] | tuple[str | int, ...]) -> str:
    """["sources", 0, "url"] -> "sources[0].url"."""
    text = ""
    for part in parts:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


class SetupError(Exception):
    """A fault in the project's set-up rather than in a case study: a missing folder, an
    unreadable schema, taxonomy or policy, a bad setting. The message names the file (and
    line, where there is one) and the fix; both commands report it without a traceback."""
