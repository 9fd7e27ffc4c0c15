"""`uniqueItems` in linear time, for the detailed (Python) validator.

The jsonschema library compares every pair of items when they cannot be sorted or hashed (a
list of mappings): a 256 KB list of 22,000 distinct mappings took 449 s. Here each item gets a
hashable canonical form, compared as JSON Schema compares values (1 equals 1.0; true does not
equal 1; mappings regardless of key order), so duplicates are found in one pass.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def canonical(value: Any) -> Any:
    if isinstance(value, bool) or value is None:
        return ("literal", value)
    if isinstance(value, (int, float)):
        return ("number", value)  # 1 == 1.0 and hash(1) == hash(1.0) in Python, as JSON Schema wants
    if isinstance(value, str):
        return ("text", value)
    if isinstance(value, list):
        return ("list", tuple(canonical(item) for item in value))
    if isinstance(value, dict):
        return ("map", frozenset((key, canonical(item)) for key, item in value.items()))
    return ("other", repr(value))


def unique_items(validator: Any, unique: bool, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
    from jsonschema.exceptions import ValidationError

    if not unique or not validator.is_type(instance, "array"):
        return
    seen: set[Any] = set()
    for item in instance:
        key = canonical(item)
        if key in seen:
            yield ValidationError(f"{instance!r:.80} has non-unique elements")
            return
        seen.add(key)
