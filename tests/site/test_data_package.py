"""data/datapackage.json (Frictionless Data Package v2): `frictionless validate`, run offline,
passes on the shipped collection, on 1,000 synthetic case studies and on hostile text; it fails
on a file that breaks the types it states; and what it says of each column comes from the JSON
Schema, read here straight from schema/case-study.schema.json."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import frictionless
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.synthetic import make_collection
from generator.check.collection import check_collection
from generator.config.project import Project
from generator.model import CaseStudy
from generator.render.data_package import FROM_SCHEMA, WORKED_OUT
from generator.render.site import SiteRenderer
from tests.conftest import REPO
from tests.unit.render.test_outcome_styles import EVERY_FIELD

SCHEMA_TEXT = (REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8")
SCHEMA = json.loads(SCHEMA_TEXT)


def write_data_files(renderer: SiteRenderer, case_studies: list[CaseStudy], target: Path) -> Path:
    """The build's data files, as the site publishes them under data/."""
    for path, output in renderer.pages(case_studies, SCHEMA_TEXT).items():
        if path.startswith("data/") and not path.endswith(".md"):
            (target / path).parent.mkdir(parents=True, exist_ok=True)
            (target / path).write_text(output(), encoding="utf-8")
    return target / "data" / "datapackage.json"


def problems(package: Path) -> list[str]:
    report = frictionless.validate(str(package))
    return [f"{error.type}: {error.message}" for task in report.tasks for error in task.errors] + [
        f"{error.type}: {error.message}" for error in report.errors
    ]


def test_the_published_package_is_valid_and_describes_every_file(built_site):
    package = built_site / "data" / "datapackage.json"
    assert problems(package) == []
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    published = {p.name for p in (built_site / "data").iterdir() if p.suffix in (".csv", ".json")}
    described = {resource["path"] for resource in descriptor["resources"]}
    assert published - described == {"datapackage.json", "case-study.schema.json"}
    # The licence is the one the Open data page states for the data.
    page = (built_site / "data" / "index.html").read_text(encoding="utf-8")
    licence = re.search(r'All case studies as CSV</a>.*?<a rel="license" href="([^"]+)">', page, re.S).group(1)
    assert [entry["path"] for entry in descriptor["licenses"]] == [licence]


def test_each_column_is_described_from_the_schema(built_site):
    descriptor = json.loads((built_site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    table = next(r for r in descriptor["resources"] if r["path"] == "case-studies.csv")
    header = next(csv.reader(io.StringIO((built_site / "data" / "case-studies.csv").read_text(encoding="utf-8"))))
    fields = table["schema"]["fields"]
    assert [field["name"] for field in fields] == header
    assert all(field["title"] and field["description"] for field in fields)
    # Every column is described once, as a field of the schema or as worked out: none left
    # out, none stale.
    assert not set(FROM_SCHEMA) & set(WORKED_OUT) and set(FROM_SCHEMA) | set(WORKED_OUT) == set(header)
    # Where a column holds a field of the schema, its words are the schema's (read here from the file).
    for name, (path, _, _) in FROM_SCHEMA.items():
        node = SCHEMA
        for key in path:
            node = node["properties"][key]
        field = next(f for f in fields if f["name"] == name)
        assert field["title"] == node["title"] and field["description"].startswith(node["description"]), name
    assert {f["name"]: f["type"] for f in fields}["rated_on"] == "date"


def test_a_file_that_breaks_the_stated_types_is_refused(built_site, tmp_path):
    """The check is real: a date that is not one, in a copy of the published files, fails."""
    for path in (built_site / "data").iterdir():
        if path.suffix in (".csv", ".json"):
            (tmp_path / path.name).write_bytes(path.read_bytes())
    rows = list(csv.reader(io.StringIO((tmp_path / "case-studies.csv").read_text(encoding="utf-8"))))
    rows[1][rows[0].index("rated_on")] = "last spring"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    (tmp_path / "case-studies.csv").write_text(out.getvalue(), encoding="utf-8")
    assert any(found.startswith("type-error") for found in problems(tmp_path / "datapackage.json"))


def test_a_thousand_synthetic_case_studies(tmp_path, taxonomy):
    root = make_collection(tmp_path / "project", 1000)
    collection = check_collection(Project(root), today=date(2026, 12, 6))
    assert len(collection.case_studies) == 1000 and not collection.errors
    package = write_data_files(SiteRenderer(taxonomy), collection.case_studies, tmp_path / "out")
    assert problems(package) == []


TEXT_FIELDS = [("title",), ("locality",), ("headline",), ("summary",), ("setting",), ("partners", 0)]
HOSTILE = st.one_of(
    st.sampled_from(['=HYPERLINK("http://x")', '"\n,;', "\u2028", "<script>", '","', "\ufeff@SUM(1)", "-1"]),
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=80),
).filter(lambda text: text.strip())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(at=st.sampled_from(TEXT_FIELDS), value=HOSTILE)
def test_hostile_text_keeps_the_package_valid(tmp_path_factory, taxonomy, at, value):
    data = copy.deepcopy(EVERY_FIELD)
    holder = data
    for step in at[:-1]:
        holder = holder[step]
    holder[at[-1]] = value
    case_study = CaseStudy.from_data(json.loads(json.dumps(data)), "practice/every-field.yaml")
    package = write_data_files(SiteRenderer(taxonomy), [case_study], tmp_path_factory.mktemp("hostile"))
    assert problems(package) == []
    json.loads(package.read_text(encoding="utf-8"))  # the descriptor itself stays JSON


def test_the_descriptor_is_deterministic(taxonomy, tmp_path, shipped):
    """Two builds of one collection give the same descriptor, byte for byte."""
    first = write_data_files(SiteRenderer(taxonomy), shipped.case_studies, tmp_path / "a")
    second = write_data_files(SiteRenderer(taxonomy), shipped.case_studies, tmp_path / "b")
    assert first.read_bytes() == second.read_bytes()
