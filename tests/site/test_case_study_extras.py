"""Outcome charts, "cite this" and the print stylesheet on case-study pages."""

from __future__ import annotations

import html as html_module
import json
import re

import pytest

from generator.render.charts import outcome_chart
from tests.support.browser import launch_chromium, serve
from tests.support.site_html import read_page


def test_chart_bars_are_proportional_to_the_figures(shipped):
    leeds = next(c for c in shipped.case_studies if c.id == "leeds-family-valued")
    outcome = next(o for o in leeds.outcomes if o.baseline and o.follow_up and o.baseline.value == 974)
    chart = outcome_chart(outcome)
    baseline, follow_up = chart.bars
    assert (baseline.value, follow_up.value) == ("974", "515")
    assert follow_up.percent / baseline.percent == pytest.approx(515 / 974, abs=0.01)
    assert "974 (2011) before, 515 (2017) after, a change of \u221247%" in chart.text


def test_every_comparable_outcome_has_an_accessible_chart_inside_it(built_site, shipped):
    """Charts only for figures that can be compared (never a count), each inside its outcome,
    in the colour of a result that worked only where the outcome improved."""
    for case_study in shipped.case_studies:
        html = (built_site / "practice" / case_study.id / "index.html").read_text(encoding="utf-8")
        items = re.findall(r'<li class="outcome outcome--[a-z-]+">(.*?)</li>', html, re.S)
        # Results first, then counts of reach and activity, each in the file's order.
        shown = sorted(case_study.outcomes, key=lambda o: o.design == "count")
        assert len(items) == len(shown), case_study.id
        for inner, outcome in zip(items, shown, strict=True):
            charted = (outcome.baseline or outcome.comparison) and outcome.follow_up and outcome.design != "count"
            figure = re.search(r'<figure class="outcome-chart" aria-labelledby="([^"]+)">', inner)
            assert bool(figure) == bool(charted), (case_study.id, outcome.measure)
            if not charted:
                continue
            label_id = figure.group(1)
            caption = html_module.unescape(
                re.search(rf'<figcaption id="{label_id}">([^<]+)</figcaption>', inner).group(1)
            )
            assert outcome.measure in caption
            reference = outcome.baseline or outcome.comparison
            assert f"{reference.value:,g}" in caption and f"{outcome.follow_up.value:,g}" in caption
            assert ("in the comparison group" in caption) == (outcome.baseline is None)
            assert ('outcome-chart__bar--follow-up"' in inner) == (outcome.direction == "improved")


def test_no_chart_text_falls_outside_its_chart_from_320_to_1280_px(built_site):
    """On every case study with a chart, at 320, 375, 768 and 1280 px, each label and value is
    whole (a long "when" such as "November 2014 to March 2015" wraps rather than being cut off)
    and inside its chart's box, which is inside the screen."""
    charted = sorted(
        path.parent.name
        for path in (built_site / "practice").glob("*/index.html")
        if 'class="outcome-chart"' in path.read_text(encoding="utf-8")
    )
    assert len(charted) >= 10
    with launch_chromium() as browser, serve(built_site) as url:
        for width in (320, 375, 768, 1280):
            page = browser.new_page(viewport={"width": width, "height": 800})
            for case_id in charted:
                page.goto(url + f"practice/{case_id}/")
                outside = page.evaluate(
                    """() => Array.from(document.querySelectorAll('.outcome-chart')).flatMap(chart => {
                        const box = chart.getBoundingClientRect();
                        if (box.left < 0 || box.right > innerWidth + 1) return ['the chart itself'];
                        const texts = '.outcome-chart__label, .outcome-chart__value, figcaption';
                        return Array.from(chart.querySelectorAll(texts))
                            .filter(el => { const r = el.getBoundingClientRect();
                                return el.scrollWidth > el.clientWidth + 1 || r.left < box.left - 1
                                    || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1; })
                            .map(el => el.textContent);
                    })"""
                )
                assert outside == [], (width, case_id, outside)
            page.close()


def test_cite_this_gives_text_and_csl_json(built_site, shipped):
    for case_study in shipped.case_studies:
        page = read_page(built_site / "practice" / case_study.id / "index.html")
        assert f"{case_study.title}: case study of {case_study.locality}" in page.text
        html = (built_site / "practice" / case_study.id / "index.html").read_text(encoding="utf-8")
        block = re.search(r'<pre class="citation__csl"><code>(.*?)</code></pre>', html, re.S).group(1)
        [csl] = json.loads(html_module.unescape(block))
        assert csl["title"] == case_study.title
        assert csl["id"] == case_study.id
        assert csl["issued"]["date-parts"] == [
            [case_study.published.year, case_study.published.month, case_study.published.day]
        ]


def test_a_case_study_prints_on_a4_without_the_site_chrome(built_site):
    with serve(built_site) as url, launch_chromium() as browser:
        page = browser.new_page()
        page.goto(url + "practice/leeds-family-valued/")
        page.wait_for_load_state("networkidle")
        page.emulate_media(media="print")
        for selector in (".md-header", ".md-sidebar--primary", ".practice-search", ".md-footer"):
            assert page.locator(selector).first.is_hidden(), selector
        assert page.locator("h1").is_visible()
        pdf = page.pdf(prefer_css_page_size=True)
        media_box = re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
        assert (round(float(media_box.group(1))), round(float(media_box.group(2)))) == (595, 842)


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def test_each_source_is_cited_with_what_is_known_of_it_and_says_when_it_is_undated(built_site, shipped):
    """Publisher and date appear only when the file gives them; an undated source says so."""
    for case_study in shipped.case_studies:
        page = (built_site / "practice" / case_study.id / "index.html").read_text(encoding="utf-8")
        listed = re.split(
            r'<li id="source-[a-z0-9-]+">', page.split('<ol class="sources">', 1)[1].split("</ol>", 1)[0]
        )[1:]
        assert len(listed) == len(case_study.sources), case_study.id
        for item, source in zip(listed, case_study.sources, strict=True):
            text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", item)).split())
            after_title = text.split(" ".join(source.title.split()) + ". ", 1)[1]
            publisher = " ".join(source.publisher.split())
            when = after_title.removeprefix(publisher + ", ") if publisher else after_title
            assert when != after_title or not publisher, (case_study.id, text)  # the publisher, then a comma
            if not source.date:
                assert when.startswith("undated." if publisher else "Undated."), (case_study.id, text)
            else:
                year, *rest = source.date.split("-")
                shown = re.match(r"(?:\d{1,2} )?(?:([A-Z][a-z]+) )?(\d{4})\.", when)
                assert shown and shown.group(2) == year, (case_study.id, text)
                assert shown.group(1) == (MONTHS[int(rest[0]) - 1] if rest else None), (case_study.id, text)
            access = {"full-text": "read in full", "summary": "authors' summary"}.get(source.access)
            if access:
                assert f"Held: {access}." in text, (case_study.id, text)  # how much of it the repository holds
            if source.url:
                assert source.url in text
