"""The home page's "Recently updated": the latest days with a change, not a list of cards."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from generator.model import CaseStudy


@dataclass(frozen=True)
class UpdateDay:
    """A day on which case studies were published or reviewed: a list of cards that all carry
    one date tells a reader nothing, so the home page lists days, each with what changed."""

    day: date
    published: tuple[CaseStudy, ...]
    reviewed: tuple[CaseStudy, ...]  # reviewed that day, published earlier


def update_days(ranked: list[CaseStudy], days: int) -> list[UpdateDay]:
    """The latest `days` days with a change, newest first; case studies in the order given."""
    by_day: dict[date, list[CaseStudy]] = {}
    for case_study in ranked:
        by_day.setdefault(case_study.updated, []).append(case_study)
    return [
        UpdateDay(
            day,
            tuple(c for c in by_day[day] if c.published == day),
            tuple(c for c in by_day[day] if c.published != day),
        )
        for day in sorted(by_day, reverse=True)[:days]
    ]
