"""`practice serve` rebuilds only what a save changed, and the result is the site a clean
build makes of the same files, byte for byte.

The preview is driven as `mkdocs serve --dirty` drives it: one plugin instance (MkDocs keeps
it across rebuilds), the config loaded again for each rebuild, one site folder throughout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from benchmarks.serve_reload import fetch, free_port, wait_for
from generator.adapters.cli import ENGINES
from generator.adapters.mkdocs_watch import POLL_VARIABLE
from generator.config.project import Project
from generator.incremental.preview import PREVIEW_ONLY_VARIABLE
from tests.conftest import REPO, build
from tests.support.site_html import read_page
from tests.support.wsgi import ask, file_app

SITE_URL = "http://127.0.0.1:8000/"
LONG_AGO = 1_000_000_000  # seconds since 1970: earlier than any file a rebuild writes


class Preview:
    def __init__(self, project: Project, site_dir: Path):
        self.config_file = str(project.root / "mkdocs.yml")
        self.site_dir = site_dir
        config = self._config()
        config.plugins.on_startup(command="serve", dirty=True)
        mkdocs_build(config, serve_url=SITE_URL, dirty=True)

    def _config(self):
        config = load_config(config_file=self.config_file, site_dir=str(self.site_dir))
        config.site_url = SITE_URL
        return config

    def rebuild(self, *, read: bool = True) -> set[str]:
        """Rebuild after a save, as serve does; returns the files it wrote. With `read`, a
        reader then asks for every page and file (a preview writes them when asked for)."""
        for path in self.files():
            os.utime(path, (LONG_AGO, LONG_AGO))
        config = self._config()
        mkdocs_build(config, serve_url=SITE_URL, dirty=True)
        self.plugin = config.plugins["practice"]
        if read:
            self.plugin.owed.finish()
        return {str(p.relative_to(self.site_dir)) for p in self.files() if p.stat().st_mtime > LONG_AGO}

    def files(self) -> list[Path]:
        return [p for p in self.site_dir.rglob("*") if p.is_file()]


@pytest.fixture
def project(scratch_project) -> Iterator[Project]:
    """A copy of the repository with the shipped collection, published at SITE_URL."""
    # The plugin sets SOURCE_DATE_EPOCH in this process from the data; other tests' builds
    # must not inherit it (it would fix the day their review status is judged on).
    before = os.environ.pop("SOURCE_DATE_EPOCH", None)
    shipped = {p.name: p.read_text(encoding="utf-8") for p in (REPO / "practice").glob("*.yaml")}
    project = scratch_project(shipped)
    config = project.root / "mkdocs.yml"
    config.write_text(f"site_url: {SITE_URL}\n" + config.read_text(encoding="utf-8"), encoding="utf-8")
    yield project
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    if before is not None:
        os.environ["SOURCE_DATE_EPOCH"] = before


def assert_same_as_clean_build(preview: Preview, project: Project, tmp_path: Path) -> None:
    clean = tmp_path / f"clean-{len(list(tmp_path.iterdir()))}"
    result = build(project.root, clean, env={k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"})
    assert result.returncode == 0, result.stderr
    expected = {p.relative_to(clean): p.read_bytes() for p in clean.rglob("*") if p.is_file()}
    served = {p.relative_to(preview.site_dir): p.read_bytes() for p in preview.files()}
    assert sorted(map(str, served.keys() - expected.keys())) == []  # nothing stale left behind
    assert sorted(map(str, expected.keys() - served.keys())) == []
    assert sorted(str(name) for name in expected if expected[name] != served[name]) == []


def edit(project: Project, case_id: str, old: str, new: str) -> None:
    path = project.practice_dir / f"{case_id}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def case_study_pages(written: set[str]) -> set[str]:
    return {m.group(1) for name in written if (m := re.fullmatch(r"practice/([^/]+)/index\.html", name))}


def shown_on(site: Path, case_ids: list[str] | None = None) -> dict[str, set[str]]:
    """For each case study (default: each with a page), the others whose page shows it: as
    related practice, or as another case study of the same model. Each page is read once."""
    pages = {page.parent.name: read_page(page) for page in (site / "practice").glob("*/index.html")}
    return {
        case_id: {
            other
            for other, parsed in pages.items()
            if other != case_id and (case_id in parsed.cards or f"../{case_id}/" in parsed.links)
        }
        for case_id in (pages if case_ids is None else case_ids)
    }


def showing(site: Path, case_id: str) -> set[str]:
    return shown_on(site, [case_id])[case_id]


def test_a_new_title_rewrites_its_page_and_the_pages_that_show_it(project, tmp_path):
    preview = Preview(project, tmp_path / "served")
    # The case study fewest others show as related, so that most pages must be left alone.
    shown = shown_on(preview.site_dir)
    target = min((case_id for case_id in shown if shown[case_id]), key=lambda case_id: (len(shown[case_id]), case_id))
    shown_before = shown[target]

    edit(project, target, "\ntitle: ", "\ntitle: Renamed ")
    written = preview.rebuild()

    shown_after = showing(preview.site_dir, target)
    assert case_study_pages(written) == {target} | shown_before | shown_after
    assert len(case_study_pages(written)) < len(list(project.practice_dir.glob("*.yaml")))
    assert "finder/index.html" in written and "data/case-studies.json" in written
    assert "about/evidence/index.html" not in written  # a new title changes none of the counts it shows
    assert any(name.startswith("search-index/") for name in written)  # search knows the new title
    assert read_page(preview.site_dir / "practice" / target / "index.html").h1[0].startswith("Renamed ")
    assert_same_as_clean_build(preview, project, tmp_path)


def test_a_page_a_save_changed_is_written_when_asked_for(project, tmp_path):
    """The rebuild writes none of the pages a new title changes; each is made, from that
    build, when a reader asks for it, and the site then is the clean build's."""
    preview = Preview(project, tmp_path / "served")
    target = "leeds-family-valued"
    page = preview.site_dir / "practice" / target / "index.html"
    edit(project, target, "\ntitle: ", "\ntitle: Renamed ")
    written = preview.rebuild(read=False)
    assert case_study_pages(written) == set() and not read_page(page).h1[0].startswith("Renamed ")
    app = preview.plugin.owed.serve_when_made(file_app(preview.site_dir), "/")
    served = ask(app, f"/practice/{target}/").decode()
    assert read_page(page).h1[0].startswith("Renamed ") and "Renamed " in served
    assert "Renamed " in ask(app, "/finder/").decode()  # a list that shows the card
    preview.plugin.owed.finish()
    assert_same_as_clean_build(preview, project, tmp_path)


def test_a_change_search_does_not_see_leaves_the_search_index_alone(project, tmp_path):
    preview = Preview(project, tmp_path / "served")
    target = "leeds-family-valued"
    # Sources are shown on the page but not searched.
    edit(project, target, "title: Press release announcing", "title: The press release announcing")
    written = preview.rebuild()
    # Pages that show it as related take the whole case study as input, so they are made again
    # (their text comes out the same); the rest are not.
    assert case_study_pages(written) == {target} | showing(preview.site_dir, target)
    assert not any(name.startswith("search-index/") for name in written)
    assert_same_as_clean_build(preview, project, tmp_path)


def test_new_themes_reach_every_index_and_related_list(project, tmp_path):
    preview = Preview(project, tmp_path / "served")
    edit(project, "leeds-family-valued", "themes:\n", "themes:\n  - disability\n")
    written = preview.rebuild()
    assert "themes/disability/index.html" in written
    assert "leeds-family-valued" in read_page(preview.site_dir / "themes" / "disability" / "index.html").cards
    assert_same_as_clean_build(preview, project, tmp_path)


def test_deleted_and_added_case_studies(project, tmp_path):
    preview = Preview(project, tmp_path / "served")
    old = project.practice_dir / "darlington-family-valued.yaml"
    text = old.read_text(encoding="utf-8")
    old.unlink()
    (project.practice_dir / "darlington-family-valued-2.yaml").write_text(
        text.replace("id: darlington-family-valued", "id: darlington-family-valued-2"), encoding="utf-8"
    )
    preview.rebuild()
    assert not (preview.site_dir / "practice" / "darlington-family-valued").exists()
    assert (preview.site_dir / "practice" / "darlington-family-valued-2" / "index.html").is_file()
    assert_same_as_clean_build(preview, project, tmp_path)


def test_after_a_failed_rebuild_the_fixed_collection_is_built_whole(project, tmp_path):
    preview = Preview(project, tmp_path / "served")
    edit(project, "leeds-family-valued", "locality:", "localty:")
    with pytest.raises(Abort):
        preview.rebuild()
    edit(project, "leeds-family-valued", "localty:", "locality:")
    edit(project, "hertfordshire-family-safeguarding", "\ntitle: ", "\ntitle: Fixed ")
    preview.rebuild()
    assert_same_as_clean_build(preview, project, tmp_path)


@pytest.mark.parametrize(
    "change",
    ["taxonomy label", "hand-written page", "mkdocs.yml", "theme override", "new theme file"],
)
def test_a_change_outside_practice_rebuilds_everything(project, tmp_path, change):
    preview = Preview(project, tmp_path / "served")
    root = project.root
    if change == "taxonomy label":
        path, old, new = root / "schema" / "taxonomy.yaml", "label: Disability", "label: Disability and SEND"
    elif change == "hand-written page":
        path, old, new = root / "docs" / "contributing" / "format.md", "\n", "\nA new first line.\n"
    elif change == "new theme file":  # a preview keeps the theme's listing: a new file is listed again
        path, old, new = root / "site_overrides" / "added.css", "", "p { margin: 0; }\n"
        path.write_text(old, encoding="utf-8")
    elif change == "mkdocs.yml":
        path, old, new = root / "mkdocs.yml", "  - About the evidence:", "  - About our evidence:"
    else:
        path, old, new = root / "site_overrides" / "main.html", "{% block", "<!-- changed -->\n{% block"
    text = path.read_text(encoding="utf-8")
    assert old in text, change
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    written = preview.rebuild()
    assert case_study_pages(written) == {p.stem for p in project.practice_dir.glob("*.yaml")}
    assert_same_as_clean_build(preview, project, tmp_path)


@pytest.mark.parametrize(("engine", "watch"), [*((engine, "kernel") for engine in ENGINES), ("mkdocs", "polling")])
def test_practice_serve_rebuilds_a_saved_case_study_in_part(project, tmp_path, engine, watch):
    """The command editors run: dirty rebuilds by default, strict mode and all, on either
    engine; a save seen by the kernel's watch (Linux) or, where it is not told, by MkDocs'."""
    port = free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", PREVIEW_ONLY_VARIABLE, POLL_VARIABLE)}
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.adapters.cli", "serve", "--engine", engine, "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            env={**env, **({POLL_VARIABLE: "1"} if watch == "polling" else {})},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        page = f"http://127.0.0.1:{port}/practice/leeds-family-valued/"
        assert wait_for(page, "</html>", 120) is not None, log.read_text()
        edit(project, "leeds-family-valued", "\ntitle: ", "\ntitle: Saved ")
        assert wait_for(page, "<h1>Saved Leeds", 60) is not None, log.read_text()
        # Once the page is, every list showing it is served new too, though no build wrote it.
        assert "Saved Leeds" in fetch(f"http://127.0.0.1:{port}/finder/"), log.read_text()
        time.sleep(2)  # a build reads every file: reading must not count as a save
    finally:
        server.terminate()
        server.wait(timeout=30)
    printed = log.read_text()
    assert printed.count("Documentation built in") == 2, printed  # the first build and the save's
    rebuilt = re.search(r"(\d+) of (\d+) generated pages and data files changed", printed)
    assert rebuilt and 0 < int(rebuilt[1]) < int(rebuilt[2]), printed
    assert "Aborted" not in printed and "'dirty' build" not in printed and "Traceback" not in printed


@pytest.mark.parametrize("how", ["renamed and replaced", "removed and restored"])
def test_a_preview_still_hears_of_saves_after_practice_is_replaced(project, tmp_path, how):
    """The kernel's watch is on the folder, not its name: when practice/ itself goes (a
    restore from git or an archive), the preview says so and looks for saves by polling."""
    import shutil

    port = free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH", PREVIEW_ONLY_VARIABLE, POLL_VARIABLE)}
    with log.open("w") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.adapters.cli", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project.root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        page = f"http://127.0.0.1:{port}/practice/leeds-family-valued/"
        assert wait_for(page, "</html>", 120) is not None, log.read_text()
        practice, aside = project.practice_dir, project.root / "practice-before"
        if how == "renamed and replaced":
            practice.rename(aside)
            shutil.copytree(aside, practice)
        else:
            shutil.copytree(practice, aside)
            shutil.rmtree(practice)
            time.sleep(1)
            shutil.copytree(aside, practice)
        assert wait_for(page, "</html>", 60) is not None, log.read_text()
        time.sleep(1)  # the replacement's own rebuild
        edit(project, "leeds-family-valued", "\ntitle: ", "\ntitle: Restored ")
        assert wait_for(page, "<h1>Restored Leeds", 60) is not None, log.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
    printed = log.read_text()
    assert "was removed or replaced: the preview looks for saves every 0.5 s from now on" in printed
    assert "Traceback" not in printed
