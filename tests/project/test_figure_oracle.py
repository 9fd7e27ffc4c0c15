"""The figure test's oracle finds a figure only where a source writes it, and fails on one
written nowhere: checked on a real case study with planted figures, and on generated numbers."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.check.collection import check_collection
from generator.model import Change, Measurement, Money
from tests.conftest import TODAY
from tests.support.figures import figure_written, money_written, percent_written, untraceable_figures

SOURCES = (
    "The number fell from 974 in 2011 to 515 in 2017, a 39% reduction; arrests fell by 38 per cent. "
    "It cost £8,000 to £20,000 per family and saved an estimated £2.6m, or £1.2-2.1m a year. "
    "Savings of 4.97% were found, and 2,400 families were supported."
)


def _leeds(shipped):
    return next(c for c in shipped.case_studies if c.id == "leeds-family-valued")


def test_a_case_study_whose_figures_are_written_passes(shipped):
    leeds = _leeds(shipped)
    outcome = dataclasses.replace(
        leeds.outcomes[0],
        baseline=Measurement(974, "2011"),
        follow_up=Measurement(515, "2017"),
        change=Change("a 39% reduction", -39),
    )
    costs = (Money("A cost", "GBP", "per family", "x", "per-family", low=8000, high=20000),)
    savings = (
        Money("Saving", "GBP", "a year", "x", "per-year", amount=2_600_000),
        Money("S", "GBP", "a year", "x", "per-year", low=1_200_000, high=2_100_000),
    )
    planted = dataclasses.replace(leeds, outcomes=(outcome,), costs=costs, claimed_savings=savings)
    assert list(untraceable_figures([planted], SOURCES)) == []


def test_a_figure_written_in_no_source_fails_and_is_named(shipped):
    leeds = _leeds(shipped)
    outcome = dataclasses.replace(
        leeds.outcomes[0],
        baseline=Measurement(97, "2011"),  # only inside 974
        follow_up=Measurement(516, "2017"),
        change=Change("a 9% fall", -9),  # only inside 39%
    )
    costs = (Money("A cost", "GBP", "per family", "x", "per-family", amount=2_700_000),)
    savings = (Money("S", "GBP", "a year", "x", "per-year", low=1_200_000, high=2_200_000),)
    planted = dataclasses.replace(leeds, outcomes=(outcome,), costs=costs, claimed_savings=savings)
    assert list(untraceable_figures([planted], SOURCES)) == [
        ("leeds-family-valued", "outcomes[0].baseline", 97),
        ("leeds-family-valued", "outcomes[0].follow_up", 516),
        ("leeds-family-valued", "outcomes[0].change.percent", -9),
        ("leeds-family-valued", "costs[0].amount", 2_700_000),
        ("leeds-family-valued", "claimed_savings[0].amount_range.low", 1_200_000),
        ("leeds-family-valued", "claimed_savings[0].amount_range.high", 2_200_000),
    ]


def test_a_planted_figure_in_a_case_study_file_is_caught(scratch_project, leeds_text):
    """Through the loader, as the shipped-collection test reads files."""
    project = scratch_project({"leeds-family-valued.yaml": leeds_text.replace("value: 974", "value: 973")})
    collection = check_collection(project, today=TODAY)
    assert ("leeds-family-valued", "outcomes[0].baseline", 973) in list(
        untraceable_figures(collection.case_studies, SOURCES)
    )


@given(st.integers(min_value=0, max_value=10**7), st.sampled_from(["{:,}", "{}"]))
def test_a_whole_number_is_found_as_written_and_not_inside_another(number, form):
    text = f"about {form.format(number)} families"
    assert figure_written(number, text)
    assert not figure_written(number, f"about {number}7 families")
    assert not figure_written(number, f"about 1{number} families")


@given(
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False),
    st.sampled_from(["%", " per cent", " percent"]),
)
def test_a_percentage_is_found_in_each_way_sources_write_it(value, suffix):
    percent = float(value)
    written = f"{percent:g}"
    assert percent_written(-percent, f"a fall of {written}{suffix} in"), written
    assert not percent_written(percent, f"a fall of {written} families"), written
    assert not percent_written(percent, f"a fall of 1{written}{suffix}"), written


@given(st.integers(min_value=1, max_value=999).map(lambda n: n / 10))
def test_millions_are_found_written_short(millions):
    amount = round(millions * 1_000_000)
    assert money_written(amount, f"saved £{millions:g}m a year")
    assert money_written(amount, f"saved £{millions:g} million")
    assert not money_written(amount, f"saved £{millions:g}bn")


@pytest.mark.parametrize(
    ("value", "text", "found"),
    [
        (74, "Seventy four households took part", True),
        (29, "Twenty-nine families did not complete", True),
        (7, "seven children", True),
        (18, "Eighteen local authorities", True),
        (7, "seventy-seven children", False),  # inside a larger number in words
        (20, "twenty-one children", False),
        (8, "eighteen children", False),
        (100, "a hundred children", False),  # only numbers below 100 in words
    ],
)
def test_a_small_number_is_also_found_spelt_out(value, text, found):
    assert figure_written(value, text) is found


def test_pence_written_with_a_trailing_zero_are_the_same_amount():
    assert money_written(2.1, "saves £2.10 for every £1 spent")
    assert not money_written(2.1, "saves £2.15 for every £1 spent")


@pytest.mark.parametrize(
    ("kind", "value", "text"),
    [
        ("number", 7, "seven hundred children"),
        ("number", 20, "one hundred and twenty families"),
        ("number", 2, "two thousand families"),
        ("number", 25, "twenty-five thousand pupils"),
        ("number", 5, "a budget of £5 million"),
        ("number", 5, "saved £5m a year"),
        ("number", 1, "no one was turned away"),
        ("number", 20, "in the twenty-first century"),
        ("percent", 5, "a rise of 5 percentage points"),
        ("money", 41_000, "41,000 children"),
        ("money", 2_000_000, "2m children"),
        ("money", 2.6, "it saved £2.6m"),
        ("money", 2.6, "it cost £2.6bn"),
        ("money", 41, "about £41k"),
    ],
)
def test_a_figure_inside_a_larger_amount_or_in_another_unit_is_not_found(kind, value, text):
    """Counterexamples from the review of issue 24: each would have passed the oracle before."""
    written = {"number": figure_written, "percent": percent_written, "money": money_written}[kind]
    assert not written(value, text)


@pytest.mark.parametrize(
    ("kind", "value", "text"),
    [
        ("money", 41_000, "an average of £41,000 per family"),
        ("money", 300_000, "run at a cost of 300,000 a year"),  # a stored copy that lost its pound sign
        ("money", 2_600_000, "saved an estimated £2.6m"),
        ("number", 36_462_342, "a gain of £36,462,342 from referrals"),  # an outcome measured in pounds
        ("percent", 22, "a 22 per cent reduction"),
    ],
)
def test_a_figure_written_as_sources_write_it_is_found(kind, value, text):
    written = {"number": figure_written, "percent": percent_written, "money": money_written}[kind]
    assert written(value, text)
