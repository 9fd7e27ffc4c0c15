"""What `practice validate` says when a case study breaks a rule beyond the JSON Schema: each
message and its fix, as a template stated once.

The validator's rules (rules.py, outcome_rules.py) fill these with `say`; the proposal form's
checks (frontend/proposal/rules.js) fill the very same templates, which reach the browser
through generator/contract.py, so a contributor reads the same words from the form as from the
pull request's checks. A template names its values in braces ({end}); the caller formats each
value (format_number, shown) before it is put in, and a value is never read as a template.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "placeholder": (
        "placeholder not filled in: {value}",
        "replace the TODO text with the real value (see the comment above it)",
    ),
    "placeholders-more": ("more than {limit} placeholders; fill these in first", ""),
    "period-backwards": (
        "period ends ({end}) before it starts ({start})",
        "swap the years, or correct the one that is wrong",
    ),
    "period-starts-later": ("period starts in the future ({start})", "use a past year"),
    "period-ends-later": (
        "period ends in the future ({end}): the years are those the sources document",
        "write end: ongoing for practice still running at the last report",
    ),
    "reviewed-before-published": (
        "last_reviewed ({reviewed}) is before published ({published})",
        "a case study cannot be reviewed before it is published; correct one of the dates",
    ),
    "date-later": ("{field} ({value}) is in the future", "use a date on or before {today}"),
    "source-date-not-real": (
        "'{value}' is not a real date",
        "write YYYY-MM-DD, YYYY-MM or YYYY with a real month and day",
    ),
    "source-date-later": (
        "sources[{index}].date ({value}) is in the future",
        "give the date the document was published, on or before {today}",
    ),
    "range-backwards": (
        "the range runs backwards: from {low} down to {high}",
        "low is the smaller amount and high the larger; swap them, or correct the one that is wrong",
    ),
    "total-not-per-unit": (
        "the unit says '{unit}', a total, but covers says {covers}",
        "write covers: total; give a cost per family or per child only where the source gives one, never a "
        "total divided",
    ),
    "per-unit-not-total": (
        "the unit says '{unit}', an amount per something, but covers says total",
        "write covers: per-family, per-child or per-year as the unit says, or correct the unit",
    ),
    "source-id-repeated": (
        "the source id '{id}' is used by an earlier source too",
        "give each source its own id, and point each outcome's source: at the right one",
    ),
    "source-unknown": ("no source in this file has the id '{id}'", "{guess}the sources' ids: {listed}"),
    "direction-not-design": (
        "direction '{direction}' does not fit design '{design}': a count of reach or activity "
        "(design: count) is never a change, and only a count has direction: not-applicable",
        "for a count write design: count and direction: not-applicable; for a change, give the design "
        "it was measured by and what it showed",
    ),
    "output-not-count": (
        "the outcome area '{domain}' counts reach or activity, so its design must be count",
        "write design: count and direction: not-applicable, or choose the outcome area of the change",
    ),
    "direction-against-figures": (
        "direction is '{direction}', but the figures ({figures}, where {better} is better) {how}",
        "check the figures and better: against the source; where the practice made no clear difference "
        "write direction: no-clear-change, and where results got worse, direction: worse",
    ),
    "improvement-within-chance": (
        "direction is 'improved', but the reported interval ({low} to {high}) includes no effect "
        "(1 for a ratio, otherwise 0)",
        "write direction: no-clear-change, as the source's own interval shows; check the interval against the source",
    ),
    "comparison-without-group": (
        "design '{design}' compares with a group that did not receive the practice, but the figures given "
        "are before and after",
        "give the comparison group's figure as comparison:, or write the design the figures come from "
        "(before-and-after)",
    ),
    "percent-against-figures": (
        "the change in percent ({percent}) goes the other way from the figures ({figures})",
        "a fall is negative and a rise positive; check both against the source",
    ),
    "comparison-size-without-design": (
        "a comparison group's size is given, but the design is '{design}'",
        "give sample.comparison only for a randomised-trial or comparison-group design",
    ),
    "interval-downwards": (
        "the interval runs downwards ({low} to {high})",
        "write the lower end as low and the higher end as high",
    ),
    "stopped-but-ongoing": (
        "the practice stopped (stopped: is given), but period.end says ongoing",
        "give the year it stopped as period.end, or remove stopped:",
    ),
    # The description's Markdown (check/markdown_check.py; NOT_ALLOWED there words each construct).
    "markdown-nested": (
        "lists or quotes are nested too deeply to show",
        "use at most a few levels of lists and quotes ('>')",
    ),
    "markdown-reference-character": (
        "contains a control character ({character}, written as an HTML character reference)",
        "delete the reference (the text starting '&' and ending ';')",
    ),
    "markdown-link": (
        "link to '{href}' is not allowed: links must be web addresses starting http:// or https://, with no "
        "user name or backslash",
        "link to a web page by its plain address, or remove the link and keep the text",
    ),
    "markdown-reference-links": (
        "reference-style links ([text][name] with a line '[name]: address') are not allowed",
        "write each link in full where it is used: [text](https://...)",
    ),
    "markdown-more": ("more than {limit} problems in the description; fix these first", ""),
    # The parts of the figures that "direction-against-figures" and "percent-against-figures" quote.
    "figures-against-comparison": ("{follow_up} against the comparison group's {reference}", ""),
    "figures-against-before": ("{follow_up} against {reference} before", ""),
    "figures-percent": ("a change of {percent}%", ""),
    "did-not-move": ("did not move", ""),
    "moved-the-way": ("moved the way that is {which}", ""),
    "did-you-mean": ("did you mean '{guess}'? ", ""),
}


def say(key: str, **values: object) -> tuple[str, str]:
    """The message and the fix for `key`, with `values` put in."""
    message, hint = WORDS[key]
    return message.format_map(values), hint.format_map(values)


def part(key: str, **values: object) -> str:
    """A piece of a message (the figures a message quotes), with `values` put in."""
    return say(key, **values)[0]
