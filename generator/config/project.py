"""Where a project's collection, schema and taxonomy live."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.problems import SetupError


@dataclass(frozen=True)
class Project:
    """The folders of one repository, found from its root."""

    root: Path

    @property
    def practice_dir(self) -> Path:
        return self.root / "practice"

    @property
    def schema_path(self) -> Path:
        return self.root / "schema" / "case-study.schema.json"

    @property
    def taxonomy_path(self) -> Path:
        return self.root / "schema" / "taxonomy.yaml"

    @property
    def policy_path(self) -> Path:
        return self.root / "schema" / "policy.yaml"

    @property
    def synonyms_path(self) -> Path:
        return self.root / "schema" / "synonyms.yaml"

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above `start` holding schema/taxonomy.yaml."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "schema" / "taxonomy.yaml").is_file():
                return cls(folder)
        raise SetupError(
            f"no schema/taxonomy.yaml found in {here} or any folder above it; run this from inside the repository"
        )
