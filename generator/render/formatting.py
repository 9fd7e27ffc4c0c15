"""How numbers, money and dates read on the site."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from generator.model import Money, Outcome, Sample

CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}


def format_number(value: float) -> str:
    """974 -> '974', 26000000 -> '26,000,000', 12.345 -> '12.35', 71.7 -> '71.7', 0.004 ->
    '0.004': whole numbers whole, others to at most two decimal places as a source would write
    them (71.7, not 71.70), or to two significant figures below 1 (so 0.001 and 0.004 do not
    both read '0.00'). Always a plain decimal: never e-notation or a negative zero; the loader
    never lets through what is not finite, and this refuses it rather than print "inf"."""
    if not math.isfinite(value):
        raise ValueError(f"not a figure: {value!r}")
    value = value + 0.0  # -0.0 becomes 0.0
    if float(value).is_integer():
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return format(Decimal(f"{value:.2g}"), "f")


def format_money(money: Money) -> str:
    symbol = CURRENCY_SYMBOLS.get(money.currency)

    def one(value: float) -> str:
        return f"{symbol}{format_number(value)}" if symbol else f"{format_number(value)} {money.currency}"

    if money.amount is not None:
        return one(money.amount)
    return f"{one(money.low or 0)} to {one(money.high or 0)}"


def computed_change(outcome: Outcome) -> str:
    """The percentage change the figures imply, e.g. '−47%': follow-up against the figure
    before, or against the comparison group's where there is no figure before; '' where no
    change means anything (model.implied_percent)."""
    percent = outcome.implied_percent
    return "" if percent is None else format_percent_change(percent)


def format_percent_change(percent: float) -> str:
    """'−47%', '+3%', '−0.4%', '0%'; a change that rounds to nothing but is not nothing reads
    'under 0.1% lower' rather than '−0%'."""
    if percent == 0:
        return "0%"
    sign = "\u2212" if percent < 0 else "+"
    tenths = Decimal(repr(abs(percent))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    if tenths == 0:
        return f"under 0.1% {'lower' if percent < 0 else 'higher'}"
    if tenths < 1:
        return f"{sign}{tenths}%"
    whole = Decimal(repr(abs(percent))).quantize(Decimal(1), ROUND_HALF_UP)
    return f"{sign}{whole:,}%"


def format_date(value: date) -> str:
    return f"{value.day} {value:%B %Y}"


def format_partial_date(value: str) -> str:
    """'2010-03-18' -> '18 March 2010', '2009-10' -> 'October 2009', '2019' -> '2019'."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return format_date(date(*parts))
    if len(parts) == 2:
        return f"{date(parts[0], parts[1], 1):%B %Y}"
    return value


def sample_words(sample: Sample) -> str:
    """ "90 families with the practice, 101 in the comparison group", or "96 children"."""
    unit = sample.unit or "people"
    if sample.comparison is None:
        return f"{format_number(sample.practice)} {unit}"
    practice, comparison = format_number(sample.practice), format_number(sample.comparison)
    return f"{practice} {unit} with the practice, {comparison} in the comparison group"
