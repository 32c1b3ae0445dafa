"""Reading YAML: text to plain data within the limits, and where each value sits.

The parsers (``fast`` with yaml-rs, ``source`` with libyaml and the counting
constructor of ``build``/``scalars``, on the schema of ``schema``), positions by
path (``positions``, ``quickpositions``) and pydantic errors turned into located
diagnostics (``validation_errors``).

May import :mod:`argmap.load.limits`, ``diagnostics`` and ``model``; never the
cache (:mod:`argmap.load.cache`) nor the loaders above it.
"""
