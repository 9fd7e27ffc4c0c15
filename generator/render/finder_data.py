"""What the finder's script reads instead of a page holding every card.

The finder's page used to list every case study, so that its script could filter the cards in
it: 2 MB at 1,000 case studies and about 20 MB at 10,000, on a phone. The page now holds the
first FINDER_PAGE_SIZE cards (strongest evidence first, what a reader without JavaScript sees),
and the script reads two kinds of file beside it:

- `finder/data.json`, for every case study, what filtering, counting and sorting need and no
  more: its id and search number, each filter group's terms (as places in the group's list of
  terms), and its place in each order but the page's own. The orders are decided here, so that
  the script sorts by number and never by text it would have to read as this code does.
- `finder/cards/<id>.json`, one per case study, {"card": the card's HTML}: the same macro, with
  the same arguments, as the page's own cards, so a card the script shows is the card the page
  would have shown. The script fetches the cards of the page of results on screen, by id, so a
  data file from one build never shows another build's card under the wrong case study.
"""

from __future__ import annotations

import json
from typing import Any

from generator.config.taxonomy import Taxonomy
from generator.model import CaseStudy
from generator.render.browse import FINDER_SORTS, finder_groups
from generator.render.costs import comparable_amount
from generator.render.evidence_facts import EvidenceFacts
from generator.search.records import document_numbers

FORMAT = 1  # the script refuses a data file of another format (generator/contract.py)


def finder_orders(ranked: list[CaseStudy]) -> dict[str, list[int]]:
    """Each order but the first (the page's own, `ranked`): the position of each case study in
    it, in `ranked`'s order. Ties keep the page's order."""

    def updated(rank: int) -> tuple[int, int]:
        return (-ranked[rank].updated.toordinal(), rank)  # newest first

    def cost(rank: int) -> tuple[bool, float, int]:
        amount = comparable_amount(ranked[rank].costs)
        return (amount is None, float(amount or 0), rank)  # without a comparable cost: after those with one

    def title(rank: int) -> tuple[str, int]:
        return (ranked[rank].title.casefold(), rank)

    keys = {"updated": updated, "cost": cost, "title": title}
    orders: dict[str, list[int]] = {}
    for sort, _label in FINDER_SORTS[1:]:
        places = [0] * len(ranked)
        for place, rank in enumerate(sorted(range(len(ranked)), key=keys[sort])):
            places[rank] = place
        orders[sort] = places
    return orders


def finder_data(ranked: tuple[CaseStudy, ...], taxonomy: Taxonomy) -> str:
    """finder/data.json for the case studies in the page's order (strongest evidence first)."""
    listed = list(ranked)
    numbers = document_numbers(listed)
    groups: dict[str, dict[str, list[Any]]] = {}
    group: dict[str, Any]
    for group in finder_groups(taxonomy, EvidenceFacts(taxonomy), listed):
        values = [term.id for term in group["terms"]]
        place = {value: i for i, value in enumerate(values)}
        cards = [[place[term] for term in dict.fromkeys(group["terms_of"](c))] for c in listed]
        groups[group["name"]] = {"values": values, "cards": cards}
    data = {
        "format": FORMAT,
        "ids": [c.id for c in listed],
        "numbers": [numbers[c.id] for c in listed],
        "groups": groups,
        "places": finder_orders(listed),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def card_file(card_html: str) -> str:
    """finder/cards/<id>.json: the card as the page would show it."""
    return json.dumps({"card": card_html}, ensure_ascii=False, separators=(",", ":"))
