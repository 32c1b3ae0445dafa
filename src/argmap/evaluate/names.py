"""The names of the semantics and of the support readings, as the command line takes them.

Kept apart from the solvers so that `argmap --help` can list the choices without
importing them.
"""

from __future__ import annotations

from enum import StrEnum


class Semantics(StrEnum):
    """The semantics `argmap evaluate --semantics` offers."""

    grounded = "grounded"
    """The sceptic's labelling: in only what every attack leaves standing."""
    complete = "complete"
    """Every labelling that is consistent and defends what it accepts."""
    preferred = "preferred"
    """The complete labellings that accept as much as they can."""
    stable = "stable"
    """The labellings that leave nothing undecided (there may be none)."""
    dfquad = "dfquad"
    """DF-QuAD gradual strength, 0 to 1."""


class SupportMode(StrEnum):
    """How `supports` turns into attacks."""

    deductive = "deductive"
    """Cayrol and Lagasquie-Schiex (2005): supported and secondary attacks."""
    necessary = "necessary"
    """The supported claim needs its supporter: secondary and extended attacks."""
