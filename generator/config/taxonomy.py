"""The controlled vocabularies: themes, characteristics, ratings, regions and the rest.

schema/taxonomy.yaml is their one source of truth; the JSON Schema's enums are derived
from it (generator.config.schema_sync) and the site's explanation pages are rendered from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import yaml

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
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError(f"{path}: expected a mapping of vocabularies")
        missing = [name for name in VOCABULARIES if name not in data]
        if missing:
            raise ValueError(f"{path}: missing vocabularies: {', '.join(missing)}")
        vocabularies = {}
        for name in VOCABULARIES:
            terms = tuple(
                Term(id=str(t["id"]), label=str(t["label"]), description=str(t["description"])) for t in data[name]
            )
            ids = [t.id for t in terms]
            if len(set(ids)) != len(ids):
                raise ValueError(f"{path}: duplicate id in {name}")
            vocabularies[name] = Vocabulary(name, terms)
        return cls(**vocabularies)
