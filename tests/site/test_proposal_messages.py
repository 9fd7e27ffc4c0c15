"""The proposal form's messages (frontend/proposal/messages.js, bundled into
docs/assets/proposal-form.js, over Ajv's errors, run in Node as the form runs it) are the
validator's messages (generator/check/schema_messages.py through SchemaValidator.problems):
for the same mistaken case study, the same fields with the same words.
The oracle is `practice validate`'s own code. The mistakes are hand-written, one for each kind
of message, and generated: in a case study with every field, any value put in place of any
other, or a field left out, or a field added.

Known differences, left out on purpose (the only ones):
- hints: the validator's "did you mean" comes from difflib, which the form does not port; only
  the messages are compared.
- more than ten unknown fields in one place: the validator lists the first ten and says how
  many there are; the form lists them all.
- which hundred errors, beyond a hundred: both stop there and say so, and both meet the fields
  in the schema's order, but not one field's own checks (jsonschema takes them in the schema's
  order, a list's repeats before its items; Ajv in its own). Where the hundredth error falls
  inside one field or one list the last few differ, so the hand-written cases stop between
  fields, and the generated ones stay far below a hundred.
- floats that JavaScript writes differently from Python (2.0 is "2", 1e-05 is "0.00001",
  1e+16 is "10000000000000000") and integers beyond 2**53, which a JavaScript number cannot
  hold: the generated numbers keep clear of both.
- characters unassigned in Python's Unicode tables: Python escapes them in a message as
  invisible, while Node's newer Unicode may know them as printable letters; the generated text
  draws only on characters Python knows (and on the non-characters U+FFFE and U+FFFF).
One more lies not in the words but in what Ajv and jsonschema refuse; the messages cannot mend
it, and test_what_ajv_and_jsonschema_refuse_differently pins it so that it stays in sight.
(U+FEFF in a web or email address was another, until issue 22: the patterns said `\\s`, which
ECMAScript reads as taking in U+FEFF and Python's `re` does not; they now list the characters
they allow, and the address is one of the hand-written cases below.)
- a value repeated in a list of text where the value is not text (5 twice) or is "__proto__":
  Ajv's quick check for repeats in a list of one simple type skips items of any other type
  (each has a message of its own) and, keeping the items as an object's keys, cannot see
  "__proto__". The validator says the list repeats a value; the form does not. The generated
  comparisons leave that message out where Ajv cannot give it.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.positions import PositionFinder
from generator.check.schema_validator import SchemaValidator
from generator.config.standards import unmet, unmet_message
from generator.config.taxonomy import Taxonomy
from generator.load.strict_yaml import load_yaml
from generator.problems import field_path
from tests.conftest import REPO

HARNESS = REPO / "tests" / "support" / "proposal_messages.cjs"
SCHEMA = json.loads((REPO / "schema" / "case-study.schema.json").read_text(encoding="utf-8"))
TAXONOMY = Taxonomy.load(REPO / "schema" / "taxonomy.yaml")
EVERY_FIELD = load_yaml((REPO / "tests" / "examples" / "positive" / "every-field.yaml").read_text(encoding="utf-8"))
BOM = "\ufeff"  # see the module's docstring

Place = tuple[str | int, ...]
Found = set[tuple[str, str]]


def form_messages(documents: list[Any], schema: dict[str, Any] = SCHEMA) -> list[Found]:
    """Per document, the (field, message) pairs the form shows: one run of Node for them all."""
    node = shutil.which("node")
    assert node, "Node.js is needed for this test: install it (the README's test command does)"
    for package in ("ajv", "ajv-formats"):
        assert (REPO / "node_modules" / package).is_dir(), "npm packages missing: run bash scripts/setup.sh test"
    result = subprocess.run(
        [node, str(HARNESS)],
        input=json.dumps({"schema": schema, "documents": documents}),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout)
    return [{(problem["field"], problem["message"]) for problem in answer} for answer in answers]


def validator_messages(validator: SchemaValidator, data: Any) -> Found:
    """The (field, message) pairs `practice validate` reports for what the schema says, and for
    the ratings' standards it applies once the schema accepts a file (the form has them from
    the published schema). The text only places each problem at a line and column, which the
    form has no use for: an empty one will do."""
    found = {
        (problem.field, problem.message) for problem in validator.problems(data, "proposal.yaml", PositionFinder(""))
    }
    if found:
        return found
    rating = TAXONOMY.ratings[data["evidence"]["rating"]]
    return {
        ("evidence.rating", unmet_message(rating.id, rating.standard, key, TAXONOMY.labels())[0])
        for _, key in unmet(rating.standard, data, TAXONOMY.outputs)
    }


@pytest.fixture(scope="module")
def validator() -> SchemaValidator:
    return SchemaValidator(SCHEMA)


# ---------------------------------------------------------------------------------------------
# Hand-written mistakes: one for each kind of message.


def changed(path: Place, value: Any) -> Any:
    data = copy.deepcopy(EVERY_FIELD)
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    holder[last] = value
    return data


def removed(path: Place) -> Any:
    data = copy.deepcopy(EVERY_FIELD)
    *parents, last = path
    holder = data
    for step in parents:
        holder = holder[step]
    del holder[last]
    return data


def added(path: Place, **fields: Any) -> Any:
    data = copy.deepcopy(EVERY_FIELD)
    holder = data
    for step in path:
        holder = holder[step]
    holder.update(fields)
    return data


def many_problems(bad_themes: int) -> Any:
    """`bad_themes` unknown themes, a partner too short, and a contact with three unknown fields
    but no organisation: jsonschema counts the three unknown fields as one error, where Ajv gives
    one for each (the missing field is one error in both)."""
    data = changed(("themes",), [f"theme-{n}" for n in range(bad_themes)])
    data["partners"][0] = "x"
    data["contact"].update({f"extra_{n}": n for n in range(3)})
    del data["contact"]["organisation"]
    return data


REPEATED = "lists the same value more than once"
REPEATED_PARTNERS = ("partners", REPEATED)
NOT_VISIBLE = "has no visible text (only spaces, line breaks or invisible characters)"
YAML_BOOLEAN = "(YAML reads yes/no/on/off as true/false; put the text in quotes)"

# name -> (the mistaken case study, the field, the message the validator gives for it)
MISTAKES: dict[str, tuple[Any, str, str]] = {
    # the case study as a whole
    "a list for a case study": ([], "", "expected a set of fields (name: value), found a list"),
    "an empty file": (None, "", "expected a set of fields (name: value), found nothing (the value is empty)"),
    # required
    "missing field": (removed(("summary",)), "summary", "missing required field 'summary'"),
    "missing nested field": (removed(("period", "end")), "period.end", "missing required field 'end'"),
    "missing field in a list": (
        removed(("costs", 0, "currency")),
        "costs[0].currency",
        "missing required field 'currency'",
    ),
    # type
    "number for text": (changed(("title",), 5), "title", "expected text, found the number 5"),
    "fraction for text": (changed(("title",), 2.5), "title", "expected text, found the number 2.5"),
    "text for a whole number": (
        changed(("period", "start"), "2011"),
        "period.start",
        "expected a whole number, found text",
    ),
    "fraction for a whole number": (
        changed(("period", "start"), 2011.5),
        "period.start",
        "expected a whole number, found the number 2011.5",
    ),
    "text for a number": (
        changed(("outcomes", 0, "baseline", "value"), "120 children"),
        "outcomes[0].baseline.value",
        "expected a number, found text",
    ),
    "list for text": (changed(("title",), ["Every field"]), "title", "expected text, found a list"),
    "mapping for text": (changed(("title",), {"a": "b"}), "title", "expected text, found a set of fields"),
    "text for a list": (changed(("themes",), "safeguarding"), "themes", "expected a list, found text"),
    "list for a mapping": (
        changed(("audience",), ["primary"]),
        "audience",
        "expected a set of fields (name: value), found a list",
    ),
    "true for text": (changed(("title",), True), "title", f"expected text, found true {YAML_BOOLEAN}"),
    "false for a number": (
        changed(("costs", 0, "amount"), False),
        "costs[0].amount",
        f"expected a number, found false {YAML_BOOLEAN}",
    ),
    "nothing for text": (changed(("title",), None), "title", "expected text, found nothing (the value is empty)"),
    # enum
    "region not allowed": (changed(("region",), "yorkshire"), "region", "'yorkshire' is not an allowed value"),
    "theme misspelt": (changed(("themes", 0), "safegaurding"), "themes[0]", "'safegaurding' is not an allowed value"),
    "long value quoted in part": (
        changed(("model", "role"), "x" * 70),
        "model.role",
        f"'{'x' * 60}…' is not an allowed value",
    ),
    "invisible character in a value shown escaped": (
        changed(("region",), "north\u202ewest"),
        "region",
        "'north\\u202ewest' is not an allowed value",
    ),
    # not
    "reserved id": (changed(("id",), "index"), "id", "'index' is reserved"),
    # minLength and maxLength, counted in characters (an emoji is one, not two UTF-16 units)
    "too short": (changed(("title",), "ab"), "title", "is 2 characters long; it must be at least 3"),
    "too short in emoji": (changed(("title",), "😀😀"), "title", "is 2 characters long; it must be at least 3"),
    "too long": (changed(("headline",), "x" * 161), "headline", "is 161 characters long; it must be at most 160"),
    "too long in emoji": (
        changed(("headline",), "😀" * 161),
        "headline",
        "is 161 characters long; it must be at most 160",
    ),
    "too long in a list": (
        changed(("partners", 1), "p" * 161),
        "partners[1]",
        "is 161 characters long; it must be at most 160",
    ),
    # minItems, maxItems and minProperties
    "empty list": (changed(("themes",), []), "themes", "must list at least 1 item"),
    "too many items": (
        changed(("implementation", "team"), [f"Role {n}" for n in range(31)]),
        "implementation.team",
        "must list at most 30 items",
    ),
    "no characteristics": (changed(("characteristics",), {}), "characteristics", "must name at least 1 entry"),
    # control characters: a text field may hold tab and newline, a one-line field neither
    "bell in text": (
        changed(("title",), "Every\x07field"),
        "title",
        "contains a control character (\\x07 at character 6)",
    ),
    "escape sequence in a long text": (
        changed(("description",), EVERY_FIELD["description"] + "\x1b[31m"),
        "description",
        f"contains a control character (\\x1b at character {len(EVERY_FIELD['description']) + 1})",
    ),
    "next-line character in text": (
        changed(("summary",), EVERY_FIELD["summary"].replace(" ", "\x85", 1)),
        "summary",
        "contains a control character (\\x85 at character 2)",
    ),
    "non-character in text": (
        changed(("setting",), "Family\ufffehomes"),
        "setting",
        "contains a control character (\\ufffe at character 7)",
    ),
    "control character after an emoji": (
        changed(("setting",), "😀😀\x01"),
        "setting",
        "contains a control character (\\x01 at character 3)",
    ),
    "carriage return in text": (
        changed(("setting",), "Family\r\nhomes"),
        "setting",
        "contains a control character (\\x0d at character 7)",
    ),
    "newline in a one-line field": (
        changed(("contact", "email"), "early.help@example.org\n"),
        "contact.email",
        "contains a control character (\\x0a at character 23)",
    ),
    "tab in a one-line field": (
        changed(("sources", 0, "url"), "https://www.example.org/\treport"),
        "sources[0].url",
        "contains a control character (\\x09 at character 25)",
    ),
    "newline after a date": (
        changed(("sources", 0, "date"), "2014\n"),
        "sources[0].date",
        "contains a control character (\\x0a at character 5)",
    ),
    "control character in a currency": (
        changed(("costs", 0, "currency"), "GB\x00"),
        "costs[0].currency",
        "contains a control character (\\x00 at character 3)",
    ),
    # has no visible text
    "only spaces": (changed(("title",), "     "), "title", NOT_VISIBLE),
    "only zero-width spaces": (changed(("title",), "\u200b\u200b\u200b"), "title", NOT_VISIBLE),
    "only line breaks and ideographic spaces": (changed(("setting",), "\n\u3000\n\u3000"), "setting", NOT_VISIBLE),
    "empty text": (changed(("title",), ""), "title", NOT_VISIBLE),
    # each form a pattern asks for
    "web address not http": (
        changed(("sources", 0, "url"), "ftp://www.example.org/report.pdf"),
        "sources[0].url",
        "'ftp://www.example.org/report.pdf' is not a web address starting http:// or https://",
    ),
    "web address with a space": (
        changed(("contact", "url"), "https://www.example.org/early help"),
        "contact.url",
        "'https://www.example.org/early help' is not a web address starting http:// or https://",
    ),
    "id with capitals": (
        changed(("id",), "Every_Field"),
        "id",
        "'Every_Field' is not a valid id: use lowercase letters, digits and single hyphens",
    ),
    "id with a double hyphen": (
        changed(("id",), "every--field"),
        "id",
        "'every--field' is not a valid id: use lowercase letters, digits and single hyphens",
    ),
    "date in the wrong form": (
        changed(("published",), "1 November 2026"),
        "published",
        "'1 November 2026' is not a date written YYYY-MM-DD, from 1970 on",
    ),
    "date before 1970": (
        changed(("last_reviewed",), "1969-12-31"),
        "last_reviewed",
        "'1969-12-31' is not a date written YYYY-MM-DD, from 1970 on",
    ),
    "date that does not exist": (
        changed(("published",), "2026-02-30"),
        "published",
        "'2026-02-30' is not a real date",
    ),
    "month that does not exist": (
        changed(("evidence", "rated_on"), "2026-13-01"),
        "evidence.rated_on",
        "'2026-13-01' is not a real date",
    ),
    "29 February outside a leap year": (
        changed(("published",), "2025-02-29"),
        "published",
        "'2025-02-29' is not a real date",
    ),
    "partial date in the wrong form": (
        changed(("sources", 0, "date"), "June 2014"),
        "sources[0].date",
        "'June 2014' is not a date written YYYY-MM-DD, YYYY-MM or YYYY, from 1900 on",
    ),
    "partial date with a one-digit month": (
        changed(("sources", 0, "date"), "2014-6"),
        "sources[0].date",
        "'2014-6' is not a date written YYYY-MM-DD, YYYY-MM or YYYY, from 1900 on",
    ),
    "email without a domain": (
        changed(("contact", "email"), "early.help@example"),
        "contact.email",
        "'early.help@example' is not an email address",
    ),
    "currency in lowercase": (
        changed(("costs", 0, "currency"), "gbp"),
        "costs[0].currency",
        "'gbp' is not a three-letter currency code such as GBP",
    ),
    "currency as a symbol": (
        changed(("claimed_savings", 0, "currency"), "£££"),
        "claimed_savings[0].currency",
        "'£££' is not a three-letter currency code such as GBP",
    ),
    # minimum and maximum, the limit written with thousands separators
    "year too early": (
        changed(("period", "start"), 1800),
        "period.start",
        "1800 is out of range: it must be at least 1,900",
    ),
    "year too late": (
        changed(("costs", 0, "price_year"), 2101),
        "costs[0].price_year",
        "2101 is out of range: it must be at most 2,100",
    ),
    "negative figure": (
        changed(("outcomes", 0, "baseline", "value"), -1),
        "outcomes[0].baseline.value",
        "-1 is out of range: it must be at least 0",
    ),
    "figure too large": (
        changed(("costs", 0, "amount"), 2_000_000_000_000),
        "costs[0].amount",
        "2000000000000 is out of range: it must be at most 1,000,000,000,000",
    ),
    "percent below -100": (
        changed(("outcomes", 0, "change", "percent"), -150.5),
        "outcomes[0].change.percent",
        "-150.5 is out of range: it must be at least -100",
    ),
    "percent too large": (
        changed(("outcomes", 0, "change", "percent"), 100001),
        "outcomes[0].change.percent",
        "100001 is out of range: it must be at most 100,000",
    ),
    # exclusiveMinimum and exclusiveMaximum: an interval's level is a percent strictly between 0 and 100
    "interval level of 0": (
        changed(("outcomes", 0, "effect", "interval", "level"), 0),
        "outcomes[0].effect.interval.level",
        "0 is out of range: it must be more than 0",
    ),
    "interval level of 100": (
        changed(("outcomes", 0, "effect", "interval", "level"), 100),
        "outcomes[0].effect.interval.level",
        "100 is out of range: it must be less than 100",
    ),
    # oneOf
    "amount and a range": (
        added(("costs", 0), amount_range={"low": 1, "high": 2}),
        "costs[0]",
        "give one of 'amount' or 'amount_range', not both",
    ),
    "neither amount nor range": (
        removed(("claimed_savings", 0, "amount_range")),
        "claimed_savings[0]",
        "give one of 'amount' or 'amount_range'",
    ),
    "end as words": (changed(("period", "end"), "still going"), "period.end", "'still going' is not allowed here"),
    "end too early": (changed(("period", "end"), 1800), "period.end", "the number 1800 is not allowed here"),
    "end as true": (changed(("period", "end"), True), "period.end", f"true {YAML_BOOLEAN} is not allowed here"),
    "end as a list": (changed(("period", "end"), [2014]), "period.end", "a list is not allowed here"),
    # additionalProperties
    "misspelt field": (added((), localty="Leeds"), "localty", "unknown field 'localty'"),
    "unknown nested field": (added(("period",), finish=2014), "period.finish", "unknown field 'finish'"),
    "unknown characteristic": (
        added(("characteristics",), evaluation="A statement long enough to count."),
        "characteristics.evaluation",
        "unknown field 'evaluation'",
    ),
    "unknown field with a control character": (
        added(("contact",), **{"ph\x1bone": "0113"}),
        "contact.ph\x1bone",
        "unknown field 'ph\\x1bone'",
    ),
    "unknown field with a long name": (
        added(("contact",), **{"n" * 70: "x"}),
        "contact." + "n" * 70,
        f"unknown field '{'n' * 60}…'",
    ),
    "ten unknown fields": (
        added(("sources", 0), **{f"extra_{n}": n for n in range(10)}),
        "sources[0].extra_9",
        "unknown field 'extra_9'",
    ),
    # the validator's limit of a hundred errors, which the form keeps too
    "a hundred errors": (many_problems(97), "contact.organisation", "missing required field 'organisation'"),
    "more than a hundred errors": (many_problems(99), "", "more than 100 problems; fix these first"),
    # uniqueItems
    "theme twice": (
        changed(("themes",), ["safeguarding", "youth", "safeguarding"]),
        "themes",
        "lists the same value more than once",
    ),
    "partner twice": (
        changed(("partners",), ["Example Police", "Example Police"]),
        "partners",
        "lists the same value more than once",
    ),
    "too many roles, some twice": (
        changed(("implementation", "team"), ["Key workers"] * 31),
        "implementation.team",
        "must list at most 30 items",
    ),
}

MISTAKES["a rating its evidence does not support"] = (
    {
        **changed(("evidence", "rating"), "fully-validated"),
        "sources": [{**EVERY_FIELD["sources"][0], "access": "secondary"}],
    },
    "evidence.rating",
    unmet_message("fully-validated", TAXONOMY.ratings["fully-validated"].standard, "outcome", TAXONOMY.labels())[
        0
    ],  # the validator's own sentence, which the form must repeat
)

# Mistakes that are none: what the form must let through as the validator does.
NOT_MISTAKES: dict[str, Any] = {
    "every field": EVERY_FIELD,
    "newline and tab in text": changed(("title",), "Every field\n\tfilled in"),
    "emoji at the longest": changed(("headline",), "😀" * 160),
    "emoji at the shortest": changed(("title",), "😀😀😀"),
    "still going": changed(("period", "end"), "ongoing"),
    "leap day": changed(("published",), "2024-02-29"),
    "year-only date": changed(("sources", 0, "date"), "2014"),
    "a whole number written as a fraction": changed(("period", "start"), 2011.0),
}


@pytest.fixture(scope="module")
def answers() -> dict[str, Found]:
    """The form's messages for every hand-written case study, from one run of Node."""
    named = {name: data for name, (data, _, _) in MISTAKES.items()} | NOT_MISTAKES
    return dict(zip(named, form_messages(list(named.values())), strict=True))


@pytest.mark.parametrize("name", MISTAKES)
def test_the_form_words_each_mistake_as_the_validator_does(name, validator, answers):
    data, field, message = MISTAKES[name]
    expected = validator_messages(validator, data)
    assert (field, message) in expected, f"the case no longer makes its mistake: {sorted(expected)}"
    assert answers[name] == expected


@pytest.mark.parametrize("name", NOT_MISTAKES)
def test_the_form_lets_through_what_the_validator_accepts(name, validator, answers):
    assert validator_messages(validator, NOT_MISTAKES[name]) == set()
    assert answers[name] == set()


def test_messages_the_case_study_schema_has_no_field_for(validator):
    """Wordings no field of the schema can reach today (every text field also needs visible
    text, const sits only inside a oneOf, every pattern but the visible-text one belongs to a
    field named in _pattern_message), checked on a small schema of their own. (A keyword with
    no wording of its own would fall back to each library's message, which differ; the schema
    uses none.)"""
    schema = {
        "type": "object",
        "properties": {
            "note": {"type": "string", "minLength": 1, "description": "A note."},
            "kind": {"const": "case-study"},
            "tags": {"type": "array", "maxItems": 1},
            "code": {"type": "string", "pattern": "^[0-9]+$"},
        },
    }
    documents = [{"note": ""}, {"kind": "other"}, {"tags": ["a", "b"]}, {"code": "x1"}]
    wanted = [
        {("note", "is empty")},
        {("kind", "must be 'case-study'")},
        {("tags", "must list at most 1 item")},
        {("code", "'x1' is not in the expected form")},
    ]
    small = SchemaValidator(schema)
    assert [validator_messages(small, data) for data in documents] == wanted
    assert form_messages(documents, schema) == wanted


def test_a_byte_order_mark_in_an_address_is_refused_alike(validator):
    """Once a known difference: the pattern's \\s took U+FEFF in ECMAScript and not in Python.
    Now the character rule refuses it first, in both."""
    address = changed(("contact", "url"), f"https://www.example.org/{BOM}")
    message = {("contact.url", "contains a control character (\\ufeff at character 25)")}
    assert form_messages([address]) == [message]
    assert not validator.is_valid(address)
    assert validator_messages(validator, address) == message


def test_what_ajv_and_jsonschema_refuse_differently(validator):
    """The known difference in verdict (see the module's docstring). Once Ajv looks at every
    item for repeats, the two agree and these become hand-written cases."""
    numbers = changed(("partners",), [5, 5])
    keys = changed(("partners",), ["__proto__", "__proto__"])
    five = "expected text, found the number 5"
    assert form_messages([numbers, keys]) == [{("partners[0]", five), ("partners[1]", five)}, set()]
    assert validator_messages(validator, numbers) == {("partners[0]", five), ("partners[1]", five), REPEATED_PARTNERS}
    assert validator_messages(validator, keys) == {REPEATED_PARTNERS}


# ---------------------------------------------------------------------------------------------
# Generated mistakes: any value anywhere.


def places(data: Any, at: Place = ()) -> list[Place]:
    """The path of every value in `data`: the mappings and lists as well as what they hold."""
    found = [at] if at else []
    if isinstance(data, dict):
        found += [p for key, value in data.items() for p in places(value, (*at, key))]
    elif isinstance(data, list):
        found += [p for index, value in enumerate(data) for p in places(value, (*at, index))]
    return found


def value_at(data: Any, path: Place) -> Any:
    for step in path:
        data = data[step]
    return data


PLACES = places(EVERY_FIELD)
FIELDS = [p for p in PLACES if isinstance(p[-1], str)]
MAPPINGS = [p for p in [(), *PLACES] if isinstance(value_at(EVERY_FIELD, p), dict)]

# Characters that make the messages differ if anything does: controls (C0, C1, U+FFFE/U+FFFF),
# invisible ones (zero-width, direction marks, odd spaces), and emoji beyond UTF-16's first plane.
SPECIAL = st.sampled_from(
    [chr(c) for c in [*range(0x00, 0x21), *range(0x7F, 0xA1)]]
    + ["\u00ad", "\u200b", "\u200d", "\u202e", "\u2028", "\u2029", "\u3000", "\ufffe", "\uffff"]
    + ["😀", "\U000e0001", "\U0001d11e", "é", "£", "-", "@", ".", "/", ":", "~"]
)
CHARACTERS = st.one_of(st.characters(exclude_categories=("Cs", "Cn"), exclude_characters=[BOM]), SPECIAL)
# Values a field might nearly accept: the schema's own words, and near misses of its forms.
NEAR = st.sampled_from(
    ["ongoing", "index", "GBP", "gbp", "north-west", "safeguarding", "promising", "adopted", "evaluation",
     "2026-11-01", "2026-02-30", "2026-13-01", "1969-01-01", "2014-06", "2014", "14", "https://example.org",
     "http://x", "ftp://x", "https://a b", "a@b.c", "a@b", "every-field", "Every-Field", "a--b", "", " ", "\n"]
)  # fmt: skip
TEXT = st.one_of(
    NEAR,
    st.text(CHARACTERS, max_size=30),
    st.builds(lambda c, n: c * n, CHARACTERS, st.integers(0, 700)),  # across every length limit
    st.builds(lambda a, b: a + b, NEAR, st.text(CHARACTERS, max_size=3)),
)
# Numbers that Python and JavaScript write alike (see the module's docstring).
INTEGER = st.one_of(
    st.sampled_from([-101, -100, -1, 0, 1899, 1900, 2100, 2101, 100_000, 100_001, 10**12, 10**12 + 1]),
    st.integers(-(2**53), 2**53),
)
FRACTION = st.floats(-1e15, 1e15).filter(lambda x: not x.is_integer() and abs(x) >= 1e-4)
SCALAR = st.one_of(TEXT, INTEGER, FRACTION, st.booleans(), st.none())
NESTED = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(TEXT, inner, max_size=3)),
    max_leaves=6,
)
VALUE = st.one_of(TEXT, SCALAR, NESTED)  # mostly text: most fields are text, with most to say about it
# One change to the case study with every field: a value replaced, a field left out, a field added.
CHANGE = st.one_of(
    st.tuples(st.just("replace"), st.sampled_from(PLACES), VALUE),
    st.tuples(st.just("remove"), st.sampled_from(FIELDS), st.none()),
    st.tuples(st.just("add"), st.sampled_from(MAPPINGS), st.tuples(TEXT, VALUE)),
)


def text_lists(schema: dict[str, Any], at: Place = ()) -> list[Place]:
    """The lists of text that must not repeat a value: those Ajv checks quickly."""
    found = []
    for name, child in schema.get("properties", {}).items():
        if child.get("uniqueItems") and child.get("items", {}).get("type") == "string":
            found.append((*at, name))
        found += text_lists(child, (*at, name))
    return found


TEXT_LISTS = text_lists(SCHEMA)


def repeats_ajv_misses(data: Any) -> Found:
    """The validator's "repeats a value" messages that Ajv cannot give: for a list of text whose
    only repeats are values that are not text, or "__proto__" (see the module's docstring)."""
    missed = set()
    for place in TEXT_LISTS:
        try:
            items = value_at(data, place)
        except (KeyError, IndexError, TypeError):
            continue
        if not isinstance(items, list):
            continue
        seen = [item for item in items if isinstance(item, str) and item != "__proto__"]
        if len(set(seen)) == len(seen):
            missed.add((field_path(place), REPEATED))
    return missed


def apply(change: tuple[str, Place, Any]) -> Any:
    action, place, value = change
    if action == "replace":
        return changed(place, value)
    if action == "remove":
        return removed(place)
    name, field_value = value
    return added(place, **{name: field_value})


@settings(
    max_examples=4,  # each example is one run of Node over 50 case studies
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(st.lists(CHANGE, min_size=50, max_size=50))
def test_the_form_words_any_change_as_the_validator_does(validator, changes):
    documents = [apply(change) for change in changes]
    for change, data, form in zip(changes, documents, form_messages(documents), strict=True):
        expected = validator_messages(validator, data) - repeats_ajv_misses(data)
        assert form == expected, (
            f"after {change!r}: the form alone says {sorted(form - expected)}, "
            f"the validator alone says {sorted(expected - form)}"
        )
