"""The proposal form's own words: its steps, and help in plain language where the schema's
descriptions are written for people editing the file. The fields themselves, their labels and
choices come from the schema and the taxonomy (proposal_form.py)."""

from __future__ import annotations

# (title, what the step asks for, top-level properties in the order asked)
STEPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (
        "The practice",
        "Its name, who runs it, where and when.",
        ("title", "locality", "id", "region", "period", "stopped", "model"),
    ),
    (
        "What it does",
        "What the practice is and what it achieved, in plain words.",
        ("summary", "headline", "description"),
    ),
    (
        "Themes and characteristics",
        "The areas it belongs to, and how it shows the characteristics of effective early intervention.",
        ("themes", "characteristics"),
    ),
    (
        "Who it is for",
        "The children, young people and families it serves, where, and with whom.",
        ("audience", "setting", "partners"),
    ),
    (
        "Sources",
        "Every document a figure or a claim comes from.",
        ("sources",),
    ),
    (
        "Results",
        "What the sources report: each outcome with its figures, including results that did not improve. Give "
        "only what the sources say.",
        ("outcomes",),
    ),
    (
        "Costs and savings",
        "What the practice costs, and savings others claim for it, where the sources say.",
        ("costs", "claimed_savings"),
    ),
    (
        "Evidence rating",
        "The rating you propose and what it rests on. The editors check it against the sources before publishing.",
        ("evidence",),
    ),
    (
        "How to adopt it",
        "What another area would need to take it up, and whom to ask.",
        ("implementation", "contact", "published", "last_reviewed"),
    ),
)

# The form's own help, in plain language, where the schema's description is written for people
# editing the file (it names fields, files and YAML). The schema stays the one definition of
# what each field holds; this says the same to someone who will never see the file. Fields not
# listed show the schema's description; tests/site/test_proposal_form_page.py fails on help that
# names a file, a field or a value as the file writes it.
FORM_HELP: dict[str, str] = {
    "id": "Made from the name as you type it, for the case study's web address: lowercase letters, digits and "
    "single hyphens. Change it only if it is already taken.",
    "region": "Where the practice runs. Choose National for a programme run across a country.",
    "stopped": "If the practice has stopped: why, as the sources say. The last year above is then the year it stopped.",
    "model": "If the practice follows a named model, such as Family Safeguarding, choose it here.",
    "model/id": "The model, if it is one of those listed.",
    "model/role": "Whether this area developed the model, took it up from elsewhere, or is a national programme "
    "that funded or spread it.",
    "summary": "One to three plain sentences, as the lists of case studies and the search results show it.",
    "headline": "The main result in one plain sentence, with figures only as the outcomes give them. If there are "
    'no results yet, say so, for example "Started in 2019; no results reported yet".',
    "description": "What the practice is, who it serves and how it works. You may use **bold**, *italic*, lists "
    "(lines starting with - or 1.) and links written [text](https://...). Headings, HTML and images are not shown.",
    "themes": "The areas of children's services the practice belongs to, as C4EO grouped them.",
    "characteristics": "Which of the five emerging characteristics of effective early intervention (ADCS, 18 March "
    "2010) the practice shows, each with a sentence or two on how it shows it. Describe at least one, and leave "
    "empty those the sources do not show.",
    "audience/age_groups": "The ages of the children and young people it serves.",
    "outcomes": "The results the sources report: what was measured, for whom, the figures where known, and the "
    "change as the source words it. Leave this empty if the sources report no results yet.",
    "outcomes/*/domain": "What kind of result it is.",
    "outcomes/*/design": "How the figures were measured. Choose Count for a count of families reached or work done, "
    "which has nothing to compare it with.",
    "outcomes/*/direction": "What the figures show, as the source reports it. Results that did not improve are "
    "published as plainly as those that did. Choose Not applicable for a count.",
    "outcomes/*/better": "Whether a lower or a higher figure is better for children and families. Needed whenever "
    "there are two figures to compare, or a change in percent.",
    "outcomes/*/baseline/when": "A year (2011), a financial year (2010/11) or a period (first 18 months).",
    "outcomes/*/follow_up/when": "A year (2011), a financial year (2010/11) or a period (first 18 months).",
    "outcomes/*/comparison": "Only where the source compares two groups, such as families who did not receive the "
    "practice: that group's figure, and who they were. Give the figure for those who received it under After.",
    "outcomes/*/comparison/when": 'Who the comparison group were, for example "families not referred".',
    "outcomes/*/note": "What the figure does and does not show.",
    "outcomes/*/source": "The short name of the source the figures come from, as you gave it in the step before.",
    "costs": "What the practice costs, where the sources say. Savings others claim go in the next part, not here.",
    "costs/*/amount": "A single amount as a plain number, such as 26000000 for £26m; or give a range below instead.",
    "costs/*/amount_range": "A lowest and a highest amount, instead of a single amount.",
    "costs/*/currency": "A three-letter code: GBP for pounds sterling, EUR for euros.",
    "costs/*/covers": "Which kind of amount it is, as the source gives it, so that readers compare like with like. "
    "Never divide a total to make a cost per family.",
    "claimed_savings/*/what": 'What is saved, for example "fewer children entering care".',
    "claimed_savings/*/amount": "A single amount as a plain number, such as 26000000 for £26m; or give a range below "
    "instead.",
    "claimed_savings/*/amount_range": "A lowest and a highest amount, instead of a single amount.",
    "claimed_savings/*/currency": "A three-letter code: GBP for pounds sterling, EUR for euros.",
    "claimed_savings/*/covers": "Which kind of amount it is, as the source gives it: per family, per child, a year, "
    "in total, or a return on each pound spent.",
    "evidence/rating": "How strong the evidence is. Each rating needs the evidence its description names; the form "
    "tells you if yours does not support it, and the editors check it before publishing.",
    "evidence/basis": "The kinds of evidence the sources give.",
    "sources/*/id": "A short name for this source, used to say which source each outcome's figures come from: "
    "lowercase letters, digits and single hyphens, for example dfe-evaluation-2017.",
    "sources/*/kind": "What kind of document it is.",
    "sources/*/date": "When the document was published: 2017-09-30, 2017-09 or 2017, as much as is known. Leave it "
    "empty if the document is undated, as many web pages are.",
    "sources/*/access": "How much of the document you read, which is as much of it as the case study can rest on. "
    "When in doubt, choose the lesser, and say in the note what you read.",
    "implementation/set_up_months": "How many months it took to set up, where a source says.",
    # The date boxes say how to write a date themselves (propose.html.j2).
    "evidence/rated_on": "The day the rating was applied.",
    "published": "The day the case study is first published here: today, for a new one.",
    "last_reviewed": "The day someone last checked the case study against its sources: today, for a new one.",
}
