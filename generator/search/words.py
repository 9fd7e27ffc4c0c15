"""How text becomes search words: the one rule the index (here) and the browser
(docs/assets/search-engine.js, `words`, `stem`) share. A test runs both on the same text.

- Lower case, then accents dropped (NFKD, combining marks removed): "Café" is "cafe".
- Apostrophes dropped: "children's" is "childrens"; "&" inside a word kept: "A&E" is "a&e".
- A word is a run of letters and digits.
- A light stem for plurals (Harman's S-stemmer): "families" is "family", "services" is
  "service". Heavier stemmers differ between their Python and JavaScript versions; the
  browser also matches the start of a word, so "reduce" still finds "reduction".
- A short list of stop words is not indexed, but keeps its place, so the phrase
  "children in care" does not match "children care".
Every step is one pass over the text.
"""

from __future__ import annotations

import re
import sys
import unicodedata

WORD = re.compile(r"[^\W_]+(?:&[^\W_]+)*")
APOSTROPHES = re.compile("['\u2019]")
_STOP_LIST = """a an and are as at be by for from has have how in into is it its of on or that the
their this to was were what which with"""
STOP_WORDS = frozenset(_STOP_LIST.split())


_MARKS: dict[int, None] | None = None


def _marks() -> dict[int, None]:
    """Every combining mark (Unicode category M), for str.translate: made once, when first needed."""
    global _MARKS
    if _MARKS is None:
        _MARKS = {c: None for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)).startswith("M")}
    return _MARKS


def fold(text: str) -> str:
    """Lower case without accents or apostrophes."""
    lower = text.lower()
    if not lower.isascii():
        lower = unicodedata.normalize("NFKD", lower).translate(_marks())
    return APOSTROPHES.sub("", lower)


def stem(word: str) -> str:
    if len(word) > 3:
        if word.endswith("ies") and not word.endswith(("eies", "aies")):
            return word[:-3] + "y"
        if word.endswith("es") and not word.endswith(("aes", "ees", "oes")):
            return word[:-1]
        if word.endswith("s") and not word.endswith(("us", "ss")):
            return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return WORD.findall(fold(text))


def written_words(text: str) -> list[tuple[str, str]]:
    """(folded word, as written) for each word of `text` whose written form folds to it."""
    found = []
    for match in WORD.finditer(text):
        written = match.group()
        for word in words(written):
            found.append((word, written if word == fold(written) else word))
    return found
