"""Render the collection to site pages: pure functions returning {source path: content}.

Pages are Markdown documents for the site engine whose every piece of contributed text sits
inside HTML blocks produced by autoescaping Jinja templates, so no contributed text is ever
read as Markdown, HTML or a template by the engine.
"""
