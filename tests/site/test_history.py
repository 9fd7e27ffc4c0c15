"""Each case study's "Changes" section, from git: test repositories built commit by commit,
read back as a reader sees the page.

The oracle is the repository the test made: the commits it wrote, in the order it wrote
them, with the dates and messages it gave them, never what the generator's reader returns.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import feedparser
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.serve_reload import free_port, wait_for
from generator.config.project import Project
from generator.load.history import MAX_MESSAGE_CHARACTERS, Completeness, _commit, _entries, read_history
from tests.conftest import REPO, build
from tests.support.site_html import elements_with_class, read_page

TAXONOMY = yaml.safe_load((REPO / "schema" / "taxonomy.yaml").read_text(encoding="utf-8"))
RATINGS = frozenset(term["id"] for term in TAXONOMY["ratings"])
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


def test_a_shallow_clone_lists_what_it_holds_and_says_the_rest_is_missing(edited_twice, leeds_text, tmp_path):
    project, _ = edited_twice
    other = leeds_text.replace("id: leeds-family-valued", "id: other").replace("role: originated", "role: adopted")
    (project.practice_dir / "other.yaml").write_text(other, encoding="utf-8")
    commit(project.root, "Add another", "2026-04-01T12:00:00+00:00")
    edit(project.practice_dir / "leeds-family-valued.yaml", "\ntitle: ", "\ntitle: Again ")
    latest = commit(project.root, "Retitle Leeds again", "2026-05-01T12:00:00+00:00")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", project.root.as_uri(), str(clone)], check=True)
    history = read_history(clone, clone / "practice", RATINGS)
    assert history.completeness == Completeness.PARTIAL
    assert [c.commit for c in history.of("practice/leeds-family-valued.yaml")] == [latest]
    # The clone's oldest commit has no parent here: what it changed is unknown, so nothing is
    # said of it (every file would look added in it).
    assert history.of("practice/other.yaml") == ()
    out = tmp_path / "site"
    result = build(clone, out)
    assert result.returncode == 0, result.stderr
    assert "This copy holds only the newest part of the repository's history, which has no change" in (
        read_page(out / "practice" / "other" / "index.html").text
    )


def test_an_uncommitted_case_study_has_no_changes_yet(edited_twice, leeds_text):
    project, _ = edited_twice
    (project.practice_dir / "new.yaml").write_text(leeds_text.replace("id: leeds-family-valued", "id: new"))
    history = read_history(project.root, project.practice_dir, RATINGS)
    assert history.completeness == Completeness.FULL
    assert history.of("practice/new.yaml") == ()


def test_a_file_is_its_case_study_by_name_a_renamed_file_is_a_new_one(edited_twice, leeds_text):
    """The validator holds a file's name to its id, so a file renamed is another case study;
    git would pair two similar case studies as a rename and give one the other's ratings."""
    project, commits = edited_twice
    git(project.root, "mv", "practice/leeds-family-valued.yaml", "practice/leeds.yaml")
    moved = commit(project.root, "Shorter file name", "2026-04-01T12:00:00+00:00")
    (project.practice_dir / "leeds-family-valued.yaml").write_text(leeds_text)
    restored = commit(project.root, "Restore the old name", "2026-05-01T12:00:00+00:00")
    history = read_history(project.root, project.practice_dir, RATINGS)
    assert [c.commit for c in history.of("practice/leeds.yaml")] == [moved]
    assert [c.commit for c in history.of("practice/leeds-family-valued.yaml")] == [restored, moved, *commits]


def test_the_main_line_is_read_a_merge_stands_for_its_branch(edited_twice):
    """A contributor's branch commits (their own dates, versions nobody reviewed) never show;
    the merge that brought them in does, dated the day it landed."""
    project, _ = edited_twice
    path = project.practice_dir / "leeds-family-valued.yaml"
    git(project.root, "checkout", "-q", "-b", "contribution")
    edit(path, "  rating: emerging", "  rating: Endorsed by everyone")
    commit(project.root, "Branch: an unreviewed claim", "2099-01-01T12:00:00+00:00")
    edit(path, "  rating: Endorsed by everyone", "  rating: promising")
    commit(project.root, "Branch: settle on promising", "2099-01-02T12:00:00+00:00")
    git(project.root, "checkout", "-q", "main")
    git(
        project.root,
        "merge",
        "-q",
        "--no-ff",
        "-m",
        "Merge the contribution",
        "contribution",
        when="2026-07-01T12:00:00+00:00",
    )
    merge = git(project.root, "rev-parse", "HEAD").strip()
    [latest, *_] = read_history(project.root, project.practice_dir, RATINGS).of("practice/leeds-family-valued.yaml")
    assert (latest.commit, latest.day, latest.message) == (merge, date(2026, 7, 1), "Merge the contribution")
    assert latest.rating is not None and (latest.rating.old, latest.rating.new) == ("emerging", "promising")


def test_a_rating_outside_the_taxonomy_and_a_hostile_note_never_reach_a_page(edited_twice, tmp_path_factory):
    project, _ = edited_twice
    path = project.practice_dir / "leeds-family-valued.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  rating: emerging", '  rating: "Endorsed\\x01 by the DfE"'), encoding="utf-8")
    commit(project.root, "A rating nobody defined", "2026-06-01T12:00:00+00:00")
    hostile = text.replace("  rating: emerging", "  rating: promising")
    path.write_text(hostile.replace("    Lowered for the test.", "    <b>" + "\u202e" * 50_000), encoding="utf-8")
    commit(project.root, "Promising, with a strange note", "2026-06-02T12:00:00+00:00")
    path.write_text(text, encoding="utf-8")
    commit(project.root, "Back", "2026-06-03T12:00:00+00:00")
    changes = read_history(project.root, project.practice_dir, RATINGS).of("practice/leeds-family-valued.yaml")
    ratings = [(c.rating.old, c.rating.new) if c.rating else None for c in changes[:3]]
    assert ratings == [("promising", "emerging"), ("emerging", "promising"), None]
    out = tmp_path_factory.mktemp("hostile-history-site")
    result = build(project.root, out)
    assert result.returncode == 0, result.stderr
    html = (out / "practice" / "leeds-family-valued" / "index.html").read_text(encoding="utf-8")
    assert "Endorsed" not in html
    [strange] = [e.text for e in elements_with_class(html, "changes__note") if "\\u202e" in e.text]
    assert strange.startswith("The rating's note after this change: <b>\\u202e\\u202e")  # text, not markup
    assert len(strange) < 2100 and strange.endswith("…")
    assert "\u202e" not in html


def test_a_version_that_does_not_parse_is_passed_over_for_the_last_one_that_did(edited_twice):
    project, _ = edited_twice
    path = project.practice_dir / "leeds-family-valued.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text("evidence: &a [*a\n  rating: [unclosed\n", encoding="utf-8")
    broken = commit(project.root, "Broken", "2026-06-01T12:00:00+00:00")
    path.write_text(text.replace("  rating: emerging", "  rating: promising"), encoding="utf-8")
    fixed = commit(project.root, "Fixed", "2026-06-02T12:00:00+00:00")
    changes = read_history(project.root, project.practice_dir, RATINGS).of("practice/leeds-family-valued.yaml")
    assert [c.commit for c in changes[:2]] == [fixed, broken]
    assert changes[1].rating is None
    assert changes[0].rating is not None and (changes[0].rating.old, changes[0].rating.new) == ("emerging", "promising")


def test_a_practice_folder_git_does_not_track_has_no_history(tmp_path, leeds_text):
    git(tmp_path, "init", "-q")
    (tmp_path / "README").write_text("another project\n")
    commit(tmp_path, "Another project", "2026-01-01T00:00:00+00:00")
    (tmp_path / "copy" / "practice").mkdir(parents=True)
    (tmp_path / "copy" / "practice" / "leeds-family-valued.yaml").write_text(leeds_text)
    history = read_history(tmp_path / "copy", tmp_path / "copy" / "practice", RATINGS)
    assert history.completeness == Completeness.NONE


def test_git_that_fails_is_said_to_have_failed_and_fails_a_strict_build(edited_twice, tmp_path_factory):
    project, _ = edited_twice
    fake = tmp_path_factory.mktemp("fake-git")
    (fake / "git").write_text("#!/bin/sh\necho 'fatal: detected dubious ownership in repository' >&2\nexit 128\n")
    (fake / "git").chmod(0o755)
    env = {**os.environ, "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}", "NO_MKDOCS_2_WARNING": "1"}
    strict = build(project.root, tmp_path_factory.mktemp("unreadable-strict"), env=env)
    assert strict.returncode != 0  # publishing stops rather than ship pages without their history
    assert "git history: could not be read: fatal: detected dubious ownership" in strict.stderr
    out = tmp_path_factory.mktemp("unreadable-site")
    config = project.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("strict: true", "strict: false"), encoding="utf-8")
    lenient = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(project.root / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert lenient.returncode == 0, lenient.stderr
    text = read_page(out / "practice" / "leeds-family-valued" / "index.html").text
    assert "The repository's history could not be read when this copy of the site was built" in text


def test_a_deleted_case_study_brought_back_starts_its_ratings_afresh(edited_twice, leeds_text):
    project, _ = edited_twice
    path = project.practice_dir / "leeds-family-valued.yaml"
    path.unlink()
    withdrawn = commit(project.root, "Withdraw Leeds", "2026-04-01T12:00:00+00:00")
    path.write_text(leeds_text, encoding="utf-8")  # promising, where the withdrawn one ended emerging
    back = commit(project.root, "A new case study under the id", "2026-05-01T12:00:00+00:00")
    changes = read_history(project.root, project.practice_dir, RATINGS).of("practice/leeds-family-valued.yaml")
    assert [(c.commit, c.rating) for c in changes[:2]] == [(back, None), (withdrawn, None)]


def test_a_shallow_clone_reads_ratings_from_the_versions_it_holds_and_deepening_it_is_seen(edited_twice, tmp_path):
    project, commits = edited_twice
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", project.root.as_uri(), str(clone)], check=True)
    changes = read_history(clone, clone / "practice", RATINGS).of("practice/leeds-family-valued.yaml")
    # The boundary (the re-rating) is not listed, but its version is the one the title change
    # started from: that change is no change of rating.
    assert [(c.commit, c.rating) for c in changes] == [(commits[0], None)]
    subprocess.run(["git", "-C", str(clone), "fetch", "-q", "--deepen=1"], check=True)
    changes = read_history(clone, clone / "practice", RATINGS).of("practice/leeds-family-valued.yaml")
    assert [c.commit for c in changes] == commits[:2]
    assert changes[1].rating is not None and changes[1].rating.new == "emerging"


def test_without_git_on_the_path_there_is_no_history(edited_twice, monkeypatch):
    project, _ = edited_twice
    monkeypatch.setenv("PATH", "")
    assert read_history(project.root, project.practice_dir, RATINGS).completeness == Completeness.NONE


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(message=st.text(min_size=1, max_size=3000))
def test_any_message_reaches_the_page_as_one_line_of_visible_text(tmp_path_factory, message):
    """Hostile messages: markup, controls, direction marks, NUL-free text of any length."""
    repo = tmp_path_factory.mktemp("messages")
    git(repo, "init", "-q")
    (repo / "practice").mkdir()
    (repo / "practice" / "a.yaml").write_text("id: a\n")
    commit(repo, message.replace("\0", ""), "2026-01-01T00:00:00+00:00")
    [change] = read_history(repo, repo / "practice", RATINGS).of("practice/a.yaml")
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


def test_a_commit_during_a_preview_brings_the_changes_up_to_date(edited_twice, tmp_path):
    """Saved before the preview starts, committed while it runs: only git moved."""
    project, _ = edited_twice
    edit(project.practice_dir / "leeds-family-valued.yaml", "\ntitle: ", "\ntitle: Saved ")
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.adapters.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        page = f"http://127.0.0.1:{port}/practice/leeds-family-valued/"
        assert wait_for(page, "Retitle Leeds", 120) is not None, log.read_text()
        commit(project.root, "Committed during the preview", "2026-08-01T12:00:00+00:00")
        assert wait_for(page, "Committed during the preview", 60) is not None, log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
