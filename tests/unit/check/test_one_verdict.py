"""A file is valid only if the schema's verdict says so: one validator's refusal is never
overruled by the other's silence."""

from __future__ import annotations

from generator.check.positions import PositionFinder
from generator.check.schema_validator import SchemaValidator
from generator.load.strict_yaml import load_yaml
from tests.conftest import REPO


class SilentDetail:
    """Python's jsonschema as it was for U+FEFF in an address: no error to report."""

    def iter_errors(self, data):
        return iter(())


def test_a_refusal_with_no_explanation_is_still_a_refusal():
    validator = SchemaValidator.from_file(REPO / "schema" / "case-study.schema.json")
    text = (REPO / "tests" / "examples" / "positive" / "minimal-valid.yaml").read_text(encoding="utf-8")
    data = load_yaml(text)
    data["contact"] = {"organisation": "Example Council", "url": "https://www.example.org/\u00a0"}
    assert not validator.is_valid(data)
    validator._detailed = SilentDetail()
    [problem] = validator.problems(data, "practice/x.yaml", PositionFinder(text))
    assert problem.is_error and problem.message == "does not match the case-study schema"
    assert (problem.file, problem.line) == ("practice/x.yaml", 1)


def test_problems_left_out_for_placeholders_do_not_become_an_unexplained_refusal(scratch_project, leeds_text):
    from generator.check.collection import check_collection
    from tests.conftest import TODAY

    headline = next(line for line in leeds_text.splitlines() if line.startswith("headline:"))
    text = leeds_text.replace(headline, "headline: TODO")  # too short for the schema: its only error
    collection = check_collection(scratch_project({"leeds-family-valued.yaml": text}), today=TODAY)
    messages = [p.message for p in collection.errors]
    assert "does not match the case-study schema" not in messages
    assert any(m.startswith("placeholder not filled in") for m in messages)
