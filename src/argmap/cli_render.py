"""Render commands (map, brief, perspectives, render), registered on the main app.

Kept apart from :mod:`argmap.cli` so that file stays small; like it, these
commands import the library lazily and are the only code that writes renders.
"""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the render commands to *app*."""
