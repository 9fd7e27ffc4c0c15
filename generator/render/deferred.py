"""A page or data file made when asked for, that knows what it is made from.

The renderer returns one of these per output instead of the text. An engine can then hold
one page's text at a time (hundreds of MB saved at 10,000 case studies), and a preview that
rebuilds on every save can tell which outputs changed by comparing their inputs with the
previous build's, without making any text: equal inputs make equal text, because every
function used here is pure and everything it reads is among its inputs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Deferred:
    make: Callable[..., Any]  # a module-level function, so the same one in every build
    inputs: tuple[Any, ...]  # compared by value: case studies, taxonomy terms, settings

    def __call__(self) -> Any:  # the text (a page's body: generator.render.page.RenderedPage)
        made = self.make(*self.inputs)
        return "".join(made) if isinstance(made, Iterator) else made

    def pieces(self) -> Iterable[str]:
        """The text in the pieces `make` gives it in: a data file of the whole collection
        (170 MB of JSON at 10,000 case studies) is written piece by piece, never held whole."""
        made = self.make(*self.inputs)
        return made if isinstance(made, Iterator) else (made,)


def same_text(text: str) -> str:
    """For an output whose text is already at hand (the published schema)."""
    return text
