"""The rule that a case study's rating does not outrun its evidence, by the standards in
schema/taxonomy.yaml (generator.config.standards)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules import RuleContext
from generator.config.standards import requirement, unmet
from generator.problems import Problem

HINTS = {
    "basis": "add to evidence.basis what the sources show, if they show it; otherwise choose a lower rating",
    "min_outcomes": "add the outcomes the sources report, or choose a lower rating",
    "min_measured_outcomes": (
        "give the change the sources measured (percent, baseline and follow_up, or follow_up and comparison), "
        "or rate lower"
    ),
    "source_kinds": "cite the report (with kind: set to what it is), or choose a lower rating",
}


def rating_meets_its_standard(ctx: RuleContext) -> Iterator[Problem]:
    taxonomy = ctx.taxonomy
    if taxonomy is None:
        return
    rating = taxonomy.ratings[ctx.data["evidence"]["rating"]]
    labels = taxonomy.labels()
    for _, key in unmet(rating.standard, ctx.data, taxonomy.outputs):
        yield ctx.problem(
            ["evidence", "rating"],
            f"the rating '{rating.id}' needs {requirement(rating.standard, key, labels)}",
            f"{HINTS[key]} (the standards: schema/taxonomy.yaml, ratings)",
        )
