"""What search knows about each case study: what the reader sees on its page, in parts that
carry weights, plus the values the results page filters by.

The title, place and headline result outrank the summary, the labels and the body text
(WEIGHTS). Words the synonyms file (schema/synonyms.yaml) counts as the same are added at
build time, never shown, so that "FIP" finds "Family Intervention Projects" and "domestic
violence" finds "domestic abuse".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.config.synonyms import Synonyms
from generator.config.taxonomy import Taxonomy
from generator.model import CaseStudy
from generator.render.urls import case_study_page, page_url

# How much a word counts, by where it stands on the page.
WEIGHTS = {"title": 10, "place": 8, "lead": 5, "summary": 3, "labels": 2, "body": 1, "also": 1}
HIDDEN = frozenset({"also"})  # searched, never shown in an excerpt
# What the results page filters by, with each filter group's heading (the contract gives them
# to the page's script; the index writes each group's values).
FACETS = {"rating": "Evidence rating", "theme": "Theme", "outcome": "Outcome"}

LINK_TARGET = re.compile(r"\]\([^()\s]*\)")  # Markdown link targets are not text the reader sees
MARKUP = re.compile(r"[*_`#>]+")
BRACKETS = re.compile(r"[\[\]]")  # "[hubs](…), so" reads "hubs, so"


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, e.g. practice/leeds-family-valued/
    title: str
    locality: str
    rating: str  # rating id; the results page shows its label and ranks ties by it
    fields: tuple[tuple[str, tuple[str, ...]], ...]  # (kind in WEIGHTS, its parts) in reading order
    filters: tuple[tuple[str, tuple[str, ...]], ...]  # (facet in FACETS, value ids)


def plain(markdown: str) -> str:
    """Markdown as the words a reader sees (link targets and markup dropped), one pass each."""
    return " ".join(MARKUP.sub(" ", BRACKETS.sub("", LINK_TARGET.sub("]", markdown))).split())


def search_record(case_study: CaseStudy, taxonomy: Taxonomy, synonyms: Synonyms | None = None) -> SearchRecord:
    c = case_study
    domains = list(dict.fromkeys(o.domain for o in c.outcomes))
    characteristics = [t for t in taxonomy.characteristics.terms if t.id in c.characteristics]
    parts: dict[str, tuple[str, ...]] = {
        "title": (c.title,),
        "place": (c.locality,),
        "lead": (c.headline, taxonomy.models[c.model.id].label if c.model else ""),
        "summary": (c.summary,),
        "labels": (
            taxonomy.ratings[c.evidence.rating].label,
            taxonomy.regions[c.region].label,
            *(taxonomy.themes[t].label for t in c.themes),
            *(taxonomy.outcome_domains[d].label for d in domains),
            *(t.label for t in characteristics),
        ),
        "body": (
            plain(c.description),
            *(f"{o.measure}. {o.for_whom}. {o.change.as_reported}. {o.note}" for o in c.outcomes),
            *(m.what for m in (*c.costs, *c.claimed_savings)),
            c.setting,
            *c.partners,
            *c.audience.target_groups,
            *(_implementation(c) if c.implementation else ()),
            *(c.characteristics[t.id] for t in characteristics),
            plain(c.evidence.note),
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
    records = tuple(search_record(c, taxonomy, synonyms) for c in _in_index_order(case_studies))
    return SearchCollection(records, facet_values(taxonomy))


def document_numbers(case_studies: list[CaseStudy]) -> dict[str, int]:
    """Each case study's number in the index (the finder's cards carry it)."""
    return {c.id: n for n, c in enumerate(_in_index_order(case_studies))}


def _in_index_order(case_studies: list[CaseStudy]) -> list[CaseStudy]:
    return sorted(case_studies, key=lambda c: c.id)
