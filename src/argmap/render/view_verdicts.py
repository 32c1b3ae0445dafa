"""What an evaluation says of each claim, as the view carries it to every emitter.

:func:`attach_evaluation` evaluates the claims a view shows (the framework of exactly
those claims and the links among them) and stores a :class:`Verdict` per claim on the
view: the label or strength, the badge word, whether the claim is defeated, and the
why-line. DOT, Markdown and HTML emitters read only this; none of them evaluates.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from argmap.evaluate.evaluation import Evaluation, Settings, evaluate
from argmap.evaluate.from_table import claim_graph
from argmap.evaluate.names import Semantics

if TYPE_CHECKING:
    from argmap.corpus.table import FactTable
    from argmap.render.view import MapView


@dataclass(frozen=True)
class Verdict:
    """One claim's verdict."""

    label: str | None
    """in, out or undec (labelling semantics); None for strength or no labelling."""
    strength: float | None
    """DF-QuAD strength (dfquad only)."""
    why: str
    """The reason, in one line."""

    @property
    def badge(self) -> str:
        """The badge word: IN, OUT, UNDEC, or the strength to two decimals."""
        if self.strength is not None:
            return f"{self.strength:.2f}"
        return (self.label or "").upper()

    @property
    def defeated(self) -> bool:
        """True when the claim is out: drawn muted."""
        return self.label == "out"


@dataclass
class EvaluationView:
    """An evaluation as the view carries it."""

    semantics: str
    """grounded, complete, preferred, stable or dfquad."""
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    """Each claim's verdict (claims left out of the framework have none)."""
    notes: list[str] = field(default_factory=list)
    """Answers that are not labels (no stable labelling, no convergence)."""
    result: Evaluation | None = None
    """The evaluation itself, for emitters that list extensions."""


def verdicts_of(result: Evaluation) -> EvaluationView:
    """The view's form of *result*."""
    shown = EvaluationView(result.semantics.value, notes=list(result.notes), result=result)
    for claim, reason in result.why.items():
        label = result.labels.get(claim)
        shown.verdicts[claim] = Verdict(
            None if label is None else label.value, result.strength.get(claim), reason
        )
    return shown


def attach_evaluation(
    view: MapView, table: FactTable, semantics: Semantics, settings: Settings | None = None
) -> Evaluation:
    """Evaluate the claims *view* shows and carry the verdicts on it; the evaluation."""
    claims = [node.id for node in view.claims]
    settings = settings or Settings()
    graph = claim_graph(table, set(claims), settings.base_from_sourcing)
    result = evaluate(graph, semantics, settings)
    view.evaluation = verdicts_of(result)
    return result
