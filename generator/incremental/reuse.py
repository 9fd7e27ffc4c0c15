"""What a preview's rebuild can take from the build before it: the results of pure functions
whose inputs are the very objects the last build used.

A preview (`practice serve`) rebuilds the whole site on every save, but the check store
(check/cache.MemoryStore) hands back the same parsed data for every file that did not change.
Made from the same objects, a case study, its search record and its open-data entry are the
same as last time, so they are taken from here rather than made again; and because they are
the same objects, comparing this build's outputs with the last one's (incremental/rebuild)
stops at each one's identity instead of comparing 1,000 case studies field by field.

An input is matched by identity, except text, numbers and bytes, which are matched by value
(a path shown to editors is new text on every build). A result is kept while the builds use
it: whatever one build did not ask for is dropped at the next (`next_build`), so a long
preview holds one build's worth. A plain build never turns this on, so it holds nothing
beyond its own build, and a worker forked from it has nothing to share.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Any, TypeVar

Result = TypeVar("Result")
_BY_VALUE = (str, int, float, bytes, bool, type(None))


class Reuse:
    def __init__(self) -> None:
        self.enabled = False
        self._last: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}
        self._now: dict[tuple[Any, ...], tuple[tuple[Any, ...], Any]] = {}

    def __call__(self, make: Callable[..., Result], *inputs: Any) -> Result:
        """`make(*inputs)`, or its result from this build or the last one."""
        if not self.enabled:  # a plain build: nothing to look up
            return make(*inputs)
        return self.keyed(make, inputs, lambda: make(*inputs))

    def keyed(self, name: Hashable, inputs: tuple[Any, ...], make: Callable[[], Result]) -> Result:
        """`make()`, or what it made under the same `name` (matched by value: a function, a
        label) from the same `inputs`, which must be all it reads, in this build or the last."""
        if not self.enabled:
            return make()
        key = _key(name, inputs)
        kept = self._now.get(key) or self._last.get(key)
        # The inputs are kept with the result, so an id is never reused while its entry lives.
        if kept is None or any(
            a is not b and not isinstance(a, _BY_VALUE) for a, b in zip(kept[0], inputs, strict=True)
        ):
            kept = (inputs, make())
        self._now[key] = kept
        return kept[1]

    def drop(self, name: Hashable, inputs: tuple[Any, ...]) -> None:
        """Forget what was made under `name` from `inputs`."""
        key = _key(name, inputs)
        self._now.pop(key, None)
        self._last.pop(key, None)

    def start(self) -> None:
        """Keep results from now on (a preview session)."""
        self.enabled = True

    def next_build(self) -> None:
        """A build begins: what the last one used stays; what it did not is dropped."""
        self._last, self._now = self._now, {}

    def stop(self) -> None:
        self.enabled, self._last, self._now = False, {}, {}


def _key(name: Hashable, inputs: tuple[Any, ...]) -> tuple[Any, ...]:
    return (name, *(value if isinstance(value, _BY_VALUE) else id(value) for value in inputs))


REUSE = Reuse()


def loaded(kind: Any, path: Path) -> Any:
    """`kind.load(path)` (a taxonomy, a policy, the synonyms), reused while the file's bytes
    are the same. A file saved again while it was being read is read afresh and not kept:
    kept under the bytes read before, it would stand for them after an undo."""
    raw = _bytes(path)
    result = REUSE(_load, kind, str(path), raw)
    if _bytes(path) == raw:
        return result
    REUSE.drop(_load, (kind, str(path), raw))
    return kind.load(path)


def _bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # the loader says what is wrong


def _load(kind: Any, path: str, raw: bytes | None) -> Any:
    return kind.load(Path(path))
