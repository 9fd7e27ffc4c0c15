"""The finder's orders other than the page's own (generator/render/finder_data.py): each case
study's place in them, ties kept in the page's order. Expected orders are written by hand."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from generator.render.finder_data import finder_orders
from tests.unit.render.test_costs import money


def in_order(places: list[int], names: list[str]) -> list[str]:
    return [names[rank] for rank in sorted(range(len(names)), key=places.__getitem__)]


def test_cost_lowest_first_with_ties_and_none_in_the_page_s_order(shipped):
    base = shipped.case_studies[0]
    costs = {
        "none-first": (),
        "nine": (money("per-family", 9000),),
        "zero": (money("per-child", 0),),
        "a-total": (money("total", 5),),  # not per family or child: after those that are
        "nine-again": (money("per-child", None, low=9000, high=12000),),
        "euros": (money("per-family", 1, currency="EUR"),),  # no conversion: after those in pounds
    }
    ranked = [replace(base, id=name, costs=cost) for name, cost in costs.items()]
    names = list(costs)
    assert in_order(finder_orders(ranked)["cost"], names) == [
        "zero",
        "nine",
        "nine-again",
        "none-first",
        "a-total",
        "euros",
    ]


def test_newest_first_and_title_a_to_z_with_ties_in_the_page_s_order(shipped):
    base = shipped.case_studies[0]
    rows = [
        ("b", "beta", date(2024, 1, 1), date(2024, 1, 1)),
        ("a", "Alpha", date(2023, 1, 1), date(2025, 6, 1)),  # reviewed since: updated then
        ("c", "alpha", date(2025, 6, 1), date(2025, 6, 1)),
        ("d", "Zed", date(2022, 1, 1), date(2022, 1, 1)),
    ]
    ranked = [replace(base, id=i, title=t, published=p, last_reviewed=r) for i, t, p, r in rows]
    names = [row[0] for row in rows]
    orders = finder_orders(ranked)
    assert in_order(orders["updated"], names) == ["a", "c", "b", "d"]
    assert in_order(orders["title"], names) == ["a", "c", "b", "d"]  # case does not count; ties: the page's order


@given(st.lists(st.integers(0, 3), min_size=0, max_size=30))
def test_each_order_gives_every_case_study_one_place(shipped, amounts):
    base = shipped.case_studies[0]
    ranked = [replace(base, id=f"c{n}", costs=(money("per-family", a),) if a else ()) for n, a in enumerate(amounts)]
    for places in finder_orders(ranked).values():
        assert sorted(places) == list(range(len(ranked)))
