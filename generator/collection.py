"""Load and validate the whole collection: every file, every problem, in one pass."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.model import CaseStudy
from generator.problems import Problem
from generator.project import Project
from generator.reading import ReadResult, read_case_study
from generator.validation import SchemaValidator, duplicate_id_problems, rule_problems


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


NOT_CASE_STUDIES = {"README.md"}


def case_study_paths(practice_dir: Path) -> list[Path]:
    """Every entry in practice/ but its README and hidden files. Entries that are not
    .yaml files, directories and symlinks are returned too, so they are reported rather
    than silently left out of the site."""
    return sorted(p for p in practice_dir.iterdir() if p.name not in NOT_CASE_STUDIES and not p.name.startswith("."))


def display_path(path: Path, root: Path) -> str:
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def load_collection(
    project: Project,
    paths: list[Path] | None = None,
    today: date | None = None,
) -> Collection:
    """Read and validate `paths` (default: every case study in practice/)."""
    today = today or date.today()
    validator = SchemaValidator.from_file(project.schema_path)
    paths = case_study_paths(project.practice_dir) if paths is None else sorted(paths)
    reads: list[ReadResult] = []
    collection = Collection(files_checked=len(paths))
    for path in paths:
        read = read_case_study(path, display_path(path, project.root))
        if read.ok:
            read.problems.extend(validator.problems(read))
        if read.ok:
            read.problems.extend(rule_problems(read, today))
        reads.append(read)
    cross_file = duplicate_id_problems(reads)
    duplicated = {p.file for p in cross_file}
    for read in reads:
        collection.problems.extend(read.problems)
        if read.ok and read.display not in duplicated:
            collection.case_studies.append(CaseStudy.from_data(read.data, read.display))
    collection.problems.extend(cross_file)
    collection.problems.sort(key=Problem.sort_key)
    collection.case_studies.sort(key=lambda c: c.id)
    return collection
