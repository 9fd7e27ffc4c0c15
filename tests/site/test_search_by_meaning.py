"""Search finds what a practitioner means: a label a case study is tagged with ("early years",
"0-4", "randomised") ranks the case studies tagged with it above every other match; words
standing together rank above the same words scattered; excerpts are the text the page shows,
without Markdown. The expected case studies come from the YAML files, read here with PyYAML,
never from the index or the generator."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO
from tests.site.test_search_engine import ask, index, numbers, record

SHIPPED = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((REPO / "practice").glob("*.yaml"))]


def ids(urls: list[str]) -> list[str]:
    return [url.rstrip("/").rsplit("/", 1)[-1] for url in urls]


def ages(data: dict) -> set[str]:
    return set(data["audience"]["age_groups"])


# A practitioner's query, and which case studies are tagged with what it means.
TAGGED = {
    "early years": lambda d: "early-years" in d["themes"] or "early-years" in ages(d),
    "0-4": lambda d: "early-years" in ages(d),  # "Early years (0-4)"
    "teenagers": lambda d: "secondary" in ages(d),  # "Secondary age (11-16)", in the synonyms
    "randomised": lambda d: any(o["design"] == "randomised-trial" for o in d["outcomes"]),
    "before and after": lambda d: any(o["design"] == "before-and-after" for o in d["outcomes"]),
}


@pytest.fixture(scope="module")
def bundle(built_site) -> Path:
    return built_site / "search-index"


@pytest.mark.parametrize("query", TAGGED)
def test_what_is_tagged_comes_first(bundle, query):
    tagged = {d["id"] for d in SHIPPED if TAGGED[query](d)}
    assert tagged, f"no shipped case study is tagged for {query!r}: the case tests nothing"
    [answer] = ask(bundle, [query])
    found = ids(answer["results"])
    assert set(found[: len(tagged)]) == tagged, (query, found[: len(tagged)], tagged)


def test_words_together_rank_above_the_same_words_scattered(tmp_path):
    scattered = "Early adopters of the scheme were followed for two years."
    together = "Support in the early years for every family."
    folder = index(tmp_path / "i", [record(0, scattered, title="Early help"), record(1, together)])
    [answer] = ask(folder, ["early years"])
    assert numbers(answer["results"]) == [1, 0]
    [quoted] = ask(folder, ['"early years"'])
    assert numbers(quoted["results"]) == [1]  # and a phrase still finds only the words together


def test_excerpts_are_the_text_the_page_shows(bundle):
    entry = json.loads((bundle / "index.json").read_text(encoding="utf-8"))
    folder = bundle / entry["path"]
    docs = [
        json.loads(gzip.decompress((folder / "d" / f"{n}.json.gz").read_bytes())) for n in range(entry["documents"])
    ]
    by_id = {d["id"]: d for d in SHIPPED}
    listed = 0
    for doc in docs:
        text = doc["text"]
        # No emphasis marks, link targets, or a space before a comma or a full stop (an
        # ellipsis "...", which sources use for words left out, is theirs).
        assert not re.search(r"\*\*|\]\(| [,;:]| \.(?!\.\.)", text), text[:200]
        data = by_id[ids([doc["url"]])[0]]
        assert doc["headline"] == data["headline"]
        for line in data["description"].splitlines():
            if line.startswith("- "):  # a list item: its words, not its marker
                listed += 1
                assert f"- {line[2:12]}" not in text
    assert listed, "no description has a list: the case tests nothing"
