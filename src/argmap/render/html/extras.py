"""What the later stages know of each claim, gathered for the HTML map's panel.

The page shows, besides what the static map shows, a claim's status history, its
appearances in other documents (the other members of its tracked claim, from
`same-as`) and, when the view is evaluated, its label and why-line. This module
reads those from the view and the graph index and hands them to
:mod:`argmap.render.html.data` as :class:`ClaimExtras`; it evaluates nothing itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from argmap.corpus.tracked import same_as_classes
from argmap.render.html.data import ClaimExtras

if TYPE_CHECKING:
    from argmap.corpus.plain import PlainIndex
    from argmap.render.view import MapView


def claim_extras(view: MapView, index: PlainIndex) -> dict[str, ClaimExtras]:
    """For each claim of *view* that has any, its history, appearances, label and why."""
    tracked = same_as_classes(index.table)
    extras: dict[str, ClaimExtras] = {}
    for node in view.claims:
        verdict = view.verdict(node.id)
        at = tracked.class_of.get(node.id)
        others = [] if at is None else [m for m in tracked.classes[at] if m != node.id]
        item = ClaimExtras(
            history=tuple((date, status) for date, status, _ in node.history),
            appearances=tuple((index.document_title(other), other) for other in others),
            label=None if verdict is None else verdict.badge,
            why=None if verdict is None else verdict.why,
        )
        if item != ClaimExtras():
            extras[node.id] = item
    return extras
