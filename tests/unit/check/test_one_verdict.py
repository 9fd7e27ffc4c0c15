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
