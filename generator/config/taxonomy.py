"""The controlled vocabularies: themes, characteristics, ratings, outcome domains, models and the rest.

schema/taxonomy.yaml is their one source of truth; the JSON Schema's enums are derived
from it (generator.config.schema_sync), the validator applies the ratings' standards from it,
and the site's explanation pages are rendered from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from generator.config.assessments import Assessment, parse_assessments
from generator.config.settings_file import read_settings, shown_path
from generator.config.standards import OUTCOME_CONDITIONS, RatingStandard, parse_standard
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
    "outcome_domains",
    "designs",
    "source_access",
    "directions",
    "source_kinds",
    "models",
    "glossary",
)
# Keys a term may carry besides id, label and description, by vocabulary. `guidance` is for
# editors (how to apply the term) and appears on the contributor pages, never the public ones.
OPTIONAL_TEXT = {
    "ratings": ("guidance",),
    "characteristics": ("guidance",),
    "models": ("originator", "adopters"),
    "age_groups": ("short",),
    "outcome_domains": ("kind",),
    "designs": ("in_sentence",),
    "directions": ("in_sentence",),
}
STRUCTURED = {"ratings": ("requires",), "models": ("assessments",)}
TERM_KEYS = ("id", "label", "description")


@dataclass(frozen=True)
class Term:
    id: str
    label: str
    description: str  # for readers: what the term means
    guidance: str = ""  # for editors: when to use it
    originator: str = ""  # models: the organisation that developed the model
    adopters: str = ""  # models: who else took it up, as the sources name them, with those sources
    short: str = ""  # age groups: the label where space is tight, e.g. "0-4"
    kind: str = ""  # outcome domains: "output" for a count of activity rather than a change
    in_sentence: str = ""  # designs and directions: the words in an outcome's sentence, e.g. "got worse"
    standard: RatingStandard = field(default_factory=RatingStandard)  # ratings: what a case study must show
    assessments: tuple[Assessment, ...] = ()  # models: national evidence on the model, as assessors word it


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
    outcome_domains: Vocabulary
    designs: Vocabulary
    source_access: Vocabulary
    directions: Vocabulary
    source_kinds: Vocabulary
    models: Vocabulary
    glossary: Vocabulary

    def labels(self) -> dict[str, dict[str, str]]:
        """Labels by vocabulary and id, for the standards' words (made once per taxonomy)."""
        return self._labels

    @cached_property
    def _labels(self) -> dict[str, dict[str, str]]:
        return {name: {t.id: t.label for t in getattr(self, name).terms} for name in VOCABULARIES}

    @property
    def outputs(self) -> frozenset[str]:
        """Outcome domains that count activity (families supported), not a change for families."""
        return frozenset(t.id for t in self.outcome_domains.terms if t.kind == "output")

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
                if not isinstance(term, dict) or any(not isinstance(term.get(f), str) for f in TERM_KEYS):
                    raise fault([name, index], f"each term of {name} needs id, label and description, all text")
                if not _TERM_ID.fullmatch(term["id"]):
                    raise fault([name, index, "id"], f"the id {term['id'][:40]!r} is not lowercase words and hyphens")
                allowed = (*TERM_KEYS, *OPTIONAL_TEXT.get(name, ()), *STRUCTURED.get(name, ()))
                for key, value in term.items():
                    if key not in allowed:
                        raise fault(
                            [name, index, key],
                            f"unknown key {str(key)[:40]!r}; a term of {name} has {', '.join(allowed)}",
                        )
                    if key in OPTIONAL_TEXT.get(name, ()) and not isinstance(value, str):
                        raise fault([name, index, key], f"{key} must be text")
                    if key == "kind" and value != "output":
                        raise fault([name, index, key], "kind may only be output (a count of activity)")
                terms.append(Term(**{k: v for k, v in term.items() if k not in STRUCTURED.get(name, ())}))
            ids = [t.id for t in terms]
            if len(set(ids)) != len(ids):
                second = next(i for i, term_id in enumerate(ids) if term_id in ids[:i])
                raise fault([name, second, "id"], f"the id {ids[second][:40]!r} appears twice in {name}")
            if name == "designs" and "none" in ids:  # impact evidence's own term for no design held
                raise fault([name, ids.index("none"), "id"], "the id 'none' is reserved: impact evidence uses it")
            vocabularies[name] = Vocabulary(name, tuple(terms))
        known = {
            name: vocabularies[name].ids for name in ("evidence_bases", *filter(None, OUTCOME_CONDITIONS.values()))
        }
        for name, key, parse, attribute in (
            ("ratings", "requires", parse_standard, "standard"),
            ("models", "assessments", parse_assessments, "assessments"),
        ):
            terms = []
            for index, (term, raw) in enumerate(zip(vocabularies[name].terms, data[name], strict=True)):
                parsed, where, why = parse(raw.get(key), known)
                if parsed is None:
                    raise fault([name, index, key, *where], why)
                terms.append(replace(term, **{attribute: parsed}))
            vocabularies[name] = Vocabulary(name, tuple(terms))
        return cls(**vocabularies)
