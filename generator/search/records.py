"""What search knows about each case study: a compact record, not the whole page.

Indexing records rather than rendered pages keeps the index small and the indexer's memory
low at scale, and limits search to the fields people search by.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy
from generator.model import CaseStudy
from generator.render.urls import case_study_page, page_url


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, e.g. practice/leeds-family-valued/
    title: str  # searched, and shown as the result's link
    locality: str  # searched, and shown with the result
    rating: str  # searched, and shown with the result
    text: str  # also searched: headline, summary, model, region, themes, outcomes and characteristics


def search_record(case_study: CaseStudy, taxonomy: Taxonomy) -> SearchRecord:
    themes = [taxonomy.themes[t].label for t in case_study.themes]
    characteristics = [
        taxonomy.characteristics[c].label for c in taxonomy.characteristics.ids if c in case_study.characteristics
    ]
    domains = dict.fromkeys(taxonomy.outcome_domains[o.domain].label for o in case_study.outcomes)
    text = ". ".join(
        part
        for part in [
            " ".join(case_study.headline.split()).rstrip("."),
            " ".join(case_study.summary.split()).rstrip("."),
            taxonomy.models[case_study.model.id].label if case_study.model else "",
            taxonomy.regions[case_study.region].label,
            "; ".join(themes),
            "; ".join(domains),
            "; ".join(characteristics),
        ]
        if part
    )
    return SearchRecord(
        url=page_url(case_study_page(case_study.id)),
        title=case_study.title,
        locality=case_study.locality,
        rating=taxonomy.ratings[case_study.evidence.rating].label,
        text=text + ".",
    )


def search_records(case_studies: list[CaseStudy], taxonomy: Taxonomy) -> list[SearchRecord]:
    return [search_record(c, taxonomy) for c in sorted(case_studies, key=lambda c: c.id)]
