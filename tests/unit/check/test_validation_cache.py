"""Re-validation reuses results only while nothing they depend on has changed."""

from __future__ import annotations

import json
from datetime import date

import pytest

from generator.check import file_check as checking
from generator.check.cache import CACHE_FORMAT
from generator.check.collection import validate
from tests.conftest import TODAY


@pytest.fixture
def counted(monkeypatch):
    """Count the files actually checked (not served from the cache)."""
    calls: list[str] = []
    real = checking.check_file

    def spy(path, display, *rest):
        calls.append(display)
        return real(path, display, *rest)

    monkeypatch.setattr("generator.check.collection.check_file", spy)
    return calls


@pytest.fixture
def project(scratch_project, repo):
    files = {p.name: p.read_text(encoding="utf-8") for p in sorted(repo.practice_dir.glob("*.yaml"))[:3]}
    return scratch_project(files)


def test_unchanged_files_are_not_checked_again(project, tmp_path, counted):
    cache = tmp_path / "cache.json"
    first = validate(project, today=TODAY, cache_path=cache)
    assert len(counted) == 3
    counted.clear()
    second = validate(project, today=TODAY, cache_path=cache)
    assert counted == []
    assert second == first


def test_a_changed_file_is_checked_again_and_its_new_problems_reported(project, tmp_path, counted):
    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    counted.clear()
    path = sorted(project.practice_dir.glob("*.yaml"))[0]
    path.write_text(path.read_text(encoding="utf-8").replace("locality:", "localty:"), encoding="utf-8")
    report = validate(project, today=TODAY, cache_path=cache)
    assert counted == [f"practice/{path.name}"]
    assert any(p.message == "unknown field 'localty'" for p in report.errors)


def test_schema_taxonomy_policy_or_date_change_invalidates_everything(project, tmp_path, counted):
    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    counted.clear()
    validate(project, today=date(2026, 11, 23), cache_path=cache)
    assert len(counted) == 3  # some rules compare dates with today
    counted.clear()
    with project.taxonomy_path.open("a", encoding="utf-8") as taxonomy:
        taxonomy.write("\n# an edit\n")
    validate(project, today=date(2026, 11, 23), cache_path=cache)
    assert len(counted) == 3
    counted.clear()
    project.policy_path.write_text("review:\n  due_after_months: 1\n", encoding="utf-8")
    validate(project, today=date(2026, 11, 23), cache_path=cache)
    assert len(counted) == 3  # the review period changes which warnings a file gets


def test_cross_file_rules_run_on_cached_results(project, tmp_path):
    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    first = sorted(project.practice_dir.glob("*.yaml"))[0]
    (project.practice_dir / "copy.yaml").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    report = validate(project, today=TODAY, cache_path=cache)
    assert any("is also used by practice/copy.yaml" in p.message for p in report.errors)


@pytest.mark.parametrize("garbage", ["", "{not json", "[]", '{"format": 1, "key": null, "files": 7}'])
def test_unreadable_cache_is_ignored(project, tmp_path, garbage, counted):
    cache = tmp_path / "cache.json"
    cache.write_text(garbage, encoding="utf-8")
    report = validate(project, today=TODAY, cache_path=cache)
    assert len(counted) == 3
    assert report.errors == []
    assert json.loads(cache.read_text(encoding="utf-8"))["format"] == CACHE_FORMAT


def test_tampered_entry_is_not_trusted(project, tmp_path, counted):
    """An entry whose digest does not match the file is checked afresh."""
    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    stored = json.loads(cache.read_text(encoding="utf-8"))
    for entry in stored["files"].values():
        entry["digest"] = "0" * 64
    cache.write_text(json.dumps(stored), encoding="utf-8")
    counted.clear()
    validate(project, today=TODAY, cache_path=cache)
    assert len(counted) == 3
