"""The collection as open data: JSON (valid against the published schema), CSV, and the
schema itself. The Atom feeds: generator/render/feeds.py."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from generator.config.taxonomy import Taxonomy
from generator.incremental.reuse import REUSE
from generator.model import CaseStudy, to_data
from generator.render.costs import cost_line, lead_cost
from generator.render.deferred import Deferred, same_text
from generator.render.evidence_facts import EvidenceFacts
from generator.render.gap_map import GapMap
from generator.render.urls import case_study_page, page_url

JSON_PATH = "data/case-studies.json"
CSV_PATH = "data/case-studies.csv"
SCHEMA_PATH = "data/case-study.schema.json"
# Spreadsheets run a cell that starts with one of these as a formula ("CSV injection"), and a
# spreadsheet that splits a line at ";" or "," (as many do outside the English-speaking world,
# whatever the file's quoting) starts a new cell after each: so every part of a cell after a
# ";" or "," that starts with one, spaces and quotation marks aside (a '"' there opens a quoted
# cell), is neutralised by a "'" before it (OWASP).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_PART = re.compile(r'(^|[;,])([ "]*)([=+\-@\t\r])')


# The CSV's columns, in order; data/datapackage.json describes each (render/data_package.py).
CSV_COLUMNS = (
    "id",
    "url",
    "title",
    "locality",
    "region",
    "period_start",
    "period_end",
    "rating",
    "rated_by",
    "rated_on",
    "evidence_basis",
    "themes",
    "characteristics",
    "age_groups",
    "target_groups",
    "setting",
    "partners",
    "outcomes",
    "summary",
    "sources",
    "published",
    "last_reviewed",
    # Added with the decision-tool fields; appended so that existing readers keep working.
    "headline",
    "outcome_domains",
    "model",
    "model_role",
    "cost",
    "contact_organisation",
    "contact_url",
    # Added with the evidence fields (how the strongest improvement was measured).
    "impact_evidence",
    "results_not_improved",
    # Added with what each cost covers: the lead cost's kind and price year ("cost" is the lead cost).
    "cost_covers",
    "cost_price_year",
)


def json_pieces(case_studies: list[CaseStudy], taxonomy: Taxonomy) -> Iterator[str]:
    """A JSON array of case studies, each valid against data/case-study.schema.json, each with
    its impact evidence (computed from its outcomes; a case-study file may not give it), a
    case study at a time."""
    facts = REUSE(EvidenceFacts, taxonomy)
    if not case_studies:
        yield "[]\n"
        return
    for number, c in enumerate(sorted(case_studies, key=lambda c: c.id)):
        yield ("[\n" if number == 0 else ",\n") + REUSE(_json_item, c, facts)
    yield "\n]\n"


def _json_item(case_study: CaseStudy, facts: EvidenceFacts) -> str:
    """One case study as json.dumps(items, indent=2) writes each item: one level in."""
    item = _with_impact(to_data(case_study), facts.impact(case_study))
    text = json.dumps(item, indent=2, ensure_ascii=False, allow_nan=False)  # strict JSON, never NaN
    return "\n".join("  " + line for line in text.split("\n"))  # JSON's own line breaks only


def _with_impact(data: dict[str, Any], impact: str) -> dict[str, Any]:
    """The case study's data with impact_evidence after its evidence, where a reader looks for it."""
    keys = list(data)
    at = keys.index("evidence") + 1
    return {**{k: data[k] for k in keys[:at]}, "impact_evidence": impact, **{k: data[k] for k in keys[at:]}}


def _cell(value: str) -> str:
    return _FORMULA_PART.sub(r"\1\2'\3", value)


def csv_export(case_studies: list[CaseStudy], taxonomy: Taxonomy) -> str:
    """One row per case study; lists joined with "; "."""
    return "".join(csv_pieces(case_studies, taxonomy))


def csv_pieces(case_studies: list[CaseStudy], taxonomy: Taxonomy) -> Iterator[str]:
    """csv_export's text, a line at a time."""
    facts = REUSE(EvidenceFacts, taxonomy)
    yield _csv_line(CSV_COLUMNS)
    yield from (REUSE(_csv_row, c, taxonomy, facts) for c in sorted(case_studies, key=lambda c: c.id))


def _csv_line(cells: Iterable[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def _csv_row(c: CaseStudy, taxonomy: Taxonomy, facts: EvidenceFacts) -> str:
    """A case study's line of the CSV file."""
    row = [
        c.id,
        page_url(case_study_page(c.id)),
        c.title,
        c.locality,
        taxonomy.regions[c.region].label,
        str(c.period.start),
        str(c.period.end),
        taxonomy.ratings[c.evidence.rating].label,
        c.evidence.rated_by,
        c.evidence.rated_on.isoformat(),
        "; ".join(taxonomy.evidence_bases[b].label for b in c.evidence.basis),
        "; ".join(taxonomy.themes[t].label for t in c.themes),
        "; ".join(taxonomy.characteristics[k].label for k in c.characteristics),
        "; ".join(taxonomy.age_groups[a].label for a in c.audience.age_groups),
        "; ".join(c.audience.target_groups),
        c.setting,
        "; ".join(c.partners),
        "; ".join(f"{o.measure}: {o.change.as_reported}" for o in c.outcomes),
        " ".join(c.summary.split()),
        "; ".join(s.title.strip() for s in c.sources),
        c.published.isoformat(),
        c.last_reviewed.isoformat(),
        c.headline,
        "; ".join(dict.fromkeys(taxonomy.outcome_domains[o.domain].label for o in c.outcomes)),
        taxonomy.models[c.model.id].label if c.model else "",
        c.model.role if c.model else "",
        cost_line(c.costs, count_others=False),
        c.contact.organisation if c.contact else "",
        c.contact.url if c.contact else "",
        facts.impact_label(c),
        "; ".join(
            f"{o.measure}: {taxonomy.directions[o.direction].label.lower()}"
            for o in c.outcomes
            if facts.did_not_improve(o)
        ),
        lead.covers if (lead := lead_cost(c.costs)) else "",
        (lead.price_year or "") if lead else "",
    ]
    return _csv_line(_cell(" ".join(str(value).split())) for value in row)


def gap_map_header(gap_map: GapMap, taxonomy: Taxonomy) -> list[str]:
    """A map's CSV columns, named after its axes; the data package describes them from this."""
    row_name, column_name = (axis.singular.replace(" ", "_") for axis in (gap_map.rows, gap_map.columns))
    return (
        [f"{row_name}_id", row_name, f"{column_name}_id", column_name, "case_studies"]
        + [f"rated_{rating.id.replace('-', '_')}" for rating in taxonomy.ratings.terms]
        + ["gap", "case_study_ids"]
    )


def gap_map_csv(gap_map: GapMap, taxonomy: Taxonomy) -> str:
    """A map's cells, one row per cell in the page's order: the two terms (id and label), the
    count, each rating's count, whether the cell is a gap, and its case studies' ids."""
    columns = gap_map.columns
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(gap_map_header(gap_map, taxonomy))
    for row in gap_map.row_terms:
        for column in columns.terms:
            cell = gap_map.cells[(row.id, column.id)]
            gap = cell.total == 0 and columns.is_gap(row.id, column.id)
            writer.writerow(
                [_cell(row.id), _cell(row.label), _cell(column.id), _cell(column.label), cell.total]
                + [cell.by_rating[rating.id] for rating in taxonomy.ratings.terms]
                + ["yes" if gap else "no", "; ".join(member.id for member in cell.members)]
            )
    return out.getvalue()


def open_data_files(case_studies: list[CaseStudy], taxonomy: Taxonomy, schema_text: str) -> dict[str, Deferred]:
    """Each file's text, made when called."""
    return {
        JSON_PATH: Deferred(json_pieces, (case_studies, taxonomy)),
        CSV_PATH: Deferred(csv_pieces, (case_studies, taxonomy)),
        SCHEMA_PATH: Deferred(same_text, (schema_text,)),
    }
