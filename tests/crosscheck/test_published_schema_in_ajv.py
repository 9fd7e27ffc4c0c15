"""The published schema (schema/case-study.schema.json), read by Ajv, agrees with `practice
validate` on every example of the corpus and every shipped case study. Ajv shares no code with
the validator and is what the proposal form and readers' tools use; it runs in Node
(tests/support/ajv_verdicts.cjs), which is why this test is here and not among the unit tests."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from generator.check.collection import validate
from generator.config.project import Project
from generator.load.strict_yaml import YamlProblem, load_yaml
from tests.conftest import REPO, TODAY
from tests.unit.check.test_validation_corpus import NEGATIVE, POSITIVE

# Negative examples whose data the schema accepts: what they get wrong lies beyond what a JSON
# Schema can say (the file's name, one field against another, today's date, the Markdown
# inside a description). Every other negative example must be refused by the schema itself.
BEYOND_THE_SCHEMA = {
    # the ratings' standards are in the published schema (config/rating_schema.py) but for
    # comparing two figures and following an outcome's source: to its source
    "fully-validated-on-unchanged-figures",
    # an outcome's figures against its direction, its source against the sources' ids
    # (check/outcome_rules.py), which JSON Schema cannot say; and four rules it could say but
    # the published schema does not carry yet (a count's direction, reach as a count, a
    # comparison sample's design, stopped but ongoing): the form will check them when the
    # rules beyond the schema become one contract with the browser (issue 25)
    "comparison-sample-without-comparison",
    "count-marked-improved",
    "effect-interval-downwards",
    "improved-when-worse",
    "outcome-source-unknown",
    "percent-against-the-figures",
    "reach-measured-as-a-change",
    "source-id-repeated",
    "stopped-but-ongoing",
    "worse-when-improved",
    "trial-worse-than-its-control",
    "improved-within-chance",
    "trial-design-on-before-and-after-figures",
    "impact-evidence-typed",  # computed: a file may not give it, though the published data carries it
    "description-nested-too-deeply",
    "html-in-description",
    "id-not-file-name",
    "javascript-link-in-description",
    "period-ends-before-start",
    "published-in-future",
    "reference-style-link",
    "reviewed-before-published",
    "year-written-with-decimals",
    "set-up-months-with-decimals",
    "money-range-backwards",
    "cost-total-tagged-per-family",  # what a cost covers against the unit in the source's words
    "cost-per-family-tagged-total",
    "source-date-in-the-future",
    ".#editor-lock-file",  # the file's name, not its content
    "entity-direction-override-in-description",  # the Markdown inside a description
    "period-ends-in-the-future",
}


def published_schema_verdicts(examples: dict[str, object], tmp_path: Path) -> dict[str, bool]:
    data = tmp_path / "examples.json"
    data.write_text(json.dumps(examples), encoding="utf-8")
    result = subprocess.run(
        ["node", REPO / "tests" / "support" / "ajv_verdicts.cjs", REPO / "schema" / "case-study.schema.json", data],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout)


def test_validator_and_published_schema_agree_on_every_example(tmp_path):
    """What `practice validate` accepts, the published schema accepts (checked by Ajv, which
    shares no code with the validator), and the other way round but for the rules a schema
    cannot express."""
    examples, verdicts = {}, {}
    for path in [*NEGATIVE, *POSITIVE, *sorted((REPO / "practice").glob("*.yaml"))]:
        verdicts[path.stem] = validate(Project(REPO), [path], today=TODAY).valid
        try:
            examples[path.stem] = load_yaml(path.read_bytes().decode("utf-8-sig"))
        except (YamlProblem, UnicodeDecodeError):
            assert not verdicts[path.stem]  # refused before any schema could see it
    schema = published_schema_verdicts(examples, tmp_path)
    assert len(schema) > 60
    for name, accepted in schema.items():
        if verdicts[name]:
            assert accepted, f"{name}: validate accepts it, the published schema does not"
    accepted_beyond = {name for name, accepted in schema.items() if accepted and not verdicts[name]}
    assert accepted_beyond == BEYOND_THE_SCHEMA
