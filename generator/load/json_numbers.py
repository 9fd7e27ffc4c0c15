"""Numbers as plain decimals, and what YAML 1.1 would have made of the others.

A figure is written out in digits, with at most MAX_DECIMAL_PLACES after the point, no
exponent and no negative zero: so it prints the same on every page, in the CSV, the JSON and
the feed, in Python and in JavaScript (1.0e-400 was silently 0; 5e-324 made "+inf%"; -0.0
printed "-0"). How large a figure may be is the schema's to say (its minimum and maximum).

YAML 1.1 (PyYAML's dialect) reads `1:20` as 80 (base 60), `010` as 8 (octal), `0x1F`,
`1_000`, `.nan` and `.inf` as numbers: a figure an editor typed would silently change, or
become a value JSON cannot hold. The strict loader asks this module to refuse them.
"""

from __future__ import annotations

import re

import yaml

from generator.load.yaml_problem import YamlProblem
from generator.problems import escape_invisible

# Numbers as JSON writes them. Matched against a plain scalar the resolver already read as a
# number (short by construction: YAML's own number patterns), with fullmatch: linear.
JSON_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
JSON_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")
MAX_DIGITS = 15  # beyond this a figure cannot be exact in JSON (2**53); Python refuses int() past 4,300
# A figure has at most this many digits after the point: enough for a rate (0.0125) or an effect
# size, and few enough that every figure prints as a plain decimal in Python (whose repr turns
# to e-notation below 0.0001) and in JavaScript, so no page, CSV, JSON or feed shows 1e-05.
MAX_DECIMAL_PLACES = 4


def json_number(node: yaml.Node, form: re.Pattern[str], kind: str) -> str:
    text = node.value
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS and (text[0] != "0" or len(text) == 1):
        return text  # plain digits, as nearly every figure is: no pattern needed
    if not form.fullmatch(text):
        raise number_problem(
            node,
            f"is not written as {kind}: YAML would read it as {_yaml_reading(text)}",
            "write the number in plain digits (80, 0.5, -12), or put it in quotes if it is text",
        )
    mantissa, exponent, _ = text.lower().partition("e")  # -?digits(.digits)?, as the form requires
    if exponent:  # 1.0e-400 reads as 0, 5e-324 as a denormal: every figure is written out
        raise number_problem(
            node, "is written in e-notation", "write the number out as a plain decimal, e.g. 0.0005 or 2500000"
        )
    if len(mantissa) - mantissa.count("-") - mantissa.count(".") > MAX_DIGITS:
        raise number_problem(node, f"has more than {MAX_DIGITS} digits")
    decimals = len(mantissa.partition(".")[2])
    if decimals > MAX_DECIMAL_PLACES:
        raise number_problem(
            node,
            f"has more than {MAX_DECIMAL_PLACES} digits after the decimal point",
            f"round it to {MAX_DECIMAL_PLACES} decimal places, as the source would print it",
        )
    if mantissa.startswith("-") and not mantissa.strip("-0."):
        raise number_problem(node, "is a negative zero", "write 0")
    return text


def _yaml_reading(text: str) -> str:
    lowered = text.lower()
    if ":" in text:
        return "a number in base 60 (as a time of day is)"
    if lowered in (".nan", "+.nan", "-.nan"):
        return "'not a number'"
    if "inf" in lowered:
        return "infinity"
    if lowered.startswith(("0x", "-0x", "+0x")):
        return "a hexadecimal number"
    if lowered.startswith(("0b", "-0b", "+0b")):
        return "a binary number"
    if "_" in text:
        return "a number with its underscores removed"
    if text.lstrip("+-").startswith("0") and text.lstrip("+-") != "0":
        return "an octal number (010 is 8)"
    return "a number written another way"


def number_problem(node: yaml.Node, message: str, hint: str = "give a smaller figure") -> YamlProblem:
    shown = escape_invisible(node.value if len(node.value) <= 40 else node.value[:40] + "…")
    return YamlProblem(f"'{shown}' {message}", node.start_mark.line, node.start_mark.column, hint)
