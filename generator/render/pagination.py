"""A term's case studies split across pages, so that no page grows with the collection.

A theme, outcome or rating can gather thousands of case studies; one page of them all ran to
13 MB at 10,000. Each term's page lists the first CARDS_PER_PAGE (strongest evidence first),
and the rest follow on numbered pages: themes/safeguarding/, then themes/safeguarding/page/2/
and so on. The links between them follow the GOV.UK Design System's pagination component:
Previous and Next, the first and last pages, the current page and those either side of it,
with an ellipsis for the pages left out. A term with no more than one page is unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from generator.render.browse import FINDER_PAGE_SIZE
from generator.render.urls import facet_page

CARDS_PER_PAGE = FINDER_PAGE_SIZE  # as many as the finder shows before "Show more"
Item = TypeVar("Item")


def term_page(folder: str, term_id: str, number: int) -> str:
    """themes/safeguarding.md for the first page, themes/safeguarding/page/2.md after it."""
    return facet_page(folder, term_id) if number == 1 else f"{folder}/{term_id}/page/{number}.md"


@dataclass(frozen=True)
class Pagination:
    number: int  # this page, from 1
    paths: tuple[str, ...]  # every page of the term, in order
    total: int  # case studies on all the pages

    @property
    def count(self) -> int:
        return len(self.paths)

    @property
    def first(self) -> int:
        """The position of this page's first case study, from 1."""
        return (self.number - 1) * CARDS_PER_PAGE + 1

    @property
    def last(self) -> int:
        return min(self.number * CARDS_PER_PAGE, self.total)

    @property
    def previous(self) -> str | None:
        return self.paths[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.paths[self.number] if self.number < self.count else None

    def items(self) -> list[tuple[int, str] | None]:
        """(number, path) of each page linked, None where an ellipsis stands for those left out."""
        shown = sorted({1, self.count, self.number - 1, self.number, self.number + 1} & set(range(1, self.count + 1)))
        items: list[tuple[int, str] | None] = []
        for number in shown:
            if items and items[-1] is not None and number > items[-1][0] + 1:
                items.append(None)
            items.append((number, self.paths[number - 1]))
        return items


def paginate(folder: str, term_id: str, members: list[Item]) -> list[tuple[Pagination, list[Item]]]:
    """Each page of a term's list, with its share of `members`; one page when there are none."""
    count = max(1, -(-len(members) // CARDS_PER_PAGE))
    paths = tuple(term_page(folder, term_id, number) for number in range(1, count + 1))
    return [
        (
            Pagination(number, paths, len(members)),
            members[(number - 1) * CARDS_PER_PAGE : number * CARDS_PER_PAGE],
        )
        for number in range(1, count + 1)
    ]
