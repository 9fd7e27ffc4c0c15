"""The proposal form's rules beyond the schema (frontend/proposal/rules.js, bundled into
docs/assets/proposal-form.js and run here in Node) find what `practice validate` finds, in its
words: for the same case study, the same problems (field, message and fix). The validator sorts
them by line, which a form has not, so they are compared as sorted lists.

The oracle is the validator itself (check_file on the case study written as a file, as a
contributor's file is checked), independent of the JavaScript. The case studies are the shipped
collection and every-field.yaml, changed by hand for each rule, and by Hypothesis in the fields
the rules read. Only files the schema accepts are compared: the validator applies its rules to
those alone, and the form's schema check (test_proposal_messages.py) covers the rest.

Left out, as the form cannot break them (rules.js says why): the file name matching the id (each
file here is named by its id), whole-number years, a typed impact_evidence.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.check.file_check import check_file
from generator.check.positions import PositionFinder
from generator.check.rule_words import WORDS
from generator.check.schema_validator import SchemaValidator
from generator.config.policy import ReviewPolicy
from generator.config.taxonomy import Taxonomy
from generator.contract import form_rules
from generator.load.strict_yaml import load_yaml
from tests.conftest import REPO

BUNDLE = REPO / "docs" / "assets" / "proposal-form.js"
SCHEMA = json.loads((REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
TAXONOMY = Taxonomy.load(REPO / "schema" / "taxonomy.yaml")
REVIEW = ReviewPolicy.load(REPO / "schema" / "policy.yaml")
TODAY = date(2026, 12, 31)
BASES = {
    path.stem: load_yaml(path.read_text(encoding="utf-8"))
    for path in [
        *sorted((REPO / "practice").glob("*.yaml")),
        REPO / "tests" / "examples" / "positive" / "every-field.yaml",
    ]
}
Said = list[tuple[str, str, str]]


def form_says(documents: list[Any]) -> list[Said]:
    """Per document, the form's rule problems as (field, message, hint): one run of Node."""
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: install it (the README's test command does)"
    context = {"today": TODAY.isoformat(), **form_rules(TAXONOMY)}
    script = (
        "const rules = require(process.argv[1]); const MarkdownIt = require('markdown-it');"
        "const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "const context = {...input.context, MarkdownIt};"
        "process.stdout.write(JSON.stringify(input.documents.map((d) => rules.ruleProblems(d, context)"
        ".map((p) => [p.field, p.message, p.hint]))));"
    )
    result = subprocess.run(
        [node, "-e", script, str(BUNDLE)],
        input=json.dumps({"documents": documents, "context": context}),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,  # where markdown-it is installed
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return [[tuple(problem) for problem in answer] for answer in json.loads(result.stdout)]


def validator_says(folder: Path, validator: SchemaValidator, data: dict[str, Any]) -> Said | None:
    """The validator's errors for the case study written as a file named by its id, or None
    where the schema refuses it (the validator then runs no rule)."""
    if validator.problems(data, "proposal.yaml", PositionFinder("")):
        return None
    path = folder / f"{data['id']}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    check = check_file(path, path.name, validator, TODAY, REVIEW, TAXONOMY)
    path.unlink()
    return [(p.field, p.message, p.hint) for p in check.problems if p.is_error]


@pytest.fixture(scope="module")
def validator() -> SchemaValidator:
    return SchemaValidator(SCHEMA)


# ---------------------------------------------------------------------------------------------
# By hand: each rule broken once, in every-field.yaml (every optional field given).


def broken(*changes: tuple[tuple[str | int, ...], Any]) -> dict[str, Any]:
    """every-field.yaml with each (path, value) set; a value of DROP removes the field."""
    data = copy.deepcopy(BASES["every-field"])
    for path, value in changes:
        *parents, last = path
        holder = data
        for step in parents:
            holder = holder[step]
        if value is DROP:
            del holder[last]
        else:
            holder[last] = value
    return data


DROP = object()
# A description is at least 100 characters: the cases' Markdown goes after this plain opening.
OPENING = "A key worker for each family in crisis, with housing, health and school staff agreeing one plan.\n\n"
OUTCOME = ("outcomes", 0)
SOURCE = {"title": "A council press release", "kind": "press-release", "id": "release", "access": "full-text"}
CASES: dict[str, tuple[dict[str, Any], str]] = {
    # name: (case study, the start of the message the validator must give)
    "placeholder": (
        broken((("summary",), "\u3000 TODO say in a sentence or two what the practice is and does")),
        "placeholder not filled in",
    ),
    "placeholder after an em space": (broken((("setting",), "\u2003TODO")), "placeholder not filled in: TODO"),
    "forty-one placeholders": (broken((("partners",), [f"TODO partner {n}" for n in range(41)])), "more than 40"),
    "period backwards": (broken((("period", "end"), 2009)), "period ends (2009) before it starts (2011)"),
    "period starts later": (
        broken((("period", "start"), 2027), (("period", "end"), "ongoing"), (("stopped",), DROP)),
        "period starts in the future",
    ),
    "period ends later": (broken((("period", "end"), 2028)), "period ends in the future (2028)"),
    "reviewed before published": (broken((("last_reviewed",), "2026-10-01")), "last_reviewed (2026-10-01) is before"),
    "published later": (broken((("published",), "2027-01-05"), (("last_reviewed",), "2027-01-06")), "published (2027"),
    "rated later": (broken((("evidence", "rated_on"), "2027-03-01")), "evidence.rated_on (2027-03-01)"),
    "source date not real": (broken((("sources", 0, "date"), "2014-02-30")), "'2014-02-30' is not a real date"),
    "source date later": (broken((("sources", 0, "date"), "2027-02")), "sources[0].date (2027-02)"),
    "a total tagged per family": (
        broken((("costs", 0, "unit"), "\u2003TOTAL:  over\u00a0three years"), (("costs", 0, "covers"), "per-family")),
        "the unit says 'TOTAL: over three years', a total, but covers says per-family",
    ),
    "an amount per family tagged total": (
        broken((("claimed_savings", 0, "unit"), "per  household"), (("claimed_savings", 0, "covers"), "total")),
        "the unit says 'per household', an amount per something, but covers says total",
    ),
    "range backwards": (
        broken((("claimed_savings", 0, "amount_range", "low"), 50000.125)),
        "the range runs backwards: from 50,000.12 down to 45,000.5",
    ),
    "source id repeated": (
        broken((("sources",), [*BASES["every-field"]["sources"], {**SOURCE, "id": "evaluation-1"}])),
        "the source id 'evaluation-1' is used",
    ),
    "outcome's source unknown": (broken(((*OUTCOME, "source"), "evaluaton-1")), "no source in this file"),
    "a count that improved": (
        broken(((*OUTCOME, "design"), "count"), ((*OUTCOME, "sample"), DROP)),
        "direction 'improved' does not fit design 'count'",
    ),
    "reach measured as a comparison": (
        broken(((*OUTCOME, "domain"), "reach-and-delivery")),
        "the outcome area 'reach-and-delivery' counts reach",
    ),
    "improved the wrong way": (broken(((*OUTCOME, "better"), "higher")), "direction is 'improved', but the figures"),
    "improved without moving": (
        broken(((*OUTCOME, "follow_up", "value"), 70), ((*OUTCOME, "change", "percent"), DROP)),
        "direction is 'improved', but the figures (70 against the comparison group's 70",
    ),
    "worse that improved": (broken(((*OUTCOME, "direction"), "worse")), "direction is 'worse', but the figures"),
    "improvement within chance": (
        broken(((*OUTCOME, "effect", "interval", "high"), 1.0625)),
        "direction is 'improved', but the reported interval (0.75 to 1.06)",
    ),
    "comparison design without the group": (
        broken(((*OUTCOME, "comparison"), DROP)),
        "design 'comparison-group' compares with a group",
    ),
    "percent against the figures": (broken(((*OUTCOME, "change", "percent"), 49.6)), "the change in percent (49.6)"),
    "comparison size without the design": (
        broken(((*OUTCOME, "design"), "before-and-after"), ((*OUTCOME, "comparison"), DROP)),
        "a comparison group's size is given",
    ),
    "interval downwards": (
        broken(((*OUTCOME, "effect", "interval", "low"), 0.99), ((*OUTCOME, "direction"), "no-clear-change")),
        "the interval runs downwards (0.99 to 0.98)",
    ),
    "stopped but ongoing": (broken((("period", "end"), "ongoing")), "the practice stopped"),
    "heading in the description": (
        broken((("description",), OPENING + "# What it is\n\nKey workers.")),
        "headings are not",
    ),
    "link to a script": (
        broken((("description",), OPENING + "See [the plan](javascript:alert(1)) and <b>this</b>.")),
        "link to 'javascript:alert(1)' is not allowed",
    ),
    "a control character by reference": (
        broken((("description",), OPENING + "Key &#x202E; workers")),
        "contains a control",
    ),
    "reference-style link": (
        broken((("description",), OPENING + "See [the plan][p].\n\n[p]: https://www.example.org/plan")),
        "reference-style links",
    ),
    "lists nested too deep": (broken((("description",), OPENING + "- " * 14 + "deep")), "lists or quotes are nested"),
    "forty headings": (
        broken((("description",), OPENING + "\n".join(f"# Heading {n}" for n in range(40)))),
        "more than 30 problems in the description",
    ),
    # The example: fully validated on a stakeholder account, with no outcome to show.
    "fully validated on a stakeholder account": (
        broken((("evidence", "rating"), "fully-validated"), (("evidence", "basis"), ["stakeholder-account"])),
        "the rating 'fully-validated' needs evidence of one of these kinds",
    ),
    # What the schema's conditions cannot say: the trial's figures come from a press release,
    # while the evaluation held in full is another source (rating_schema.py checks them apart).
    "fully validated on a press release's figures": (
        broken(
            (("evidence", "rating"), "fully-validated"),
            (("sources",), [*BASES["every-field"]["sources"], SOURCE]),
            ((*OUTCOME, "source"), "release"),
        ),
        "the rating 'fully-validated' needs at least one outcome",
    ),
}


@pytest.fixture(scope="module")
def hand_answers() -> list[Said]:
    return form_says([data for data, _ in CASES.values()])


@pytest.mark.parametrize("name", CASES)
def test_the_form_finds_each_broken_rule_as_the_validator_does(name, validator, hand_answers, tmp_path):
    data, start = CASES[name]
    expected = validator_says(tmp_path, validator, data)
    assert expected is not None, "the case must pass the schema, so that the validator runs its rules"
    assert any(message.startswith(start) or start in message for _, message, _ in expected), expected
    assert sorted(hand_answers[list(CASES).index(name)]) == sorted(expected)  # the validator sorts by line


def test_every_rule_s_words_are_met_by_a_case(validator, tmp_path):
    """So that no rule of rule_words.py goes untried: each message template (but the parts that
    messages quote), read as a pattern, is the whole of some message the validator gives for
    the cases above."""
    said = [message for data, _ in CASES.values() for _, message, _ in validator_says(tmp_path, validator, data) or []]
    parts = {"figures-against-comparison", "figures-against-before", "figures-percent", "did-not-move"}
    parts |= {"moved-the-way", "did-you-mean"}
    for key, (template, _) in WORDS.items():
        if key in parts:
            continue
        pattern = re.compile(
            "".join(".+" if piece.startswith("{") else re.escape(piece) for piece in TEMPLATE_PIECES.findall(template))
        )
        assert any(pattern.fullmatch(message) for message in said), key


TEMPLATE_PIECES = re.compile(r"\{[a-z_]+\}|[^{]+")


def test_the_shipped_collection_breaks_no_rule_in_the_form():
    assert form_says(list(BASES.values())) == [[] for _ in BASES]


# ---------------------------------------------------------------------------------------------
# Generated: any of the collection's case studies, with the fields the rules read changed.

years = st.one_of(st.integers(1900, 2100), st.just("ongoing"))
days = st.dates(date(2000, 1, 1), date(2030, 12, 31)).map(date.isoformat)
# Figures a source would write (at most three places), with the halves that round to even.
figures = st.one_of(
    st.integers(0, 10**9), st.integers(0, 10**6).map(lambda n: n / 8), st.integers(0, 10**5).map(lambda n: n / 1000)
)
percents = st.one_of(st.integers(-100, 1000), st.integers(-800, 8000).map(lambda n: n / 8))
# An effect's interval: around 0 (a difference) or 1 (a ratio), to two or three places.
effects = st.one_of(st.integers(-300, 300).map(lambda n: n / 100), st.integers(-24, 24).map(lambda n: n / 8))
ids = st.sampled_from(["evaluation-1", "evaluation-2", "release", "report", "stats", "reprot"])
source_dates = st.one_of(
    st.integers(1990, 2030).map(str),
    st.tuples(st.integers(1990, 2030), st.integers(1, 12)).map(lambda p: f"{p[0]}-{p[1]:02d}"),
    st.tuples(st.integers(1990, 2030), st.integers(1, 12), st.integers(1, 31)).map(
        lambda p: f"{p[0]}-{p[1]:02d}-{p[2]:02d}"
    ),
)


# Descriptions made of the pieces the Markdown rule looks for, and of text around them.
MARKDOWN_PIECES = [
    "# h",
    "Setext\n---",
    "<b>x</b>",
    "<div>\nblock\n</div>",
    "![i](https://www.example.org/i.png)",
    "```\ncode\n```",
    "    indented",
    "***",
    "&#x202E;",
    "&rlm;",
    "&amp;",
    "> quote",
    "- item",
    "1. item",
    "[a][b]",
    "[b]: https://x.org",
    "[a](https://www.gov.uk/x)",
    "[a](http://user@www.gov.uk/)",
    "[a](https://010.010.010.010/)",
    "[a](<x y>)",
    "<https://www.gov.uk/>",
    '[a](https://www.gov.uk/x "title &#x200F;")',
    "`code &#x202E;`",
    "**b**",
    "\\# not",
    "words",
    " ",
    "\n",
    "\n\n",
    "\t",
    ">",
    "-",
    "[",
    "]",
    "(",
    ")",
    "<",
    "&",
    "#",
    "!",
    "~~~",
]
descriptions = (
    st.lists(st.sampled_from(MARKDOWN_PIECES), min_size=1, max_size=25).map("".join).map(lambda text: OPENING + text)
)


def terms(name: str) -> st.SearchStrategy[str]:
    return st.sampled_from([term.id for term in getattr(TAXONOMY, name).terms])


OUTCOME_CHANGES: list[tuple[tuple[str, ...], st.SearchStrategy[Any]]] = [
    (("design",), terms("designs")),
    (("direction",), terms("directions")),
    (("domain",), terms("outcome_domains")),
    (("better",), st.sampled_from(["higher", "lower", DROP])),
    (("source",), ids),
    (("baseline",), st.one_of(st.just(DROP), figures.map(lambda v: {"value": v, "when": "before"}))),
    (("follow_up",), st.one_of(st.just(DROP), figures.map(lambda v: {"value": v, "when": "after"}))),
    (("comparison",), st.one_of(st.just(DROP), figures.map(lambda v: {"value": v, "when": "others"}))),
    (("change", "percent"), st.one_of(st.just(DROP), percents)),
    (
        ("sample",),
        st.one_of(st.just(DROP), st.builds(lambda a, b: {"practice": a, "comparison": b}, *[st.integers(1, 500)] * 2)),
    ),
    (
        ("effect",),
        st.one_of(
            st.just(DROP),
            st.builds(
                lambda measure, low, high: {
                    "as_reported": f"{measure or 'difference'} {low} to {high}",
                    **({"measure": measure} if measure else {}),
                    "interval": {"low": low, "high": high},
                },
                st.sampled_from(["odds ratio", "risk ratio", "", "mean difference"]),
                effects,
                effects,
            ),
        ),
    ),
]
TOP_CHANGES: list[tuple[tuple[str, ...], st.SearchStrategy[Any]]] = [
    (("period", "start"), st.integers(1900, 2100)),
    (("period", "end"), years),
    (("stopped",), st.sampled_from([DROP, {"reason": "The grant ended."}])),
    (("published",), days),
    (("last_reviewed",), days),
    (("evidence", "rated_on"), days),
    (("evidence", "rating"), terms("ratings")),
    (("evidence", "basis"), st.lists(terms("evidence_bases"), min_size=1, max_size=3, unique=True)),
    (
        ("summary",),
        st.sampled_from(["TODO summary", " TODO", "A summary that is long enough to pass the schema's minimum."]),
    ),
    (("description",), descriptions),
]
SOURCE_CHANGES: list[tuple[tuple[str, ...], st.SearchStrategy[Any]]] = [
    (("id",), ids),
    (("kind",), terms("source_kinds")),
    (("access",), terms("source_access")),
    (("date",), st.one_of(st.just(DROP), source_dates)),
]


def set_at(data: Any, path: tuple[str | int, ...], value: Any) -> None:
    *parents, last = path
    for step in parents:
        data = data.setdefault(step, {})
    if value is DROP:
        data.pop(last, None)
    else:
        data[last] = value


@st.composite
def changed_case_studies(draw: st.DrawFn) -> dict[str, Any]:
    data = copy.deepcopy(draw(st.sampled_from(list(BASES.values()))))
    if draw(st.booleans()):  # another source, so that outcomes can name one or the other
        data["sources"].append({**SOURCE, "id": draw(ids)})
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["top", "outcome", "source"]))
        if kind == "top":
            path, values = draw(st.sampled_from(TOP_CHANGES))
            set_at(data, path, draw(values))
        elif kind == "outcome" and data["outcomes"]:
            index = draw(st.integers(0, len(data["outcomes"]) - 1))
            path, values = draw(st.sampled_from(OUTCOME_CHANGES))
            set_at(data["outcomes"][index], path, draw(values))
        elif kind == "source":
            index = draw(st.integers(0, len(data["sources"]) - 1))
            path, values = draw(st.sampled_from(SOURCE_CHANGES))
            set_at(data["sources"][index], path, draw(values))
    return data


@settings(
    max_examples=12,  # each example is one run of Node over 15 case studies
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # the failing case study is printed whole; shrinking
    # lists of whole case studies took more than five minutes
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(st.lists(changed_case_studies(), min_size=15, max_size=15))
def test_the_form_finds_what_the_validator_finds_in_any_changed_case_study(validator, tmp_path, documents):
    expected = [validator_says(tmp_path, validator, data) for data in documents]
    kept = [(data, said) for data, said in zip(documents, expected, strict=True) if said is not None]
    assert len(kept) >= 5, "most changed case studies should pass the schema, or this compares little"
    for (data, said), form in zip(kept, form_says([data for data, _ in kept]), strict=True):
        assert sorted(form) == sorted(said), json.dumps(data, ensure_ascii=False)[:3000]


# ---------------------------------------------------------------------------------------------
# The pieces the messages are made of, on any value: figures and "did you mean".


def run_module(script: str, payload: Any) -> Any:
    """Run `script` as an ES module in the front-end source tree, with `input` bound to payload."""
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: install it (the README's test command does)"
    prelude = "import fs from 'node:fs'; const input = JSON.parse(fs.readFileSync(0, 'utf8'));"
    result = subprocess.run(
        [node, "--input-type=module", "-e", prelude + script],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO / "frontend" / "proposal",
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@settings(max_examples=5, deadline=None)
@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=200, max_size=200))
def test_figures_are_written_as_python_writes_them(values):
    from generator.render.formatting import format_number

    script = (
        "const { formatNumber } = await import('./text.js');"
        "process.stdout.write(JSON.stringify(input.map(formatNumber)));"
    )
    assert run_module(script, values) == [format_number(value) for value in values]


@settings(max_examples=5, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text("abcde-", max_size=12), st.lists(st.text("abcde-", min_size=1, max_size=12), min_size=1, max_size=6)
        ),
        min_size=100,
        max_size=100,
    )
)
def test_the_guess_at_a_typing_slip_is_difflib_s(pairs):
    from generator.check.schema_messages import did_you_mean

    script = (
        "const { closeMatch } = await import('./close-match.js');"
        "process.stdout.write(JSON.stringify(input.map(([word, choices]) => closeMatch(word, choices))));"
    )
    assert run_module(script, pairs) == [did_you_mean(word, choices) for word, choices in pairs]
