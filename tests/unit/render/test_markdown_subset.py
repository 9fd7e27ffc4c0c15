"""The description's Markdown subset: what renders, what is refused, and that nothing is live."""

from __future__ import annotations

import pytest

from generator.check.markdown_check import description_issues
from generator.render.markdown_subset import render_description
from tests.support.site_html import parse_html

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![x](https://example.org/x.png)",
    '[x](https://example.org/" onclick="alert(1))',
    "<javascript:alert(1)>",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '<a href="https://example.org" onclick="alert(1)">x</a>',
]


@pytest.mark.parametrize("payload", HOSTILE)
def test_nothing_hostile_renders_live(payload):
    page = parse_html(render_description(payload))
    assert set(page.tags) <= {"p", "a", "span"}, page.tags
    assert page.event_handlers == []
    assert all(link.startswith("https://") for link in page.links), page.links


def test_allowed_subset_renders():
    html = render_description("Some **bold**, *italic*, `code`.\n\n- one\n- two\n\n[site](https://example.org)")
    assert "<strong>bold</strong>" in html
    assert "<em>italic</em>" in html
    assert "<li>one</li>" in html
    assert (
        '<a href="https://example.org" rel="nofollow noopener">site</a> <span class="link-host">(example.org)</span>'
        in html
    )
    assert "\n\n" not in html  # embedded in an HTML block, where a blank line would end it


@pytest.mark.parametrize(
    "address",
    [
        "https://www.gov.uk@example.com/x",  # browsers go to example.com
        "https://www.gov.uk\\@example.com/x",  # WHATWG reads the backslash as a slash
        "https://user:pass@www.gov.uk/",
        "https://www.gov.uk\\evil.example.org/",  # Markdown keeps this backslash; the host cannot hold it
        "https://localhost/",
        "https://a..b/",
        "https://0x7f.1/report",  # a browser reads it as 127.0.0.1
        "https://010.010.010.010/",  # and this as 8.8.8.8
    ],
)
def test_a_link_that_could_mislead_is_refused_and_not_made(address):
    text = f"Read [the guidance]({address}) first."
    [issue] = description_issues(text)
    assert issue.message.startswith("link to '") and "with no user name or backslash" in issue.message
    page = parse_html(render_description(text))
    assert page.links == []  # shown as the text typed, never as a link


@pytest.mark.parametrize(
    ("text", "href", "host"),
    [
        ("[the Department's guidance](https://www.gov.uk/guidance)", "https://www.gov.uk/guidance", "www.gov.uk"),
        ("[GOV.UK](https://evil.example.org/gov-uk)", "https://evil.example.org/gov-uk", "evil.example.org"),
        ("[**bold** text](https://WWW.Example.ORG:8443/a)", "https://WWW.Example.ORG:8443/a", "www.example.org"),
    ],
)
def test_a_link_shows_the_host_it_goes_to(text, href, host):
    html = render_description(text)
    page = parse_html(html)
    assert page.links == [href]
    assert f'</a> <span class="link-host">({host})</span>' in html


def test_only_an_autolink_goes_without_its_host():
    assert "link-host" not in render_description("<https://www.gov.uk/x>")
    # Text that looks like an address, in a code span or not, may not be the address.
    html = render_description("[`https://www.gov.uk/g` https://evil.example.com/](https://evil.example.com/)")
    assert html.count('<span class="link-host">(evil.example.com)</span>') == 1


def test_a_direction_override_written_as_a_reference_in_a_link_title_is_refused():
    [issue] = description_issues('[the report](https://www.example.org/r "&#x202E;fdp.tropeR&#x202C;")')
    assert issue.message == "contains a control character (\\u202e, written as an HTML character reference)"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Fine.\n\n# Heading", 2, "headings are not allowed"),
        ("Fine.\n\nSome <b>bold</b> HTML.", 2, "HTML is not allowed"),
        ("[x](javascript:alert(1))", 0, "link to 'javascript:alert(1)' is not allowed"),
        ("[x](data:text/html,hi)", 0, "link to 'data:text/html,hi' is not allowed"),
        ("Fine.\n\n![chart](https://example.org/c.png)", 2, "images are not allowed"),
        ("Fine.\n\n```\ncode\n```", 2, "code blocks are not allowed"),
        ("Fine.\n\n    indented", 2, "indented code blocks are not allowed"),
    ],
)
def test_constructs_outside_the_subset_are_reported(text, line, words):
    issues = description_issues(text)
    assert len(issues) == 1
    assert issues[0].line == line
    assert words in issues[0].message
    assert issues[0].hint


def test_allowed_subset_reports_nothing():
    assert (
        description_issues("A **b** *c* `d`\n\n- e\n- f\n\n> g\n\n[h](https://example.org) <https://example.org>") == []
    )


TRICKY_TEXTS = [
    "Title\n=====",
    "Title\n=",
    "Title\n--",
    "Title\n-",
    "Para\n\n- - -",
    "Para\n\n _ _ _",
    "Title\n---",
    "Para\n\n***",
    "Para\n\n* * *",
    "Para\n\n___",
    "Para\n\n\tcode with a tab",
    "- item\n\n        deeper code",
    "Plain text with **bold** and - dashes - and 50% and A&E.",
    "1. one\n2. two\n\n> quote",
    "[ref]: javascript:alert(1)\n\n[x][ref]",
    "Line one  \nline two",
    "&#60;script&#62; as entities",
]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_fast_prefilter_never_hides_an_issue(text):
    from generator.check.markdown_check import _issues

    assert description_issues(text) == list(dict.fromkeys(_issues(text)))
