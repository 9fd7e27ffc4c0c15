"""`practice new` writes a skeleton that fails validation, naming each placeholder, until filled in."""

from __future__ import annotations

import re
from datetime import date

import pytest
import yaml

from generator.check.collection import validate
from generator.new_case_study import create, slugify
from tests.conftest import TODAY

# What an editor might fill each placeholder with, by field.
FILLED = {
    "region": "london",
    "period.start": 2015,
    "period.end": "ongoing",
    "summary": "A summary of the practice that is comfortably longer than forty characters.",
    "headline": "More young people supported; no outcomes reported yet.",
    "description": "A description of the practice that is comfortably longer than a hundred characters, "
    "so that it passes the schema's minimum length.",
    "themes[0]": "youth",
    "evidence.rating": "emerging",
    "evidence.rated_by": "Repository editors",
    "evidence.basis[0]": "internal-monitoring",
    "outcomes[0].measure": "Young people supported",
    "outcomes[0].for_whom": "Young people in the borough",
    "outcomes[0].domain": "reach-and-delivery",
    "outcomes[0].change.as_reported": "more young people supported",
    "outcomes[0].design": "count",
    "outcomes[0].direction": "not-applicable",
    "outcomes[0].source": "annual-report",
    "audience.age_groups[0]": "secondary",
    "audience.target_groups[0]": "Young people at risk",
    "setting": "Youth centres",
    "partners[0]": "Youth service",
    "sources[0].id": "annual-report",
    "sources[0].title": "Annual report",
    "sources[0].access": "full-text",
    "sources[0].kind": "other",
    "sources[0].publisher": "Example Council",
    "sources[0].date": "2016",
}


def test_slugify():
    assert slugify("Leeds Family Valued") == "leeds-family-valued"
    assert slugify("  Café & Crèche: 0–5s!  ") == "cafe-creche-0-5s"


def test_skeleton_fails_naming_each_placeholder(scratch_project):
    project = scratch_project({})
    path = create(project, 'Youth "Hub" Project: Phase 2', "Example Council", None, TODAY)
    assert path.name == "youth-hub-project-phase-2.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/case-study.schema.json\n")
    data = yaml.safe_load(text)
    assert data["title"] == 'Youth "Hub" Project: Phase 2'

    report = validate(project, [path], today=TODAY)
    assert not report.valid
    assert all(p.message.startswith("placeholder not filled in: TODO") for p in report.errors)
    placeholder_lines = [n for n, line in enumerate(text.splitlines(), 1) if re.search(r"^[^#]*TODO", line)]
    assert sorted(p.line for p in report.errors) == placeholder_lines
    assert {p.field for p in report.errors} >= set(FILLED)


def test_filled_skeleton_validates(scratch_project):
    project = scratch_project({})
    path = create(project, "Youth Hub", "Example Council", "youth-hub", TODAY)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for field, value in FILLED.items():
        target, last = data, None
        steps = [int(s) if s.isdigit() else s for s in re.findall(r"[^.\[\]]+", field)]
        for step in steps[:-1]:
            target = target[step]
        last = steps[-1]
        target[last] = value
    data["characteristics"] = {"outreach-to-vulnerable-groups": "Youth workers go to where young people meet."}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    report = validate(project, [path], today=TODAY)
    assert report.errors == []


def test_refuses_to_overwrite_or_to_make_a_bad_id(scratch_project):
    project = scratch_project({})
    create(project, "Youth Hub", "Example Council", None, date(2026, 1, 1))
    with pytest.raises(FileExistsError):
        create(project, "Youth Hub", "Example Council", None, date(2026, 1, 1))
    with pytest.raises(ValueError):
        create(project, "!!", "Example Council", None, date(2026, 1, 1))
