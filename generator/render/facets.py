"""The ways to browse the collection: one index page per term of each facet."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Vocabulary
from generator.model import CaseStudy, Outcome


@dataclass(frozen=True)
class Facet:
    folder: str  # URL folder, and (unless `vocabulary_name` says otherwise) the vocabulary it browses
    title: str  # "Themes"
    singular: str  # "theme"
    intro: str
    terms_of: Callable[[CaseStudy], Iterable[str]]
    vocabulary_name: str = ""
    detail_label: str = ""  # what `detail` says on each card of a term's page
    detail: Callable[[CaseStudy, str], str | list[Outcome]] | None = None

    def vocabulary(self, taxonomy: Taxonomy) -> Vocabulary:
        return getattr(taxonomy, self.vocabulary_name or self.folder)

    def members(self, term_ids: Iterable[str], case_studies: list[CaseStudy]) -> dict[str, list[CaseStudy]]:
        """Each term's case studies, in the order given; read in one pass (a pass per term
        took 1.5 s at 10,000 case studies)."""
        found: dict[str, list[CaseStudy]] = {term_id: [] for term_id in term_ids}
        for case_study in case_studies:
            for term_id in dict.fromkeys(self.terms_of(case_study)):
                if term_id in found:
                    found[term_id].append(case_study)
        return found


def _outcomes_in(case_study: CaseStudy, domain: str) -> list[Outcome]:
    """A card on an outcome's page lists the case study's outcomes there, each as its sentence
    (generator/render/outcome_sentence.py), results apart from counts of reach."""
    return [o for o in case_study.outcomes if o.domain == domain]


FACETS = (
    Facet(
        "ratings",
        "Evidence ratings",
        "evidence rating",
        "Case studies by the strength of their evidence, on the grades of C4EO's validation process.",
        lambda c: (c.evidence.rating,),
    ),
    Facet(
        "outcomes",
        "Outcomes",
        "outcome",
        "Case studies by what changed for children and families: the outcomes their sources report.",
        lambda c: {o.domain: None for o in c.outcomes}.keys(),
        vocabulary_name="outcome_domains",
        detail_label="What changed",
        detail=_outcomes_in,
    ),
    Facet(
        "characteristics",
        "Characteristics",
        "characteristic",
        "Case studies by the five emerging characteristics of effective early intervention "
        "(ADCS, 18 March 2010), each with how the practice shows it.",
        lambda c: c.characteristics.keys(),
        detail_label="How it shows it",
        detail=lambda c, term: c.characteristics[term],
    ),
    Facet("themes", "Themes", "theme", "Case studies by C4EO's themes.", lambda c: c.themes),
    Facet(
        "models",
        "Practice models",
        "model",
        "Named models of practice that spread from the area that developed them to others: "
        "who originated each, who adopted it, and what each found.",
        lambda c: (c.model.id,) if c.model else (),
    ),
    Facet("regions", "Regions", "region", "Case studies by where the practice runs.", lambda c: (c.region,)),
)
FACET = {facet.folder: facet for facet in FACETS}

MODEL_ROLES = (("originated", "Developed it"), ("programme", "National programme"), ("adopted", "Adopted it"))


def model_table(members: list[CaseStudy]) -> list[tuple[str, CaseStudy]]:
    """(role's label, case study) for each row of a model's side-by-side table: the originator
    first, then any national programme, then adopters by the year they began."""
    return [
        (label, c)
        for role, label in MODEL_ROLES
        for c in sorted((c for c in members if c.model and c.model.role == role), key=lambda c: c.period.start)
    ]
