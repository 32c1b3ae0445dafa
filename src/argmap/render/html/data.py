"""The claim data of the HTML map: one JSON-ready record per claim, read by the page's script.

Built only from a :class:`~argmap.render.view.MapView`, so the page shows what the
static map shows. Every link a record names is a claim id of the same view; a
source url is kept only when its scheme is http, https or mailto (anything else,
such as ``javascript:``, is dropped here and again by the script). Fields that
later stages supply (status history, appearances in other documents, an
evaluation's label and why-line) are optional: they are present only when
given in :class:`ClaimExtras`. Nothing here escapes text for HTML; :mod:`page`
embeds the JSON safely.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from argmap.render.view import ClaimNode, MapView
from argmap.render.view_entries import SourceEntry

SAFE_SCHEMES = ("http://", "https://", "mailto:")
"""The only url schemes a source link may have."""

RELATIONS = ("supports", "opposes", "supported_by", "opposed_by", "undercut_by")
"""The relation lists each claim record carries, in the panel's order."""


@dataclass(frozen=True)
class ClaimExtras:
    """What later stages know of a claim, shown in the panel when present."""

    history: tuple[tuple[str, str], ...] = ()
    """Status changes, oldest first, as (date, status)."""
    appearances: tuple[tuple[str, str], ...] = ()
    """Where else the claim appears, as (document title, claim id)."""
    label: str | None = None
    """The evaluation's label of the claim (e.g. IN, OUT, UNDECIDED)."""
    why: str | None = None
    """The evaluation's one-line reason for the label."""


def safe_url(url: str | None) -> str | None:
    """*url* when its scheme is http, https or mailto (case-blind), else None."""
    if url is None:
        return None
    cleaned = url.strip()
    return cleaned if cleaned.lower().startswith(SAFE_SCHEMES) else None


def node_classes(node: ClaimNode, label: str | None = None) -> str:
    """The node's classes: type, status, sourcing tier and (when evaluated) label."""
    classes = ["claim", f"type-{node.type}", f"tier-{node.sourcing.value}"]
    classes.append(f"status-{node.status or 'none'}")
    if label:
        classes.append("label-" + "".join(c for c in label.lower() if c.isalnum()))
    return " ".join(classes)


def _relations(view: MapView) -> dict[str, dict[str, list[str]]]:
    """For each claim, the claims on each of its RELATIONS, in link order, without repeats."""
    related: dict[str, dict[str, list[str]]] = {
        node.id: {name: [] for name in RELATIONS} for node in view.claims
    }
    by_id = {link.id: link for link in view.links}

    def add(claim: str, name: str, other: str) -> None:
        if claim in related and other in related and other not in related[claim][name]:
            related[claim][name].append(other)

    for link in view.links:
        if link.relation == "undercuts":
            attacked = by_id.get(link.target)
            if attacked is not None and attacked.target in related:
                for premise in link.premises:
                    add(attacked.target, "undercut_by", premise)
            continue
        forward, backward = (
            ("supports", "supported_by")
            if link.relation == "supports"
            else ("opposes", "opposed_by")
        )
        for premise in link.premises:
            add(premise, forward, link.target)
            add(link.target, backward, premise)
    return related


def claim_record(
    node: ClaimNode,
    sources: Mapping[str, SourceEntry],
    related: dict[str, list[str]],
    extras: ClaimExtras | None,
) -> dict[str, Any]:
    """The JSON record of one claim; *sources* are the view's, the document's own included."""
    citations = []
    for citation in node.citations:
        source = sources.get(citation.source)
        citations.append(
            {
                "source": source.title if source else citation.source,
                "url": safe_url(source.url if source else None),
                "number": citation.number,
                "locator": citation.locator,
                "quote": citation.quote,
            }
        )
    record: dict[str, Any] = {
        "id": node.id,
        "text": node.text,
        "type": node.type,
        "status": node.status,
        "tier": node.sourcing.value,
        "perspective": node.perspective,
        "questions": list(node.questions),
        "speakers": [{"name": s.name, "role": s.role} for s in node.speakers],
        "citations": citations,
        **related,
    }
    if extras is not None:
        if extras.history:
            record["history"] = [{"date": d, "status": s} for d, s in extras.history]
        if extras.appearances:
            record["appearances"] = [{"document": d, "id": i} for d, i in extras.appearances]
        if extras.label:
            record["label"] = extras.label
        if extras.why:
            record["why"] = extras.why
    return record


def page_data(view: MapView, extras: Mapping[str, ClaimExtras] | None = None) -> dict[str, Any]:
    """Everything the page's script reads: the title, the claims, perspectives and questions."""
    related = _relations(view)
    extras = extras or {}
    sources = {source.id: source for source in view.sources}
    if view.document_source is not None:
        sources.setdefault(view.document_source.id, view.document_source)
    return {
        "title": view.title,
        "authors": [a.label for a in view.authors],
        "claims": [
            claim_record(node, sources, related[node.id], extras.get(node.id))
            for node in view.claims
        ],
        "perspectives": [{"id": p.id, "name": p.name} for p in view.perspectives],
        "questions": [{"id": q.id, "text": q.text} for q in view.questions],
    }
