"""Each case study's "Changes" section, from git: test repositories built commit by commit,
read back as a reader sees the page.

The oracle is the repository the test made: the commits it wrote, in the order it wrote
them, with the dates and messages it gave them, never what the generator's reader returns.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import feedparser
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.config.project import Project
from generator.load.history import MAX_MESSAGE_CHARACTERS, Completeness, _commit, _entries, read_history
from tests.conftest import build
from tests.support.site_html import elements_with_class, read_page

IDENTITY = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org"}
IDENTITY |= {"GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org"}


def git(repo: Path, *args: str, when: str = "2026-01-01T12:00:00+00:00") -> str:
    env = {**os.environ, **IDENTITY, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    env |= {"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    result = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, env=env, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def commit(repo: Path, message: str, when: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "--allow-empty-message", "-m", message, when=when)
    return git(repo, "rev-parse", "HEAD").strip()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def edited_twice(scratch_project, leeds_text) -> tuple[Project, list[str]]:
    """A repository holding one case study, added and then edited twice: its rating lowered
    with a new note, then its title changed."""
    project = scratch_project({"leeds-family-valued.yaml": leeds_text})
    git(project.root, "init", "-q", "-b", "main")
    added = commit(project.root, "Add Leeds Family Valued", "2026-01-05T10:00:00+00:00")
    path = project.practice_dir / "leeds-family-valued.yaml"
    edit(path, "  rating: promising", "  rating: emerging")
    edit(path, "    The published summary reports", "    Lowered for the test. The published summary reports")
    rerated = commit(project.root, "Re-rate Leeds: the <b>summary</b> is not enough", "2026-02-10T09:00:00+00:00")
    edit(path, "\ntitle: ", "\ntitle: Renamed ")
    renamed = commit(project.root, "Retitle Leeds", "2026-03-15T23:30:00-05:00")  # 16 March in UTC
    return project, [renamed, rerated, added]


def changes_on_page(site: Path, case_id: str) -> list[str]:
    html = (site / "practice" / case_id / "index.html").read_text(encoding="utf-8")
    return [element.text for element in elements_with_class(html, "changes__item")]


def test_a_case_study_edited_twice_shows_both_changes_newest_first(edited_twice, tmp_path_factory):
    project, commits = edited_twice
    out = tmp_path_factory.mktemp("history-site")
    result = build(project.root, out)
    assert result.returncode == 0, result.stderr
    shown = changes_on_page(out, "leeds-family-valued")
    assert len(shown) == 3
    # The committer's own day: 23:30 on 15 March in New York is the 16th in London.
    assert shown[0].startswith("15 March 2026 Retitle Leeds Commit " + commits[0][:7])
    assert shown[1].startswith(
        "10 February 2026 Rating changed from promising to emerging. Re-rate Leeds: the <b>summary</b> is not enough"
    )
    assert "The rating's note after this change: Lowered for the test. The published summary reports" in shown[1]
    assert shown[2].startswith("5 January 2026 Add Leeds Family Valued")
    page = read_page(out / "practice" / "leeds-family-valued" / "index.html")
    assert "b" not in page.tags  # the message's markup is text
    assert "Rating changed From promising to emerging on 10 February 2026 (" in page.text
    assert "#changes" in page.links and "changes" in page.ids
    host = "https://github.com/effective-practice/effective-practice-repository/commit/"
    assert [host + c for c in commits] == [link for link in page.links if link.startswith(host)]


def test_two_builds_of_one_commit_are_byte_identical(edited_twice, tmp_path_factory):
    project, _ = edited_twice
    sites = [tmp_path_factory.mktemp(f"history-build-{n}") for n in range(2)]
    for site in sites:
        result = build(project.root, site)
        assert result.returncode == 0, result.stderr
    first, second = ({p.relative_to(s): p.read_bytes() for p in s.rglob("*") if p.is_file()} for s in sites)
    assert first == second


def test_a_copy_without_history_says_so_and_still_builds(edited_twice, tmp_path_factory):
    project, _ = edited_twice
    tarball = tmp_path_factory.mktemp("unpacked") / "copy"
    shutil.copytree(project.root, tarball, ignore=shutil.ignore_patterns(".git"))
    out = tmp_path_factory.mktemp("no-history-site")
    result = build(tarball, out)
    assert result.returncode == 0, result.stderr
    page = read_page(out / "practice" / "leeds-family-valued" / "index.html")
    assert "This copy of the repository has no git history, so the changes to this case study cannot be listed" in (
        page.text
    )
    assert changes_on_page(out, "leeds-family-valued") == []


def test_a_shallow_clone_lists_what_it_holds_and_says_the_rest_is_missing(edited_twice, tmp_path):
    project, commits = edited_twice
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", project.root.as_uri(), str(clone)], check=True)
    history = read_history(clone, clone / "practice")
    assert history.completeness == Completeness.PARTIAL
    assert [c.commit for c in history.of("practice/leeds-family-valued.yaml")] == commits[:1]


def test_an_uncommitted_case_study_has_no_changes_yet(edited_twice, leeds_text):
    project, _ = edited_twice
    (project.practice_dir / "new.yaml").write_text(leeds_text.replace("id: leeds-family-valued", "id: new"))
    history = read_history(project.root, project.practice_dir)
    assert history.completeness == Completeness.FULL
    assert history.of("practice/new.yaml") == ()


def test_a_renamed_file_keeps_its_history_and_a_reused_name_starts_afresh(edited_twice, leeds_text):
    project, commits = edited_twice
    git(project.root, "mv", "practice/leeds-family-valued.yaml", "practice/leeds.yaml")
    moved = commit(project.root, "Shorter file name", "2026-04-01T12:00:00+00:00")
    (project.practice_dir / "leeds-family-valued.yaml").write_text(leeds_text.replace("Leeds", "Other"))
    reused = commit(project.root, "Another case study under the old name", "2026-05-01T12:00:00+00:00")
    history = read_history(project.root, project.practice_dir)
    assert [c.commit for c in history.of("practice/leeds.yaml")] == [moved, *commits]
    assert [c.commit for c in history.of("practice/leeds-family-valued.yaml")] == [reused]


def test_a_version_that_does_not_parse_costs_only_its_rating(edited_twice):
    project, _ = edited_twice
    path = project.practice_dir / "leeds-family-valued.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("evidence: &a [*a\n  rating: [unclosed\n", encoding="utf-8")
    broken = commit(project.root, "Broken", "2026-06-01T12:00:00+00:00")
    path.write_text(text.replace("  rating: emerging", "  rating: promising"), encoding="utf-8")
    fixed = commit(project.root, "Fixed", "2026-06-02T12:00:00+00:00")
    changes = read_history(project.root, project.practice_dir).of("practice/leeds-family-valued.yaml")
    assert [(c.commit, c.rating) for c in changes[:2]] == [(fixed, None), (broken, None)]
    assert [c.rating.new for c in changes if c.rating] == ["emerging"]


def test_without_git_on_the_path_there_is_no_history(edited_twice, monkeypatch):
    project, _ = edited_twice
    monkeypatch.setenv("PATH", "")
    assert read_history(project.root, project.practice_dir).completeness == Completeness.NONE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(message=st.text(min_size=1, max_size=3000))
def test_any_message_reaches_the_page_as_one_line_of_visible_text(tmp_path_factory, message):
    """Hostile messages: markup, controls, direction marks, NUL-free text of any length."""
    repo = tmp_path_factory.mktemp("messages")
    git(repo, "init", "-q")
    (repo / "practice").mkdir()
    (repo / "practice" / "a.yaml").write_text("id: a\n")
    commit(repo, message.replace("\0", ""), "2026-01-01T00:00:00+00:00")
    [change] = read_history(repo, repo / "practice").of("practice/a.yaml")
    assert change.message.isprintable()
    assert len(change.message) <= MAX_MESSAGE_CHARACTERS
    assert change.day == date(2026, 1, 1)


@given(raw=st.binary(max_size=400))
def test_any_commit_object_or_listing_is_read_or_refused_without_a_crash(raw):
    parsed = _commit(b"tree x\ncommitter A <a@b> 1767225600 +0000\n" + raw)
    assert parsed is None or parsed[1].isprintable()
    _commit(raw)
    try:
        list(_entries(raw))
    except ValueError as error:
        assert "cannot read" in str(error)


def test_a_change_of_rating_brings_the_entry_up_in_its_models_feed(edited_twice, tmp_path_factory):
    project, _ = edited_twice
    path = project.practice_dir / "leeds-family-valued.yaml"
    edit(path, "  rating: emerging", "  rating: promising")
    commit(project.root, "Re-rate Leeds again", "2026-12-20T10:00:00+00:00")  # after its last review
    out = tmp_path_factory.mktemp("feed-site")
    result = build(project.root, out)
    assert result.returncode == 0, result.stderr
    for feed_path in ("feed.xml", "models/family-valued/feed.xml"):
        feed = feedparser.parse((out / feed_path).read_bytes())
        assert feed.bozo == 0, feed.get("bozo_exception")
        [entry] = feed.entries
        assert entry.updated.startswith("2026-12-20")  # not its last review, 24 November
        assert entry.summary.endswith("Rating changed from emerging to promising on 20 December 2026.")
