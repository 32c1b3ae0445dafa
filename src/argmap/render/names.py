"""The names of the layout strategies, as `--layout` takes them.

Kept apart from :mod:`argmap.render.dot.layout` (which runs Graphviz and hashes
its output) so that the command line can offer the choices, and `argmap
--help` can list them, without importing hashlib, subprocess or zlib.
"""

from __future__ import annotations

from enum import StrEnum


class Layout(StrEnum):
    """Layout strategies `--layout` takes."""

    auto = "auto"
    """Pick by node count: dot, dot with fast settings, or sfdp."""
    dot = "dot"
    """Plain `dot`: the best hierarchy, slow past about 1,200 nodes."""
    fast = "fast"
    """`dot` with its crossing minimisation and network simplex capped."""
    sfdp = "sfdp"
    """Graphviz's force-directed engine: any size, no ranks."""
