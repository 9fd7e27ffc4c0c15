"""A preview's rebuild takes from the last build only what was made from the same inputs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.incremental.reuse import REUSE, Reuse, loaded
from generator.site_build import SiteSettings, build_site


class Made:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def __call__(self, *inputs):
        self.calls.append(inputs)
        return ("made", len(self.calls))


def test_off_it_makes_every_time():
    reuse, make, thing = Reuse(), Made(), object()
    assert reuse(make, thing) == ("made", 1)
    assert reuse(make, thing) == ("made", 2)


def test_the_same_object_is_made_once_across_builds():
    reuse, make, thing = Reuse(), Made(), object()
    reuse.start()
    first = reuse(make, thing, "text")
    reuse.next_build()
    assert reuse(make, thing, "te" + "xt") is first  # text by value, objects by identity
    assert len(make.calls) == 1


def test_an_equal_but_different_object_is_made_again():
    reuse, make = Reuse(), Made()
    reuse.start()
    reuse(make, [1, 2])
    reuse(make, [1, 2])
    assert len(make.calls) == 2


def test_what_one_build_did_not_use_is_gone_after_the_next():
    reuse, make, kept, dropped = Reuse(), Made(), object(), object()
    reuse.start()
    reuse(make, kept)
    reuse(make, dropped)
    reuse.next_build()
    reuse(make, kept)
    reuse.next_build()
    reuse(make, kept)
    reuse(make, dropped)
    assert make.calls == [(kept,), (dropped,), (dropped,)]


def tenfold(value: list[int]) -> int:
    return value[0] * 10


@given(st.lists(st.integers(min_value=0, max_value=5), max_size=40))
def test_never_answers_for_an_object_that_took_a_dead_ones_id(choices):
    """Ids are reused once an object dies; an entry keeps its inputs alive, so a new object
    can never take the id of one whose result is still kept."""
    reuse = Reuse()
    reuse.start()
    for choice in choices:
        thing = [choice]
        assert reuse(tenfold, thing) == choice * 10
        if choice % 3 == 0:
            reuse.next_build()


def test_a_file_is_loaded_again_when_its_bytes_change(tmp_path):
    class Kind:
        loads = 0

        @classmethod
        def load(cls, path):
            cls.loads += 1
            return path.read_text(encoding="utf-8")

    REUSE.start()
    try:
        path = tmp_path / "settings.yaml"
        path.write_text("a: 1\n", encoding="utf-8")
        assert loaded(Kind, path) == "a: 1\n"
        REUSE.next_build()
        assert loaded(Kind, path) == "a: 1\n"
        path.write_text("a: 2\n", encoding="utf-8")
        assert loaded(Kind, path) == "a: 2\n"
        assert Kind.loads == 2
    finally:
        REUSE.stop()


@pytest.fixture
def preview_reuse():
    REUSE.start()
    yield
    REUSE.stop()


def test_a_preview_rebuild_remakes_only_the_saved_case_studys_search_record(scratch_project, repo, preview_reuse):
    from generator.check.cache import MemoryStore

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(repo.practice_dir.glob("*.yaml"))[:3]}
    project = scratch_project(texts)
    store = MemoryStore()
    first = build_site(project, SiteSettings(), store)
    saved = sorted(project.practice_dir.glob("*.yaml"))[0]
    saved.write_text(saved.read_text(encoding="utf-8").replace("title: ", "title: Renamed ", 1), encoding="utf-8")
    second = build_site(project, SiteSettings(), store)
    changed = [a.url for a, b in zip(first.search().records, second.search().records, strict=True) if a is not b]
    assert changed == [f"practice/{saved.stem}/"]
    assert (
        second.search().records[[r.url for r in second.search().records].index(changed[0])].title.startswith("Renamed ")
    )


def test_a_file_saved_again_while_it_is_read_is_not_kept_for_its_old_bytes(tmp_path):
    """Bytes read, then the file saved, then loaded: kept under the old bytes, the new settings
    would stand for the old file after an undo."""
    path = tmp_path / "policy.yaml"
    path.write_text("v1", encoding="utf-8")
    saves = ["v2"]

    class Kind:
        @classmethod
        def load(cls, read_from):
            if saves:
                read_from.write_text(saves.pop(), encoding="utf-8")  # an editor's save, mid-read
            return read_from.read_text(encoding="utf-8")

    REUSE.start()
    try:
        assert loaded(Kind, path) == "v2"
        path.write_text("v1", encoding="utf-8")  # undone
        REUSE.next_build()
        assert loaded(Kind, path) == "v1"
    finally:
        REUSE.stop()
