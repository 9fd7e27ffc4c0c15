"""The home page's "Recently updated": days, not a list of cards that all carry one date."""

from __future__ import annotations

import copy
import json
from datetime import date

from generator.model import CaseStudy
from generator.render.recent import update_days
from tests.unit.render.test_outcome_styles import EVERY_FIELD


def study(case_id: str, published: str, reviewed: str) -> CaseStudy:
    data = copy.deepcopy(EVERY_FIELD) | {"id": case_id, "published": published, "last_reviewed": reviewed}
    return CaseStudy.from_data(json.loads(json.dumps(data)), f"practice/{case_id}.yaml")


def test_the_latest_days_newest_first_with_new_and_reviewed_apart():
    studies = [
        study("a", "2026-01-01", "2026-03-01"),  # reviewed on 1 March
        study("b", "2026-03-01", "2026-03-01"),  # new on 1 March
        study("c", "2026-02-01", "2026-02-01"),
        study("d", "2025-12-01", "2026-01-15"),
        study("e", "2025-11-01", "2025-11-01"),  # a fourth day: not shown
    ]
    days = update_days(studies, 3)
    assert [d.day for d in days] == [date(2026, 3, 1), date(2026, 2, 1), date(2026, 1, 15)]
    assert [[c.id for c in d.published] for d in days] == [["b"], ["c"], []]
    assert [[c.id for c in d.reviewed] for d in days] == [["a"], [], ["d"]]
    assert update_days([], 3) == []
