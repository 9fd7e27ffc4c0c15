"""What a case study costs, as cards, At a glance, the model pages and the finder's order show
it: the schema's money.covers read in words, a cost per family or child first, and a total
never put forward as a cost per family."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.model import Money
from generator.render.costs import (
    COVERS,
    SAVING_COVERS,
    comparable_amount,
    cost_key,
    cost_line,
    kind_words,
    lead_cost,
)
from tests.conftest import REPO

SCHEMA = json.loads((REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
KINDS = SCHEMA["definitions"]["money"]["properties"]["covers"]["enum"]


def money(covers: str, amount: float | None = 1000, currency: str = "GBP", low=None, high=None) -> Money:
    return Money(
        f"A {covers} amount", currency, f"{covers} as the source says", "A source", covers, None, amount, low, high
    )


def test_every_kind_the_schema_allows_has_words():
    assert list(COVERS) == KINDS and list(SAVING_COVERS) == KINDS


def test_a_cost_per_family_leads_over_a_larger_total_given_first():
    costs = (money("total", 3_000_000), money("per-year", 300_000), money("per-family", 9000))
    assert lead_cost(costs).covers == "per-family"
    assert cost_key(costs) == "Cost per family"
    assert cost_line(costs) == "£9,000 per-family as the source says (2 more costs on its page)"
    assert cost_line(costs, count_others=False) == "£9,000 per-family as the source says"


def test_the_kind_is_said_once():
    """Where the unit in the source's words starts by saying what the amount covers, the label
    is plain "Cost" and the Costs list adds nothing; otherwise both say the kind."""
    said = Money("A cost", "GBP", "per family, around", "A source", "per-family", None, 13000)
    unsaid = Money("A cost", "GBP", "a year", "A source", "per-year", None, 109337)
    assert cost_key((said,)) == "Cost" and kind_words(said) == ""
    assert cost_key((unsaid,)) == "Cost a year" and kind_words(unsaid) == "Cost a year"
    assert kind_words(unsaid, saving=True) == "Saving a year"


def test_a_total_alone_is_labelled_as_a_total_and_never_sorted_as_per_family():
    costs = (Money("A grant", "GBP", "over three years", "A source", "total", None, 3_000_000),)
    assert cost_key(costs) == "Total cost or funding"
    assert comparable_amount(costs) is None
    assert cost_key(()) == "Cost" and cost_line(()) == "" and comparable_amount(()) is None


@pytest.mark.parametrize(
    ("costs", "expected"),
    [
        ((money("per-child", None, low=800, high=1200),), 800),  # a range sorts by its lowest amount
        ((money("per-family", 13000, currency="EUR"),), None),  # no conversion between currencies
        ((money("per-year", 15300),), None),
        ((money("per-pound-spent", 2.1),), None),
    ],
)
def test_what_the_finder_sorts_by(costs, expected):
    assert comparable_amount(costs) == expected


@given(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6))
def test_the_lead_is_the_first_of_the_most_comparable_kind(kinds):
    costs = tuple(money(kind, amount=index + 1) for index, kind in enumerate(kinds))
    order = ["per-family", "per-child", "per-year", "total", "per-pound-spent"]
    best = min(kinds, key=order.index)
    assert lead_cost(costs) == costs[kinds.index(best)]
