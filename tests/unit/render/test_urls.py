"""Links between generated pages, computed without the file system."""

from __future__ import annotations

import posixpath

from generator.render.site import SiteRenderer
from generator.render.urls import page_url, relative_file_url, relative_path, relative_url


def test_relative_path_agrees_with_posixpath_for_every_pair_of_pages(shipped, taxonomy, repo):
    outputs = SiteRenderer(taxonomy).pages(shipped.case_studies, repo.schema_path.read_text(encoding="utf-8"))
    pages = sorted(page_url(path) for path in outputs if path.endswith(".md"))  # where links start
    targets = pages + sorted(path for path in outputs if not path.endswith(".md"))  # and data files
    assert len(pages) > 40
    for target in targets:
        for start in pages:
            assert relative_path(target, start) == posixpath.relpath(target or ".", start or "."), (target, start)


def test_links_between_pages_and_to_files_and_anchors():
    assert relative_url("index.md", "index.md") == "./"
    assert relative_url("index.md", "practice/leeds.md") == "../../"
    assert relative_url("about/evidence.md#promising", "practice/leeds.md") == "../../about/evidence/#promising"
    assert relative_url("practice/leeds.md", "practice/wakefield.md") == "../leeds/"
    assert relative_url("themes/index.md", "themes/youth.md") == "../"
    assert relative_file_url("data/case-studies.csv", "data/index.md") == "case-studies.csv"
    assert relative_file_url("feed.xml", "practice/leeds.md") == "../../feed.xml"
