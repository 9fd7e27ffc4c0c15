"""Figures on the page read as a source writes them: 71.7 stays 71.7, not 71.70."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.figures import MAX_IMPLIED_PERCENT
from generator.model import Change, Measurement, Outcome
from generator.render.formatting import computed_change, format_number
from tests.conftest import REPO


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (974, "974"),
        (26_000_000, "26,000,000"),
        (71.7, "71.7"),
        (20.5, "20.5"),
        (4.97, "4.97"),
        (12.345, "12.35"),
        (1000.5, "1,000.5"),
        (0.004, "0.004"),
        (0.5, "0.5"),
    ],
)
def test_examples(value, shown):
    assert format_number(value) == shown


@given(st.decimals(min_value=1, max_value=10**9, places=2))
def test_a_figure_with_two_decimals_or_fewer_reads_back_as_itself(value):
    shown = format_number(float(value))
    assert Decimal(shown.replace(",", "")) == value
    assert not shown.endswith("0") or "." not in shown  # no trailing zero after the point


# ---------- no figure can print as nonsense (issue 22) ----------

PLAIN = re.compile(r"-?[0-9]{1,3}(,[0-9]{3})*(\.[0-9]+)?")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_finite_float_prints_as_a_plain_decimal_never_minus_zero(value):
    shown = format_number(value)
    assert PLAIN.fullmatch(shown), shown  # no e-notation, inf or nan
    assert not (shown.startswith("-") and Decimal(shown.replace(",", "")) == 0), shown


@pytest.mark.parametrize("value", [float("inf"), float("-inf"), float("nan")])
def test_what_is_not_a_figure_is_refused_rather_than_printed(value):
    with pytest.raises(ValueError):
        format_number(value)


@pytest.mark.parametrize(("value", "shown"), [(-0.0, "0"), (5e-324, None), (1e-7, "0.0000001"), (1e20, None)])
def test_the_edges_of_a_float(value, shown):
    assert PLAIN.fullmatch(format_number(value))
    if shown is not None:
        assert format_number(value) == shown


def outcome(before: float | None, after: float | None) -> Outcome:
    return Outcome(
        "Children on plans",
        "families",
        "child-protection",
        "before-and-after",
        "report",
        "improved",
        Change("fell"),
        baseline=None if before is None else Measurement(before, "2012"),
        follow_up=None if after is None else Measurement(after, "2014"),
    )


@pytest.mark.parametrize(
    ("before", "after", "shown"),
    [
        (969, 687, "\u221229%"),
        (1000, 999, "\u22120.1%"),  # once "minus 0%"
        (100000, 99999, "under 0.1% lower"),
        (100, 100.04, "under 0.1% higher"),
        (100, 100, "0%"),
        (100, 250, "+150%"),
        (0, 5, ""),  # no change from nothing
        (5e-324, 1, ""),  # once "+inf%"
        (0.0001, 10**12, ""),  # once an 18-digit percentage
        (0.0001, 0.1001, "+100,000%"),  # the largest change computed: the schema's for a reported one
        (None, 5, ""),
    ],
)
def test_a_change_is_computed_only_where_it_means_something(before, after, shown):
    assert computed_change(outcome(before, after)) == shown


def test_the_largest_computed_change_is_the_schemas_largest_reported_one():
    schema = json.loads((REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
    percent = schema["properties"]["outcomes"]["items"]["properties"]["change"]["properties"]["percent"]
    assert percent["maximum"] == MAX_IMPLIED_PERCENT


FIGURES = st.decimals(min_value=0, max_value=10**12 - 1, places=4).map(float)


@given(FIGURES, FIGURES)
def test_any_pair_of_allowed_figures_gives_a_sane_change_or_none(before, after):
    shown = computed_change(outcome(before, after))
    if shown:
        assert re.fullmatch(r"([+\u2212][0-9]{1,3}(,[0-9]{3})*(\.[0-9])?|0|under 0\.1% (lower|higher))%?", shown), shown
        assert "-" not in shown and "inf" not in shown and "e" not in shown.replace("under", "").replace("lower", "")
        assert len(shown) <= len("+100,000%") or shown.startswith("under")
