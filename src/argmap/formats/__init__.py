"""Formats: interchange readers and writers, one sub-room per foreign format.

- :mod:`argmap.formats.argdown`, :mod:`argmap.formats.aif`, :mod:`argmap.formats.kialo`:
  each reads its format into an argmap claims file (and writes it, for Argdown and AIF);
- at the top: the one-module writers (``json_export``, ``csl_write``,
  ``claimreview_write``, ``graphml_write``, ``yaml_write``), the tables the CLI
  picks from (``exporters``, ``importers``, ``names``) and what every importer
  returns (``imported``).

Formats import ``check``, ``corpus``, ``load`` and below, never ``render`` or ``cli``.
The per-format rooms are independent of each other.
"""
