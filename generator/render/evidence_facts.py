"""What the pages, the finder and the open data say about a case study's evidence beyond its
rating: its impact evidence (computed from the outcomes, never typed), how much of the sources
behind its figures the repository holds, and whether any result did not improve."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from generator.config.taxonomy import Taxonomy, Term, Vocabulary
from generator.impact import (
    NO_IMPACT_EVIDENCE,
    NOT_A_CHANGE,
    held_sources,
    impact_evidence,
    sources_behind_outcomes,
    strongest,
)
from generator.model import IMPROVED, CaseStudy, Outcome, Source

NONE_TERM = Term(
    NO_IMPACT_EVIDENCE,
    "None held",
    "No improved outcome, and no count of families reached, from a source the repository holds beyond its title page.",
)
DID_NOT_IMPROVE = Term(
    "did-not-improve",
    "Includes results that did not improve",
    "At least one outcome showed no clear change, got worse, or was mixed.",
)
# How much of the sources behind the figures is held, where a reader must be told in words
# next to the rating (source_access ids, as the taxonomy lists them).
THIN_ACCESS = {
    "secondary": (
        "The figures this rating rests on are known only from other people's accounts of them (news, trade "
        "press or a programme body's page): the repository does not hold the reports they come from."
    ),
    "title-only": (
        "The repository holds no more than the title of the documents these figures come from: they have not "
        "been checked against the reports themselves."
    ),
}


@dataclass(frozen=True)
class EvidenceFacts:
    """The evidence facts of every case study, read from one taxonomy."""

    taxonomy: Taxonomy

    @cached_property
    def impact_vocabulary(self) -> Vocabulary:
        """The designs, strongest first, then "none held": the values impact evidence takes."""
        return Vocabulary("impact_evidence", (*self.taxonomy.designs.terms, NONE_TERM))

    @cached_property
    def results_vocabulary(self) -> Vocabulary:
        return Vocabulary("results", (DID_NOT_IMPROVE,))

    @cached_property
    def not_improved(self) -> frozenset[str]:
        """The directions of a result that did not improve: every direction but improved and a count's."""
        return frozenset(self.taxonomy.directions.ids) - {IMPROVED, NOT_A_CHANGE}

    def impact(self, case_study: CaseStudy, domain: str | None = None) -> str:
        return impact_evidence(case_study, self.taxonomy.designs.ids, domain)

    def impact_outcome(self, case_study: CaseStudy) -> tuple[Outcome, Source] | None:
        """The outcome the impact evidence rests on, and its source."""
        found = strongest(case_study.outcomes, held_sources(case_study), self.taxonomy.designs.ids)
        if found is None:
            return None
        return found, next(s for s in case_study.sources if s.id == found.source)

    def impact_label(self, case_study: CaseStudy) -> str:
        return self.impact_vocabulary[self.impact(case_study)].label

    def did_not_improve(self, outcome: Outcome) -> bool:
        return outcome.direction in self.not_improved

    def results(self, case_study: CaseStudy) -> tuple[str, ...]:
        """("did-not-improve",) where any outcome did not improve: the finder's "Results" filter."""
        return (DID_NOT_IMPROVE.id,) if any(self.did_not_improve(o) for o in case_study.outcomes) else ()

    def held(self, case_study: CaseStudy) -> str:
        """How much the repository holds (a source_access id) of the source the impact evidence
        rests on; without one, the most it holds of any source behind the figures."""
        found = self.impact_outcome(case_study)
        if found is not None:
            return found[1].access
        access = self.taxonomy.source_access
        return min((s.access for s in sources_behind_outcomes(case_study)), key=access.rank)

    def thin_evidence_note(self, case_study: CaseStudy) -> str:
        """Plain words for the page when no source behind the figures is held beyond someone
        else's account of it; "" otherwise."""
        return THIN_ACCESS.get(self.held(case_study), "")
