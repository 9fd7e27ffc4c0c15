"""What a preview owes is made once, when asked for, and never after a build took it over;
and a request that a build overtakes is answered from that build."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.adapters.mkdocs_owed import OwedOutputs
from generator.incremental.owed import Owed
from tests.support.wsgi import ask, file_app

PATHS = ["practice/a/index.html", "practice/b/index.html", "data/x.json", "search-index/"]


class Log:
    def __init__(self) -> None:
        self.made: list[str] = []
        self.failed: list[tuple[str, str]] = []

    def maker(self, name: str):
        return lambda: self.made.append(name)

    def failure(self, path: str, error: Exception) -> None:
        self.failed.append((path, str(error)))


def test_each_owed_output_is_made_once_and_only_when_asked_for():
    log = Log()
    owed = Owed(log.failure)
    owed.owe({path: log.maker(path) for path in PATHS})
    assert log.made == []
    owed.settle(["practice/a/index.html", "practice/a/index.html", "nowhere.html"])
    assert log.made == ["practice/a/index.html"]
    owed.settle(["search-index/index.json"])  # a file in an owed folder makes the folder
    assert log.made == ["practice/a/index.html", "search-index/"]
    owed.finish()
    assert sorted(log.made) == sorted(PATHS)
    owed.finish()
    assert len(log.made) == len(PATHS)


def test_a_build_takes_over_what_is_still_owed():
    log = Log()
    owed = Owed(log.failure)
    owed.owe({path: log.maker(path) for path in PATHS})
    owed.settle(["data/x.json"])
    generation = owed.generation
    left = owed.pause()
    assert sorted(left) == sorted(set(PATHS) - {"data/x.json"})
    assert owed.generation != generation
    owed.settle(PATHS)
    assert log.made == ["data/x.json"]  # the next build makes the rest, from its own outputs


def test_an_output_that_cannot_be_made_is_reported_and_no_longer_owed():
    log = Log()
    owed = Owed(log.failure)

    def broken() -> None:
        raise ValueError("no such template")

    owed.owe({"practice/a/index.html": broken, "practice/b/index.html": log.maker("b")})
    owed.settle(["practice/a/index.html"])
    owed.settle(["practice/a/index.html"])
    assert log.failed == [("practice/a/index.html", "no such template")]
    owed.finish()
    assert log.made == ["b"]


@given(
    st.lists(
        st.one_of(
            st.tuples(st.just("owe"), st.sets(st.sampled_from(PATHS))),
            st.tuples(st.just("settle"), st.lists(st.sampled_from([*PATHS, "search-index/w0.json.gz", "x"]))),
            st.tuples(st.just("pause"), st.none()),
            st.tuples(st.just("finish"), st.none()),
        ),
        max_size=30,
    )
)
def test_any_sequence_makes_each_output_at_most_once_per_build(steps):
    """Against a model: what each build owes, minus what was made or taken over since."""
    made: list[tuple[int, str]] = []
    owed = Owed(lambda path, error: None)
    build, expected, model = 0, [], set()
    for action, argument in steps:
        if action == "owe":
            build += 1
            owed.owe({path: (lambda b=build, p=path: made.append((b, p))) for path in argument})
            model = set(argument)
        elif action == "settle":
            for path in argument:
                for key in [path, *(path[: i + 1] for i, c in enumerate(path) if c == "/")]:
                    if key in model:
                        model.discard(key)
                        expected.append((build, key))
            owed.settle(argument)
        elif action == "pause":
            assert sorted(owed.pause()) == sorted(model)
            model = set()
        else:
            expected.extend((build, key) for key in model)
            model = set()
            owed.finish()
        assert sorted(made) == sorted(expected)
    assert len(made) == len(set(made))


def test_a_request_is_answered_with_the_owed_page_made(tmp_path):
    page = tmp_path / "practice" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("old title", encoding="utf-8")
    outputs = OwedOutputs(lambda: None)
    outputs.owed.owe({"practice/a/index.html": lambda: page.write_text("new title", encoding="utf-8")})
    app = outputs.serve_when_made(file_app(tmp_path), "/")
    assert ask(app, "/practice/a/") == b"new title"
    assert ask(app, "/practice/a/../a/index.html") == b"new title"


def test_a_build_that_overtakes_a_request_is_caught(tmp_path):
    """The page is made, then a save's build starts before the server reads it and owes it
    again: the reader must get the page that build owes, not the one made before it."""
    page = tmp_path / "practice" / "a" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text("before both saves", encoding="utf-8")
    outputs = OwedOutputs(lambda: None)
    outputs.owed.owe({"practice/a/index.html": lambda: page.write_text("first save", encoding="utf-8")})
    served = file_app(tmp_path)
    builds = []

    def overtaken(environ, start_response):
        if not builds:  # a build runs while MkDocs' server waits for it, then serves
            builds.append(outputs.owed.pause())
            outputs.owed.owe({"practice/a/index.html": lambda: page.write_text("second save", encoding="utf-8")})
        return served(environ, start_response)

    app = outputs.serve_when_made(overtaken, "/")
    assert ask(app, "/practice/a/") == b"second save"
    assert builds == [[]]  # the first save's page was made before the build began


def test_a_long_crafted_path_is_looked_up_in_linear_time():
    import time

    owed = Owed(lambda path, error: None)
    made: list[str] = []
    owed.owe({"search-index/": lambda: made.append("index"), "a/index.html": lambda: made.append("page")})
    crafted = "a/" * 500_000 + "index.html"  # a megabyte of folders
    started = time.perf_counter()
    owed.settle([crafted, "search-index/" + crafted])
    assert time.perf_counter() - started < 1.0
    assert made == ["index"]
