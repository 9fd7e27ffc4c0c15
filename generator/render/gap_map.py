"""The evidence gap map: case studies counted by a row facet (themes or outcomes) against the
five characteristics, by rating."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Term
from generator.model import CaseStudy
from generator.render.facets import Facet

SHADES = 4  # cell shading steps above "none", darkest for the fullest cell


@dataclass(frozen=True)
class Cell:
    total: int
    by_rating: dict[str, int]
    shade: int  # 0 for a gap, else 1..SHADES by the count against the fullest cell


@dataclass(frozen=True)
class GapMap:
    rows: Facet  # the facet whose terms are the rows; its folder is the finder's key too
    row_terms: tuple[Term, ...]
    cells: dict[tuple[str, str], Cell]  # (row term id, characteristic id) -> cell


def gap_map(case_studies: list[CaseStudy], taxonomy: Taxonomy, rows: Facet) -> GapMap:
    counted: dict[tuple[str, str], list[CaseStudy]] = {}
    for case_study in case_studies:
        for row in rows.terms_of(case_study):
            for characteristic in case_study.characteristics:
                counted.setdefault((row, characteristic), []).append(case_study)
    fullest = max((len(members) for members in counted.values()), default=0)
    row_terms = rows.vocabulary(taxonomy).terms
    cells = {}
    for row in row_terms:
        for characteristic in taxonomy.characteristics.ids:
            members = counted.get((row.id, characteristic), [])
            by_rating = {r: sum(c.evidence.rating == r for c in members) for r in taxonomy.ratings.ids}
            shade = -(-len(members) * SHADES // fullest) if members else 0  # ceiling: any count shows
            cells[(row.id, characteristic)] = Cell(len(members), by_rating, shade)
    return GapMap(rows, row_terms, cells)
