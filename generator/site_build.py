"""One core call that returns everything the site needs: the pipeline, end to end.

    practice/*.yaml --load/check--> case studies --render--> pages (finished HTML), data files
                                                 --search--> records for the search index

An engine adapter (generator.adapters.mkdocs_plugin) only maps a SiteBuild onto its own
files and pages. Nothing here knows of MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.check.cache import MemoryStore
from generator.check.collection import check_collection
from generator.config.build_date import build_date
from generator.config.policy import ReviewPolicy
from generator.config.project import Project
from generator.config.publication import DEFAULT_PUBLICATION, Publication
from generator.config.synonyms import Synonyms
from generator.config.taxonomy import Taxonomy
from generator.incremental.reuse import REUSE, loaded
from generator.load.history import HISTORY_UNREAD, read_history
from generator.problems import Problem, Severity
from generator.render.deferred import Deferred
from generator.render.page import PageOutput
from generator.render.site import SiteRenderer
from generator.search.records import search_collection


@dataclass(frozen=True)
class SiteSettings:
    site_name: str = "Effective Practice Repository"
    site_url: str | None = None  # the published address, for absolute links in citations
    as_of: date = field(default_factory=lambda: build_date(None))  # the day review status is judged on
    only: list[Path] | None = None  # preview just these case studies (ids still checked against all)
    publication: Publication = DEFAULT_PUBLICATION  # publisher, licences, code host (mkdocs.yml)


@dataclass(frozen=True)
class SiteBuild:
    pages: dict[str, PageOutput]  # by source path, e.g. practice/leeds-family-valued.md
    data_files: dict[str, Deferred]  # by path in the site, e.g. data/case-studies.json
    search: Deferred  # -> SearchCollection, what the search index is written from (a build makes it in a worker)
    problems: list[Problem]  # errors and warnings, sorted
    files_checked: int
    case_study_count: int
    newest_date: date | None  # the newest publication or review: the date a reproducible build stamps

    @property
    def ok(self) -> bool:
        return not any(p.is_error for p in self.problems)


def build_site(project: Project, settings: SiteSettings, store: MemoryStore | None = None) -> SiteBuild:
    """Check the collection and, if it has no errors, make every page, data file and search
    record. Raises SetupError (with a message naming file and line) for a fault in the set-up."""
    REUSE.next_build()
    review = loaded(ReviewPolicy, project.policy_path)
    taxonomy = loaded(Taxonomy, project.taxonomy_path)
    collection = check_collection(project, paths=settings.only, review=review, store=store, taxonomy=taxonomy)
    case_studies = collection.case_studies
    if not collection.ok:
        no_search = Deferred(search_collection, ([], taxonomy))
        return SiteBuild({}, {}, no_search, collection.problems, collection.files_checked, 0, None)
    history = read_history(project.root, project.practice_dir, frozenset(taxonomy.ratings.ids))
    problems = collection.problems
    if history.problem:  # git is there but failed: the pages say so; a strict build fails (the plugin)
        problems = [
            *problems,
            Problem(HISTORY_UNREAD, f"could not be read: {history.problem}", severity=Severity.WARNING),
        ]
    renderer = SiteRenderer(
        taxonomy,
        history=history,
        site_name=settings.site_name,
        site_url=settings.site_url,
        review=review,
        as_of=settings.as_of,
        publication=settings.publication,
    )
    outputs = renderer.pages(case_studies, project.schema_path.read_text(encoding="utf-8"))
    newest = max((max(c.published, c.last_reviewed) for c in case_studies), default=None)
    return SiteBuild(
        pages={path: output for path, output in outputs.items() if isinstance(output, PageOutput)},
        data_files={path: output for path, output in outputs.items() if not isinstance(output, PageOutput)},
        search=Deferred(search_collection, (case_studies, taxonomy, loaded(Synonyms, project.synonyms_path))),
        problems=problems,
        files_checked=collection.files_checked,
        case_study_count=len(case_studies),
        newest_date=newest,
    )
