"""A preview keeps each file's check while the file and the rules are unchanged, and no longer."""

from __future__ import annotations

from datetime import date

from generator.check.cache import MemoryStore
from generator.check.collection import check_collection

TODAY = date(2026, 12, 6)


def counting_checks(monkeypatch) -> list[str]:
    """Record which files are really parsed and checked."""
    import generator.check.collection as collection

    checked: list[str] = []
    real = collection.check_file

    def check_file(path, display, *args):
        checked.append(path.name)
        return real(path, display, *args)

    monkeypatch.setattr(collection, "check_file", check_file)
    return checked


def test_only_changed_files_are_checked_again(scratch_project, leeds_text, monkeypatch):
    project = scratch_project(
        {
            "leeds-family-valued.yaml": leeds_text,
            "other.yaml": leeds_text.replace("id: leeds-family-valued", "id: other"),
        }
    )
    checked = counting_checks(monkeypatch)
    remembered = MemoryStore()
    first = check_collection(project, today=TODAY, store=remembered)
    assert sorted(checked) == ["leeds-family-valued.yaml", "other.yaml"]

    checked.clear()
    again = check_collection(project, today=TODAY, store=remembered)
    assert checked == []
    assert again.case_studies == first.case_studies and again.problems == first.problems

    other = project.practice_dir / "other.yaml"
    other.write_text(leeds_text.replace("id: leeds-family-valued", "id: other").replace("locality:", "localty:"))
    changed = check_collection(project, today=TODAY, store=remembered)
    assert checked == ["other.yaml"]
    assert [c.id for c in changed.case_studies] == ["leeds-family-valued"]
    assert any("unknown field 'localty'" in p.message for p in changed.errors)


def test_new_rules_check_everything_again(scratch_project, leeds_text, monkeypatch):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    checked = counting_checks(monkeypatch)
    remembered = MemoryStore()
    check_collection(project, today=TODAY, store=remembered)
    check_collection(project, today=date(2026, 11, 23), store=remembered)  # a new day: dates are judged again
    assert checked == ["leeds-family-valued.yaml"] * 2
    schema = project.schema_path
    text = schema.read_text(encoding="utf-8")
    schema.write_text(text.replace("Name of the practice", "The name of the practice"), encoding="utf-8")
    check_collection(project, today=date(2026, 11, 23), store=remembered)
    assert len(checked) == 3


def test_a_file_replaced_by_a_symlink_to_the_same_text_is_refused(scratch_project, leeds_text, tmp_path):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    remembered = MemoryStore()
    assert check_collection(project, today=TODAY, store=remembered).ok
    original = project.practice_dir / "leeds-family-valued.yaml"
    elsewhere = tmp_path / "elsewhere.yaml"
    elsewhere.write_text(leeds_text, encoding="utf-8")
    original.unlink()
    original.symlink_to(elsewhere)
    after = check_collection(project, today=TODAY, store=remembered)
    assert after.case_studies == [] and any("is a symbolic link" in p.message for p in after.errors)


def test_a_deleted_file_is_gone(scratch_project, leeds_text):
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    remembered = MemoryStore()
    check_collection(project, today=TODAY, store=remembered)
    (project.practice_dir / "leeds-family-valued.yaml").unlink()
    assert check_collection(project, today=TODAY, store=remembered).case_studies == []


def test_a_settled_unchanged_file_is_not_read_again_and_an_edit_is_seen(
    scratch_project, leeds_text, monkeypatch, reads
):
    """As the validation store: a file is known by its state (size, times, inode) once the
    state is settled; an edit that restores the size and modification time still changes
    the change time."""
    import os

    from generator.check import cache as cache_module

    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    remembered = MemoryStore()
    check_collection(project, today=TODAY, store=remembered)
    check_collection(project, today=TODAY, store=remembered)
    assert reads == ["leeds-family-valued.yaml"] * 2  # seconds old: not yet trusted

    monkeypatch.setattr(cache_module, "RACY_SECONDS", -3600)  # as if saved long before
    reads.clear()
    check_collection(project, today=TODAY, store=remembered)
    check_collection(project, today=TODAY, store=remembered)
    assert reads == ["leeds-family-valued.yaml"]  # once, to know it by its state

    path = project.practice_dir / "leeds-family-valued.yaml"
    before = os.stat(path)
    path.write_text(leeds_text.replace("locality:", "localitx:", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert os.stat(path).st_size == before.st_size
    reads.clear()
    changed = check_collection(project, today=TODAY, store=remembered)
    assert reads == ["leeds-family-valued.yaml"]
    assert any(p.message == "unknown field 'localitx'" for p in changed.errors)
