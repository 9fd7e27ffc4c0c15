"""Derive the JSON Schema's controlled vocabularies from the taxonomy.

The schema is a committed file so that editors' YAML tooling can use it directly; this
module is the one place that says which part of it each vocabulary fills. A test checks
that the committed schema equals `synced(schema, taxonomy)`, so the two cannot drift.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from generator.config.taxonomy import Taxonomy

# definitions/<name> in the schema -> taxonomy vocabulary whose ids are its enum
ENUM_DEFINITIONS = {
    "themeId": "themes",
    "ratingId": "ratings",
    "regionId": "regions",
    "evidenceBasisId": "evidence_bases",
    "ageGroupId": "age_groups",
}


def synced(schema: dict[str, Any], taxonomy: Taxonomy) -> dict[str, Any]:
    """A copy of `schema` whose enums and characteristic keys come from `taxonomy`."""
    result = copy.deepcopy(schema)
    definitions = result["definitions"]
    for definition, vocabulary_name in ENUM_DEFINITIONS.items():
        definitions[definition]["enum"] = getattr(taxonomy, vocabulary_name).ids
    characteristics = result["properties"]["characteristics"]
    characteristics["properties"] = {
        term.id: {
            "$ref": "#/definitions/characteristicStatement",
            "description": f"{term.label}. {term.description}",
        }
        for term in taxonomy.characteristics.terms
    }
    return result


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_synced(schema_path: Path, taxonomy: Taxonomy) -> bool:
    """Rewrite the schema file from the taxonomy; True if it changed."""
    current = schema_path.read_text(encoding="utf-8")
    updated = dump(synced(json.loads(current), taxonomy))
    if updated == current:
        return False
    schema_path.write_text(updated, encoding="utf-8")
    return True
