"""Derive the JSON Schema's controlled vocabularies from the taxonomy.

The schema is a committed file so that editors' YAML tooling can use it directly; this
module is the one place that says which part of it each vocabulary fills. A test checks
that the committed schema equals `synced(schema, taxonomy)`, so the two cannot drift.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

from generator.config.rating_schema import is_rating_condition, rating_conditions
from generator.config.taxonomy import Taxonomy
from generator.config.web_address import MAX_URL_LENGTH, URL_PATTERN
from generator.impact import NO_IMPACT_EVIDENCE

# definitions/<name> in the schema -> taxonomy vocabulary whose ids are its enum
ENUM_DEFINITIONS = {
    "themeId": "themes",
    "ratingId": "ratings",
    "regionId": "regions",
    "evidenceBasisId": "evidence_bases",
    "ageGroupId": "age_groups",
    "outcomeDomainId": "outcome_domains",
    "sourceKindId": "source_kinds",
    "modelId": "models",
    "designId": "designs",
    "sourceAccessId": "source_access",
    "directionId": "directions",
}


# Characters no text field may hold: C0 and C1 controls (tab and newline excepted in text);
# the direction controls (an unterminated override reverses the site's own text around a
# locality or title, and a right-to-left mark beside "974 / 515" shows "515 / 974"); the line
# and paragraph separators and U+FEFF, which YAML readers disagree on (a double-quoted "\\L"
# writes one); and the non-characters U+FFFE and U+FFFF. They are invisible, break XML (the
# Atom feed) and terminals, and once broke the site's Markdown handling. Checked by an
# unanchored search: linear in every regex engine, and the same in Python (whose `$` also
# matches before a final newline) and ECMAScript. Fields with a pattern of their own (web
# addresses, codes, dates) are single lines, so newline and tab are refused there too.
# Messages find the character with the same pattern (check/schema_messages.py, and the form's
# frontend/proposal/messages.js).
#
# The direction controls: the Arabic letter mark, the left-to-right and right-to-left marks,
# the embeddings and overrides, and the isolates. frontend/search/results.js leaves them out of a
# query it shows.
DIRECTION_CONTROLS = ((0x061C, 0x061C), (0x200E, 0x200F), (0x202A, 0x202E), (0x2066, 0x2069))
# Invisible characters that can carry hidden text or none (Unicode's default-ignorable ones
# with no place in English prose): the Mongolian variation selectors, the word joiner and
# invisible operators, the deprecated format characters, the specials U+FFF0-U+FFF8, the
# shorthand format controls, the musical format characters, and the tag characters
# (U+E0000-U+E0FFF: "ignore this" spelt in them is invisible on the page, but not in the open
# data). Those prose does use (zero-width joiner and non-joiner, soft hyphen, the variation
# selectors of emoji) are allowed; a text of nothing else has "no visible text" (VISIBLE).
HIDDEN_TEXT = (
    (0x180B, 0x180F),
    (0x2060, 0x2065),
    (0x206A, 0x206F),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
)
FORBIDDEN_RANGES = (
    (0x00, 0x08),
    (0x0B, 0x1F),
    (0x7F, 0x9F),
    *DIRECTION_CONTROLS,
    *HIDDEN_TEXT,
    (0x2028, 0x2029),
    (0xFEFF, 0xFEFF),
    (0xFFFE, 0xFFFF),
)
LINE_ONLY_FORBIDDEN = ((0x09, 0x0A),)  # tab and newline: allowed in text, not in a single line


def _character_class(ranges: tuple[tuple[int, int], ...]) -> str:
    merged: list[list[int]] = []
    for low, high in sorted(ranges):
        if merged and low <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], high)
        else:
            merged.append([low, high])
    return "[" + "".join(_code(low) + (f"-{_code(high)}" if high > low else "") for low, high in merged) + "]"


def _code(point: int) -> str:
    """A character in a pattern: \\uXXXX in the Basic Multilingual Plane; beyond it, the character
    itself (Python's re, ECMAScript with the u flag Ajv uses, and jsonschema-rs read a literal
    alike, but share no escape for it), which `dump` writes into the file as a JSON escape."""
    return f"\\u{point:04X}" if point <= 0xFFFF else chr(point)


TEXT_CHARACTERS = {"not": {"pattern": _character_class(FORBIDDEN_RANGES)}}
DIRECTION_CLASS = _character_class(DIRECTION_CONTROLS)  # the search page leaves these out of a quoted query
LINE_CHARACTERS = {"not": {"pattern": _character_class(FORBIDDEN_RANGES + LINE_ONLY_FORBIDDEN)}}
# At least one character that shows: not only spaces, line breaks or zero-width characters.
VISIBLE = (
    "[^\\t\\n\\u000B\\u000C\\r \\u00A0\\u00AD\\u034F\\u061C\\u115F\\u1160\\u1680\\u17B4\\u17B5\\u180E"
    "\\u2000-\\u200F\\u2028-\\u202F\\u205F-\\u2064\\u2800\\u3000\\u3164\\uFE00-\\uFE0F\\uFEFF\\uFFA0]"
)
CHARACTER_RULES = {"textCharacters": TEXT_CHARACTERS, "lineCharacters": LINE_CHARACTERS}


def synced(schema: dict[str, Any], taxonomy: Taxonomy) -> dict[str, Any]:
    """A copy of `schema` whose enums and characteristic keys come from `taxonomy`, and whose
    every free-text field refuses control characters and text with nothing visible."""
    result = copy.deepcopy(schema)
    definitions = result["definitions"]
    definitions.update(copy.deepcopy(CHARACTER_RULES))
    definitions["httpUrl"]["pattern"] = URL_PATTERN
    definitions["httpUrl"]["maxLength"] = MAX_URL_LENGTH
    _add_character_rules(result)
    for definition, vocabulary_name in ENUM_DEFINITIONS.items():
        definitions[definition]["enum"] = getattr(taxonomy, vocabulary_name).ids
    definitions["impactEvidenceId"]["enum"] = [*taxonomy.designs.ids, NO_IMPACT_EVIDENCE]  # model.impact_evidence
    characteristics = result["properties"]["characteristics"]
    characteristics["properties"] = {
        term.id: {
            "$ref": "#/definitions/characteristicStatement",
            "description": f"{term.label}. {term.description} {term.guidance}".strip(),
        }
        for term in taxonomy.characteristics.terms
    }
    kept = [node for node in result.get("allOf", []) if not is_rating_condition(node)]
    result["allOf"] = kept + rating_conditions(taxonomy)
    return result


def _add_character_rules(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _add_character_rules(item)
        return
    if not isinstance(node, dict):
        return
    if node.get("type") == "string" and "enum" not in node and "const" not in node:
        # A field's own pattern is anchored (^...$: an id, an address, a date, a code); the
        # visible-text rule is not, and may change without making every field look like one.
        own_pattern = str(node.get("pattern", "")).startswith("^")
        node["allOf"] = [{"$ref": f"#/definitions/{'lineCharacters' if own_pattern else 'textCharacters'}"}]
        if not own_pattern:
            node["pattern"] = VISIBLE
    for key, value in node.items():
        if key not in CHARACTER_RULES and key != "allOf":
            _add_character_rules(value)


def dump(schema: dict[str, Any]) -> str:
    """The schema as JSON, readable (a "£" stays one), with every character that does not show
    written as its JSON escape, so the file holds nothing invisible."""
    text = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return "".join(c if c.isprintable() or c == "\n" else json.dumps(c)[1:-1] for c in text)


def write_synced(schema_path: Path, schema: dict[str, Any], taxonomy: Taxonomy) -> bool:
    """Rewrite the schema file (whose parsed JSON is `schema`) from the taxonomy; True if it changed."""
    current = schema_path.read_text(encoding="utf-8")
    updated = dump(synced(schema, taxonomy))
    if updated == current:
        return False
    schema_path.write_text(updated, encoding="utf-8")
    return True
