"""The benchmark harness behind ``generate.py`` and ``run.py``.

``bench.corpus`` writes synthetic corpora; the other modules run argmap, the Argdown
CLI and a YAML-parse floor on them, and report. Nothing here is part of argmap.
"""
