"""What a cost's unit, in the source's words, says first: shared by the validator (which holds it
to what the amount covers) and the site (which then need not say the kind twice)."""

from __future__ import annotations


def unit_kind(unit: str) -> str:
    """ "total" ("Total, over three years"), "per" ("per family per year") or "" (anything else)."""
    first = " ".join(unit.split()).split(" ", 1)[0].lower().rstrip(",;:")
    return first if first in ("total", "per") else ""
