"""The ways to narrow and map the collection: the finder's filter groups, page size and orders,
and the gap maps' axes. Named here once: the finder's script reads the groups from the page and
the page size and orders from the contract (generator/contract.py), and each map's cells link
to the finder with the same keys."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from generator.config.taxonomy import Taxonomy, Vocabulary
from generator.impact import COUNT
from generator.model import CaseStudy
from generator.render import urls
from generator.render.evidence_facts import EvidenceFacts
from generator.render.gap_map import Columns
from generator.search.records import FACETS as SEARCH_FACETS

FINDER_PAGE_SIZE = 50  # cards the finder's page holds and shows before "Show more" fetches more
# The finder's orders, (id in the address, label); the first is the page's own (strongest evidence first).
FINDER_SORTS = (
    ("evidence", "Strongest evidence"),
    ("updated", "Recently updated"),
    ("cost", "Lowest cost per family or child"),  # generator/render/costs.py: comparable_amount
    ("title", "Title, A to Z"),
)


def finder_groups(
    taxonomy: Taxonomy, evidence: EvidenceFacts, case_studies: list[CaseStudy]
) -> list[dict[str, object]]:
    """The finder's filters, each term with how many case studies carry it (terms nobody
    carries are not offered). Each name is also its key in the page's address; a group the search
    page filters by too has its heading there."""
    t = taxonomy
    groups: list[tuple[str, str, Vocabulary, Callable[[CaseStudy], Iterable[str]]]] = [
        ("theme", SEARCH_FACETS["theme"], t.themes, lambda c: c.themes),
        ("outcome", SEARCH_FACETS["outcome"], t.outcome_domains, lambda c: {o.domain: None for o in c.outcomes}),
        ("characteristic", "Characteristic", t.characteristics, lambda c: c.characteristics),
        ("rating", SEARCH_FACETS["rating"], t.ratings, lambda c: (c.evidence.rating,)),
        ("impact", "Impact evidence", evidence.impact_vocabulary, lambda c: (evidence.impact(c),)),
        ("results", "Results", evidence.results_vocabulary, evidence.results),
        ("region", "Region", t.regions, lambda c: (c.region,)),
        ("age", "Age group", t.age_groups, lambda c: c.audience.age_groups),
    ]
    found = []
    for name, legend, vocabulary, terms_of in groups:
        counts = Counter(term for c in case_studies for term in terms_of(c))
        found.append(
            {"name": name, "legend": legend, "terms": vocabulary.terms, "counts": counts, "terms_of": terms_of}
        )
    return found


def gap_map_axes(taxonomy: Taxonomy, evidence: EvidenceFacts) -> list[dict[str, object]]:
    """Each gap map: its rows (a facet's folder), its columns, its title among the maps, its
    page and the finder's key for its rows."""
    characteristics = Columns(
        "characteristic",
        "the five emerging characteristics of effective early intervention",
        "characteristic",
        taxonomy.characteristics.terms,
        lambda c, _row: c.characteristics,
        lambda term_id: urls.facet_page("characteristics", term_id),
    )
    improvements = set(taxonomy.designs.ids) - {COUNT}  # the designs of an improvement, not of a count
    outputs = taxonomy.outputs  # areas only counts of activity can fill
    impact = Columns(
        "impact",
        "impact evidence: the strongest design among each case study's outcomes in that area that improved",
        "impact evidence",
        evidence.impact_vocabulary.terms,
        lambda c, row: (evidence.impact(c, row),),
        lambda term_id: f"{urls.ABOUT_EVIDENCE}#design-{term_id}",
        finder=False,
        is_gap=lambda row, column: column in improvements and row not in outputs,
        gap_note=(
            "An empty cell under a design is a gap: no case study here has that design as its strongest "
            "evidence of an improvement in that area yet. Empty cells under counts and \u201cNone held\u201d "
            "are not gaps, nor are the designs of an area that only counts activity."
        ),
    )
    outcome_areas = Columns(
        "outcome",
        "outcomes",
        "outcome",
        taxonomy.outcome_domains.terms,
        lambda c, _row: {o.domain: None for o in c.outcomes},
        lambda term_id: urls.facet_page("outcomes", term_id),
    )
    # The maps in the order a commissioner asks: what is known and how strongly, then where
    # each theme has results, then the 2010 characteristics. Each map's cells are also a CSV file.
    return [
        {
            "rows": "outcomes",
            "columns": impact,
            "title": "Outcomes by impact evidence",
            "page": urls.GAP_MAP_IMPACT,
            "key": "outcome",
            "csv": "data/gap-map-outcomes-impact-evidence.csv",
        },
        {
            "rows": "themes",
            "columns": outcome_areas,
            "title": "Themes by outcome",
            "page": urls.GAP_MAP_THEMES_OUTCOMES,
            "key": "theme",
            "csv": "data/gap-map-themes-outcomes.csv",
        },
        {
            "rows": "themes",
            "columns": characteristics,
            "title": "Themes by characteristic",
            "page": urls.GAP_MAP,
            "key": "theme",
            "csv": "data/gap-map-themes-characteristics.csv",
        },
        {
            "rows": "outcomes",
            "columns": characteristics,
            "title": "Outcomes by characteristic",
            "page": urls.GAP_MAP_OUTCOMES,
            "key": "outcome",
            "csv": "data/gap-map-outcomes-characteristics.csv",
        },
    ]
