"""uniqueItems in one pass agrees with JSON Schema's pairwise comparison."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from generator.check.unique_items import canonical

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 3) | st.floats(-3, 3, allow_nan=False) | st.text(max_size=2),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(json_values, max_size=6))
def test_duplicates_found_by_canonical_form_are_those_jsonschema_finds(items):
    pairwise = Draft7Validator({"uniqueItems": True}).is_valid(items)  # the library's own comparison
    assert (len({canonical(item) for item in items}) == len(items)) == pairwise
