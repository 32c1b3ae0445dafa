"""The names of the interchange formats, as `import --format` and `export --format` take them.

Kept apart from the readers and writers so that the command line can offer
the choices without importing any of them (and the model behind them).
"""

from __future__ import annotations

from enum import StrEnum


class ExportFormat(StrEnum):
    """Output formats of `export`."""

    json = "json"
    argdown = "argdown"
    aif = "aif"
    graphml = "graphml"
    csl_json = "csl-json"
    claimreview = "claimreview"


class ImportFormat(StrEnum):
    """The formats `argmap import` reads."""

    argdown = "argdown"
    aif = "aif"
    kialo = "kialo"
