"""What search knows about each case study: a compact record of what the reader sees on its
page, not the page itself.

Indexing records rather than rendered pages keeps the index small and the indexer's memory
low at scale (the rest of the page is left out for that reason, for now). The record's
parts carry weights (generator.search.pagefind_index), so the title, place and the lead
outrank the rest; words the synonyms file (schema/synonyms.yaml) counts as the same are
added at build time, so that "FIP" finds "Family Intervention Projects" and "domestic
violence" finds "domestic abuse".
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.synonyms import Synonyms
from generator.config.taxonomy import Taxonomy
from generator.model import CaseStudy
from generator.render.urls import case_study_page, page_url


@dataclass(frozen=True)
class SearchRecord:
    url: str  # relative to the site root, e.g. practice/leeds-family-valued/
    title: str  # searched (weighted most), and shown as the result's link
    locality: str  # searched (weighted), and shown with the result
    rating: str  # searched, and shown with the result
    text: str  # searched (weighted): headline, model; then summary, region, themes, outcomes, characteristics
    also: str = ""  # searched, never shown: words the synonyms file counts as the same as words used


def search_record(case_study: CaseStudy, taxonomy: Taxonomy, synonyms: Synonyms | None = None) -> SearchRecord:
    c = case_study
    themes = [taxonomy.themes[t].label for t in c.themes]
    characteristics = [t.label for t in taxonomy.characteristics.terms if t.id in c.characteristics]
    domains = dict.fromkeys(taxonomy.outcome_domains[o.domain].label for o in c.outcomes)
    text = _sentences(
        c.headline,
        taxonomy.models[c.model.id].label if c.model else "",
        c.summary,
        taxonomy.regions[c.region].label,
        "; ".join(themes),
        "; ".join(domains),
        "; ".join(characteristics),
    )
    # The rest of the page (description, outcomes, costs, partners, implementation,
    # statements) is not indexed yet: at 10,000 case studies it took Pagefind from 614 MB to
    # 887 MB (the outcomes and the like) and 1.5 GB (the description too). Words of the
    # synonyms file that it uses are, so that they still lead to it.
    indexed = " ".join((c.title, c.locality, text))
    prose = " ".join(
        (
            c.description,
            *c.characteristics.values(),
            *(f"{o.measure} {o.for_whom} {o.change.as_reported}" for o in c.outcomes),
            *(m.what for m in (*c.costs, *c.claimed_savings)),
            c.setting,
            *c.partners,
            *c.audience.target_groups,
            *(_implementation(c) if c.implementation else ()),
        )
    )
    also = ""
    if synonyms:
        also = "; ".join(dict.fromkeys([*synonyms.expansions(indexed), *synonyms.groups_used(prose)]))
    return SearchRecord(
        url=page_url(case_study_page(c.id)),
        title=c.title,
        locality=c.locality,
        rating=taxonomy.ratings[c.evidence.rating].label,
        text=text,
        also=also,
    )


def _implementation(case_study: CaseStudy) -> tuple[str, ...]:
    how = case_study.implementation
    assert how is not None
    return ("; ".join(how.team), how.training, how.set_up, how.funding, "; ".join(how.prerequisites), how.note)


def _sentences(*parts: str) -> str:
    """The non-empty parts as sentences, white space collapsed."""
    kept = [" ".join(part.split()).rstrip(".") for part in parts]
    return ". ".join(part for part in kept if part) + "."


def search_records(
    case_studies: list[CaseStudy], taxonomy: Taxonomy, synonyms: Synonyms | None = None
) -> list[SearchRecord]:
    return [search_record(c, taxonomy, synonyms) for c in sorted(case_studies, key=lambda c: c.id)]
