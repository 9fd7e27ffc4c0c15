"""The evidence gap maps: case studies counted by a row facet (themes or outcomes) against a
column axis (the five characteristics, or impact evidence), by rating."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.config.taxonomy import Taxonomy, Term
from generator.model import CaseStudy
from generator.render.facets import Facet

SHADES = 4  # cell shading steps above "none", darkest for the fullest cell
EVERY_EMPTY_CELL_IS_A_GAP = "Empty cells are gaps: practice nobody has documented here yet."


def _any_cell_can_be_filled(_row: str, _column: str) -> bool:
    return True


@dataclass(frozen=True)
class Columns:
    """A map's column axis: its terms, which a case study has, and the finder's key for it."""

    key: str  # the finder's filter name, and the cells' data attribute
    title: str  # "the five characteristics", as the page's lead names it
    singular: str  # "characteristic"
    terms: tuple[Term, ...]
    terms_of: Callable[[CaseStudy, str], Iterable[str]]  # (case study, row term id) -> its column terms
    link: Callable[[str], str]  # a column term's id -> the page that explains it
    # The finder filters whole case studies: a column that depends on the row (impact
    # evidence within one outcome area) lists its case studies in the cell instead.
    finder: bool = True
    # Whether an empty cell (row id, column id) is a gap: something a case study could show
    # but none does yet. Where some cells are not, `gap_note` says which.
    is_gap: Callable[[str, str], bool] = _any_cell_can_be_filled
    gap_note: str = EVERY_EMPTY_CELL_IS_A_GAP


@dataclass(frozen=True)
class Cell:
    total: int
    by_rating: dict[str, int]
    shade: int  # 0 for a gap, else 1..SHADES by the count against the fullest cell
    members: tuple[CaseStudy, ...] = ()  # in the order the map was given them


@dataclass(frozen=True)
class GapMap:
    rows: Facet  # the facet whose terms are the rows; its folder is the finder's key too
    row_terms: tuple[Term, ...]
    columns: Columns
    cells: dict[tuple[str, str], Cell]  # (row term id, column term id) -> cell

    @property
    def gaps(self) -> int:
        return sum(cell.total == 0 and self.columns.is_gap(*key) for key, cell in self.cells.items())

    @property
    def open_cells(self) -> int:
        """The cells a case study could fill: those that would be a gap if empty."""
        return sum(self.columns.is_gap(*key) for key in self.cells)


def gap_map(case_studies: list[CaseStudy], taxonomy: Taxonomy, rows: Facet, columns: Columns) -> GapMap:
    counted: dict[tuple[str, str], list[CaseStudy]] = {}
    for case_study in case_studies:
        for row in rows.terms_of(case_study):
            for column in columns.terms_of(case_study, row):
                counted.setdefault((row, column), []).append(case_study)
    fullest = max((len(members) for members in counted.values()), default=0)
    row_terms = rows.vocabulary(taxonomy).terms
    cells = {}
    for row in row_terms:
        for column in columns.terms:
            members = counted.get((row.id, column.id), [])
            by_rating = {r: sum(c.evidence.rating == r for c in members) for r in taxonomy.ratings.ids}
            shade = -(-len(members) * SHADES // fullest) if members else 0  # ceiling: any count shows
            cells[(row.id, column.id)] = Cell(len(members), by_rating, shade, tuple(members))
    return GapMap(rows, row_terms, columns, cells)
