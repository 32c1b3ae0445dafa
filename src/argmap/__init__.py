"""argmap: claims as code for policy argument analysis.

The public Python API is small: open a claims folder with :func:`open_claims`,
then audit, export or render it. Importing this package imports nothing
heavy; the names below load their modules on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from argmap.check.project import Project, open_claims
    from argmap.diagnostics import Diagnostic

__all__ = ["Diagnostic", "Project", "__version__", "open_claims"]

_LAZY = {
    "Diagnostic": "argmap.diagnostics",
    "Project": "argmap.check.project",
    "open_claims": "argmap.check.project",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'argmap' has no attribute {name!r}")
