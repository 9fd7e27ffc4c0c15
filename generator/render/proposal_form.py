"""The fields of the "Propose a case study" form, read from the published JSON Schema.

The schema is the one definition of a case study: each field's label is its `title`, its
help its `description`, its widget follows from its type, and the choices of a controlled
list come from the taxonomy with their descriptions. Only the grouping into steps (STEPS) and the
form's plain-language help (FORM_HELP) are decided apart, in proposal_form_words.py. A property
no step names still gets a field, in the last step, so nothing the schema asks for can be left
out of the form.

Why not a library such as @json-editor/json-editor: its bundle is 537 KB minified (2.17.2),
three times the form's whole script here; it renders a schema's structure (one object, with
a drop-down for every oneOf) rather than steps a practitioner follows; and its fields appear
only once its script has run, so the page would shift as it loads. The form is rendered here
into the page, and docs/assets/proposal-form.js only adds steps, checks, the draft and the
file: checking uses Ajv over the same schema, and writing YAML uses the yaml package, both
bundled from npm (scripts/bundle-form-libraries.mjs).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from generator.config.schema_sync import ENUM_DEFINITIONS
from generator.config.taxonomy import Taxonomy
from generator.load.json_numbers import MAX_DECIMAL_PLACES, MAX_DIGITS
from generator.render.proposal_form_words import FORM_HELP, STEPS

TEXTAREA_FROM = 301  # characters: longer fields get a box of several lines
RADIOS_UP_TO = 4  # a required choice among this many is shown as radio buttons, with each one's meaning
ITEM = "*"  # the path segment that stands for "each item" of a repeated group
# Bounds on what the form holds where the schema sets none. The page carries them (data-max-items,
# data-max-length) and proposal-form.js refuses a saved draft beyond them (a draft is untrusted
# input: any site of the same origin can write it).
ITEMS_AT_MOST = 200  # items of a repeated group, or lines of a list, when the schema gives no maxItems
TEXT_AT_MOST = 10_000  # characters of a text the schema gives no maxLength (a currency code, say)
FIGURE_TEXT_AT_MOST = 40  # characters in a box for a number: 15 digits, sign, point and commas are fewer
# Texts that are one word, not prose: a web address (asked in a box for addresses, which gives a
# phone its address keyboard) and an id (the case study's own, a source's); neither is spell-checked.
SINGLE_WORD_REFS = {"#/definitions/httpUrl": "address", "#/definitions/sourceId": "code"}
# Optional groups most proposals leave out, folded behind a "details" disclosure so that a step
# stays a few screens long on a phone; the form opens one when it holds an answer or a problem.
FOLDED = frozenset({"stopped", "model", "outcomes/*/comparison", "outcomes/*/sample", "outcomes/*/effect"})

_VOCABULARY_OF = {f"#/definitions/{name}": vocabulary for name, vocabulary in ENUM_DEFINITIONS.items()}


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    help: str = ""


@dataclass(frozen=True)
class FormField:
    """One question of the form. `path` is the value's place in the case study, with `*` for
    each item of a repeated group: outcomes/*/change/percent."""

    path: str
    label: str
    help: str
    # text, textarea, address (a web address), code (an id), whole-number, number, year-or-word, date,
    # select, radios, checkboxes, lines, group, repeat
    widget: str
    required: bool
    choices: tuple[Choice, ...] = ()
    children: tuple[FormField, ...] = ()
    max_length: int | None = None
    item_label: str = ""  # repeat: what one item is called ("outcome")
    max_items: int | None = None  # repeat and lines: how many the form takes
    # Numbers: digits after the point and digits in all that the validator's loader accepts
    # (generator.load.json_numbers), so the form refuses at the field what `practice validate` would.
    decimal_places: int | None = None
    max_digits: int | None = None
    folded: bool = False  # an optional group shown behind a disclosure (FOLDED)

    @property
    def text_cap(self) -> int | None:
        """The most characters an answer in the field's box can need: the schema's maxLength, a
        list's lines of it, or a bound where the schema sets none. None for choices and groups."""
        if self.widget in ("text", "textarea", "address", "code", "date"):
            return self.max_length or TEXT_AT_MOST
        if self.widget == "lines":
            return ((self.max_length or TEXT_AT_MOST) + 1) * (self.max_items or ITEMS_AT_MOST)
        if self.widget in ("whole-number", "year-or-word", "number"):
            return FIGURE_TEXT_AT_MOST
        return None

    @property
    def key(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def html_id(self) -> str:
        """An id for the field's control; `__i__` stands for the item number in a repeated group."""
        return "f-" + self.path.replace("/*/", "/__i__/").replace("/", "-")

    def walk(self) -> Iterator[FormField]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Step:
    number: int
    title: str
    intro: str
    fields: tuple[FormField, ...]

    @property
    def properties(self) -> list[str]:
        return [field.path for field in self.fields]


def proposal_steps(schema: Mapping[str, Any], taxonomy: Taxonomy) -> list[Step]:
    """The form's steps, each with its fields in the order asked."""
    reader = _SchemaReader(schema, taxonomy)
    root_fields = {name: field for name, field in reader.fields(schema, "")}
    placed = [name for _, _, names in STEPS for name in names]
    unplaced = [name for name in root_fields if name not in placed]
    steps = []
    for number, (title, intro, names) in enumerate(STEPS, start=1):
        names = names + tuple(unplaced) if number == len(STEPS) else names
        steps.append(Step(number, title, intro, tuple(root_fields[n] for n in names if n in root_fields)))
    return steps


class _SchemaReader:
    def __init__(self, schema: Mapping[str, Any], taxonomy: Taxonomy):
        self.definitions = schema.get("definitions", {})
        self.taxonomy = taxonomy

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """A node with its $ref followed; the node's own title and description win."""
        ref = node.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#/definitions/"):
            return node
        target = self.definitions[ref.removeprefix("#/definitions/")]
        return {**target, **{k: v for k, v in node.items() if k in ("title", "description")}}

    def fields(self, node: Mapping[str, Any], at: str) -> Iterator[tuple[str, FormField]]:
        required = set(node.get("required", []))
        for name, child in node.get("properties", {}).items():
            if child.get("readOnly"):  # worked out when the site is built (impact_evidence), never asked
                continue
            yield name, self.field(child, f"{at}/{name}".lstrip("/"), name in required, name)

    def field(self, raw: Mapping[str, Any], path: str, required: bool, name: str) -> FormField:
        node = self.resolve(raw)
        label = str(node.get("title") or _humane(name))
        help_text = FORM_HELP.get(path.replace(f"/{ITEM}/", "/*/"), str(node.get("description", "")))
        vocabulary = self._vocabulary(raw)
        parent_is_vocabulary = self._term(path)
        if parent_is_vocabulary is not None:  # characteristics/<id>: the characteristic's own name and meaning
            label, help_text = parent_is_vocabulary.label, parent_is_vocabulary.description
        kind = node.get("type")
        common = {"path": path, "label": label, "help": help_text, "required": required}
        if vocabulary is not None:
            widget = "radios" if required and len(vocabulary) <= RADIOS_UP_TO else "select"
            return FormField(widget=widget, choices=vocabulary, **common)
        if "enum" in node:
            choices = tuple(Choice(str(v), _humane(str(v))) for v in node["enum"])
            widget = "radios" if required and len(choices) <= RADIOS_UP_TO else "select"
            return FormField(widget=widget, choices=choices, **common)
        if "oneOf" in node and kind is None:
            return FormField(widget="year-or-word", decimal_places=0, max_digits=MAX_DIGITS, **common)
        if kind == "object":
            children = tuple(field for _, field in self.fields(node, path))
            folded = not required and path.replace(f"/{ITEM}/", "/*/") in FOLDED
            return FormField(widget="group", children=children, folded=folded, **common)
        if kind == "array":
            items = node.get("items", {})
            at_most = node.get("maxItems") if isinstance(node.get("maxItems"), int) else ITEMS_AT_MOST
            item_vocabulary = self._vocabulary(items)
            if item_vocabulary is not None:
                return FormField(widget="checkboxes", choices=item_vocabulary, **common)
            resolved = self.resolve(items)
            if resolved.get("type") == "object":
                children = tuple(field for _, field in self.fields(resolved, f"{path}/{ITEM}"))
                noun = str(items.get("title") or _singular(label)).lower()
                return FormField(widget="repeat", children=children, item_label=noun, max_items=at_most, **common)
            return FormField(widget="lines", max_length=resolved.get("maxLength"), max_items=at_most, **common)
        if kind == "integer":
            return FormField(widget="whole-number", decimal_places=0, max_digits=MAX_DIGITS, **common)
        if kind == "number":
            return FormField(widget="number", decimal_places=MAX_DECIMAL_PLACES, max_digits=MAX_DIGITS, **common)
        if node.get("format") == "date":
            return FormField(widget="date", max_length=10, **common)
        length = node.get("maxLength")
        if raw.get("$ref") in SINGLE_WORD_REFS or path == "id":
            return FormField(widget=SINGLE_WORD_REFS.get(raw.get("$ref"), "code"), max_length=length, **common)
        widget = "textarea" if isinstance(length, int) and length >= TEXTAREA_FROM else "text"
        return FormField(widget=widget, max_length=length, **common)

    def _vocabulary(self, node: Mapping[str, Any]) -> tuple[Choice, ...] | None:
        name = _VOCABULARY_OF.get(str(node.get("$ref", "")))
        if name is None:
            return None
        return tuple(Choice(t.id, t.label, t.description) for t in getattr(self.taxonomy, name).terms)

    def _term(self, path: str) -> Any:
        parent, _, key = path.rpartition("/")
        if parent == "characteristics" and key in self.taxonomy.characteristics:
            return self.taxonomy.characteristics[key]
        return None


def _humane(name: str) -> str:
    words = re.sub(r"[_-]+", " ", name).strip()
    return words[:1].upper() + words[1:]


def _singular(label: str) -> str:
    return label[:-1] if label.endswith("s") else label
