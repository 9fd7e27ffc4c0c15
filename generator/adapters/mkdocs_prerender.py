"""Each generated page made whole, theme and all, on every core, before MkDocs' page loop.

MkDocs writes pages one at a time on one core, and the theme's template (Material's, with its
navigation) costs as much again as the page's body. Once every page is known (on_env), forked
workers make each generated page exactly as MkDocs' loop would (`_build_page`: the page made
active, MkDocs' own template context, the plugins' page_context and post_page events, the
theme's template) and store it; the loop then writes each through PRERENDERED, a template
that prints the stored page as it is, added to the theme's templates here. The tests that two
engines build the same site and that two builds are byte-identical hold this to MkDocs' own
output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation

from generator.adapters.mkdocs_pages import GeneratedPage
from generator.render.parallel import Job, ParallelRenderError, run_in_workers

PRERENDERED = "practice-prerendered.html"  # prints page.content, the stored page; added to the theme's loader


def prerender(
    files: Files, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment, folder: Path, workers: int
) -> None:
    """Every generated page of a build (not a preview), made whole into `folder`."""
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    pages = {f.src_uri: f.page for f in doc_files if isinstance(f.page, GeneratedPage)}
    jobs = {uri: _whole_page(page, config, nav, env, doc_files) for uri, page in pages.items()}
    try:
        made = run_in_workers(jobs, folder, workers)
    except ParallelRenderError as error:
        raise PluginError(f"a generated page could not be made:\n{error}") from None
    env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({PRERENDERED: "{{ page.content }}"}), env.loader])
    for uri, page in pages.items():
        page.final = made[uri][0]
        page.meta["template"] = PRERENDERED
        if page.stored is not None:  # its body is in the whole page now (and a RAM-backed /tmp holds less)
            page.stored.html_file.unlink(missing_ok=True)


def _whole_page(
    page: GeneratedPage, config: MkDocsConfig, nav: Navigation, env: jinja2.Environment, doc_files: Any
) -> Job:
    def job() -> tuple[str, Any]:
        config._current_page = page
        page.active = True
        try:
            context = get_context(nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
            output = config.plugins.on_post_page(template.render(context), page=page, config=config)
            return output, None
        finally:
            page.active = False
            config._current_page = None

    return job
