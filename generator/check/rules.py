"""Rules beyond the JSON Schema, run on one schema-valid case study.

Each rule is a function that takes a RuleContext and yields Problems; RULES lists them in
the order their problems are reported. The ratings' standards are in evidence_standard.py and
the cross-file rule (unique ids) in file_check.py.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from generator.check.markdown_check import description_issues
from generator.check.positions import PositionFinder
from generator.check.rule_words import say
from generator.check.schema_messages import shown
from generator.config.policy import ReviewPolicy
from generator.config.taxonomy import Taxonomy
from generator.cost_units import unit_kind
from generator.model import implied_percent
from generator.problems import Problem, Severity, field_path
from generator.render.formatting import format_number

PERCENT_TOLERANCE_POINTS = 5.0
PLACEHOLDER = "TODO"
MAX_PLACEHOLDERS_SHOWN = 40  # practice new writes about 30


@dataclass
class RuleContext:
    path: Path
    display: str
    data: dict[str, Any]
    text: str
    today: date
    positions: PositionFinder
    review: ReviewPolicy
    taxonomy: Taxonomy | None = None  # for the rules that read it (the ratings' standards)

    def problem(
        self,
        at: list[str | int],
        message: str,
        hint: str,
        severity: Severity = Severity.ERROR,
        line_offset: int = 0,
    ) -> Problem:
        line, column = self.positions.locate(at)
        if line is not None and line_offset:
            line, column = line + line_offset, None
        return Problem(self.display, message, line, column, field_path(at), hint, severity)


Rule = Callable[[RuleContext], Iterator[Problem]]


def placeholders(data: Any, at: list[str | int] | None = None) -> Iterator[list[str | int]]:
    """Where `practice new` left a TODO that the editor has not replaced yet."""
    at = at or []
    if isinstance(data, str) and data.strip().startswith(PLACEHOLDER):
        yield at
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, [*at, key])
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders(value, [*at, index])


def placeholder_problems(ctx: RuleContext) -> Iterator[Problem]:
    if PLACEHOLDER not in ctx.text:  # fast path: nothing to look for
        return
    found = list(itertools.islice(placeholders(ctx.data), MAX_PLACEHOLDERS_SHOWN + 1))
    for at in found[:MAX_PLACEHOLDERS_SHOWN]:
        value = _value_at(ctx.data, at)
        yield ctx.problem(at, *say("placeholder", value=shown(value.strip())))
    if len(found) > MAX_PLACEHOLDERS_SHOWN:  # a file of thousands printed megabytes
        yield ctx.problem([], *say("placeholders-more", limit=MAX_PLACEHOLDERS_SHOWN))


def id_matches_file_name(ctx: RuleContext) -> Iterator[Problem]:
    expected = ctx.path.name.removesuffix(".yaml")
    if ctx.data["id"] != expected:
        yield ctx.problem(
            ["id"],
            f"id '{ctx.data['id']}' does not match the file name '{ctx.path.name}'",
            f"set id: {expected}, or rename the file to {ctx.data['id']}.yaml",
        )


def dates_in_order(ctx: RuleContext) -> Iterator[Problem]:
    period = ctx.data["period"]
    if isinstance(period["end"], int) and period["end"] < period["start"]:
        yield ctx.problem(["period", "end"], *say("period-backwards", end=period["end"], start=period["start"]))
    if period["start"] > ctx.today.year:
        yield ctx.problem(["period", "start"], *say("period-starts-later", start=period["start"]))
    if isinstance(period["end"], int) and period["end"] > ctx.today.year:
        yield ctx.problem(["period", "end"], *say("period-ends-later", end=period["end"]))
    published = date.fromisoformat(ctx.data["published"])
    reviewed = date.fromisoformat(ctx.data["last_reviewed"])
    if reviewed < published:
        yield ctx.problem(["last_reviewed"], *say("reviewed-before-published", reviewed=reviewed, published=published))
    dated = [(["published"], published), (["last_reviewed"], reviewed)]
    dated.append((["evidence", "rated_on"], date.fromisoformat(ctx.data["evidence"]["rated_on"])))
    for at, value in dated:
        if value > ctx.today:
            yield ctx.problem(at, *say("date-later", field=field_path(at), value=value, today=ctx.today))


def years_are_whole_numbers(ctx: RuleContext) -> Iterator[Problem]:
    """JSON Schema counts 2011.0 as a whole number; the site would show "2011.0". So with
    months to set up."""
    period = ctx.data["period"]
    years: list[tuple[list[str | int], object]] = [
        (["period", "start"], period["start"]),
        (["period", "end"], period["end"]),
    ]
    for key in ("costs", "claimed_savings"):
        years += [
            ([key, index, "price_year"], money.get("price_year")) for index, money in enumerate(ctx.data.get(key, ()))
        ]
    for at, value in years:
        if type(value) is float:
            yield ctx.problem(at, f"the year {value} is not a whole number", f"write it as {int(value)}")
    months = ctx.data.get("implementation", {}).get("set_up_months")
    if type(months) is float:
        at = ["implementation", "set_up_months"]
        yield ctx.problem(at, f"{months} months is not a whole number", f"write it as {int(months)}")


def source_dates_are_real(ctx: RuleContext) -> Iterator[Problem]:
    for index, source in enumerate(ctx.data["sources"]):
        if "date" not in source:  # an undated document
            continue
        parts = [int(part) for part in source["date"].split("-")]
        try:
            earliest = date(parts[0], *[*parts[1:], 1, 1][:2])  # the first day the date can mean
        except ValueError:
            yield ctx.problem(["sources", index, "date"], *say("source-date-not-real", value=source["date"]))
            continue
        if earliest > ctx.today:
            words = say("source-date-later", index=index, value=source["date"], today=ctx.today)
            yield ctx.problem(["sources", index, "date"], *words)


def amount_ranges_run_upwards(ctx: RuleContext) -> Iterator[Problem]:
    for key in ("costs", "claimed_savings"):
        for index, money in enumerate(ctx.data.get(key, ())):
            bounds = money.get("amount_range")
            if bounds and bounds["low"] > bounds["high"]:
                low, high = format_number(bounds["low"]), format_number(bounds["high"])
                yield ctx.problem([key, index, "amount_range", "high"], *say("range-backwards", low=low, high=high))


def cost_kind_fits_unit(ctx: RuleContext) -> Iterator[Problem]:
    """The site shows and sorts an amount by its covers; a unit in the source's words that says
    the opposite ("total" tagged per-family) would put a total forward as a cost per family."""
    for key in ("costs", "claimed_savings"):
        for index, money in enumerate(ctx.data.get(key, ())):
            unit, covers = " ".join(money["unit"].split()), money["covers"]
            says = unit_kind(unit)
            if says == "total" and covers in ("per-family", "per-child", "per-year"):
                yield ctx.problem([key, index, "covers"], *say("total-not-per-unit", unit=shown(unit), covers=covers))
            elif says == "per" and covers == "total":
                yield ctx.problem([key, index, "covers"], *say("per-unit-not-total", unit=shown(unit)))


def description_is_in_the_subset(ctx: RuleContext) -> Iterator[Problem]:
    # A block scalar's text starts on the line after "description: |".
    issues = description_issues(ctx.data["description"])
    if issues:
        _, column = ctx.positions.locate(["description"])
        block = column is None  # a block scalar: lines of the text match lines of the file
        for issue in issues:
            yield ctx.problem(["description"], issue.message, issue.hint, line_offset=issue.line if block else 0)


def review_is_due(ctx: RuleContext) -> Iterator[Problem]:
    reviewed = date.fromisoformat(ctx.data["last_reviewed"])
    if ctx.review.is_due(reviewed, ctx.today):
        yield ctx.problem(
            ["last_reviewed"],
            f"review due: last reviewed {reviewed}, more than {ctx.review.period} ago "
            f"(due on {ctx.review.due_on(reviewed)}; the period is set in schema/policy.yaml)",
            "check the case study against its sources, then set last_reviewed to the day you did",
            Severity.WARNING,
        )


def reported_percent_agrees(ctx: RuleContext) -> Iterator[Problem]:
    for index, outcome in enumerate(ctx.data["outcomes"]):
        percent = outcome["change"].get("percent")
        baseline, follow_up = outcome.get("baseline"), outcome.get("follow_up")
        if percent is None or not baseline or not follow_up:
            continue
        implied = implied_percent(baseline["value"], follow_up["value"])
        if implied is not None and abs(implied - percent) > PERCENT_TOLERANCE_POINTS:
            yield ctx.problem(
                ["outcomes", index, "change", "percent"],
                f"reported change {_signed(percent)}% disagrees with the figures, which imply {_signed(implied)}%",
                "check the baseline, follow-up and percent against the source; a fall is negative",
                Severity.WARNING,
            )


def sources_have_urls(ctx: RuleContext) -> Iterator[Problem]:
    for index, source in enumerate(ctx.data["sources"]):
        if "url" not in source:
            yield ctx.problem(
                ["sources", index],
                f"source '{_shorten(source['title'])}' has no URL",
                "add url: with a web address for the document if one exists, so readers can check it",
                Severity.WARNING,
            )


ERROR_RULES: tuple[Rule, ...] = (
    id_matches_file_name,
    years_are_whole_numbers,
    dates_in_order,
    source_dates_are_real,
    amount_ranges_run_upwards,
    cost_kind_fits_unit,
    description_is_in_the_subset,
)
WARNING_RULES: tuple[Rule, ...] = (review_is_due, reported_percent_agrees, sources_have_urls)


def _signed(percent: float) -> str:
    """+99,999.99 or -39.5, as the figures read on the page: never e-notation (f"{x:+g}" gave +1e+05)."""
    return ("+" if percent > 0 else "") + format_number(percent)


def _value_at(data: Any, at: list[str | int]) -> Any:
    for step in at:
        data = data[step]
    return data


def _shorten(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
