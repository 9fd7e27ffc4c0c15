"""Find the line and column of a field in YAML text, for error messages.

Positions come from libyaml's node tree, composed on the first look-up: only files with a
problem to locate pay for it (the data itself is built from libyaml's events without a tree,
generator/load/from_events.py). Only text that generator.load.strict_yaml.load_yaml has
accepted may be given: its guard is what makes composing it safe (no deep nesting, no
aliases).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

import yaml


class PositionFinder:
    def __init__(self, text: str):
        self.text = text

    @cached_property
    def root(self) -> yaml.Node | None:
        try:
            return yaml.compose(self.text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            return None

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int | None, int | None]:
        """1-based (line, column) of the value at `path`, or of its key when `key` is True.

        Falls back to the deepest ancestor that exists, so a missing field points at the
        mapping it is missing from. (None, None) when the text cannot be parsed.
        """
        node = self.root
        if node is None:
            return None, None
        mark = node.start_mark
        for step in path:
            found = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == step:
                        found = value_node
                        mark = key_node.start_mark if key else value_node.start_mark
                        break
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                found = node.value[step]
                mark = found.start_mark
            if found is None:
                break
            node = found
        if node is not self.root and not key and isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            # A block scalar's text starts on the line after its | or > indicator.
            return mark.line + 2, None
        return mark.line + 1, mark.column + 1
