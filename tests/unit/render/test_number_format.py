"""Figures on the page read as a source writes them: 71.7 stays 71.7, not 71.70."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.formatting import format_number


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
