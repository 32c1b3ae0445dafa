"""Load: from files on disk to validated models with positions, and safe writes back.

The room holds what finds and reads files (``discovery``, ``files``, ``folders``,
``limits``, ``source_texts``), what one file contributes (``facts``), and the
loaders of one file and of a whole folder (``loader``, ``incremental``, with
``places`` remembering positions between runs). Two sub-rooms do the rest:

- :mod:`argmap.load.yaml` reads YAML text within the limits and locates values;
- :mod:`argmap.load.cache` keeps parse results and facts by content hash.

Load imports only ``texts``, ``diagnostics``, ``codes`` and ``model`` of argmap.
Nothing here knows about references between files.
"""
