"""The proposal form (contributing/propose/), used in Chromium as a contributor would.

The oracle for the file the form makes is what the test typed (PROPOSAL, below) and the
project's own validator, run as a contributor would run it: `practice validate` on the file,
in a copy of the repository with the shipped collection beside it.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from generator.load.json_numbers import MAX_DECIMAL_PLACES, MAX_DIGITS
from generator.render.proposal_form_words import STEPS
from tests.browser.test_accessibility import DESKTOP, PHONE, scan
from tests.conftest import REPO, build, copy_site_setup
from tests.support.browser import serve

FORM = "contributing/propose/"
REPOSITORY = "https://github.com/effective-practice/effective-practice-repository"  # mkdocs.yml
# The steps as generator/render/proposal_form.py orders them: each property's step, and the
# "Check and send" step after the last.
STEP_OF = {name: number for number, (_, _, names) in enumerate(STEPS, start=1) for name in names}
STEP_COUNT = len(STEPS)
FINISH = STEP_COUNT + 1


def step_of(path: str) -> int:
    return STEP_OF[path.split("/")[0]]


def shown_as(step: int) -> str:
    return f"Step {step} of {STEP_COUNT}"


# A case study as a contributor would type it, field by field (paths as the form names them).
PROPOSAL: dict[str, object] = {
    "title": "Riverside Family Hub outreach",
    "locality": "Riverside Borough Council",
    "region": "north-west",
    "period/start": "2015",
    "period/end": "ongoing",
    "summary": "Family hub workers visit families at home after a missed health visit, and bring housing, "
    "health and school staff together around one plan.",
    "headline": "Missed health visits fell by a quarter in two years.",
    "description": "Families who missed health visits were often those with most need.\n\n"
    "- home visits within a week;\n- one plan agreed with the family.",
    "themes": ["families-parents-carers", "early-intervention-prevention"],
    "characteristics/outreach-to-vulnerable-groups": "Workers visit families at home after a missed "
    "appointment rather than waiting for them to come back.",
    "characteristics/evaluation-of-impact": "The council counts missed health visits each year and compares "
    "them with the year before the service began.",
    "audience/age_groups": ["early-years"],
    "audience/target_groups": "Families who miss health visits\nFamilies at risk of eviction",
    "setting": "Family hubs and families' homes",
    "partners": "Health visiting\nHousing\nPrimary schools",
    "outcomes/0/measure": "Missed health visits",
    "outcomes/0/for_whom": "Families with children under five",
    "outcomes/0/domain": "health-services",
    "outcomes/0/baseline/value": "1,200",
    "outcomes/0/baseline/when": "2015",
    "outcomes/0/follow_up/value": "900",
    "outcomes/0/follow_up/when": "2017",
    "outcomes/0/change/as_reported": "fell by a quarter",
    "outcomes/0/change/percent": "-25",
    "outcomes/0/design": "before-and-after",
    "outcomes/0/source": "early-help-2017",
    "outcomes/0/direction": "improved",
    "outcomes/0/better": "lower",
    "costs/0/what": "Family hub outreach worker",
    "costs/0/amount_range/low": "28000",
    "costs/0/amount_range/high": "32000",
    "costs/0/currency": "GBP",
    "costs/0/unit": "per worker per year",
    "costs/0/covers": "per-year",
    "costs/0/price_year": "2016",
    "costs/0/source": "Council cabinet report, 2016",
    "evidence/rating": "promising",
    "evidence/rated_by": "Proposed by the council's early help team",
    "evidence/basis": ["before-and-after"],
    "evidence/note": "Counts from the council's own records; no comparison group.",
    "sources/0/id": "early-help-2017",
    "sources/0/title": "Early help annual report 2017",
    "sources/0/kind": "statistics",
    "sources/0/access": "full-text",
    "sources/0/publisher": "Riverside Borough Council",
    "sources/0/date": "2017-09",
    "sources/0/url": "https://www.example.gov.uk/early-help-2017",
    "implementation/team": "Family hub outreach worker\nHealth visitor",
    "implementation/set_up_months": "6",
    "contact/organisation": "Riverside Borough Council",
    "contact/url": "https://www.example.gov.uk/family-hubs",
}
TYPED_ID = "riverside-family-hub-outreach"


def the_file_expected(today: str) -> dict[str, object]:
    """What PROPOSAL means as a case study: an oracle written out by hand, not computed by the form."""
    return {
        "id": TYPED_ID,
        "title": "Riverside Family Hub outreach",
        "locality": "Riverside Borough Council",
        "region": "north-west",
        "period": {"start": 2015, "end": "ongoing"},
        "summary": PROPOSAL["summary"],
        "headline": PROPOSAL["headline"],
        "description": PROPOSAL["description"],
        "themes": ["families-parents-carers", "early-intervention-prevention"],
        "characteristics": {
            "outreach-to-vulnerable-groups": PROPOSAL["characteristics/outreach-to-vulnerable-groups"],
            "evaluation-of-impact": PROPOSAL["characteristics/evaluation-of-impact"],
        },
        "evidence": {
            "rating": "promising",
            "rated_by": "Proposed by the council's early help team",
            "rated_on": today,
            "basis": ["before-and-after"],
            "note": "Counts from the council's own records; no comparison group.",
        },
        "outcomes": [
            {
                "measure": "Missed health visits",
                "for_whom": "Families with children under five",
                "domain": "health-services",
                "baseline": {"value": 1200, "when": "2015"},
                "follow_up": {"value": 900, "when": "2017"},
                "change": {"as_reported": "fell by a quarter", "percent": -25},
                "design": "before-and-after",
                "source": "early-help-2017",
                "direction": "improved",
                "better": "lower",
            }
        ],
        "costs": [
            {
                "what": "Family hub outreach worker",
                "amount_range": {"low": 28000, "high": 32000},
                "currency": "GBP",
                "unit": "per worker per year",
                "covers": "per-year",
                "price_year": 2016,
                "source": "Council cabinet report, 2016",
            }
        ],
        "implementation": {"team": ["Family hub outreach worker", "Health visitor"], "set_up_months": 6},
        "audience": {
            "age_groups": ["early-years"],
            "target_groups": ["Families who miss health visits", "Families at risk of eviction"],
        },
        "setting": "Family hubs and families' homes",
        "partners": ["Health visiting", "Housing", "Primary schools"],
        "sources": [
            {
                "id": "early-help-2017",
                "title": "Early help annual report 2017",
                "kind": "statistics",
                "access": "full-text",
                "publisher": "Riverside Borough Council",
                "date": "2017-09",
                "url": "https://www.example.gov.uk/early-help-2017",
            }
        ],
        "contact": {"organisation": "Riverside Borough Council", "url": "https://www.example.gov.uk/family-hubs"},
        "published": today,
        "last_reviewed": today,
    }


@pytest.fixture
def form(browser, site_url):
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + FORM)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-proposal][data-ready]")
    yield page
    page.close()


def field(page, path: str):
    return page.locator(f'[data-path="{path}"]')


def fill(page, path: str, value: object) -> None:
    """Answer one question as a reader would: at its step, in its folded group opened, type,
    tick or choose."""
    go_to_the_step_of(page, path)
    container = field(page, path)
    for summary in container.locator("xpath=ancestor::details[not(@open)]/summary").all():
        summary.click()
    widget = container.get_attribute("data-widget")
    if widget in ("checkboxes", "radios"):
        for choice in value if isinstance(value, list) else [value]:
            container.locator(f'input[value="{choice}"]').check()
    elif widget == "select":
        container.locator("select").select_option(str(value))
    else:
        container.locator("input, textarea").first.fill(str(value))


def go_to_the_step_of(page, path: str) -> None:
    step = step_of(path)
    if page.locator(f'[data-step="{step}"]').is_hidden():
        page.locator(f'[data-goto="{step}"]').click()


def step_shown(page) -> str:
    return page.locator("[data-step]:visible h2").inner_text()


def continue_(page) -> None:
    page.locator("[data-step]:visible button[type=submit]").click()


def answer_everything(page) -> None:
    page.locator(f'[data-goto="{step_of("costs")}"]').click()
    page.locator('[data-path="costs"] [data-add]').click()
    for path, value in PROPOSAL.items():
        page.locator(f'[data-goto="{step_of(path)}"]').click()
        fill(page, path, value)


def the_file(page) -> str:
    page.locator(f'[data-goto="{FINISH}"]').click()
    page.wait_for_selector("[data-finish-ready]:visible")
    return page.locator("[data-yaml]").inner_text()


def test_the_form_makes_a_file_practice_validate_accepts(form, tmp_path):
    answer_everything(form)
    assert field(form, "id").locator("input").input_value() == TYPED_ID  # made from the title
    text = the_file(form)
    today = form.evaluate("new Date().toISOString().slice(0, 10)")  # the browser's day, as the form uses
    assert yaml.safe_load(text) == the_file_expected(today)

    returncode, errors = validated(text, tmp_path, beside_the_collection=True)
    assert returncode == 0 and errors == [], errors


def validated(text: str, tmp_path: Path, beside_the_collection: bool = False) -> tuple[int, list[dict[str, object]]]:
    """`practice validate` run on `text` as a new case-study file, as a contributor would run
    it (beside the shipped collection, if asked): its exit status and its errors."""
    copy_site_setup(tmp_path)
    (tmp_path / "practice").mkdir()
    if beside_the_collection:
        for shipped in (REPO / "practice").glob("*.yaml"):
            (tmp_path / "practice" / shipped.name).write_bytes(shipped.read_bytes())
    proposed = tmp_path / "practice" / f"{yaml.safe_load(text)['id']}.yaml"
    proposed.write_text(text, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator.adapters.cli", "validate", "--no-cache", "--format", "json", str(proposed)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = [p for p in json.loads(result.stdout)["problems"] if p["severity"] == "error"]
    return result.returncode, errors


def test_a_rating_its_evidence_does_not_support_is_refused_in_the_validators_words(form, tmp_path):
    """Rated fully validated on a before-and-after count from the council's statistics: the
    form refuses it where the rating is chosen, with the message `practice validate` gives."""
    answer_everything(form)
    form.locator(f'[data-goto="{step_of("evidence")}"]').click()
    fill(form, "evidence/rating", "fully-validated")
    fill(form, "evidence/basis", ["independent-evaluation"])
    continue_(form)
    form.locator("[data-errors]").wait_for(state="visible")
    shown = form.locator("[data-errors] a").all_inner_texts()

    today = form.evaluate("new Date().toISOString().slice(0, 10)")
    expected = the_file_expected(today)
    expected["evidence"] = {**expected["evidence"], "rating": "fully-validated", "basis": ["independent-evaluation"]}
    _, refused = validated(yaml.safe_dump(expected, sort_keys=False, allow_unicode=True), tmp_path)
    assert [p["field"] for p in refused] == ["evidence.rating"]
    assert any(refused[0]["message"] in text for text in shown), shown
    assert refused[0]["message"] in field(form, "evidence/rating").locator(".pf-error").inner_text()
    assert step_shown(form).startswith(shown_as(step_of("evidence")))


def _set(data: dict, path: str, value: object) -> None:
    *parents, last = path.split("/")
    for step in parents:
        data = data[int(step)] if step.isdigit() else data.setdefault(step, {})
    if value is None:
        del data[last]
    elif last.isdigit() and int(last) == len(data):  # a new item at the end of a list
        data.append(value)
    else:
        data[int(last) if last.isdigit() else last] = value


SECOND_SOURCE_TYPED = {
    "sources/1/id": "cabinet-2016",
    "sources/1/title": "Cabinet report on family hubs",
    "sources/1/kind": "press-release",
    "sources/1/access": "full-text",
}
SECOND_SOURCE = {"id": "cabinet-2016", "title": "Cabinet report on family hubs", "kind": "press-release"}
SECOND_SOURCE["access"] = "full-text"
# Each rule beyond the schema, broken once: (what the reader types over PROPOSAL, the same change
# written into the file by hand, the step whose field the validator names). The validator's
# words for that file are the oracle; the form must show them and must not offer the file.
RULES_BROKEN = {
    "period backwards": ({"period/start": "2015", "period/end": "2012"}, {"period/end": 2012}, step_of("period")),
    "period ends in the future": ({"period/end": "2099"}, {"period/end": 2099}, step_of("period")),
    "a heading in the description": (
        {"description": "# What we do\n\n" + str(PROPOSAL["description"])},
        {"description": "# What we do\n\n" + str(PROPOSAL["description"])},
        step_of("description"),
    ),
    "stopped but ongoing": (
        {"stopped/reason": "The grant ended."},
        {"stopped": {"reason": "The grant ended."}},
        step_of("period"),
    ),
    "range backwards": ({"costs/0/amount_range/low": "40000"}, {"costs/0/amount_range/low": 40000}, step_of("costs")),
    "improved the wrong way": ({"outcomes/0/better": "higher"}, {"outcomes/0/better": "higher"}, step_of("outcomes")),
    "percent against the figures": (
        {"outcomes/0/change/percent": "25"},
        {"outcomes/0/change/percent": 25},
        step_of("outcomes"),
    ),
    "a count that improved": ({"outcomes/0/design": "count"}, {"outcomes/0/design": "count"}, step_of("outcomes")),
    "a comparison without its group": (
        {"outcomes/0/design": "comparison-group"},
        {"outcomes/0/design": "comparison-group"},
        step_of("outcomes"),
    ),
    "outcome names no source given": (
        {"outcomes/0/source": "early-help-2071"},
        {"outcomes/0/source": "early-help-2071"},
        step_of("outcomes"),
    ),
    "source date in the future": ({"sources/0/date": "2099-01"}, {"sources/0/date": "2099-01"}, step_of("sources")),
    "two sources with one id": (
        {**SECOND_SOURCE_TYPED, "sources/1/id": "early-help-2017"},
        {"sources/1": {**SECOND_SOURCE, "id": "early-help-2017"}},
        step_of("sources"),
    ),
    # The rating's standard, exactly: a randomised trial's improvement, but its figures come
    # from a press release, while the evidence basis is an independent evaluation.
    "fully validated on a press release's figures": (
        {
            **SECOND_SOURCE_TYPED,
            "outcomes/0/source": "cabinet-2016",
            "outcomes/0/design": "randomised-trial",
            "outcomes/0/baseline/value": "",
            "outcomes/0/baseline/when": "",
            "outcomes/0/comparison/value": "1,200",
            "outcomes/0/comparison/when": "the same years, families not offered it",
            "evidence/rating": "fully-validated",
            "evidence/basis": ["independent-evaluation"],
            "sources/0/kind": "evaluation",
        },
        {
            "sources/1": SECOND_SOURCE,
            "outcomes/0/source": "cabinet-2016",
            "outcomes/0/design": "randomised-trial",
            "outcomes/0/baseline": None,
            "outcomes/0/comparison": {"value": 1200, "when": "the same years, families not offered it"},
            "evidence/rating": "fully-validated",
            "evidence/basis": ["independent-evaluation"],
            "sources/0/kind": "evaluation",
        },
        step_of("evidence"),
    ),
}


def typed_over(page, answers: dict[str, object]) -> None:
    """Type `answers` as well as PROPOSAL, adding the items they need (a second source)."""
    for path, value in answers.items():
        page.locator(f'[data-goto="{step_of(path)}"]').click()
        if path.startswith("sources/1/") and not field(page, path).count():
            page.locator('[data-path="sources"] > [data-add]').click()
        container = field(page, path)
        if container.get_attribute("data-widget") == "checkboxes":
            container.locator("input:checked").uncheck()
        fill(page, path, value)


@pytest.mark.parametrize("name", RULES_BROKEN)
def test_each_rule_beyond_the_schema_is_refused_in_the_validators_words(form, tmp_path, name):
    typed, written, step = RULES_BROKEN[name]
    answer_everything(form)
    typed_over(form, typed)
    expected = the_file_expected(form.evaluate("new Date().toISOString().slice(0, 10)"))
    for path, value in written.items():
        _set(expected, path, value)
    _, refused = validated(yaml.safe_dump(expected, sort_keys=False, allow_unicode=True), tmp_path)
    assert refused, "the validator must refuse the file, or this case tests nothing"

    form.locator(f'[data-goto="{FINISH}"]').click()
    form.locator("[data-errors]").wait_for(state="visible")
    assert form.locator("[data-finish-ready]").is_hidden()
    links = form.locator("[data-errors] a").all_inner_texts()
    for problem in refused:
        assert any(problem["message"] in link for link in links), (problem, links)
    assert len(links) == len(refused), links  # and nothing the validator does not say
    # Going back to the step names the problem there too, and "Save and continue" stays put.
    form.locator(f'[data-goto="{step}"]').click()
    continue_(form)
    form.locator("[data-errors]").wait_for(state="visible")
    assert step_shown(form).startswith(shown_as(step))


def test_the_sources_are_asked_first_and_offered_where_a_result_names_one(form):
    """The sources come in the step before the results: an outcome names one of them, offered
    as a choice, and one naming a source the file does not give is refused at the outcome, in
    the validator's words, before the reader moves on."""
    assert step_of("sources") < step_of("outcomes") < step_of("costs")
    answer_everything(form)
    form.locator(f'[data-goto="{step_of("outcomes")}"]').click()
    source = field(form, "outcomes/0/source").locator("input")
    offered = form.evaluate(
        "(input) => Array.from(input.list.options, (option) => option.value)", source.element_handle()
    )
    assert offered == [PROPOSAL["sources/0/id"]]
    fill(form, "outcomes/0/source", "annual-report")
    continue_(form)
    form.locator("[data-errors]").wait_for(state="visible")
    assert step_shown(form).startswith(shown_as(step_of("outcomes")))
    assert "Outcome 1, Source of the figures: no source in this file has the id 'annual-report'" in (
        form.locator("[data-errors] a").all_inner_texts()
    )
    # An outcome added afterwards is offered them too, and so is one left after another is
    # removed (the items are made anew). A cost's source is who estimated it, not an id: none.
    form.locator('[data-path="outcomes"] > [data-add]').click()
    assert field(form, "outcomes/1/source").locator("input").get_attribute("list") == "pf-source-ids"
    form.locator('[data-path="outcomes"] [data-item]').first.locator("[data-remove]").click()
    assert field(form, "outcomes/0/source").locator("input").get_attribute("list") == "pf-source-ids"
    form.locator(f'[data-goto="{step_of("costs")}"]').click()
    assert field(form, "costs/0/source").locator("input").get_attribute("list") is None


EDITORS = "proposals@example.gov.uk"
TRICKY_TITLE = 'Riverside & Co? #1 "hub"&cc=someone@example.org%0Abcc: x'


@pytest.fixture(scope="module")
def site_with_editors_address(tmp_path_factory):
    """The site built with the editors' address set (mkdocs.yml, extra.publication.email), served."""
    root = tmp_path_factory.mktemp("with-email")
    for name in ("docs", "site_overrides", "schema", "practice"):
        shutil.copytree(REPO / name, root / name)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    publisher = "    publisher: Effective Practice Repository editors"
    assert publisher in config
    (root / "mkdocs.yml").write_text(config.replace(publisher, f"{publisher}\n    email: {EDITORS}"), encoding="utf-8")
    result = build(root, root / "site")
    assert result.returncode == 0, result.stderr
    with serve(root / "site") as url:
        yield url


def test_without_a_github_account_the_file_goes_by_email(browser, site_with_editors_address):
    """With the editors' address set, the ready file can be sent by email: a message to that
    address whose subject and text name the file, and asks for the downloaded file attached."""
    page = browser.new_page(viewport=PHONE)
    page.goto(site_with_editors_address + FORM)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-proposal][data-ready]")
    answer_everything(page)
    fill(page, "title", TRICKY_TITLE)
    fill(page, "id", TYPED_ID)
    the_file(page)
    link = page.locator("[data-email]")
    assert link.is_visible() and link.inner_text() == "Email it to the editors"
    address = urlsplit(link.get_attribute("href"))
    assert (address.scheme, address.path) == ("mailto", EDITORS)
    query = parse_qs(address.query)
    name = f"{TYPED_ID}.yaml"  # the downloaded file's name, as it is attached
    assert query["subject"] == [f"Case study proposal: {name}"]
    assert name in query["body"][0] and TRICKY_TITLE in query["body"][0]  # as typed, nothing more
    assert set(query) == {"subject", "body"}  # no header of the title's making (cc, bcc)
    assert "attach" in query["body"][0].lower()
    assert page.locator("[data-download]").get_attribute("download") == name
    assert settled_scan(page) == []
    page.close()


def test_without_an_editors_address_no_email_is_offered(form):
    answer_everything(form)
    the_file(form)
    assert form.locator("[data-email]").count() == 0


def test_the_new_file_link_carries_the_file_to_the_configured_repository(form):
    answer_everything(form)
    text = the_file(form)
    link = form.locator("[data-open-host]").get_attribute("href")
    address = urlsplit(link)
    assert f"{address.scheme}://{address.netloc}{address.path}" == f"{REPOSITORY}/new/main"
    query = parse_qs(address.query, strict_parsing=True)
    assert query == {"filename": [f"practice/{TYPED_ID}.yaml"], "value": [text]}
    download = form.locator("[data-download]")
    assert download.get_attribute("download") == f"{TYPED_ID}.yaml"
    with form.expect_download() as waiting:
        download.click()
    assert Path(waiting.value.path()).read_text(encoding="utf-8") == text


def test_sent_empty_it_lists_and_announces_the_errors_and_stays(form):
    continue_(form)
    summary = form.locator("[data-errors]")
    summary.wait_for(state="visible")
    required = ["Name of the practice", "Who runs it", "Region", "When it ran"]
    links = summary.locator("a").all_inner_texts()
    for label in required:
        assert f"{label} is required" in links
    assert links.index("Name of the practice is required") < links.index("Who runs it is required")  # form order
    assert form.evaluate("document.activeElement.hasAttribute('data-errors')")  # focus moved to the summary
    form.wait_for_function("document.querySelector('[data-status]').textContent.includes('problems')")
    assert step_shown(form).startswith(shown_as(1))
    title = field(form, "title").locator("input")
    assert title.get_attribute("aria-invalid") == "true"
    described = title.get_attribute("aria-describedby").split()
    assert form.locator(f"#{described[0]}").text_content() == "Error: Name of the practice is required"
    summary.locator("a", has_text="Region is required").click()
    assert form.evaluate("document.activeElement.closest('[data-path]').getAttribute('data-path')") == "region"


MISTAKES = [
    # (path, typed, the message the reader sees: the validator's words after the label)
    ("summary", "Too short.", "Summary is 10 characters long; it must be at least 40"),
    ("period/start", "twenty ten", "When it ran, First year: expected a whole number, found text"),
    ("period/start", "1850", "When it ran, First year: 1850 is out of range: it must be at least 1,900"),
    ("period/end", "still going", "When it ran, Last year, or ongoing: 'still going' is not allowed here"),
    (
        "id",
        "Riverside_Hub",
        "Short name for the web address: 'Riverside_Hub' is not a valid id: use lowercase "
        "letters, digits and single hyphens",
    ),
    (
        "id",
        "leeds-family-valued",
        "Short name for the web address is already the id of a published case "
        "study; choose another (add the place or the years)",
    ),
    ("title", "   ", "Name of the practice is required"),
    (
        "sources/0/url",
        "www.example.gov.uk",
        "Source 1, Web address: 'www.example.gov.uk' is not a web address starting http:// or https://",
    ),
    (
        "sources/0/date",
        "September 2017",
        "Source 1, Date published: 'September 2017' is not a date written YYYY-MM-DD, YYYY-MM or YYYY, from 1900 on",
    ),
    ("evidence/rated_on", "2026-02-30", "Evidence rating, Date rated: '2026-02-30' is not a real date"),
    ("outcomes/0/baseline/value", "£1,200", "Outcome 1, Before, Figure: expected a number, found text"),
    ("contact/email", "someone at example", "Contact, Email: 'someone at example' is not an email address"),
    # A figure the validator's loader would refuse (generator.load.json_numbers), named at its field
    (
        "outcomes/0/baseline/value",
        "0.12345",
        f"Outcome 1, Before, Figure has 5 digits after the decimal point; give at most {MAX_DECIMAL_PLACES}",
    ),
    (
        "outcomes/0/change/percent",
        "12.50000",
        f"Outcome 1, Change, Change in percent has 5 digits after the decimal point; give at most {MAX_DECIMAL_PLACES}",
    ),
    (
        "outcomes/0/follow_up/value",
        "123456789012.3456",
        f"Outcome 1, After, Figure has 16 digits; give at most {MAX_DIGITS}",
    ),
]


@pytest.mark.parametrize(("path", "typed", "expected"), MISTAKES, ids=[m[0] + ":" + m[1] for m in MISTAKES])
def test_each_mistake_is_shown_at_its_field_and_goes_nowhere(form, path, typed, expected):
    step = step_of(path)
    form.locator(f'[data-goto="{step}"]').click()
    fill(form, path, typed)
    continue_(form)
    form.locator("[data-errors]").wait_for(state="visible")
    assert expected in form.locator("[data-errors] a").all_inner_texts()
    assert expected in field(form, path).locator(".pf-error").inner_text()
    assert step_shown(form).startswith(shown_as(step))


def test_a_control_character_pasted_in_is_named(form):
    fill(form, "summary", "A summary long enough to pass the length rule,\x07 with a bell in it.")
    continue_(form)
    form.locator("[data-errors]").wait_for(state="visible")
    assert (
        "Summary contains a control character (\\x07 at character 47)"
        in form.locator("[data-errors] a").all_inner_texts()
    )


@pytest.mark.parametrize("control", ["\u202e", "\u2067", "\u200f"])
def test_a_direction_control_pasted_in_is_named_at_its_field(form, control):
    """An override left open reverses the page's own words around the text, and a
    right-to-left mark swaps "974 / 515": the form refuses them as the validator does."""
    fill(form, "summary", f"A summary long enough to pass the length rule,{control} with a control in it.")
    continue_(form)
    form.locator("[data-errors]").wait_for(state="visible")
    shown = control.encode("unicode_escape").decode()
    assert (
        f"Summary contains a control character ({shown} at character 47)"
        in form.locator("[data-errors] a").all_inner_texts()
    )


def type_raw(page, path: str, script_text: str) -> None:
    """Put text in a field as a paste would, written as a JavaScript string literal (so that it can
    hold what Playwright's own typing cannot carry, such as half of a UTF-16 pair)."""
    go_to_the_step_of(page, path)
    page.locator(f'[data-path="{path}"]').locator("input, textarea").first.evaluate(
        f"(control) => {{ control.value = {script_text}; "
        "control.dispatchEvent(new Event('input', {bubbles: true})); }"
    )


def test_a_lone_surrogate_is_named_at_its_field_and_no_file_is_made(form):
    answer_everything(form)
    form.locator(f'[data-goto="{step_of("setting")}"]').click()
    type_raw(form, "setting", "'Family hubs \\ud83d and homes'")  # the first half of an emoji, alone
    form.locator(f'[data-goto="{FINISH}"]').click()
    form.locator("[data-errors]").wait_for(state="visible")
    expected = "Setting contains a broken character (\\ud83d at character 13): retype the text around it"
    assert expected in form.locator("[data-errors] a").all_inner_texts()
    assert form.locator("[data-finish-ready]").is_hidden()
    assert form.locator("[data-yaml]").inner_text() == ""
    form.locator("[data-errors] a", has_text="broken character").click()
    assert expected in field(form, "setting").locator(".pf-error").inner_text()
    assert step_shown(form).startswith(shown_as(step_of("setting")))


def test_a_draft_survives_a_reload(form):
    answer_everything(form)
    form.locator(f'[data-goto="{step_of("outcomes")}"]').click()
    form.reload()
    form.wait_for_selector("[data-proposal][data-ready]")
    assert step_shown(form).startswith(shown_as(step_of("outcomes")))
    assert field(form, "outcomes/0/change/as_reported").locator("input").input_value() == "fell by a quarter"
    assert field(form, "description").locator("textarea").input_value() == PROPOSAL["description"]
    assert form.locator('[data-path="themes"] input:checked').evaluate_all("els => els.map(e => e.value)") == [
        "families-parents-carers",
        "early-intervention-prevention",
    ]
    today = form.evaluate("new Date().toISOString().slice(0, 10)")
    assert yaml.safe_load(the_file(form)) == the_file_expected(today)  # nothing lost, the cost item included


STORE = "practice-proposal-draft"  # proposal-form.js
DRAFT_REMOVED = "A saved draft could not be used and has been removed. The form is empty."


def saved_draft(page) -> str | None:
    return page.evaluate(f"localStorage.getItem('{STORE}')")


def a_real_draft(page) -> dict:
    """A draft as the form itself saves it: step 1 answered, a cost added and an outcome begun."""
    for path, value in PROPOSAL.items():
        if step_of(path) == 1:
            fill(page, path, value)
    page.locator(f'[data-goto="{step_of("costs")}"]').click()
    page.locator('[data-path="costs"] [data-add]').click()
    page.locator(f'[data-goto="{step_of("outcomes")}"]').click()
    fill(page, "outcomes/0/measure", "Missed health visits")
    return json.loads(saved_draft(page))


def changed(values: dict | None = None, **parts: object):
    """A hostile draft: the form's own draft with parts replaced, and values added to its values."""

    def change(draft: dict) -> str:
        draft = {**draft, **parts}
        draft["values"] = {**draft["values"], **(values or {})}
        return json.dumps(draft)

    return change


HOSTILE_DRAFTS = {
    "negative count": changed(counts={"outcomes": -3, "costs": 1, "claimed_savings": 0, "sources": 1}),
    "count of a billion": changed(counts={"outcomes": 1, "costs": 1, "claimed_savings": 0, "sources": 10**9}),
    "count as text": changed(counts={"outcomes": "2", "costs": 1, "claimed_savings": 0, "sources": 1}),
    "count of an unknown list": changed(counts={"outcomes": 1, "costs": 1, "claimed_savings": 0, "sources": 1, "x": 1}),
    "step as an object": changed(step={"valueOf": 2}),
    "step 1e9 as text": changed(step="1e9"),
    "step out of range": changed(step=10**9),
    "step as a fraction": changed(step=2.5),
    "version 2": changed(version=2),
    "an object for a text": changed(values={"title": {"toString": "x"}}),
    "a list for a text": changed(values={"summary": ["a", "b"]}),
    "a number for a text": changed(values={"period/start": 2015}),
    "text for a list of choices": changed(values={"themes": "arts-culture"}),
    "a choice not offered": changed(values={"region": "atlantis"}),
    "a tick not offered": changed(values={"themes": ["arts-culture", "not-a-theme"]}),
    "an unknown path": changed(values={"nonsense/path": "x"}),
    "an item beyond the count": changed(values={"outcomes/7/measure": "x"}),
    "a control character": changed(values={"title": "Riverside\x07 Hub"}),
    "a lone surrogate": changed(values={"headline": "Missed \ud83d visits fell"}),
    "longer than the schema allows": changed(values={"title": "a" * 121}),
    "a 1 MB value": changed(values={"description": "a" * 1_000_000}),
    "an unknown part": changed(extra=True),
    "idEdited as text": changed(idEdited="yes"),
    "__proto__ in values": lambda draft: json.dumps(draft)[:-1] + ', "__proto__": {"polluted": "yes"}}',
    "__proto__ as a path": lambda draft: json.dumps(draft).replace('"values": {', '"values": {"__proto__": "x", ', 1),
    "__proto__ in counts": lambda draft: json.dumps(draft).replace('"counts": {', '"counts": {"__proto__": 1, ', 1),
    "invalid JSON": lambda draft: json.dumps(draft)[:-5],
    "null": lambda draft: "null",
    "a list": lambda draft: "[1, 2]",
}


def load_with_draft(page, site_url: str, text: str) -> list[str]:
    """Reload the form with `text` as its saved draft; returns the uncaught errors seen."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_url + FORM)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [STORE, text])
    page.reload()
    page.wait_for_selector("[data-proposal][data-ready]")
    return errors


@pytest.fixture(scope="module")
def real_draft(browser, site_url) -> dict:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(site_url + FORM)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-proposal][data-ready]")
    draft = a_real_draft(page)
    page.close()
    return draft


@pytest.mark.parametrize("name", list(HOSTILE_DRAFTS))
def test_a_hostile_draft_is_removed_and_the_form_still_works(browser, site_url, real_draft, name):
    """localStorage is shared by every site of the origin (on GitHub Pages, every project site of
    the owner), so any of them can plant a draft: one the form would not have saved is removed,
    the reader is told, and nothing of it is used."""
    page = browser.new_page(viewport=DESKTOP)
    errors = load_with_draft(page, site_url, HOSTILE_DRAFTS[name](copy.deepcopy(real_draft)))
    page.wait_for_function(f"document.querySelector('[data-status]').textContent === {json.dumps(DRAFT_REMOVED)}")
    assert page.locator("[data-notice]").inner_text().endswith(DRAFT_REMOVED)
    assert saved_draft(page) is None
    assert step_shown(page).startswith(shown_as(1))
    assert field(page, "title").locator("input").input_value() == ""  # nothing of it applied
    assert field(page, "outcomes").locator("[data-item]").count() == 1  # as a fresh form: one, required
    assert page.evaluate("({}).polluted") is None
    for path, value in PROPOSAL.items():  # the form works: answer step 1 and move on
        if step_of(path) == 1:
            fill(page, path, value)
    continue_(page)
    page.wait_for_function("!document.querySelector('[data-step=\"2\"]').hidden")
    assert step_shown(page).startswith(shown_as(2))
    assert json.loads(saved_draft(page))["values"]["title"] == PROPOSAL["title"]  # kept again
    page.close()
    assert errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_removed_draft_notice_has_no_violations(browser, site_url, viewport):
    page = browser.new_page(viewport=viewport)
    load_with_draft(page, site_url, '{"version": 1, "step": -1}')
    page.locator("[data-notice]").wait_for(state="visible")
    assert settled_scan(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.close()


def test_on_a_zoomed_page_the_focused_summary_stays_in_sight(browser, site_url):
    """At 400% zoom (a 320 by 256 window) with the removed-draft notice above the form, the
    problem summary that takes the focus is scrolled into sight, below the sticky header."""
    page = browser.new_page(viewport={"width": 320, "height": 256})
    load_with_draft(page, site_url, '{"version": 1, "step": -1}')
    page.locator("[data-notice]").wait_for(state="visible")
    continue_(page)
    page.locator("[data-errors]").wait_for(state="visible")
    assert page.evaluate("document.activeElement.hasAttribute('data-errors')")
    top, bottom = page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom]; })()"
    )
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert top < 256 and bottom > header, (top, bottom, header)  # some of it shows, below the header
    page.close()


def test_a_draft_the_form_saved_is_restored(browser, site_url, real_draft):
    page = browser.new_page(viewport=DESKTOP)
    errors = load_with_draft(page, site_url, json.dumps(real_draft))
    page.wait_for_function("document.querySelector('[data-status]').textContent === 'Your draft has been restored.'")
    assert step_shown(page).startswith(shown_as(step_of("outcomes")))
    assert field(page, "outcomes/0/measure").locator("input").input_value() == "Missed health visits"
    assert field(page, "costs").locator("[data-item]").count() == 1
    assert field(page, "title").locator("input").input_value() == PROPOSAL["title"]
    assert page.locator("[data-notice]").count() == 0
    assert json.loads(saved_draft(page)) == real_draft
    page.close()
    assert errors == []


def test_a_draft_that_cannot_be_checked_is_kept_but_not_used(browser, site_url, real_draft):
    """Without the schema (the connection failed) a draft cannot be checked: it is neither used
    nor removed, and nothing the reader types replaces it, until a reload can check it."""
    page = browser.new_page(viewport=DESKTOP)
    page.route("**/case-study.schema.json", lambda route: route.abort())
    errors = load_with_draft(page, site_url, json.dumps(real_draft))
    page.wait_for_function("document.querySelector('[data-status]').textContent.includes('could not be checked')")
    assert field(page, "title").locator("input").input_value() == ""
    fill(page, "title", "Something else")
    assert json.loads(saved_draft(page)) == real_draft
    page.unroute("**/case-study.schema.json")
    page.reload()
    page.wait_for_selector("[data-proposal][data-ready]")
    assert field(page, "title").locator("input").input_value() == PROPOSAL["title"]
    page.close()
    assert errors == []


def test_the_form_keeps_no_draft_it_would_refuse(form):
    """What the form refuses in a draft it never saves: while an answer holds a control
    character, the last good draft stays, and the reader is told."""
    fill(form, "title", "Riverside Family Hub outreach")
    go_to_the_step_of(form, "summary")
    good = json.loads(saved_draft(form))
    type_raw(form, "summary", "'A summary with a bell \\x07 in it'")
    form.wait_for_function("document.querySelector('[data-status]').textContent.includes('not being kept')")
    assert json.loads(saved_draft(form)) == good
    fill(form, "summary", "A summary without one")
    form.wait_for_function("document.querySelector('[data-status]').textContent.startsWith('Your answers are kept')")
    assert json.loads(saved_draft(form))["values"]["summary"] == "A summary without one"


def test_a_folded_group_opens_for_its_answer_and_for_its_problem(form):
    """The practice model is folded: opened and answered, it is shown open after a reload; its
    problem opens it, and so does the problem's link after the reader closed it again."""
    model = form.locator('details:has([data-path="model"])')
    assert model.evaluate("details => details.open") is False  # folded at first
    fill(form, "model/role", "adopted")  # opens it, as a reader would
    model.locator("summary").click()  # and closes it again
    form.reload()
    form.wait_for_selector("[data-proposal][data-ready]")
    assert model.evaluate("details => details.open") is True  # it holds an answer
    model.locator("summary").click()
    continue_(form)
    form.locator("[data-errors]").wait_for(state="visible")
    assert model.evaluate("details => details.open") is True  # its problem is shown
    model.locator("summary").click()
    form.locator("[data-errors] a", has_text="Practice model, Model").click()
    assert model.evaluate("details => details.open") is True
    assert form.evaluate("document.activeElement.closest('[data-path]').getAttribute('data-path')") == "model/id"


def test_removing_an_item_keeps_the_others(form):
    form.locator(f'[data-goto="{step_of("sources")}"]').click()
    sources = field(form, "sources")
    sources.locator("[data-add]").click()
    sources.locator("[data-add]").click()
    for index, title in enumerate(["First report", "Second report", "Third report"]):
        fill(form, f"sources/{index}/title", title)
    sources.locator("[data-remove]").nth(1).click()
    titles = sources.locator('[data-path$="/title"] input').evaluate_all("els => els.map(e => e.value)")
    assert titles == ["First report", "Third report"]
    form.reload()
    form.wait_for_selector("[data-proposal][data-ready]")
    assert field(form, "sources").locator('[data-path$="/title"] input').evaluate_all(
        "els => els.map(e => e.value)"
    ) == ["First report", "Third report"]


def test_hostile_answers_come_out_as_text(form):
    """Markup, YAML syntax and YAML 1.1's booleans and numbers typed as answers reach the file
    as the same text, and never the page as markup."""
    dialogs: list[str] = []
    form.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    answer_everything(form)
    tricky = {
        "title": "<script>alert(1)</script> & Yes",
        "setting": "yes",
        "locality": "010",
        "headline": "1:20 — !!binary *alias &anchor # not a comment: {a: b}",
        "evidence/rated_by": "- not a list",
    }
    form.locator('[data-goto="1"]').click()
    fill(form, "id", TYPED_ID)
    for path, value in tricky.items():
        form.locator(f'[data-goto="{step_of(path)}"]').click()
        fill(form, path, value)
    data = yaml.safe_load(the_file(form))
    assert data["title"] == tricky["title"] and data["setting"] == "yes" and data["locality"] == "010"
    assert data["headline"] == tricky["headline"] and data["evidence"]["rated_by"] == "- not a list"
    assert form.locator("[data-yaml] script").count() == 0
    assert dialogs == []


def settled_scan(page) -> list[str]:
    """axe's findings once Material's header has finished fading between the site's name and
    the page's title (it does when the page scrolls; mid-fade its text fails contrast)."""
    page.wait_for_timeout(500)
    return scan(page)


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_form_has_no_violations(browser, site_url, viewport):
    page = browser.new_page(viewport=viewport)
    page.goto(site_url + FORM)
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("[data-proposal][data-ready]")
    found = {}
    for step in range(1, FINISH):
        page.locator(f'[data-goto="{step}"]').click()
        found[f"step {step}"] = settled_scan(page)
        # Steps whose fields are all optional, or filled in already, get a mistake to show.
        if step == step_of("outcomes"):
            fill(page, "outcomes/0/change/percent", "a lot")
        if step == step_of("costs"):
            page.locator('[data-path="costs"] [data-add]').click()
            fill(page, "costs/0/amount", "a lot")
        if step == step_of("contact"):
            fill(page, "contact/email", "not an address")
        continue_(page)
        page.locator("[data-errors]").wait_for(state="visible")
        found[f"step {step} with errors"] = settled_scan(page)
        if step == step_of("costs"):  # the cost was there to show a mistake: remove it
            page.locator('[data-path="costs"] [data-remove]').click()
    answer_everything(page)
    fill(page, "contact/email", "")
    the_file(page)
    found["ready to send"] = settled_scan(page)
    page.close()
    assert {name: v for name, v in found.items() if v} == {}


def test_on_a_phone_nothing_needs_sideways_scrolling(browser, site_url):
    page = browser.new_page(viewport=PHONE)
    page.goto(site_url + FORM)
    page.wait_for_selector("[data-proposal][data-ready]")
    for step in range(1, FINISH):
        page.locator(f'[data-goto="{step}"]').click()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], step
    page.close()
