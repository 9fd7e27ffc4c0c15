"""The rule that a case study's rating does not outrun its evidence, by the standards in
schema/taxonomy.yaml (generator.config.standards)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules import RuleContext
from generator.config.standards import unmet, unmet_message
from generator.problems import Problem


def rating_meets_its_standard(ctx: RuleContext) -> Iterator[Problem]:
    taxonomy = ctx.taxonomy
    if taxonomy is None:
        return
    rating = taxonomy.ratings[ctx.data["evidence"]["rating"]]
    labels = taxonomy.labels()
    for _, key in unmet(rating.standard, ctx.data, taxonomy.outputs):
        message, hint = unmet_message(rating.id, rating.standard, key, labels)
        yield ctx.problem(["evidence", "rating"], message, hint)
