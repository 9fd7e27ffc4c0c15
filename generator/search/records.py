"""What search knows about each case study: what the reader sees on its page, in parts that
carry weights, plus the values the results page filters by.

The title, place, headline result and the tags a reader filters by (rating, impact evidence,
themes, ages, outcome areas, designs, region) outrank the summary, the characteristics and the
body text (WEIGHTS), so that "early years" finds first what is tagged early years. Words the
synonyms file (schema/synonyms.yaml) counts as the same are added at build time, never shown,
so that "FIP" finds "Family Intervention Projects" and "domestic violence" finds "domestic abuse".
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.synonyms import Synonyms
from generator.config.taxonomy import Taxonomy
from generator.incremental.reuse import REUSE
from generator.model import CaseStudy
from generator.render.evidence_facts import EvidenceFacts
from generator.render.markdown_subset import plain_text
from generator.render.urls import case_study_page, page_url

# How much a word counts, by where it stands on the page.
WEIGHTS = {"title": 10, "place": 8, "tags": 6, "lead": 5, "summary": 3, "labels": 2, "body": 1, "also": 1}
HIDDEN = frozenset({"also"})  # searched, never shown in an excerpt
# What the results page filters by, with each filter group's heading (the contract gives them
# to the page's script; the index writes each group's values).
FACETS = {"rating": "Evidence rating", "theme": "Theme", "outcome": "Outcome"}


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, e.g. practice/leeds-family-valued/
    title: str
    locality: str
    rating: str  # rating id; the results page shows its label and ranks ties by it
    impact: str  # the impact evidence's label, as the case study's page shows it
    headline: str
    fields: tuple[tuple[str, tuple[str, ...]], ...]  # (kind in WEIGHTS, its parts) in reading order
    filters: tuple[tuple[str, tuple[str, ...]], ...]  # (facet in FACETS, value ids)


def search_record(
    case_study: CaseStudy, taxonomy: Taxonomy, synonyms: Synonyms | None = None, evidence: EvidenceFacts | None = None
) -> SearchRecord:
    c = case_study
    evidence = evidence or EvidenceFacts(taxonomy)
    domains = list(dict.fromkeys(o.domain for o in c.outcomes))
    designs = list(dict.fromkeys(o.design for o in c.outcomes))
    characteristics = [t for t in taxonomy.characteristics.terms if t.id in c.characteristics]
    parts: dict[str, tuple[str, ...]] = {
        "title": (c.title,),
        "place": (c.locality,),
        "lead": (c.headline, taxonomy.models[c.model.id].label if c.model else ""),
        "summary": (c.summary,),
        # Each label its own part, so that no phrase runs from one into the next.
        "tags": (
            taxonomy.ratings[c.evidence.rating].label,
            evidence.impact_label(c),
            *(taxonomy.themes[t].label for t in c.themes),
            *(taxonomy.age_groups[a].label for a in c.audience.age_groups),
            *(taxonomy.outcome_domains[d].label for d in domains),
            *(taxonomy.designs[d].label for d in designs),
            taxonomy.regions[c.region].label,
        ),
        "labels": tuple(t.label for t in characteristics),
        "body": (
            plain_text(c.description),
            *(f"{o.measure}. {o.for_whom}. {o.change.as_reported}. {o.note}" for o in c.outcomes),
            *(m.what for m in (*c.costs, *c.claimed_savings)),
            c.setting,
            *c.partners,
            *c.audience.target_groups,
            *(_implementation(c) if c.implementation else ()),
            *(c.characteristics[t.id] for t in characteristics),
            plain_text(c.evidence.note),
        ),
    }
    if synonyms:
        written = " ".join(" ".join(p) for p in parts.values())
        parts["also"] = tuple(synonyms.expansions(written))
    fields = tuple((kind, tuple(p for p in texts if p and p.strip())) for kind, texts in parts.items())
    return SearchRecord(
        url=page_url(case_study_page(c.id)),
        title=c.title,
        locality=c.locality,
        rating=c.evidence.rating,
        impact=evidence.impact_label(c),
        headline=c.headline,
        fields=tuple(field for field in fields if field[1]),
        filters=(("rating", (c.evidence.rating,)), ("theme", tuple(c.themes)), ("outcome", tuple(domains))),
    )


def _implementation(case_study: CaseStudy) -> tuple[str, ...]:
    how = case_study.implementation
    assert how is not None
    return (*how.team, how.training, how.set_up, how.funding, *how.prerequisites, how.note)


def facet_values(taxonomy: Taxonomy) -> dict[str, tuple[tuple[str, str], ...]]:
    """(id, label) of every value of each facet, in the taxonomy's order (ratings strongest first)."""
    return {
        "rating": tuple((t.id, t.label) for t in taxonomy.ratings.terms),
        "theme": tuple((t.id, t.label) for t in taxonomy.themes.terms),
        "outcome": tuple((t.id, t.label) for t in taxonomy.outcome_domains.terms),
    }


@dataclass(frozen=True)
class SearchCollection:
    """Everything the index is written from."""

    records: tuple[SearchRecord, ...]  # in the order the index numbers them (by case-study id)
    facets: dict[str, tuple[tuple[str, str], ...]]  # facet_values


def search_collection(
    case_studies: list[CaseStudy], taxonomy: Taxonomy, synonyms: Synonyms | None = None
) -> SearchCollection:
    evidence = REUSE(EvidenceFacts, taxonomy)
    records = tuple(REUSE(search_record, c, taxonomy, synonyms, evidence) for c in _in_index_order(case_studies))
    return SearchCollection(records, facet_values(taxonomy))


def document_numbers(case_studies: list[CaseStudy]) -> dict[str, int]:
    """Each case study's number in the index (the finder's cards carry it)."""
    return {c.id: n for n, c in enumerate(_in_index_order(case_studies))}


def _in_index_order(case_studies: list[CaseStudy]) -> list[CaseStudy]:
    return sorted(case_studies, key=lambda c: c.id)
