"""What a web address in a case study may be: one rule for the schema, the description's
links and the pages.

A reader judges a link by the host it shows, so an address must not be able to show one host
and lead to another. WHATWG URL parsing (every browser's) reads `https://www.gov.uk@example.com/`
as the user "www.gov.uk" at example.com, and `https://www.gov.uk\\@example.com/` the same way
(a backslash is a slash there, not in Python's urllib): so user-info, backslashes and any
character outside RFC 3986's are refused. The host is ASCII letters, digits and hyphens in
dot-separated labels, at least two of them (an international domain name is written in its
xn-- form, as browsers show it when they doubt it), the last starting with a letter, as every
top-level domain does: a browser reads a host whose last label is a number (`010.010.010.010`,
`0x7f.1`) as an IPv4 address in octal or hexadecimal, somewhere else than it shows.

The pattern is portable: explicit character classes only (no \\s, \\d or \\w, no "."), each
part unambiguous, so Python's re, jsonschema-rs and Ajv (ECMAScript) read it alike and in
linear time (tests/unit/config/test_schema_patterns.py). schema_sync writes it into the
schema's httpUrl definition.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_LABEL = "[A-Za-z0-9-]+"
_URI_CHARACTER = "[A-Za-z0-9._~:/?#\\[\\]@!$&'()*+,;=%-]"
# Each label runs to a dot it must be followed by, so the labels can be split only one way and
# a backtracking engine tries each at most once more for the last: linear.
URL_PATTERN = f"^https?://({_LABEL}\\.)+[A-Za-z][A-Za-z0-9-]*(:[0-9]{{1,5}})?([/?#]{_URI_CHARACTER}*)?$"
MAX_URL_LENGTH = 2000
_URL = re.compile(URL_PATTERN)


def is_web_address(url: str) -> bool:
    """True for an http(s) address the site may link to, as the schema's httpUrl says."""
    return len(url) <= MAX_URL_LENGTH and _URL.fullmatch(url) is not None


def host_of(url: str) -> str:
    """The host a reader's browser goes to, e.g. 'www.gov.uk' (lower case, no port)."""
    return (urlsplit(url).hostname or "").lower()
