"""One evaluation of a claim graph: labels, extensions or strengths, and a why per claim.

:func:`evaluate` runs a semantics over a :class:`ClaimGraph` and returns an
:class:`Evaluation` that names only claims (units, the links that became arguments,
show up in the why-lines). Under complete, preferred and stable semantics a claim's
label is the sceptic's: in when every labelling accepts it, out when every one defeats
it, undec otherwise; credulous acceptance is kept beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from argmap.evaluate.bipolar import ClaimGraph, Translation, translate
from argmap.evaluate.dfquad import DEFAULT_BASE, SOURCING_BASE, contributions, strengths
from argmap.evaluate.framework import Label, Labelling
from argmap.evaluate.grounded import grounded
from argmap.evaluate.names import Semantics, SupportMode
from argmap.evaluate.search import PartSolver, labellings
from argmap.evaluate.why import why

LABELLED = (Semantics.grounded, Semantics.complete, Semantics.preferred, Semantics.stable)
"""The semantics that label claims in, out or undec."""


@dataclass
class Evaluation:
    """What a semantics says of every claim."""

    semantics: Semantics
    labels: dict[str, Label] = field(default_factory=dict)
    """Each claim's label (empty for dfquad, and when no stable labelling exists)."""
    extensions: list[list[str]] = field(default_factory=list)
    """The accepted claims of each labelling, sorted (one for grounded)."""
    strength: dict[str, float] = field(default_factory=dict)
    """Each claim's DF-QuAD strength (dfquad only)."""
    why: dict[str, str] = field(default_factory=dict)
    """Each claim's reason, in one line."""
    credulous: set[str] = field(default_factory=set)
    """Claims some labelling accepts."""
    flagged: dict[str, str] = field(default_factory=dict)
    """Claims kept but flagged (disputed, draft) with their status."""
    removed: dict[str, str] = field(default_factory=dict)
    """Claims left out (retracted, superseded) with their status."""
    notes: list[str] = field(default_factory=list)
    """Answers that are not labels: no stable labelling, no convergence."""

    def to_json(self) -> dict[str, Any]:
        """The JSON contract: semantics, labels, extensions, strength (dfquad), why."""
        out: dict[str, Any] = {
            "semantics": self.semantics.value,
            "labels": {k: v.value for k, v in sorted(self.labels.items())},
            "extensions": self.extensions,
        }
        if self.semantics is Semantics.dfquad:
            out["strength"] = {k: round(v, 6) for k, v in sorted(self.strength.items())}
        out["why"] = dict(sorted(self.why.items()))
        return out


@dataclass(frozen=True)
class Settings:
    """How to evaluate: support reading, base scores, solver for large cores."""

    support: SupportMode = SupportMode.deductive
    """deductive (supported and secondary attacks) or necessary."""
    base_from_sourcing: bool = False
    """Start claims from their sourcing tier's base score instead of 0.5."""
    tier_base: tuple[tuple[str, float], ...] = tuple(SOURCING_BASE.items())
    """The base score of each sourcing tier (with `--base-from sourcing`)."""
    large: PartSolver | None = None
    """Labels an undecided part too large to search natively (clingo), if available."""


def evaluate(graph: ClaimGraph, semantics: Semantics, settings: Settings) -> Evaluation:
    """Evaluate *graph* under *semantics*."""
    t = translate(graph, settings.support)
    result = Evaluation(semantics, flagged=t.flagged, removed=t.removed)
    if semantics is Semantics.dfquad:
        _gradual(t, graph, settings, result)
        return result
    ground = grounded(t.framework)
    if semantics is Semantics.grounded:
        found = [ground]
    else:
        found = labellings(t.framework, ground, semantics.value, settings.large)
    result.extensions = sorted(
        sorted(c for c, i in t.claims.items() if labels[i] is Label.in_) for labels in found
    )
    if not found:
        result.notes.append(f"no {semantics.value} labelling exists: an odd attack cycle")
        return result
    if len(found) == 1:  # grounded, or a single labelling: no sceptical reading needed
        only = found[0]
        result.labels = {claim: only[i] for claim, i in t.claims.items()}
        result.credulous = {c for c, label in result.labels.items() if label is Label.in_}
    else:
        for claim, i in t.claims.items():
            seen = {labels[i] for labels in found}
            result.labels[claim] = seen.pop() if len(seen) == 1 else Label.undec
            if Label.in_ in {labels[i] for labels in found}:
                result.credulous.add(claim)
    result.why = {claim: _why(t, found, ground, i, semantics) for claim, i in t.claims.items()}
    return result


def _why(t: Translation, found: list[Labelling], ground: Labelling, i: int, s: Semantics) -> str:
    if s is Semantics.grounded or ground[i] is not Label.undec:
        return why(t, ground, i)
    accepted = sum(labels[i] is Label.in_ for labels in found)
    total = len(found)
    if accepted == total:
        return f"in all {total} {s.value} labellings; grounded leaves it open"
    if accepted:
        return f"in {accepted} of {total} {s.value} labellings (credulous only); " + why(
            t, ground, i
        )
    return f"in none of the {total} {s.value} labellings; " + why(t, ground, i)


def _gradual(t: Translation, graph: ClaimGraph, settings: Settings, result: Evaluation) -> None:
    tiers = dict(settings.tier_base)
    base = [DEFAULT_BASE] * t.framework.size
    for claim, i in t.claims.items():
        if claim in graph.base:
            base[i] = graph.base[claim]
        elif settings.base_from_sourcing:
            base[i] = tiers.get(graph.sourcing.get(claim, "unsourced"), DEFAULT_BASE)
    scores = strengths(t, base)
    if not scores.converged:
        result.notes.append(
            f"DF-QuAD did not converge in {scores.rounds} rounds (an attack or support "
            "cycle oscillates); strengths are the last round's"
        )
    for claim, i in t.claims.items():
        result.strength[claim] = scores.score[i]
        moves = [
            f"{'+' if delta >= 0 else '-'}{abs(delta):.2f} from {t.name(other)}"
            for other, delta in contributions(t, scores, i)
        ]
        start = f"base {base[i]:.2f}"
        result.why[claim] = f"{scores.score[i]:.2f}: {start}" + (
            "; " + ", ".join(moves) if moves else ", unattacked and unsupported"
        )
