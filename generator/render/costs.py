"""What a case study costs, as a commissioner compares it: each amount with what it covers
(the schema's money.covers), a cost per family or per child first where a source gives one,
and a total never shown as if it were per family. Nothing is derived: no total is divided,
no range averaged and no price year guessed."""

from __future__ import annotations

from generator.cost_units import unit_kind
from generator.model import Money
from generator.render.formatting import format_money

# money.covers in the schema, as a reader reads each kind, in the schema's order, which is also
# the order a cost leads in (the most comparable first); a test holds the keys to the enum.
COVERS = {
    "per-family": "Cost per family",
    "per-child": "Cost per child",
    "per-year": "Cost a year",
    "total": "Total cost or funding",
    "per-pound-spent": "Return on each pound spent",
}
SAVING_COVERS = {
    "per-family": "Saving per family",
    "per-child": "Saving per child",
    "per-year": "Saving a year",
    "total": "Total saving",
    "per-pound-spent": "Return on each pound spent",
}
LEAD_ORDER = tuple(COVERS)  # what At a glance and the cards lead with: the most comparable first
COMPARABLE = frozenset({"per-family", "per-child"})  # what the finder sorts by and the model page sets side by side
SORT_CURRENCY = "GBP"  # the finder sorts amounts in one currency only: it converts nothing


def lead_cost(costs: tuple[Money, ...]) -> Money | None:
    """The cost to show first: per family, else per child, else a year, else a total; among
    costs of one kind, the file's order."""
    return min(costs, key=lambda money: LEAD_ORDER.index(money.covers), default=None)


def cost_key(costs: tuple[Money, ...]) -> str:
    """The label before the lead cost: its kind ("Cost per family", "Total cost or funding"),
    or "Cost" where the unit beside the amount already says it ("total", "per family"; the
    validator holds the two together) or the sources give none."""
    lead = lead_cost(costs)
    return "Cost" if lead is None or unit_kind(lead.unit) else COVERS[lead.covers]


def cost_line(costs: tuple[Money, ...], count_others: bool = True) -> str:
    """The lead cost in the source's terms, '£13,000 per family, around', with (on a card) how
    many others the case study's page lists; '' when the sources give none."""
    lead = lead_cost(costs)
    if lead is None:
        return ""
    line = f"{format_money(lead)} {lead.unit}"
    others = len(costs) - 1
    if not others or not count_others:
        return line
    return f"{line} ({others} more {'cost' if others == 1 else 'costs'} on its page)"


def kind_words(money: Money, saving: bool = False) -> str:
    """What the amount covers, in words, where its unit does not already say: '' for '£755 per
    family', 'Cost a year' for '£109,337 a year'."""
    return "" if unit_kind(money.unit) else (SAVING_COVERS if saving else COVERS)[money.covers]


def price_year_words(money: Money) -> str:
    """'in 2010 prices', or 'price year not recorded' (the file gives none: whether the source
    does is not claimed); '' for a return on each pound, which has no price year."""
    if money.covers == "per-pound-spent":
        return ""
    return f"in {money.price_year} prices" if money.price_year else "price year not recorded"


def comparable_amount(costs: tuple[Money, ...]) -> float | None:
    """The lowest amount of the case study's lead cost, where it is per family or per child and
    in pounds: what the finder's "Lowest cost per family or child" sorts by."""
    lead = lead_cost(costs)
    if lead is None or lead.covers not in COMPARABLE or lead.currency != SORT_CURRENCY:
        return None
    return lead.amount if lead.amount is not None else lead.low
