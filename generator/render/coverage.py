"""What the collection holds and what it still lacks, for About the evidence and the home page:
case studies counted by rating and by impact evidence, and the themes, regions and outcome areas
with no case study, no improvement, or no improvement measured against a comparison."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Term
from generator.impact import COUNT, counts_as_impact, held_sources
from generator.model import CaseStudy
from generator.render.evidence_facts import EvidenceFacts


@dataclass(frozen=True)
class Coverage:
    total: int
    by_rating_and_impact: Counter[tuple[str, str]]  # (rating id, impact evidence id) -> case studies
    not_improved: int  # case studies with a result that did not improve
    compared_designs: tuple[Term, ...]  # the designs the top rating accepts; () if it names none
    themes_without: tuple[Term, ...]
    regions_without: tuple[Term, ...]
    domains_without: tuple[Term, ...]  # no case study reports an outcome there
    # Areas of change for families (not counts of activity, which only counts can fill):
    domains_without_improvement: tuple[Term, ...]  # outcomes reported there, none an improvement
    domains_without_comparison: tuple[Term, ...]  # no improvement there in a compared design

    @property
    def by_rating(self) -> Counter[str]:
        return self._summed(0)

    @property
    def by_impact(self) -> Counter[str]:
        return self._summed(1)

    def _summed(self, axis: int) -> Counter[str]:
        counts: Counter[str] = Counter()
        for key, n in self.by_rating_and_impact.items():
            counts[key[axis]] += n
        return counts


def compared_designs(taxonomy: Taxonomy) -> tuple[Term, ...]:
    """The designs the highest rating's standard accepts: those that measure an improvement
    against a comparison. None where that standard names no designs."""
    need = taxonomy.ratings.terms[0].standard.outcome if taxonomy.ratings.terms else None
    ids = need.design_any_of if need else ()
    return tuple(term for term in taxonomy.designs.terms if term.id in ids)


def _improvements(case_studies: list[CaseStudy]) -> dict[str, set[str]]:
    """Outcome domain -> the designs of its outcomes that count as impact evidence (improved,
    figures that moved, source held beyond its title page), counts of reach left out."""
    found: dict[str, set[str]] = {}
    for case_study in case_studies:
        held = held_sources(case_study)
        for outcome in case_study.outcomes:
            if outcome.design != COUNT and counts_as_impact(outcome, held):
                found.setdefault(outcome.domain, set()).add(outcome.design)
    return found


def _unused(terms: tuple[Term, ...], used: set[str]) -> tuple[Term, ...]:
    return tuple(term for term in terms if term.id not in used)


def coverage(case_studies: list[CaseStudy], taxonomy: Taxonomy, evidence: EvidenceFacts) -> Coverage:
    compared = compared_designs(taxonomy)
    compared_ids = {term.id for term in compared}
    reported = {o.domain for c in case_studies for o in c.outcomes}
    improvements = _improvements(case_studies)
    changes = tuple(t for t in taxonomy.outcome_domains.terms if t.id not in taxonomy.outputs)
    return Coverage(
        total=len(case_studies),
        by_rating_and_impact=Counter((c.evidence.rating, evidence.impact(c)) for c in case_studies),
        not_improved=sum(bool(evidence.results(c)) for c in case_studies),
        compared_designs=compared,
        themes_without=_unused(taxonomy.themes.terms, {t for c in case_studies for t in c.themes}),
        regions_without=_unused(taxonomy.regions.terms, {c.region for c in case_studies}),
        domains_without=_unused(taxonomy.outcome_domains.terms, reported),
        domains_without_improvement=tuple(t for t in changes if t.id in reported and t.id not in improvements),
        domains_without_comparison=tuple(
            t for t in changes if compared_ids and not improvements.get(t.id, set()) & compared_ids
        ),
    )
