"""A case study's impact evidence, worked out from its outcomes and sources, never typed."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.model import CaseStudy, Outcome, Source

COUNT = "count"  # the design of a count of reach or activity
NOT_A_CHANGE = "not-applicable"  # the direction of a count, and only of a count
TITLE_ONLY = "title-only"  # the access of a source the repository holds no more of than its title
NO_IMPACT_EVIDENCE = "none"


def figures_moved(outcome: Outcome) -> bool:
    """Figures to compare that differ (follow-up against the comparison group's figure, or the
    figure before), or a reported change in percent other than 0."""
    reference, follow_up = outcome.reference, outcome.follow_up
    moved = reference is not None and follow_up is not None and reference.value != follow_up.value
    return moved or (outcome.change.percent or 0) != 0


def counts_as_impact(outcome: Outcome, held: set[str]) -> bool:
    """An outcome that improved with figures that moved, or a count of reach, whose source is
    held beyond its title page."""
    if outcome.source not in held:
        return False
    return outcome.design == COUNT or (outcome.improved and figures_moved(outcome))


def held_sources(case_study: CaseStudy) -> set[str]:
    return {source.id for source in case_study.sources if source.access != TITLE_ONLY}


def strongest(outcomes: Iterable[Outcome], held: set[str], designs: Sequence[str]) -> Outcome | None:
    """The outcome whose design ranks first in `designs` among those that count as impact."""
    found = [outcome for outcome in outcomes if counts_as_impact(outcome, held)]
    return min(found, key=lambda outcome: designs.index(outcome.design), default=None)


def impact_evidence(case_study: CaseStudy, designs: Sequence[str], domain: str | None = None) -> str:
    """The strongest design, in the taxonomy's order `designs`, among the case study's outcomes
    (in `domain`, if given) that improved with figures that moved, or that count families
    reached, whose source the repository holds beyond its title page; "none" where there is
    none. Computed, never typed, so that it cannot say more than the outcomes do."""
    outcomes = [o for o in case_study.outcomes if domain is None or o.domain == domain]
    found = strongest(outcomes, held_sources(case_study), designs)
    return found.design if found else NO_IMPACT_EVIDENCE


def sources_behind_outcomes(case_study: CaseStudy) -> tuple[Source, ...]:
    """The sources the outcomes' figures come from; every source where there is no outcome."""
    named = {outcome.source for outcome in case_study.outcomes}
    cited = tuple(source for source in case_study.sources if source.id in named)
    return cited or case_study.sources
