"""Adapters: the `practice` command and the MkDocs plugin, thin layers over the core."""
