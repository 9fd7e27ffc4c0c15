"""Turns the case-study collection in practice/ into pages for a static site.

The core (loading, validation, the model, rendering) knows nothing of MkDocs; the MkDocs
plugin in generator.adapters.mkdocs_plugin is a thin adapter over it.
"""
