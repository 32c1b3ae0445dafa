"""Caching: what a run can reuse from the last, keyed by the hash of a file's bytes.

The parse cache of models (``parse_cache``, filled on every core by ``prewarm``,
read back without validation by ``trusted``), the facts cache (``facts_cache``)
and the hash book that knows which files changed (``hashes``).

May import :mod:`argmap.load.facts`, :mod:`argmap.load.files`,
:mod:`argmap.load.limits`, ``texts`` and ``model``; never the YAML readers
(:mod:`argmap.load.yaml`) nor the loaders above it.
"""
