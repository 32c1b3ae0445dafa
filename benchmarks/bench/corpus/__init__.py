"""The synthetic corpus generator: deterministic claims files and the same map as Argdown.

Everything it writes comes from ``random.Random(N)``; ``run.py`` regenerates its cached
corpora when any file of this package, or ``generate.py``, changes.
"""

from bench.corpus.write import generate

__all__ = ["GENERATOR_VERSION", "generate"]

GENERATOR_VERSION = "1"
"""Bump when the output changes, so run.py regenerates cached corpora."""
