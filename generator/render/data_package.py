"""data/datapackage.json: the open data described as a Frictionless Data Package (v2), so that
tools know what each file and column is, its type and its licence.

Each column that holds a case-study field takes its title and description from the JSON Schema
(one source), with a note on how the CSV writes it; the columns the site works out (the page's
address, impact evidence, the leading cost) are described here, once. A test holds the columns
described to the CSV's own, and `frictionless validate` to the files.
"""

from __future__ import annotations

import json
from typing import Any

from generator.config.publication import Publication
from generator.render.open_data import CSV_COLUMNS, CSV_PATH, JSON_PATH, SCHEMA_PATH

PROFILE = "https://datapackage.org/profiles/2.0/"
PACKAGE_PATH = "data/datapackage.json"
LABELS = 'the terms\' labels (from schema/taxonomy.yaml), not their ids, joined with "; "'
JOINED = 'joined with "; "'

# column: (path of the field in the JSON Schema, how the CSV writes it, Table Schema type)
FROM_SCHEMA: dict[str, tuple[tuple[str, ...], str, str]] = {
    "id": (("id",), "", "string"),
    "title": (("title",), "", "string"),
    "locality": (("locality",), "", "string"),
    "region": (("region",), "the region's label", "string"),
    "period_start": (("period", "start"), "", "integer"),
    "period_end": (("period", "end"), "a year, or ongoing", "string"),
    "rating": (("evidence", "rating"), "the rating's label", "string"),
    "rated_by": (("evidence", "rated_by"), "", "string"),
    "rated_on": (("evidence", "rated_on"), "", "date"),
    "evidence_basis": (("evidence", "basis"), LABELS, "string"),
    "themes": (("themes",), LABELS, "string"),
    "characteristics": (("characteristics",), LABELS + "; the statements of how are in the JSON", "string"),
    "age_groups": (("audience", "age_groups"), LABELS, "string"),
    "target_groups": (("audience", "target_groups"), JOINED, "string"),
    "setting": (("setting",), "", "string"),
    "partners": (("partners",), JOINED, "string"),
    "outcomes": (("outcomes",), 'each as "measure: change as reported", joined with "; "', "string"),
    "summary": (("summary",), "", "string"),
    "sources": (("sources",), 'their titles, joined with "; "; the JSON has every field', "string"),
    "published": (("published",), "", "date"),
    "last_reviewed": (("last_reviewed",), "", "date"),
    "headline": (("headline",), "", "string"),
    "model": (("model",), "the model's label", "string"),
    "model_role": (("model", "role"), "", "string"),
    "contact_organisation": (("contact", "organisation"), "", "string"),
    "contact_url": (("contact", "url"), "", "string"),
    "impact_evidence": (("impact_evidence",), "the design's label, or None held", "string"),
}
# column: (title, description, type) for what the site works out
WORKED_OUT: dict[str, tuple[str, str, str]] = {
    "url": ("Page", "The case study's page on this site, relative to the site's address.", "string"),
    "outcome_domains": ("Outcome areas", "The areas of the case study's outcomes: " + LABELS + ".", "string"),
    "cost": (
        "Leading cost",
        "The cost a commissioner compares first: per family, else per child, else a year's, else a total, "
        "with its unit in the source's words; the JSON has every cost.",
        "string",
    ),
    "results_not_improved": (
        "Results that did not improve",
        'Each outcome with no clear change, worse or mixed results, as "measure: direction", joined with "; ".',
        "string",
    ),
    "cost_covers": ("What the leading cost covers", "The leading cost's covers value (see the JSON Schema).", "string"),
    "cost_price_year": ("Leading cost's price year", "Where a source gives it; empty otherwise.", "integer"),
}


def _schema_node(schema: dict[str, Any], path: tuple[str, ...]) -> dict[str, Any]:
    """The field's node in the schema. A schema with no properties at all (a test's stand-in,
    "{}") describes nothing; in a real one, a path that is not there is a mistake here."""
    if "properties" not in schema:
        return {}
    node = schema
    for key in path:
        node = node["properties"][key]
    return node


def _field(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    if name in FROM_SCHEMA:
        path, written, kind = FROM_SCHEMA[name]
        node = _schema_node(schema, path)
        description = node.get("description", "") + (f" In this file: {written}." if written else "")
        return {"name": name, "type": kind, "title": node.get("title", name), "description": description.strip()}
    title, description, kind = WORKED_OUT[name]
    return {"name": name, "type": kind, "title": title, "description": description}


def _map_resource(csv_path: str, title: str, header: list[str], ratings: list[str]) -> dict[str, Any]:
    """A gap map's CSV (open_data.gap_map_csv): its header gives the axes' names."""
    row_id, row, column_id, column = header[:4]
    fields = [
        {"name": row_id, "type": "string", "title": f"{row.replace('_', ' ').capitalize()} id"},
        {"name": row, "type": "string", "title": row.replace("_", " ").capitalize()},
        {"name": column_id, "type": "string", "title": f"{column.replace('_', ' ').capitalize()} id"},
        {"name": column, "type": "string", "title": column.replace("_", " ").capitalize()},
        {"name": "case_studies", "type": "integer", "title": "Case studies", "constraints": {"minimum": 0}},
        *(
            {"name": name, "type": "integer", "title": f"Rated {rating}", "constraints": {"minimum": 0}}
            for name, rating in zip(header[5:-2], ratings, strict=True)
        ),
        {
            "name": "gap",
            "type": "string",
            "title": "Gap",
            "description": "yes: nobody has documented practice here yet, though a case study could.",
            "constraints": {"enum": ["yes", "no"]},
        },
        {"name": "case_study_ids", "type": "string", "title": "Case studies' ids", "description": JOINED},
    ]
    name = csv_path.removeprefix("data/").removesuffix(".csv")
    return _table(name, title, csv_path, fields, [row_id, column_id])


def _table(name: str, title: str, path: str, fields: list[dict[str, Any]], key: list[str]) -> dict[str, Any]:
    return {
        "$schema": PROFILE + "dataresource.json",
        "name": name,
        "title": title,
        "path": path.removeprefix("data/"),
        "type": "table",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"$schema": PROFILE + "tableschema.json", "fields": fields, "primaryKey": key},
    }


def data_package(
    schema_text: str,
    site_name: str,
    publication: Publication,
    maps: list[tuple[str, str, list[str]]],
    ratings: list[str],
) -> str:
    """The descriptor. `maps` is each gap map's (CSV path, title, CSV columns) and `ratings`
    the ratings' labels, in the maps' column order."""
    schema = json.loads(schema_text)
    licence = {"path": publication.content_licence.url, "title": publication.content_licence.name}
    package = {
        "$schema": PROFILE + "datapackage.json",
        "name": "effective-practice-case-studies",
        "title": f"{site_name}: case studies of effective local practice",
        "description": "Case studies of effective local practice in children's and family services, with "
        "their evidence ratings, outcomes, costs and sources. Each case study cites its own sources, "
        "which stay under their publishers' terms.",
        "licenses": [licence],
        "contributors": [{"title": publication.publisher, "roles": ["publisher"]}],
        "resources": [
            {
                **_table(
                    "case-studies",
                    "All case studies, one row each",
                    CSV_PATH,
                    [_field(name, schema) for name in CSV_COLUMNS],
                    ["id"],
                ),
                "description": 'Lists are joined with "; ". Any part of a text cell that begins with =, +, '
                "- or @ (at its start, or after a ; or ,) has an apostrophe put before it, so that "
                "spreadsheets do not run it as a formula; the JSON holds every text as written.",
            },
            {
                "$schema": PROFILE + "dataresource.json",
                "name": "case-studies-json",
                "title": "All case studies, every field, each valid against the JSON Schema",
                "path": JSON_PATH.removeprefix("data/"),
                "format": "json",
                "mediatype": "application/json",
                "encoding": "utf-8",
                "description": f"An array of case studies, each valid against {SCHEMA_PATH.removeprefix('data/')}.",
            },
            *(_map_resource(path, title, header, ratings) for path, title, header in maps),
        ],
    }
    return json.dumps(package, indent=2, ensure_ascii=False) + "\n"
