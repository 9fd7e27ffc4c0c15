"""Render the collection to site pages and data files: pure functions of the case studies,
the taxonomy and the settings.

Every page is finished HTML from autoescaping Jinja templates (generator.render.page), so no
contributed text is ever read as Markdown, HTML or a template by the site engine.
"""
