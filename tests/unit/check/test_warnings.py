"""Warnings are shown but never fail validation."""

from __future__ import annotations

from datetime import date

from generator.check.collection import validate
from generator.config.project import Project
from tests.conftest import REPO

BASE = (REPO / "tests" / "examples" / "positive" / "minimal-valid.yaml").read_text(encoding="utf-8")

WITH_OUTCOME = BASE.replace(
    "outcomes: []",
    """outcomes:
  - measure: Children on protection plans
    for_whom: Children in the borough
    domain: child-protection
    design: before-and-after
    source: evaluation-1
    direction: improved
    better: lower
    baseline: {value: 974, when: "2011"}
    follow_up: {value: 515, when: "2017"}
    change:
      as_reported: nearly halved
      percent: PERCENT""",
)


def check(tmp_path, text: str, today: date = date(2026, 11, 22)):
    path = tmp_path / "minimal-valid.yaml"
    path.write_text(text, encoding="utf-8")
    return validate(Project(REPO), [path], today=today)


def test_review_older_than_three_years_is_a_warning(tmp_path):
    report = check(tmp_path, BASE, today=date(2029, 11, 1))
    assert report.valid
    [warning] = report.warnings
    assert warning.field == "last_reviewed"
    assert "more than 3 years ago" in warning.message
    assert check(tmp_path, BASE, today=date(2029, 10, 31)).warnings == []


def test_percent_that_disagrees_with_the_figures_is_a_warning(tmp_path):
    report = check(tmp_path, WITH_OUTCOME.replace("PERCENT", "-30"))
    assert report.valid
    [warning] = report.warnings
    assert warning.field == "outcomes[0].change.percent"
    assert warning.message == "reported change -30% disagrees with the figures, which imply -47.13%"
    assert warning.line == WITH_OUTCOME.splitlines().index("      percent: PERCENT") + 1


def test_a_large_reported_change_is_written_out_in_the_warning(tmp_path):
    rising = WITH_OUTCOME.replace("value: 515", "value: 1000").replace("better: lower", "better: higher")
    [warning] = check(tmp_path, rising.replace("PERCENT", "99999.99")).warnings
    assert warning.message.startswith("reported change +99,999.99% disagrees")  # once "+1e+05%"


def test_percent_within_five_points_is_fine(tmp_path):
    assert check(tmp_path, WITH_OUTCOME.replace("PERCENT", "-50")).problems == []
    assert check(tmp_path, WITH_OUTCOME.replace("PERCENT", "-52.2")).warnings != []


def test_source_without_url_is_a_warning(tmp_path):
    text = BASE.replace("    url: https://www.example.org/early-help-2014.pdf\n", "")
    report = check(tmp_path, text)
    assert report.valid
    [warning] = report.warnings
    assert warning.field == "sources[0]"
    assert "has no URL" in warning.message
