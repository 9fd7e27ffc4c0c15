"""Words that mean the same to a reader searching: schema/synonyms.yaml, read strictly.

Applied when the search index is built (generator.search.records), so a query pays nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.config.settings_file import read_settings, shown_path
from generator.problems import SetupError

MAX_GROUPS = 500
MAX_TERMS = 20
MAX_TERM_LENGTH = 80


class SynonymsError(SetupError):
    """schema/synonyms.yaml cannot be read or breaks its rules."""


@dataclass(frozen=True)
class Synonyms:
    groups: tuple[tuple[str, ...], ...] = ()

    @classmethod
    def load(cls, path: Path) -> Synonyms:
        """The groups in the file; none if there is no file. Raises SynonymsError naming the line."""
        if not path.exists():
            return cls()
        data, positions = read_settings(path, SynonymsError)

        def fault(at: list[str | int], message: str) -> SynonymsError:
            line, _ = positions.locate(at)
            return SynonymsError(f"{shown_path(path)}{f' line {line}' if line else ''}: {message}")

        if not isinstance(data, dict) or set(data) != {"groups"} or not isinstance(data["groups"], list):
            raise fault([], "expected groups: followed by a list of groups, each a list of words")
        if len(data["groups"]) > MAX_GROUPS:
            raise fault(["groups"], f"more than {MAX_GROUPS} groups")
        seen: dict[str, int] = {}
        groups = []
        for index, group in enumerate(data["groups"]):
            if not isinstance(group, list) or not 2 <= len(group) <= MAX_TERMS:
                raise fault(["groups", index], f"each group lists 2 to {MAX_TERMS} words or phrases")
            for position, term in enumerate(group):
                at: list[str | int] = ["groups", index, position]
                if not isinstance(term, str) or not 1 <= len(term.strip()) <= MAX_TERM_LENGTH:
                    raise fault(at, f"each word or phrase is text of 1 to {MAX_TERM_LENGTH} characters")
                if not any(c.isalnum() for c in term) or any(not c.isprintable() for c in term):
                    raise fault(at, f"{term[:40]!r} needs a letter or digit, and no control characters")
                key = " ".join(term.lower().split())
                if key in seen:
                    raise fault(at, f"{term[:40]!r} is already in group {seen[key] + 1}; a word has one meaning here")
                seen[key] = index
            groups.append(tuple(" ".join(t.split()) for t in group))
        return cls(tuple(groups))

    @cached_property
    def _terms(self) -> tuple[str, ...]:
        return tuple(sorted({t.lower() for g in self.groups for t in g}, key=len, reverse=True))

    @cached_property
    def _patterns(self) -> dict[tuple[str, ...], re.Pattern[str]]:
        return {}

    def _pattern(self, terms: tuple[str, ...]) -> re.Pattern[str]:
        """Whole words (a plural "s" allowed); literal alternatives, longest first; no nested
        quantifiers, so no backtracking beyond one alternative at a time."""
        pattern = self._patterns.get(terms)
        if pattern is None:
            if len(self._patterns) >= 256:
                self._patterns.clear()
            alternatives = "|".join(re.escape(t) for t in terms)
            pattern = self._patterns[terms] = re.compile(rf"(?<!\w)({alternatives})s?(?!\w)", re.IGNORECASE)
        return pattern

    @cached_property
    def _group_of(self) -> dict[str, tuple[str, ...]]:
        return {t.lower(): g for g in self.groups for t in g}

    def _used(self, text: str) -> set[str]:
        # Only the terms the text holds somewhere go into the pattern: one substring search
        # each is much faster than trying every term at every position.
        lowered = text.lower()
        present = tuple(t for t in self._terms if t in lowered)
        if not present:
            return set()
        return {match.group(1).lower() for match in self._pattern(present).finditer(text)}

    def expansions(self, text: str) -> list[str]:
        """The words of each group that `text` uses, other than those it already uses."""
        used = self._used(text)
        extra: dict[str, None] = {}
        for term in sorted(used):
            for other in self._group_of[term]:
                if other.lower() not in used:
                    extra[other] = None
        return list(extra)
