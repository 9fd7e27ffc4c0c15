"""The evidence gap map: case studies counted by theme and characteristic, by rating."""

from __future__ import annotations

from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy
from generator.model import CaseStudy


@dataclass(frozen=True)
class Cell:
    total: int
    by_rating: dict[str, int]


def gap_map_cells(case_studies: list[CaseStudy], taxonomy: Taxonomy) -> dict[tuple[str, str], Cell]:
    cells = {}
    for theme in taxonomy.themes.ids:
        for characteristic in taxonomy.characteristics.ids:
            members = [c for c in case_studies if theme in c.themes and characteristic in c.characteristics]
            by_rating = {r: sum(c.evidence.rating == r for c in members) for r in taxonomy.ratings.ids}
            cells[(theme, characteristic)] = Cell(len(members), by_rating)
    return cells
