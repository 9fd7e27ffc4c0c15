"""The templates' Jinja environment: autoescaping, strict undefined names, and the filters and
functions every template may use."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from generator.render import costs, formatting
from generator.render.charts import outcome_chart
from generator.render.markdown_subset import render_description
from generator.render.outcome_sentence import is_reach


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    # render_description escapes everything it does not turn into an allowed element.
    env.filters["description_html"] = lambda text: Markup(render_description(text))
    env.filters["number"] = formatting.format_number
    env.filters["money"] = formatting.format_money
    env.filters["long_date"] = formatting.format_date
    env.filters["partial_date"] = formatting.format_partial_date
    env.globals["computed_change"] = formatting.computed_change
    env.globals["cost_line"] = costs.cost_line
    env.globals["cost_key"] = costs.cost_key
    env.globals["lead_cost"] = costs.lead_cost
    env.globals["price_year_words"] = costs.price_year_words
    env.globals["kind_words"] = costs.kind_words
    env.globals["sample_words"] = formatting.sample_words
    env.globals["outcome_chart"] = outcome_chart
    env.tests["reach"] = is_reach  # outcomes | select("reach"): counts of reach or activity
    return env


TEMPLATES = _environment()
