"""The files the finder's script reads beside its page (issue 28): one card file per case study,
which is the card the page itself shows, and a data file that says of every case study what its
YAML says (read here with PyYAML, not through the generator's model). The finder's script reads
the built data file as the site's Python wrote it, and refuses a damaged one with a reason."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import REPO
from tests.project.test_frontend import _probe

TAXONOMY = yaml.safe_load((REPO / "schema" / "taxonomy.yaml").read_text(encoding="utf-8"))
RATINGS = [t["id"] for t in TAXONOMY["ratings"]]  # strongest first
BUNDLE = REPO / "docs" / "assets" / "finder.js"


def collection() -> dict[str, dict]:
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "practice").glob("*.yaml"))}


def ranked(data: dict[str, dict]) -> list[str]:
    """The page's order: strongest rating first, then title."""
    return sorted(data, key=lambda i: (RATINGS.index(data[i]["evidence"]["rating"]), data[i]["title"], i))


@pytest.fixture(scope="module")
def finder_data(built_site: Path) -> dict:
    return json.loads((built_site / "finder" / "data.json").read_text(encoding="utf-8"))


def test_each_card_file_is_the_card_the_finder_s_page_shows(built_site):
    page = (built_site / "finder" / "index.html").read_text(encoding="utf-8")
    data = collection()
    on_the_page = ranked(data)[:50]  # the page's own cards: the first fifty
    assert sorted(p.name for p in (built_site / "finder" / "cards").iterdir()) == sorted(f"{i}.json" for i in data)
    for case_id in data:
        card = json.loads((built_site / "finder" / "cards" / f"{case_id}.json").read_text(encoding="utf-8"))["card"]
        assert card.startswith(f'<li class="case-study-card" data-case-study="{case_id}">'), case_id
        assert (card.strip() in page) == (case_id in on_the_page), case_id


def test_the_data_file_says_what_each_yaml_file_says(finder_data, built_site):
    data = collection()
    order = ranked(data)
    assert finder_data["format"] == 1
    assert finder_data["ids"] == order
    assert finder_data["numbers"] == [sorted(data).index(i) for i in order]  # the search index's numbers
    expected = {
        "theme": lambda d: d["themes"],
        "outcome": lambda d: list(dict.fromkeys(o["domain"] for o in d["outcomes"])),
        "characteristic": lambda d: list(d["characteristics"]),
        "rating": lambda d: [d["evidence"]["rating"]],
        "region": lambda d: [d["region"]],
        "age": lambda d: d["audience"]["age_groups"],
    }
    vocabulary = {"theme": "themes", "outcome": "outcome_domains", "characteristic": "characteristics"}
    vocabulary |= {"rating": "ratings", "region": "regions", "age": "age_groups"}
    for group, terms_of in expected.items():
        found = finder_data["groups"][group]
        assert found["values"] == [t["id"] for t in TAXONOMY[vocabulary[group]]], group
        decoded = [[found["values"][i] for i in card] for card in found["cards"]]
        assert decoded == [terms_of(data[i]) for i in order], group
    # Impact evidence and results are worked out from the outcomes: one impact term each, and as
    # many of each term as the page's own filters count.
    assert all(len(card) == 1 for card in finder_data["groups"]["impact"]["cards"])
    page = (built_site / "finder" / "index.html").read_text(encoding="utf-8")
    for group in ("impact", "results"):
        found = finder_data["groups"][group]
        assert len(found["cards"]) == len(order)
        counted = Counter(found["values"][i] for card in found["cards"] for i in card)
        shown = re.findall(
            rf'name="{group}" value="([^"]+)"> <span><span class="finder__label">[^<]*</span> '
            r'<span class="finder__option-count">\((\d+)\)</span>',
            page,
        )
        assert shown and {value: int(n) for value, n in shown} == dict(counted), group


def test_the_orders_are_newest_first_and_title_a_to_z_ties_in_the_page_s_order(finder_data):
    data = collection()
    order = finder_data["ids"]

    def in_order(sort: str) -> list[str]:
        places = finder_data["places"][sort]
        assert sorted(places) == list(range(len(order))), sort  # each place once
        return [order[r] for r in sorted(range(len(order)), key=places.__getitem__)]

    def updated(i: str) -> str:
        return max(str(data[i]["published"]), str(data[i]["last_reviewed"]))

    assert in_order("updated") == sorted(order, key=lambda i: (-int(updated(i).replace("-", "")), order.index(i)))
    assert in_order("title") == sorted(order, key=lambda i: (data[i]["title"].casefold(), order.index(i)))
    assert set(finder_data["places"]) == {"updated", "cost", "title"}


def test_the_finder_s_script_reads_the_built_data_file_as_python_wrote_it(built_site, finder_data):
    """The bundle's own reading of the file (frontend/finder/data.js) and its orders (choice.js)."""
    probe = (
        "const finder = require(process.argv[1]); const fs = require('fs');"
        "const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));"
        "const items = finder.itemsFrom(data, ['theme', 'rating', 'impact']);"
        "console.log(JSON.stringify({first: items[0], orders: Object.fromEntries(finder.SORTS.map("
        "(s) => [s, finder.sorted(items, s).map((i) => i.id)]))}));"
    )
    answer = _probe(probe, BUNDLE, built_site / "finder" / "data.json")
    order = finder_data["ids"]
    first = answer["first"]
    assert first["id"] == order[0] and first["rank"] == 0 and first["number"] == finder_data["numbers"][0]
    theme = finder_data["groups"]["theme"]
    assert first["theme"] == [theme["values"][i] for i in theme["cards"][0]]
    assert answer["orders"]["evidence"] == order
    for sort, places in finder_data["places"].items():
        assert answer["orders"][sort] == sorted(order, key=lambda i: places[order.index(i)]), sort


# A damaged file: a value anywhere in it replaced by another of any JSON kind.
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)


def _paths(value: object, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index in sorted({0, 1, len(value) // 2, len(value) - 1} & set(range(len(value)))):  # ends and middle
            found += _paths(value[index], (*path, index))
    return found


def _replaced(value: object, path: tuple, new: object) -> object:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)  # type: ignore[call-overload]
    copy[path[0]] = _replaced(copy[path[0]], path[1:], new)
    return copy


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(st.tuples(st.integers(0, 10**6), JSON_VALUES), min_size=20, max_size=20))
def test_a_damaged_data_file_is_refused_with_a_reason_or_read_whole(finder_data, tmp_path, changes):
    """Each damaged file either reads as one item per case study or is refused with the
    sentence the page shows; never a TypeError from reading part of it."""
    paths = _paths(finder_data)
    damaged = [_replaced(finder_data, paths[pick % len(paths)], new) for pick, new in changes]
    files = tmp_path / "damaged.json"
    files.write_text(json.dumps(damaged), encoding="utf-8")
    probe = (
        "const finder = require(process.argv[1]); const fs = require('fs');"
        "const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));"
        "console.log(JSON.stringify(files.map((file) => { try {"
        "  const items = finder.itemsFrom(file, ['theme', 'outcome', 'characteristic', 'rating', 'impact',"
        "    'results', 'region', 'age']);"
        "  const whole = (item, rank) => item.rank === rank && item.id === file.ids[rank]"
        "    && ['updated', 'cost', 'title'].every((s) => Number.isInteger(item.place[s]))"
        "    && ['theme', 'outcome', 'characteristic', 'rating', 'impact', 'results', 'region', 'age']"
        "      .every((g) => Array.isArray(item[g]) && item[g].every((t) => typeof t === 'string'));"
        "  return items.length === file.ids.length && items.every(whole) ? 'read' : 'partial';"
        "} catch (error) { return String(error); } })));"
    )
    for outcome, file in zip(_probe(probe, BUNDLE, files), damaged, strict=True):
        assert outcome == "read" or outcome.startswith("Error: The finder's data file "), (outcome, file)
