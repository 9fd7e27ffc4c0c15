"""What the collection holds and what it still lacks, for About the evidence: case studies
counted by rating and by impact evidence, and the themes, regions and outcome areas with no
case study, no improvement, or no improvement measured against a comparison, said plainly."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Term
from generator.impact import COUNT
from generator.model import CaseStudy
from generator.render.evidence_facts import EvidenceFacts
from generator.render.facets import FACET


@dataclass(frozen=True)
class Coverage:
    total: int
    by_rating_and_impact: Counter[tuple[str, str]]  # (rating id, impact evidence id) -> case studies
    by_rating: Counter[str]
    by_impact: Counter[str]
    not_improved: int  # case studies with a result that did not improve
    compared_designs: tuple[Term, ...]  # the designs that measure against a comparison
    themes_without: tuple[Term, ...]
    regions_without: tuple[Term, ...]
    domains_without: tuple[Term, ...]  # no case study reports an outcome there
    domains_without_improvement: tuple[Term, ...]  # results there (not only counts), none improved
    domains_without_comparison: tuple[Term, ...]  # improved there, but never against a comparison


def _designs_the_top_rating_asks_for(taxonomy: Taxonomy) -> tuple[Term, ...]:
    """The designs that measure an improvement against a comparison: those the highest rating's
    standard accepts."""
    need = taxonomy.ratings.terms[0].standard.outcome
    ids = need.design_any_of if need else ()
    return tuple(term for term in taxonomy.designs.terms if term.id in ids)


def _unused(terms: tuple[Term, ...], used: set[str]) -> tuple[Term, ...]:
    return tuple(term for term in terms if term.id not in used)


def coverage(case_studies: list[CaseStudy], taxonomy: Taxonomy, evidence: EvidenceFacts) -> Coverage:
    impact = {c.id: evidence.impact(c) for c in case_studies}
    compared = _designs_the_top_rating_asks_for(taxonomy)
    compared_ids = {term.id for term in compared}
    reported = {d for c in case_studies for d in FACET["outcomes"].terms_of(c)}
    results = {o.domain for c in case_studies for o in c.outcomes if o.design != COUNT}  # not only counts
    # the impact evidence within each domain: there, a count is reach, not an improvement
    shown = {(o.domain, evidence.impact(c, o.domain)) for c in case_studies for o in c.outcomes}
    improved = {domain for domain, design in shown if design in taxonomy.designs and design != COUNT}
    against_comparison = {domain for domain, design in shown if design in compared_ids}
    domains = taxonomy.outcome_domains.terms
    return Coverage(
        total=len(case_studies),
        by_rating_and_impact=Counter((c.evidence.rating, impact[c.id]) for c in case_studies),
        by_rating=Counter(c.evidence.rating for c in case_studies),
        by_impact=Counter(impact.values()),
        not_improved=sum(bool(evidence.results(c)) for c in case_studies),
        compared_designs=compared,
        themes_without=_unused(taxonomy.themes.terms, {t for c in case_studies for t in c.themes}),
        regions_without=_unused(taxonomy.regions.terms, {c.region for c in case_studies}),
        domains_without=_unused(domains, reported),
        domains_without_improvement=tuple(t for t in domains if t.id in results and t.id not in improved),
        domains_without_comparison=tuple(t for t in domains if t.id in improved and t.id not in against_comparison),
    )
