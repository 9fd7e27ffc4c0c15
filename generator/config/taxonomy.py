"""The controlled vocabularies: themes, characteristics, ratings, regions and the rest.

schema/taxonomy.yaml is their one source of truth; the JSON Schema's enums are derived
from it (generator.config.schema_sync) and the site's explanation pages are rendered from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from generator.config.settings_file import read_settings, shown_path
from generator.problems import SetupError

_TERM_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class TaxonomyError(SetupError):
    """schema/taxonomy.yaml cannot be read or breaks its own rules."""


VOCABULARIES = (
    "ratings",
    "characteristics",
    "themes",
    "regions",
    "evidence_bases",
    "age_groups",
)


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class Vocabulary:
    """An ordered list of terms; the order is the order shown on the site."""

    name: str
    terms: tuple[Term, ...]

    @property
    def ids(self) -> list[str]:
        return [term.id for term in self.terms]

    def __getitem__(self, term_id: str) -> Term:
        for term in self.terms:
            if term.id == term_id:
                return term
        raise KeyError(f"{term_id!r} is not in the {self.name} vocabulary")

    def __contains__(self, term_id: object) -> bool:
        return any(term.id == term_id for term in self.terms)

    def rank(self, term_id: str) -> int:
        """Position in the vocabulary, for sorting (ratings are listed strongest first)."""
        return self._positions[term_id]

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {term.id: index for index, term in enumerate(self.terms)}


@dataclass(frozen=True)
class Taxonomy:
    ratings: Vocabulary
    characteristics: Vocabulary
    themes: Vocabulary
    regions: Vocabulary
    evidence_bases: Vocabulary
    age_groups: Vocabulary

    @classmethod
    def load(cls, path: Path) -> Taxonomy:
        """Read the taxonomy strictly; raises TaxonomyError naming the file, line and fix."""
        shown = shown_path(path)
        data, positions = read_settings(path, TaxonomyError)

        def fault(at: list[str | int], message: str) -> TaxonomyError:
            line, _ = positions.locate(at)
            return TaxonomyError(f"{shown}{f' line {line}' if line else ''}: {message}")

        if not isinstance(data, dict):
            raise fault([], "expected a set of vocabularies (ratings:, themes:, ...)")
        missing = [name for name in VOCABULARIES if name not in data]
        if missing:
            raise fault([], f"missing vocabularies: {', '.join(missing)}")
        vocabularies = {}
        for name in VOCABULARIES:
            if not isinstance(data[name], list) or not data[name]:
                raise fault([name], f"{name} must be a list of terms, each with id, label and description")
            terms = []
            for index, term in enumerate(data[name]):
                fields = ("id", "label", "description")
                if not isinstance(term, dict) or any(not isinstance(term.get(f), str) for f in fields):
                    raise fault([name, index], f"each term of {name} needs id, label and description, all text")
                if not _TERM_ID.fullmatch(term["id"]):
                    raise fault([name, index, "id"], f"the id {term['id'][:40]!r} is not lowercase words and hyphens")
                terms.append(Term(id=term["id"], label=term["label"], description=term["description"]))
            ids = [t.id for t in terms]
            if len(set(ids)) != len(ids):
                raise fault([name], f"an id appears twice in {name}")
            vocabularies[name] = Vocabulary(name, tuple(terms))
        return cls(**vocabularies)
