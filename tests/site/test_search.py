"""Search: the index holds what each case-study page shows, once per case study, written the
same way every time; the browser's word rules are the indexer's."""

from __future__ import annotations

import gzip
import json
import re
import subprocess

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.search import postings
from generator.search.index_writer import SearchIndexError, index_files, write_search_index
from generator.search.records import search_collection
from generator.search.words import stem, words
from tests.conftest import REPO

ENGINE = REPO / "docs" / "assets" / "search-engine.js"


def record_text(record) -> str:
    return " ".join(" ".join(parts) for _, parts in record.fields)


def plain_words(text: str) -> set[str]:
    """A deliberately simple oracle: lower-case runs of ASCII letters and digits."""
    return set(re.findall(r"[a-z0-9]+", text.lower()))


def test_each_record_holds_what_its_page_shows(shipped, taxonomy):
    """Checked against the YAML as contributed, not the loaded model."""
    collection = search_collection(shipped.case_studies, taxonomy)
    by_url = {record.url: record for record in collection.records}
    for path in sorted((REPO / "practice").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        indexed = plain_words(record_text(by_url[f"practice/{data['id']}/"]))
        shown = [data["title"], data["locality"], data["headline"], data["summary"], data["setting"]]
        shown += [o["measure"] for o in data["outcomes"]] + [o["change"]["as_reported"] for o in data["outcomes"]]
        shown += [m["what"] for m in data.get("costs", []) + data.get("claimed_savings", [])]
        shown += data.get("partners", []) + list(data["characteristics"].values())
        shown += [taxonomy.themes[t].label for t in data["themes"]]
        shown.append(re.sub(r"\]\([^)]*\)", "]", data["description"]))  # link targets are not shown
        for part in shown:
            assert plain_words(part) <= indexed, (path.name, part[:60], plain_words(part) - indexed)


def read_gz(path):
    return json.loads(gzip.decompress(path.read_bytes()))


def test_every_case_study_is_in_the_built_index_exactly_once(built_site, shipped):
    entry = json.loads((built_site / "search-index" / "index.json").read_text(encoding="utf-8"))
    assert entry["documents"] == len(shipped.case_studies)
    folder = built_site / "search-index" / entry["path"]
    docs = [read_gz(folder / "d" / f"{n}.json.gz") for n in range(entry["documents"])]
    assert sorted(d["url"] for d in docs) == sorted(f"practice/{c.id}/" for c in shipped.case_studies)
    by_url = {f"practice/{c.id}/": c for c in shipped.case_studies}
    for doc in docs:
        assert (doc["title"], doc["locality"]) == (by_url[doc["url"]].title, by_url[doc["url"]].locality)
        assert (built_site / doc["url"] / "index.html").is_file()
    assert [p.name for p in (built_site / "search-index").iterdir() if p.is_dir()] == [entry["path"].strip("/")]


def test_every_page_carries_a_search_form_that_opens_the_results_page(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        if path.name == "404.html":
            continue
        assert html.count("data-practice-search") == 1, path
        assert 'name="q"' in html and "assets/search-engine.js" in html, path
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'action="search/"' in home
    assert (built_site / "search" / "index.html").is_file()
    assert not (built_site / "search" / "search_index.json").exists(), "Material's whole-site index is not built"


def test_the_results_page_says_how_to_find_practice_without_javascript(built_site):
    html = (built_site / "search" / "index.html").read_text(encoding="utf-8")
    assert "needs JavaScript" in html and 'href="../finder/"' in html


def test_rewriting_the_index_leaves_nothing_stale(tmp_path, shipped, taxonomy):
    collection = search_collection(shipped.case_studies, taxonomy)
    bundle = tmp_path / "search-index"
    write_search_index(collection, bundle)
    fewer = search_collection(shipped.case_studies[:2], taxonomy)
    write_search_index(fewer, bundle)
    entry = json.loads((bundle / "index.json").read_text(encoding="utf-8"))
    assert entry["documents"] == 2
    assert len(list((bundle / entry["path"] / "d").iterdir())) == 2
    assert len([p for p in bundle.iterdir() if p.is_dir()]) == 1


def test_the_bundle_is_the_same_bytes_however_it_is_read(monkeypatch, shipped, taxonomy):
    """Read here or shared between worker processes, the index comes out byte for byte the same."""
    collection = search_collection(shipped.case_studies, taxonomy)
    alone = index_files(collection)
    monkeypatch.setattr(postings, "PARALLEL_FROM", 1)
    monkeypatch.setattr(postings.os, "cpu_count", lambda: 3)
    shared = index_files(collection)
    assert alone == shared
    assert index_files(collection) == shared


def test_a_folder_that_cannot_be_written_is_a_message_not_a_traceback(tmp_path, shipped, taxonomy):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(SearchIndexError, match="could not write the search index"):
        write_search_index(search_collection(shipped.case_studies[:1], taxonomy), blocker / "search-index")


def node_words(texts: list[str]) -> list[list[str]]:
    script = (
        f"const s = require({json.dumps(str(ENGINE))});"
        "const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "process.stdout.write(JSON.stringify(texts.map(t => s.words(t).map(w => [w, s.stem(w)]))));"
    )
    result = subprocess.run(
        ["node", "-e", script], input=json.dumps(texts), capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(result.stdout)


# Characters Python's Unicode tables know (a newer browser may know more): letters, digits,
# marks, punctuation, symbols and spaces.
KNOWN = st.characters(categories=("L", "M", "N", "P", "S", "Zs"), exclude_characters="\x00")


@settings(max_examples=20, deadline=None)
@given(
    st.lists(
        st.text(KNOWN, max_size=40) | st.sampled_from(["Children's A&E", "Café FIPs", "İstanbul ǅ ﬁle"]),
        min_size=1,
        max_size=60,
    )
)
def test_the_browser_cuts_and_stems_words_as_the_index_does(texts):
    expected = [[[w, stem(w)] for w in words(t)] for t in texts]
    assert node_words(texts) == expected


def test_the_browser_cuts_every_character_as_the_index_does():
    """Every character Python's Unicode tables assign, between letters and before a plural
    "s" (which tests the stemmer's count of letters), through both sides at once."""
    import sys
    import unicodedata

    assigned = [
        chr(c)
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) not in ("Cn", "Cs") and chr(c) not in "\x00"
    ]
    texts = [f"a{c}b {c}{c}ss {c}s" for c in assigned]
    expected = [[[w, stem(w)] for w in words(t)] for t in texts]
    got = node_words(texts)
    differ = [(hex(ord(c)), e, g) for c, e, g in zip(assigned, expected, got, strict=True) if e != g]
    assert differ == []


def test_word_rules_on_examples_a_reader_would_check():
    assert words("Children's A&E services, café") == ["childrens", "a&e", "services", "cafe"]
    assert words("𝐅𝐀𝐌𝐈𝐋𝐘 Signs of Safety™") == ["family", "signs", "of", "safety"]  # lowered after NFKD
    assert words("x" * 100) == ["x" * 40, "x" * 40, "x" * 20]  # a crafted word stays small
    assert [stem(w) for w in ("families", "services", "process", "bus", "cares", "fips")] == [
        "family",
        "service",
        "process",
        "bus",
        "care",
        "fip",
    ]


def test_a_build_writes_the_index_in_a_worker_and_reports_its_failure(monkeypatch):
    """On Linux a build's index is written by a forked process (its memory is never the
    build's); what goes wrong there is reported as it would be in the build's own process."""
    import os

    from generator.search import bundle
    from generator.search.records import SearchCollection

    def write(collection, output_dir):
        output_dir.mkdir(parents=True)
        (output_dir / "pid").write_text(str(os.getpid()), encoding="utf-8")

    monkeypatch.setattr(bundle, "write_search_index", write)
    job = bundle.SearchIndexJob(lambda: SearchCollection((), {}), in_process=False)
    written_by = int((job.wait() / "pid").read_text(encoding="utf-8"))
    assert written_by != os.getpid()
    job.discard()

    def failing(collection, output_dir):
        raise SearchIndexError(f"could not write the search index in {output_dir}: disk full")

    monkeypatch.setattr(bundle, "write_search_index", failing)
    job = bundle.SearchIndexJob(lambda: SearchCollection((), {}), in_process=False)
    with pytest.raises(SearchIndexError, match=r"could not write the search index in .*: disk full"):
        job.wait()
    job.discard()

    def killed(collection, output_dir):  # as the kernel's out-of-memory killer would
        import signal

        os.kill(os.getpid(), signal.SIGKILL)

    monkeypatch.setattr(bundle, "write_search_index", killed)
    job = bundle.SearchIndexJob(lambda: SearchCollection((), {}), in_process=False)
    with pytest.raises(SearchIndexError, match=r"the search index's worker failed: .*stopped by signal 9"):
        job.wait()
    job.discard()


def test_a_preview_indexes_in_a_process_of_its_own_and_reports_its_failure(tmp_path, monkeypatch):
    """A preview's index is written apart from the engine's threads, by a process the fork
    server starts; a fault there reaches the preview as a message, and a new save stops it."""
    import os

    from generator.search.bundle import IndexProcess
    from generator.search.records import SearchCollection

    assert IndexProcess.usable()  # Linux has a fork server (Windows would index on a thread)
    empty = SearchCollection((), {"rating": []})
    written = IndexProcess(empty, tmp_path / "ok" / "search-index")
    assert written.wait() is None
    assert (tmp_path / "ok" / "search-index" / "index.json").is_file()

    blocked = tmp_path / "blocked" / "search-index"
    blocked.parent.mkdir()
    blocked.write_text("a file where the folder would go", encoding="utf-8")
    failing = IndexProcess(empty, blocked)
    problem = failing.wait()
    assert problem is not None and problem.startswith("could not write the search index in ")

    stopped = IndexProcess(empty, tmp_path / "stopped" / "search-index")
    stopped.stop()
    assert stopped.wait() in (None, "the search index's process was stopped by signal 9")
    assert os.getpid() not in (written._process.pid, stopped._process.pid)

    class NoForkServer:  # a sandbox without sockets, say: the index is written on the thread instead
        def Process(self, **_):
            class Unstartable:
                def start(self):
                    raise OSError("no sockets here")

            return Unstartable()

    from generator.search import bundle

    monkeypatch.setattr(bundle.multiprocessing, "get_context", lambda method: NoForkServer())
    monkeypatch.setattr(NoForkServer, "set_forkserver_preload", lambda self, names: None, raising=False)
    assert IndexProcess(empty, tmp_path / "here" / "search-index").wait() is None
    assert (tmp_path / "here" / "search-index" / "index.json").is_file()
