"""How text becomes search words: the one rule the index (here) and the browser
(docs/assets/search-engine.js, `words`, `stem`) share. A test runs both on the same text.

- Lower case, then accents dropped (NFKD, combining marks removed): "Café" is "cafe".
- Apostrophes dropped: "children's" is "childrens"; "&" inside a word kept: "A&E" is "a&e".
- A word is a run of letters and digits, at most MAX_WORD long. Letters are those of
  Python's Unicode tables; a character newer than them is not a letter to the index, though
  a newer browser may take it for one.
- A light stem for plurals (Harman's S-stemmer): "families" is "family", "services" is
  "service". Heavier stemmers differ between their Python and JavaScript versions; the
  browser also matches the start of a word, so "reduce" still finds "reduction".
- Stop words (a short list) are not words to search by alone; each is indexed with the
  word after it ("in care"), so the phrase "children in care" checks its "in".
Every step is one pass over the text.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from functools import cache

MAX_WORD = 40  # letters; a longer run is cut into words of this length (a crafted word stays small)
WORD = re.compile(rf"[^\W_]{{1,{MAX_WORD}}}(?:&[^\W_]{{1,{MAX_WORD}}}){{0,3}}")
APOSTROPHES = re.compile("['\u2019]")
_STOP_LIST = """a an and are as at be by for from has have how in into is it its of on or that the
their this to was were what which with"""
STOP_WORDS = frozenset(_STOP_LIST.split())


@cache
def _tables() -> tuple[dict[int, str], dict[int, None]]:
    """Symbols (Unicode category S) to spaces, and combining marks (M) dropped, for
    str.translate: made once, when first needed."""
    symbols, marks = {}, {}
    for code in range(sys.maxunicode + 1):
        category = unicodedata.category(chr(code))
        if category[0] == "S":
            symbols[code] = " "
        elif category[0] == "M":
            marks[code] = None
    return symbols, marks


def fold(text: str) -> str:
    """Lower case without accents or apostrophes. Beyond ASCII, symbols are spaces first (so
    "Safety™" is not "safetytm"), and the text is lowered again after NFKD, which can
    decompose to capitals (mathematical letters, ℍ)."""
    lower = text.lower()
    if not lower.isascii():
        symbols, marks = _tables()
        lower = unicodedata.normalize("NFKD", lower.translate(symbols)).translate(marks).lower()
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
