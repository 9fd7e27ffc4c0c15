"""Check the collection: every file, every problem, in one pass. The one pipeline that both
`practice validate` and the site use."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.check.cache import CheckStore, DiskStore, context_key
from generator.check.file_check import check_file, duplicate_id_problems, originator_problems
from generator.check.schema_validator import SchemaFileError, SchemaValidator, read_schema
from generator.config.policy import ReviewPolicy
from generator.config.project import Project
from generator.config.schema_sync import synced
from generator.config.taxonomy import Taxonomy
from generator.incremental.reuse import REUSE
from generator.load.files import case_study_paths, display_path, named_file, peek_id
from generator.model import CaseStudy
from generator.problems import Problem, SetupError
from generator.reporting import Report


@dataclass
class Collection:
    case_studies: list[CaseStudy] = field(default_factory=list)  # valid ones, sorted by id
    problems: list[Problem] = field(default_factory=list)  # errors and warnings, sorted
    files_checked: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def ok(self) -> bool:
        return not self.errors

    def report(self) -> Report:
        return Report(self.problems, self.files_checked)


def check_collection(
    project: Project,
    paths: list[Path] | None = None,
    today: date | None = None,
    review: ReviewPolicy | None = None,
    store: CheckStore | None = None,
    models: bool = True,
    taxonomy: Taxonomy | None = None,
) -> Collection:
    """Check `paths` (default: every case study in practice/) and the rules across files
    (ids are checked against the whole collection). With `store`, a file unchanged since its
    stored check is not parsed again. A file whose id is claimed twice is not published, but
    is reported. Without `models`, only problems are wanted: parsed data is dropped as each file
    is checked (10,000 parsed files kept alive slow Python's garbage collector down). Raises
    SetupError for a fault in the project's set-up."""
    today = today or date.today()
    review = review or ReviewPolicy.load(project.policy_path)
    taxonomy = taxonomy or Taxonomy.load(project.taxonomy_path)
    schema = _schema_agreeing_with(project, taxonomy)
    files = _displayed(project, paths)
    # Made on the first file to check: a re-check served wholly from the store never imports
    # the schema libraries (a third of a second). A changed or missing schema changes the
    # store's context, so it is never skipped when it matters.
    validator = None if store is not None else SchemaValidator.from_file(project.schema_path, schema)
    if store is not None:
        store.begin(context_key(project, today))
    checks, made = [], {}
    for path, display in files:
        fingerprint = store.fingerprint(path, display) if store is not None else None
        check = store.get(display, fingerprint) if store is not None and fingerprint else None
        if check is None:
            validator = validator or _validator(project.schema_path, schema)
            check = check_file(path, display, validator, today, review, taxonomy)
            if not models:
                check.data = None
            if store is not None and fingerprint:
                store.put(display, fingerprint, check)
        if models and check.data is not None:  # a preview's unchanged file: the last build's case study
            made[display] = REUSE(CaseStudy.from_data, check.data, display)
            if store is None:  # its parsed data is not needed again: 10,000 files' held 100 MB more
                check.data = None
        checks.append(check)
    if store is not None:
        store.end(whole_collection=paths is None)
    problems = [p for check in checks for p in check.problems]
    problems.extend(duplicate_id_problems(checks, _other_ids(project, paths) if paths is not None else {}))
    problems.extend(originator_problems(checks))
    if paths is None and not files:
        folder = display_path(project.practice_dir, project.root)
        problems.append(Problem(folder, "holds no case studies", hint='add one: practice new "Title" --locality ...'))
    bad_files = {p.file for p in problems if p.is_error}
    case_studies = [made[check.display] for check in checks if check.display in made and check.display not in bad_files]
    return Collection(sorted(case_studies, key=lambda c: c.id), sorted(problems, key=Problem.sort_key), len(files))


def validate(
    project: Project, paths: list[Path] | None = None, today: date | None = None, cache_path: Path | None = None
) -> Report:
    """`practice validate`: the collection's check, with results kept on disk between runs."""
    store = DiskStore(cache_path) if cache_path else None
    # Each file once; a symbolic link is reported as one, not followed (files.named_file).
    named = sorted({named_file(p) for p in paths}) if paths is not None else None
    return check_collection(project, named, today, store=store, models=False).report()


def _schema_agreeing_with(project: Project, taxonomy: Taxonomy) -> dict[str, Any]:
    """The schema, read once, if it agrees with the taxonomy. A term removed from the taxonomy
    but left in the schema would pass validation and break the pages; so would the reverse.
    (Compared as data: a schema formatted differently but saying the same is no fault.)"""
    schema = read_schema(project.schema_path)  # a missing or broken file: its own message
    try:
        expected = synced(schema, taxonomy)
    except (KeyError, TypeError, AttributeError, RecursionError):
        SchemaValidator.from_file(project.schema_path, schema)  # says what is wrong, if it can
        raise SchemaFileError(
            f"{display_path(project.schema_path, project.root)}: not the case-study schema; restore it"
        ) from None
    if expected != schema:
        raise SetupError(
            f"{display_path(project.schema_path, project.root)} disagrees with "
            f"{display_path(project.taxonomy_path, project.root)}; run: practice schema --write"
        )
    return schema


def _displayed(project: Project, paths: list[Path] | None) -> list[tuple[Path, str]]:
    """`paths` (default: the whole collection), each with its path as shown to editors."""
    if paths is not None:
        return [(path, display_path(path, project.root)) for path in sorted(paths)]
    folder = display_path(project.practice_dir, project.root)
    return [(path, f"{folder}/{path.name}") for path in case_study_paths(project.practice_dir)]


def _other_ids(project: Project, checked: list[Path]) -> dict[str, str]:
    """Ids claimed by the collection's files outside `checked`, for cross-file rules."""
    named = {p.absolute() for p in checked}
    return {
        display_path(path, project.root): case_id
        for path in case_study_paths(project.practice_dir)
        if path.absolute() not in named and path.suffix == ".yaml" and (case_id := peek_id(path))
    }


def _validator(path: Path, schema: dict[str, Any]) -> SchemaValidator:
    """A preview's validator is made again only when the schema changes (0.1-0.3 s a save)."""
    inputs = (str(path), json.dumps(schema, sort_keys=True))
    return REUSE.keyed(SchemaValidator, inputs, lambda: SchemaValidator.from_file(path, schema))
