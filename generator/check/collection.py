"""Load and validate the whole collection: every file, every problem, in one pass."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.check.file_check import FileCheck, check_file, duplicate_id_problems, peek_id
from generator.check.memory_cache import RememberedChecks
from generator.check.schema_validator import SchemaValidator
from generator.config.policy import ReviewPolicy
from generator.config.project import Project
from generator.model import CaseStudy
from generator.problems import Problem

NOT_CASE_STUDIES = {"README.md"}


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


def case_study_paths(practice_dir: Path) -> list[Path]:
    """Every entry in practice/ but its README and hidden files. Entries that are not
    .yaml files, directories and symlinks are returned too, so they are reported rather
    than silently left out of the site."""
    entries = (p for p in practice_dir.iterdir() if p.name not in NOT_CASE_STUDIES and not p.name.startswith("."))
    return sorted(entries, key=lambda p: p.name)


def display_path(path: Path, root: Path) -> str:
    """The path as shown to editors: relative to the repository, with forward slashes."""
    relative = os.path.relpath(path, root)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()


def displayed(project: Project, paths: list[Path] | None) -> list[tuple[Path, str]]:
    """`paths` (default: the whole collection), each with its path as shown to editors."""
    if paths is not None:
        return [(path, display_path(path, project.root)) for path in sorted(paths)]
    folder = display_path(project.practice_dir, project.root)
    return [(path, f"{folder}/{path.name}") for path in case_study_paths(project.practice_dir)]


def other_ids(project: Project, checked: list[Path]) -> dict[str, str]:
    """Ids claimed by the collection's files outside `checked`, for cross-file rules."""
    named = {p.absolute() for p in checked}
    return {
        display_path(path, project.root): case_id
        for path in case_study_paths(project.practice_dir)
        if path.absolute() not in named and path.suffix == ".yaml" and (case_id := peek_id(path))
    }


def finish(checks: list[FileCheck], others: dict[str, str]) -> list[Problem]:
    """All problems of the checked files, cross-file ones included, sorted for reporting."""
    problems = [p for check in checks for p in check.problems]
    problems.extend(duplicate_id_problems(checks, others))
    return sorted(problems, key=Problem.sort_key)


def check_collection(
    project: Project,
    paths: list[Path] | None = None,
    today: date | None = None,
    review: ReviewPolicy | None = None,
    remembered: RememberedChecks | None = None,
) -> Collection:
    """Read and validate `paths` (default: every case study in practice/).

    A file whose id is claimed twice is not published, but is reported. With `remembered`,
    files unchanged since its last use are not parsed and checked again."""
    today = today or date.today()
    validator = SchemaValidator.from_file(project.schema_path)
    files = displayed(project, paths)
    review = review or ReviewPolicy.load(project.policy_path)

    def check(path: Path, display: str) -> FileCheck:
        return check_file(path, display, validator, today, review)

    if remembered is None:
        checks = [check(path, display) for path, display in files]
    else:
        rules = (project.schema_path.read_bytes(), today, review)
        checks = remembered.check_files(files, rules, check)
    problems = finish(checks, other_ids(project, paths) if paths is not None else {})
    bad_files = {p.file for p in problems if p.is_error}
    case_studies = [
        CaseStudy.from_data(check.data, check.display)
        for check in checks
        if check.data is not None and check.display not in bad_files
    ]
    return Collection(sorted(case_studies, key=lambda c: c.id), problems, len(files))
