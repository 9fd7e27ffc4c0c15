"""The search engine (docs/assets/search-engine.js), run in Node over indexes written by the
indexer from records made here, against oracles that share none of their code: plain
regular expressions over the records' text."""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search.index_writer import write_search_index
from generator.search.records import FACETS, SearchCollection, SearchRecord
from tests.conftest import REPO

HARNESS = REPO / "tests" / "support" / "search_engine.cjs"
RATINGS = (("fully-validated", "Fully validated"), ("promising", "Promising"), ("emerging", "Emerging"))


def record(number: int, text: str, *, title: str = "", rating: str = "emerging") -> SearchRecord:
    return SearchRecord(
        url=f"practice/case-{number:03d}/",
        title=title or f"Case {number}",
        locality="Somewhere",
        rating=rating,
        impact="None held",
        headline=f"What case {number} found.",
        fields=(("title", (title or f"Case {number}",)), ("body", (text,))),
        filters=(("rating", (rating,)),),
    )


def index(folder: Path, records: list[SearchRecord]) -> Path:
    facets = {name: () for name in FACETS} | {"rating": RATINGS}
    write_search_index(SearchCollection(tuple(records), facets), folder)
    return folder


def ask(bundle: Path, queries: list[str], filters: dict | None = None) -> list[dict]:
    result = subprocess.run(
        ["node", str(HARNESS)],
        input=json.dumps({"bundle": str(bundle), "queries": queries, "filters": filters or {}}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def numbers(urls: list[str]) -> list[int]:
    return [int(url.split("-")[1].rstrip("/")) for url in urls]


def test_a_phrase_beginning_with_stop_words_finds_text_with_more_before_it(tmp_path):
    bundle = index(tmp_path / "i", [record(0, "Children who are in care"), record(1, "Support is for the family")])
    in_care, for_the_family = ask(bundle, ['"in care"', '"for the family"'])
    assert numbers(in_care["results"]) == [0]
    assert numbers(for_the_family["results"]) == [1]


def test_a_phrase_checks_its_stop_words(tmp_path):
    bundle = index(
        tmp_path / "i",
        [
            record(0, "Fewer children in care than before."),
            record(1, "The children's social care team."),
            record(2, "Care for children, in time."),
        ],
    )
    phrase, loose, words_only = ask(bundle, ['"children in care"', "children in care", '"children care"'])
    assert numbers(phrase["results"]) == [0]
    assert sorted(numbers(loose["results"])) == [0, 1, 2]
    assert words_only["results"] == []  # "in" stands between them


def test_every_word_must_match_and_the_rest_are_offered(tmp_path):
    bundle = index(tmp_path / "i", [record(0, "eviction and debt"), record(1, "debt advice"), record(2, "parks")])
    (answer,) = ask(bundle, ["eviction debt advice"])
    assert answer["results"] == []
    assert numbers(answer["partial"]) == [0, 1]  # two of the three words before one
    (answer,) = ask(bundle, ["debt"])
    assert sorted(numbers(answer["results"])) == [0, 1]


def test_equal_relevance_is_ranked_by_evidence(tmp_path):
    ratings = ["emerging", "promising", "fully-validated", "emerging", "promising"]
    bundle = index(tmp_path / "i", [record(n, "family support at home", rating=r) for n, r in enumerate(ratings)])
    (answer,) = ask(bundle, ["family support"])
    assert numbers(answer["results"]) == [2, 1, 4, 0, 3]


def test_a_much_better_match_outranks_stronger_evidence(tmp_path):
    bundle = index(
        tmp_path / "i",
        [
            record(0, "family support", title="Family support in Leeds", rating="emerging"),
            record(1, "a long text " * 40 + "that mentions family support once", rating="fully-validated"),
        ],
    )
    (answer,) = ask(bundle, ["family support"])
    assert numbers(answer["results"]) == [0, 1]


def test_filters_keep_only_the_chosen_rating(tmp_path):
    bundle = index(
        tmp_path / "i", [record(n, "kinship care", rating=r) for n, r in enumerate(["emerging", "promising"])]
    )
    (answer,) = ask(bundle, ["kinship"], {"rating": ["promising"]})
    assert numbers(answer["results"]) == [1]


def test_a_misspelt_word_is_offered_the_word_the_index_knows(tmp_path):
    bundle = index(
        tmp_path / "i", [record(0, "hertfordshire safeguarding", title="Hertfordshire"), record(1, "conference")]
    )
    typo, transposed, real_but_absent = ask(bundle, ["Hertfordshre", "safegaurding", "confidence"])
    assert typo["suggestion"] == "Hertfordshire"  # written as a title writes it
    assert transposed["suggestion"] == "safeguarding"
    assert real_but_absent["suggestion"] is None  # two letters away: not offered as a typo


HOSTILE_QUERIES = [
    "__proto__",
    "constructor prototype",
    'hasOwnProperty "toString"',
    '"' * 301,
    '""""',
    "a the of in",
    ".*+?^${}()|[]\\",
    "<script>alert(1)</script>",
    "\u202eevil\u202c",
    "\ufeff\u200b",
    "word " * 2000,
    "x" * 100_000,
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🙂 مرحبا",
]


def test_hostile_queries_answer_quickly_without_error(tmp_path):
    bundle = index(
        tmp_path / "i", [record(n, f"family support {n} constructor toString hasOwnProperty") for n in range(30)]
    )
    answers = ask(bundle, HOSTILE_QUERIES)
    assert len(answers) == len(HOSTILE_QUERIES)
    assert all(answer["ms"] < 500 for answer in answers), [a["ms"] for a in answers]
    # Names JavaScript objects carry are words like any other.
    words_of_objects = ask(bundle, ["constructor", "toString", "hasOwnProperty", "prototype"])
    assert [len(answer["results"]) for answer in words_of_objects] == [30, 30, 30, 0]


def test_a_failed_load_of_the_index_is_tried_again(tmp_path):
    bundle = index(tmp_path / "i", [record(0, "kinship care")])
    script = f"""
        const fs = require("fs"), path = require("path");
        const S = require({json.dumps(str(REPO / "docs" / "assets" / "search-engine.js"))});
        let failures = 1;
        const fetcher = (url) => {{
            if (url.endsWith("index.json") && failures-- > 0) return new Response("", {{status: 503}});
            const name = new URL(url).pathname.replace(/^\\/search-index\\//, "");
            return new Response(fs.readFileSync(path.join({json.dumps(str(bundle))}, name)));
        }};
        const engine = S.open("http://site.invalid/", fetcher);
        engine.search("kinship").then(() => "answered", () => "failed")
            .then(first => engine.search("kinship").then(a => console.log(first, a.results.length)));
    """
    result = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["failed", "1"]


VOCABULARY = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]
STOPS = ["in", "the", "for"]
texts = st.lists(st.sampled_from([*VOCABULARY, *STOPS]), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(
    documents=st.lists(texts, min_size=1, max_size=12),
    queries=st.lists(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=3), min_size=1, max_size=4),
    phrases=st.lists(st.lists(st.sampled_from([*VOCABULARY, *STOPS]), min_size=2, max_size=4), max_size=3),
)
def test_results_are_exactly_the_records_holding_every_word_or_the_phrase(documents, queries, phrases):
    """With words no stemming or prefix can confuse, the oracle is exact: a plain query finds
    the records holding every word; a quoted one, those holding the words in that order."""
    with tempfile.TemporaryDirectory() as folder:
        bundle = index(Path(folder), [record(n, text) for n, text in enumerate(documents)])
        asked = [" ".join(q) for q in queries] + ['"' + " ".join(p) + '"' for p in phrases]
        answers = ask(bundle, asked)
    for words, answer in zip(queries, answers, strict=False):
        expected = {n for n, text in enumerate(documents) if set(words) <= set(text.split())}
        assert set(numbers(answer["results"])) == expected, (words, documents)
    for phrase, answer in zip(phrases, answers[len(queries) :], strict=True):
        if phrase[-1] in STOPS and (len(phrase) == 1 or phrase[-2] not in STOPS):
            phrase = phrase[:-1]  # a stop word ending a phrase after a word is left out (documented)
        if not phrase:
            continue  # stop words alone are not a query
        pattern = re.compile(r"(?<!\S)" + r"\s+".join(phrase) + r"(?!\S)")
        expected = {n for n, text in enumerate(documents) if pattern.search(text)}
        assert set(numbers(answer["results"])) == expected, (phrase, documents)
