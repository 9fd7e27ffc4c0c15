"""`practice new`: a skeleton case study with every field explained, to fill in."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import date
from pathlib import Path
from string import Template

from generator.config.project import Project
from generator.config.taxonomy import Taxonomy

SKELETON = Path(__file__).with_name("skeleton.yaml.tmpl")
MAX_ID_LENGTH = 80


def slugify(text: str) -> str:
    """'Leeds Family Valued (2011–17)' -> 'leeds-family-valued-2011-17'."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", letters).strip("-")
    return slug[:MAX_ID_LENGTH].rstrip("-")


def yaml_text(value: str) -> str:
    """A YAML scalar that reads back as exactly `value` (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def skeleton(case_id: str, title: str, locality: str, taxonomy: Taxonomy, today: date) -> str:
    characteristics = "\n".join(
        f"  {term.id}: \"TODO: how this practice shows '{term.label}', or delete this line\""
        for term in taxonomy.characteristics.terms
    )
    return Template(SKELETON.read_text(encoding="utf-8")).substitute(
        path=f"practice/{case_id}.yaml",
        case_id=case_id,
        title=yaml_text(title),
        locality=yaml_text(locality),
        today=today.isoformat(),
        regions=", ".join(taxonomy.regions.ids),
        themes=", ".join(taxonomy.themes.ids),
        ratings=", ".join(taxonomy.ratings.ids),
        evidence_bases=", ".join(taxonomy.evidence_bases.ids),
        age_groups=", ".join(taxonomy.age_groups.ids),
        outcome_domains=", ".join(taxonomy.outcome_domains.ids),
        source_kinds=", ".join(taxonomy.source_kinds.ids),
        designs=", ".join(taxonomy.designs.ids),
        directions=", ".join(taxonomy.directions.ids),
        source_access=", ".join(taxonomy.source_access.ids),
        models=", ".join(taxonomy.models.ids),
        characteristics=characteristics,
    )


def create(project: Project, title: str, locality: str, case_id: str | None, today: date) -> Path:
    """Write practice/<id>.yaml; raises FileExistsError or ValueError for bad arguments."""
    case_id = case_id or slugify(title)
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", case_id) or len(case_id) < 3:
        raise ValueError(f"cannot make an id from {title!r}; give one with --id, e.g. --id leeds-family-valued")
    path = project.practice_dir / f"{case_id}.yaml"
    if path.exists() or path.is_symlink():
        raise FileExistsError(f"{path.relative_to(project.root)} already exists; choose another --id")
    taxonomy = Taxonomy.load(project.taxonomy_path)
    path.write_text(skeleton(case_id, title, locality, taxonomy, today), encoding="utf-8")
    return path
