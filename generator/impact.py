"""A case study's impact evidence, worked out from its outcomes and sources, never typed."""

from __future__ import annotations

from collections.abc import Sequence

from generator.model import CaseStudy, Source

COUNT = "count"  # the design of a count of reach or activity
TITLE_ONLY = "title-only"  # the access of a source the repository holds no more of than its title
NO_IMPACT_EVIDENCE = "none"


def impact_evidence(case_study: CaseStudy, designs: Sequence[str]) -> str:
    """The strongest design, in the taxonomy's order `designs`, among the case study's improved
    outcomes and counts of reach whose source the repository holds beyond its title page;
    "none" where there is none. Computed, never typed, so that it cannot say more than the
    outcomes do."""
    held = {source.id for source in case_study.sources if source.access != TITLE_ONLY}
    found = {
        outcome.design
        for outcome in case_study.outcomes
        if outcome.source in held and (outcome.improved or outcome.design == COUNT)
    }
    return next((design for design in designs if design in found), NO_IMPACT_EVIDENCE)


def sources_behind_outcomes(case_study: CaseStudy) -> tuple[Source, ...]:
    """The sources the outcomes' figures come from; every source where there is no outcome."""
    named = {outcome.source for outcome in case_study.outcomes}
    cited = tuple(source for source in case_study.sources if source.id in named)
    return cited or case_study.sources
