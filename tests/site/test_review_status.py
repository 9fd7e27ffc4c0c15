"""Review status: "review due" on a case study's page, the editors' review page, and the
validator's warning, all from the one policy in schema/policy.yaml."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator.check.collection import validate
from generator.config.build_date import BuildDateError, build_date, source_date_epoch
from generator.config.policy import PolicyError, ReviewPolicy, add_months, describe_months
from generator.config.project import Project
from tests.conftest import REPO, build, copy_site_setup
from tests.support.site_html import read_page

AS_OF = date(2026, 11, 22)  # the day the review dates below are set against

EXAMPLE = (REPO / "tests" / "examples" / "positive" / "minimal-valid.yaml").read_text(encoding="utf-8")


def case_study(case_id: str, reviewed: str) -> str:
    text = EXAMPLE.replace("id: minimal-valid", f"id: {case_id}")
    text = text.replace("title: Minimal valid case study", f"title: Practice {case_id}")
    return text.replace('"2026-11-01"', f'"{reviewed}"')


# As of 2026-11-22 with the shipped policy (36 months, 6 months' look-ahead):
REVIEWED = {
    "long-overdue": "2019-02-28",  # due 2022-02-28
    "due-today": "2023-11-22",  # due 2026-11-22: due on the day itself
    "due-tomorrow": "2023-11-23",  # falls due soon
    "due-next-spring": "2024-05-22",  # due 2027-05-22: the last day of the look-ahead
    "due-later": "2024-05-23",  # beyond the look-ahead
    "fresh": "2026-11-01",
}


def write_policy(project: Project, text: str) -> None:
    project.policy_path.write_text(text, encoding="utf-8")


def run_practice(project: Project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", *args],
        cwd=project.root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
        timeout=120,
    )


def build_as_of(project: Project, out: Path, day: date) -> subprocess.CompletedProcess[str]:
    return build(project.root, out, env={**os.environ, "SOURCE_DATE_EPOCH": source_date_epoch(day)})


@pytest.fixture(scope="module")
def review_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("review-project")
    copy_site_setup(root)
    (root / "practice").mkdir()
    for case_id, reviewed in REVIEWED.items():
        (root / "practice" / f"{case_id}.yaml").write_text(case_study(case_id, reviewed), encoding="utf-8")
    out = root / "site"
    result = build_as_of(Project(root), out, AS_OF)
    assert result.returncode == 0, result.stderr
    return out


def test_months_are_added_as_calendar_months():
    assert add_months(date(2023, 11, 22), 36) == date(2026, 11, 22)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2023, 1, 31), 1) == date(2023, 2, 28)
    assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert add_months(date(2024, 12, 15), 1) == date(2025, 1, 15)
    assert add_months(date(2024, 5, 1), 0) == date(2024, 5, 1)
    assert [describe_months(n) for n in (1, 12, 18, 36)] == ["1 month", "1 year", "18 months", "3 years"]


def test_a_review_is_due_on_the_day_the_period_ends():
    policy = ReviewPolicy(due_after_months=36, look_ahead_months=6)
    assert policy.is_due(date(2023, 11, 22), AS_OF)
    assert not policy.is_due(date(2023, 11, 23), AS_OF)
    assert policy.falls_due_soon(date(2023, 11, 23), AS_OF)
    assert policy.falls_due_soon(date(2024, 5, 22), AS_OF)
    assert not policy.falls_due_soon(date(2024, 5, 23), AS_OF)
    assert not policy.falls_due_soon(date(2023, 11, 22), AS_OF)  # already due, not "soon"


def test_the_shipped_policy_is_three_years_with_six_months_ahead():
    assert ReviewPolicy.load(Project(REPO).policy_path) == ReviewPolicy(due_after_months=36, look_ahead_months=6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("review:\n  due_after_months: three\n", ["schema/policy.yaml line 2", "review.due_after_months", "'three'"]),
        ("review:\n  due_after_months: 0\n", ["line 2", "review.due_after_months is 0", "from 1 to 600"]),
        ("review:\n  due_after_months: 36\n  look_ahead_months: -1\n", ["line 3", "look_ahead_months is -1"]),
        ("review:\n  due_after_months: true\n", ["line 2", "is True", "whole number"]),
        ("review:\n  due_after_months: 36.5\n", ["line 2", "is 36.5"]),
        ("review:\n  due_after_month: 36\n", ["line 2", "due_after_month is not a policy setting", "due_after_months"]),
        ("due_after_months: 36\n", ["schema/policy.yaml", "expected a 'review:' section"]),
        ("review:\n  due_after_months: 36\n  due_after_months: 12\n", ["line 3", "duplicate key"]),
        ("review: [\n", ["schema/policy.yaml line", "YAML syntax error"]),
    ],
)
def test_a_bad_policy_is_reported_with_file_line_field_and_fix(scratch_project, text, expected):
    project = scratch_project({})
    write_policy(project, text)
    with pytest.raises(PolicyError) as raised:
        ReviewPolicy.load(project.policy_path)
    for part in expected:
        assert part in str(raised.value)


def test_a_missing_setting_takes_its_default(scratch_project):
    project = scratch_project({})
    write_policy(project, "review:\n  due_after_months: 24\n")
    assert ReviewPolicy.load(project.policy_path) == ReviewPolicy(due_after_months=24, look_ahead_months=6)


def test_validate_and_build_refuse_a_bad_policy_without_a_traceback(scratch_project, tmp_path_factory):
    project = scratch_project({"fresh.yaml": case_study("fresh", "2026-11-01")})
    write_policy(project, "review:\n  due_after_months: soon\n")
    checked = run_practice(project, "validate")
    assert checked.returncode == 2
    assert "schema/policy.yaml line 2: review.due_after_months is 'soon'" in checked.stderr
    built = build(project.root, tmp_path_factory.mktemp("bad-policy-site"))
    assert built.returncode != 0
    assert "schema/policy.yaml line 2: review.due_after_months is 'soon'" in built.stderr
    for output in (checked.stderr, built.stderr):
        assert "Traceback" not in output


def test_build_date_comes_from_source_date_epoch_or_the_clock():
    assert build_date(source_date_epoch(date(2030, 1, 2))) == date(2030, 1, 2)
    assert build_date(str(int(source_date_epoch(date(2030, 1, 2))) + 86399)) == date(2030, 1, 2)
    assert build_date(None) in {date.today(), date.fromordinal(date.today().toordinal() - 1)} | {
        date.fromordinal(date.today().toordinal() + 1)
    }  # today in UTC, which may differ from the local date by a day
    with pytest.raises(BuildDateError, match="whole number of seconds"):
        build_date("2026-11-22")


def test_a_bad_source_date_epoch_stops_the_build_with_the_fix(scratch_project, tmp_path_factory):
    project = scratch_project({"fresh.yaml": case_study("fresh", "2026-11-01")})
    out = tmp_path_factory.mktemp("bad-epoch-site")
    result = build(project.root, out, env={**os.environ, "SOURCE_DATE_EPOCH": "yesterday"})
    assert result.returncode != 0
    assert "SOURCE_DATE_EPOCH is 'yesterday'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_page_of_a_case_study_due_for_review_says_so(review_site):
    page = read_page(review_site / "practice" / "long-overdue" / "index.html")
    assert (
        "Review due. Last reviewed 28 February 2019. Case studies are reviewed every 3 years, "
        "so this one has been due for review since 28 February 2022." in page.text
    )
    assert "../../editors/review/" not in page.links  # the editors' list is not for readers
    assert "Review due." in read_page(review_site / "practice" / "due-today" / "index.html").text


@pytest.mark.parametrize("case_id", ["due-tomorrow", "due-next-spring", "due-later", "fresh"])
def test_a_case_study_not_yet_due_has_no_notice(review_site, case_id):
    page = read_page(review_site / "practice" / case_id / "index.html")
    assert "Review due" not in page.text
    assert page.h1 == [f"Practice {case_id}"]  # the page is there


def rows_between(path: Path, start_id: str, end_id: str) -> list[str]:
    """Ids of the case-study rows between two headings of the review page, in order."""
    html = path.read_text(encoding="utf-8")
    return re.findall(
        r'<tr data-case-study="([^"]+)"', html[html.index(f'id="{start_id}"') : html.index(f'id="{end_id}"')]
    )


def test_the_editors_page_lists_what_is_due_then_what_falls_due_soon(review_site):
    path = review_site / "editors" / "review" / "index.html"
    page = read_page(path)
    assert page.h1 == ["Review status"]
    assert "Status as of 22 November 2026 (the day this site was built)." in page.text
    assert "Of 6 case studies, 2 are due for review and 2 fall due within the next 6 months." in page.text
    assert rows_between(path, "due", "soon") == ["long-overdue", "due-today"]  # most overdue first
    assert rows_between(path, "soon", "how-to-review") == ["due-tomorrow", "due-next-spring"]
    assert "practice/long-overdue.yaml" in page.text
    assert "../../practice/long-overdue/" in page.links


def test_status_follows_the_build_date_and_the_configured_age(review_site, tmp_path_factory):
    project = Project(review_site.parent)
    write_policy(project, "review:\n  due_after_months: 12\n  look_ahead_months: 0\n")
    try:
        out = tmp_path_factory.mktemp("review-2027")
        result = build_as_of(project, out, date(2027, 10, 31))
        assert result.returncode == 0, result.stderr
        path = out / "editors" / "review" / "index.html"
        page = read_page(path)
        assert rows_between(path, "due", "how-to-review") == [
            "long-overdue",
            "due-today",
            "due-tomorrow",
            "due-next-spring",
            "due-later",
        ]
        assert "Falling due" not in page.text  # no look-ahead, no section
        assert "Of 6 case studies, 5 are due for review and none is listed as falling due soon." in page.text
        assert "reviewed every 1 year" in read_page(out / "practice" / "due-later" / "index.html").text
        assert "Review due" not in read_page(out / "practice" / "fresh" / "index.html").text
        # The validator applies the same policy.
        report = validate(project, today=date(2027, 10, 31))
        assert sorted(Path(w.file).stem for w in report.warnings if w.field == "last_reviewed") == sorted(
            ["long-overdue", "due-today", "due-tomorrow", "due-next-spring", "due-later"]
        )
        [warning] = [w for w in report.warnings if w.file.endswith("due-later.yaml")]
        assert warning.message == (
            "review due: last reviewed 2024-05-23, more than 1 year ago "
            "(due on 2025-05-23; the period is set in schema/policy.yaml)"
        )
    finally:
        (review_site.parent / "schema" / "policy.yaml").write_bytes((REPO / "schema" / "policy.yaml").read_bytes())


def test_the_shipped_site_marks_exactly_the_case_studies_due_today(built_site, shipped):
    policy = ReviewPolicy.load(Project(REPO).policy_path)
    as_of = build_date(os.environ.get("SOURCE_DATE_EPOCH"))
    due = {c.id for c in shipped.case_studies if policy.is_due(c.last_reviewed, as_of)}
    for cs in shipped.case_studies:
        text = read_page(built_site / "practice" / cs.id / "index.html").text
        assert ("Review due." in text) == (cs.id in due), cs.id
    review_page = built_site / "editors" / "review" / "index.html"
    assert set(rows_between(review_page, "due", "how-to-review")) == due
    # For editors: not in the public menu, linked from the editors' guide.
    assert "Review status" not in read_page(built_site / "index.html").text
    assert "review/" in read_page(built_site / "editors" / "index.html").links
