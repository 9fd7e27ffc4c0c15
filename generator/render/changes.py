"""What a case study's "Changes" section lists: the newest changes to its file, and every
change of rating however old, since a reader weighing the evidence needs those most."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from generator.config.taxonomy import Vocabulary
from generator.load.history import Change, Completeness, History
from generator.model import CaseStudy
from generator.render.formatting import format_date

NEWEST_CHANGES_SHOWN = 10  # a file edited hundreds of times would otherwise make a long page


@dataclass(frozen=True)
class ChangesShown:
    completeness: Completeness
    listed: tuple[Change, ...]  # newest first
    not_listed: int  # older changes left out (none of them a change of rating)
    ratings: Vocabulary
    rating: str  # the case study's rating now

    @property
    def latest_rating_change(self) -> Change | None:
        """The latest committed change of rating, if it is to the rating the page shows (a
        rating changed since, and not yet committed, has no date to give)."""
        latest = next((change for change in self.listed if change.rating), None)
        return latest if latest and latest.rating and latest.rating.new == self.rating else None

    def rating_label(self, rating_id: str) -> str:
        """A rating's name (history holds only ratings the taxonomy names)."""
        return self.ratings[rating_id].label.lower()


def changes_shown(history: History, case_study: CaseStudy, ratings: Vocabulary) -> ChangesShown:
    changes = history.of(case_study.source_file)
    listed = tuple(c for i, c in enumerate(changes) if i < NEWEST_CHANGES_SHOWN or c.rating)
    return ChangesShown(history.completeness, listed, len(changes) - len(listed), ratings, case_study.evidence.rating)


@dataclass(frozen=True)
class RatingNews:
    """A case study's latest change of rating, in words, and when: for its feed entries."""

    day: date
    words: str  # "Rating changed from promising to emerging on 10 February 2026."


def rating_news(history: History, case_studies: Iterable[CaseStudy], ratings: Vocabulary) -> dict[str, RatingNews]:
    news = {}
    for case_study in case_studies:
        shown = changes_shown(history, case_study, ratings)
        if (change := shown.latest_rating_change) and change.rating:
            old, new = shown.rating_label(change.rating.old), shown.rating_label(change.rating.new)
            news[case_study.id] = RatingNews(
                change.day, f"Rating changed from {old} to {new} on {format_date(change.day)}."
            )
    return news
