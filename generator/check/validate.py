"""`practice validate`: check files, with results cached by content hash."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.check.collection import displayed, finish, other_ids
from generator.check.disk_cache import ValidationCache, context_key, file_digest
from generator.check.file_check import check_file
from generator.check.schema_validator import SchemaValidator
from generator.config.policy import ReviewPolicy
from generator.config.project import Project
from generator.reporting import Report


def default_cache_path(project: Project) -> Path:
    return project.root / ".cache" / "practice" / "validation.json"


def validate(
    project: Project,
    paths: list[Path] | None = None,
    today: date | None = None,
    cache_path: Path | None = None,
) -> Report:
    """Check `paths` (default: the whole collection) and every cross-file rule.

    With `cache_path`, unchanged files reuse their last result (see validation_cache)."""
    today = today or date.today()
    review = ReviewPolicy.load(project.policy_path)
    named = paths is not None
    files = displayed(project, [p.absolute() for p in paths] if named else None)
    cache = ValidationCache.open(cache_path, context_key(project, today)) if cache_path else None
    validator: SchemaValidator | None = None
    checks = []
    for path, display in files:
        digest = file_digest(path) if cache else None
        check = cache.get(display, digest) if cache and digest else None
        if check is None:
            validator = validator or SchemaValidator.from_file(project.schema_path)
            check = check_file(path, display, validator, today, review)
            check.data = None  # not needed here; 10,000 parsed files kept alive slow the GC down
            if cache and digest:
                cache.put(display, digest, check)
        checks.append(check)
    if cache:
        cache.save(keep_unvisited=named)
    return Report(finish(checks, other_ids(project, [path for path, _ in files]) if named else {}), len(files))
