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


# ---------- the store lives where a pull request cannot write ----------


def forged_cache(project, today) -> dict:
    """A store in the format versions before issue 22 read from the checkout, saying every
    file of `project` is valid: its key computed as they computed it."""
    from generator.check.cache import context_key, file_fingerprint

    files = {
        f"practice/{path.name}": {
            "digest": file_fingerprint(path),
            "case_id": path.stem,
            "id_line": 2,
            "originates": None,
            "role_line": None,
            "problems": [],
        }
        for path in sorted(project.practice_dir.glob("*.yaml"))
    }
    return {"format": CACHE_FORMAT, "key": context_key(project, today), "files": files}


def run_validate(project, cache_folder, *arguments):
    import os
    import subprocess
    import sys

    from generator.config.cache_location import CACHE_VARIABLE

    environment = {**os.environ, CACHE_VARIABLE: str(cache_folder)}
    environment.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "validate", "--format", "json", *arguments],
        cwd=project.root,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_cache_planted_in_the_checkout_is_neither_trusted_nor_silent(project, tmp_path):
    bad = sorted(project.practice_dir.glob("*.yaml"))[0]
    bad.write_text(bad.read_text(encoding="utf-8").replace("locality:", "localty:"), encoding="utf-8")
    planted = project.root / ".cache" / "practice" / "validation.json"
    planted.parent.mkdir(parents=True)
    planted.write_text(json.dumps(forged_cache(project, date.today())), encoding="utf-8")
    done = run_validate(project, tmp_path / "user-cache")
    report = json.loads(done.stdout)
    assert done.returncode == 1, done.stdout + done.stderr  # the forged "valid" was believed before
    problems = [(p["file"], p["severity"], p["message"]) for p in report["problems"]]
    assert (f"practice/{bad.name}", "error", "unknown field 'localty'") in problems
    [stray] = [p for p in report["problems"] if p["file"] == ".cache/practice/"]
    assert stray["severity"] == "warning" and stray["message"].startswith("is not read")


def test_results_are_kept_in_the_users_cache_folder_and_reused(project, tmp_path, monkeypatch):
    from generator.config.cache_location import CACHE_VARIABLE, validation_cache_path

    folder = tmp_path / "user-cache"
    assert run_validate(project, folder).returncode == 0
    [kept] = list(folder.iterdir())
    monkeypatch.setenv(CACHE_VARIABLE, str(folder))
    assert kept == validation_cache_path(project)
    assert not (project.root / ".cache").exists()  # nothing written into the checkout
    assert set(json.loads(kept.read_text(encoding="utf-8"))["files"]) == {
        f"practice/{p.name}" for p in project.practice_dir.glob("*.yaml")
    }


def test_without_the_variable_the_platforms_user_cache_folder_is_used(project, tmp_path_factory, monkeypatch):
    from generator.config.cache_location import CACHE_VARIABLE, validation_cache_path

    xdg = tmp_path_factory.mktemp("xdg")
    monkeypatch.delenv(CACHE_VARIABLE, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    path = validation_cache_path(project)
    assert path.parent == xdg / "practice-repository"
    assert project.root not in path.parents


# ---------- an unchanged file is known by its state, as git's index knows it ----------


@pytest.fixture
def settled(monkeypatch):
    """Every file as if its last change were long before the run that reads it (no waiting):
    the window in which a state is not stored is moved an hour ahead."""
    from generator.check import cache as cache_module

    monkeypatch.setattr(cache_module, "RACY_SECONDS", -3600)


def test_a_settled_unchanged_file_is_not_read_again(project, tmp_path, counted, reads, settled):
    cache = tmp_path / "cache.json"
    first = validate(project, today=TODAY, cache_path=cache)
    assert len(reads) == 3
    reads.clear()
    counted.clear()
    assert validate(project, today=TODAY, cache_path=cache) == first
    assert (reads, counted) == ([], [])


def test_a_file_changed_just_before_the_store_was_written_is_read_again(project, tmp_path, reads):
    """Racily clean: a second edit within the same clock tick leaves the state unchanged."""
    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    reads.clear()
    validate(project, today=TODAY, cache_path=cache)
    assert len(reads) == 3  # the files are seconds old: their state is not yet trusted
    reads.clear()
    validate(project, today=TODAY, cache_path=cache)
    assert len(reads) == 3


def test_an_edit_is_seen_though_the_size_and_modification_time_are_restored(project, tmp_path, counted, settled):
    import os

    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    path = sorted(project.practice_dir.glob("*.yaml"))[0]
    before = os.stat(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("locality:", "localitx:", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    counted.clear()
    report = validate(project, today=TODAY, cache_path=cache)
    assert counted == [f"practice/{path.name}"]
    assert any(p.message == "unknown field 'localitx'" for p in report.errors)


def test_a_file_touched_but_unchanged_is_read_once_then_known_by_its_new_state(
    project, tmp_path, counted, reads, settled
):
    import os

    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    path = sorted(project.practice_dir.glob("*.yaml"))[0]
    os.utime(path)
    reads.clear()
    counted.clear()
    validate(project, today=TODAY, cache_path=cache)
    assert (reads, counted) == ([path.name], [])  # read to compare its bytes; not checked again
    stored = json.loads(cache.read_text(encoding="utf-8"))
    state = os.stat(path)
    assert stored["files"][f"practice/{path.name}"]["state"][:3] == [
        state.st_size,
        state.st_mtime_ns,
        state.st_ctime_ns,
    ]


def test_a_check_of_named_files_does_not_settle_the_others(project, tmp_path, reads):
    """A file read seconds before a run is stored without its state; a later check of other
    files must not make that state trusted (it carries the entry over as it was)."""
    cache = tmp_path / "cache.json"
    validate(project, today=TODAY, cache_path=cache)
    paths = sorted(project.practice_dir.glob("*.yaml"))
    validate(project, [paths[1]], today=TODAY, cache_path=cache)
    stored = json.loads(cache.read_text(encoding="utf-8"))["files"]
    assert stored[f"practice/{paths[0].name}"]["state"] is None
    reads.clear()
    validate(project, today=TODAY, cache_path=cache)
    assert paths[0].name in reads
