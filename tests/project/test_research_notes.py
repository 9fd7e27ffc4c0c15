"""How the figure test reads the research notes: only a bullet's quoted excerpt is evidence,
under the case study its heading or its own label names, for exactly the field it names; and a
hostile line is read in time linear in its length."""

from __future__ import annotations

import time

from tests.support.research_notes import excerpts_by_figure, excerpts_in, figure_field

NOTE = """# Stored excerpts

## leeds-family-valued

- `outcomes[0].baseline` 974: https://example.org/a — "The number fell from 974 in 2011" (a note with "quotes")
- `outcomes[0].follow_up.value` 515: https://example.org/a — "down to 515 in 2017"
- `outcomes[0].baseline_note` 12: https://example.org/a — "twelve of them"

## Sources we rejected

- `outcomes[1].baseline` 60: https://example.org/b — "60 families"

- pause `costs[0].amount_range` £3m: https://example.org/c — "handed £3m"
- pause `costs[0].amount_range.low` £1.2-2.1m: https://example.org/c — "savings between £1.2-2.1m per year"
"""


def _read(tmp_path, text):
    note = tmp_path / "note.md"
    note.write_text(text, encoding="utf-8")
    return list(excerpts_in(note))


def test_only_the_excerpt_counts_under_the_case_study_its_heading_names(tmp_path):
    excerpts = _read(tmp_path, NOTE)
    quoted = excerpts_by_figure(excerpts)
    assert quoted[("leeds-family-valued", "outcomes[0].baseline")] == ["The number fell from 974 in 2011"]
    assert quoted[("leeds-family-valued", "outcomes[0].follow_up")] == ["down to 515 in 2017"]
    # Another heading ends Leeds's bullets: the one under it belongs to no case study.
    assert ("leeds-family-valued", "outcomes[1].baseline") not in quoted
    assert quoted[("pause", "costs[0].amount_range.low")] == ["savings between £1.2-2.1m per year"]
    assert set(quoted) == {
        ("leeds-family-valued", "outcomes[0].baseline"),
        ("leeds-family-valued", "outcomes[0].follow_up"),
        ("pause", "costs[0].amount_range.low"),
    }


def test_a_field_is_named_exactly():
    assert figure_field("outcomes[2].follow_up.value") == "outcomes[2].follow_up"
    assert figure_field("outcomes[0].baseline_note") is None
    assert figure_field("costs[0].amount_range") is None
    assert figure_field("costs[0].amount") == "costs[0].amount"
    assert figure_field("description") is None


def test_a_long_hostile_line_is_read_in_linear_time(tmp_path):
    """A line full of near-misses (what made a backtracking pattern take 28 s on 27 KB)."""
    for unit in ("`x` " + ': y — "' * 3, '"' * 3 + " (", ": a — " * 3):
        line = "- `outcomes[0].baseline` 1: " + unit * 20_000
        started = time.perf_counter()
        _read(tmp_path, "## leeds-family-valued\n" + line + "\n")
        assert time.perf_counter() - started < 2, unit
