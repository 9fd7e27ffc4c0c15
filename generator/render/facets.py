"""The ways to browse the collection: one index page per term of each facet."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Vocabulary
from generator.model import CaseStudy


@dataclass(frozen=True)
class Facet:
    folder: str  # URL folder, and the taxonomy vocabulary it browses
    title: str  # "Themes"
    singular: str  # "theme"
    intro: str
    terms_of: Callable[[CaseStudy], Iterable[str]]

    def vocabulary(self, taxonomy: Taxonomy) -> Vocabulary:
        return getattr(taxonomy, self.folder)

    def members(self, term_id: str, case_studies: list[CaseStudy]) -> list[CaseStudy]:
        return [c for c in case_studies if term_id in self.terms_of(c)]


FACETS = (
    Facet(
        "ratings",
        "Evidence ratings",
        "evidence rating",
        "Case studies by the strength of their evidence, on the grades of C4EO's validation process.",
        lambda c: (c.evidence.rating,),
    ),
    Facet(
        "characteristics",
        "Characteristics",
        "characteristic",
        "Case studies by the five emerging characteristics of effective early intervention "
        "(ADCS, 18 March 2010), each with how the practice shows it.",
        lambda c: c.characteristics.keys(),
    ),
    Facet("themes", "Themes", "theme", "Case studies by C4EO's themes.", lambda c: c.themes),
    Facet("regions", "Regions", "region", "Case studies by where the practice runs.", lambda c: (c.region,)),
)
