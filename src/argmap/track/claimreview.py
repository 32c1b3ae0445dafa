"""Tracked claims as schema.org ClaimReview (JSON-LD), with `appearance[]` and
`firstAppearance`.

Each tracked claim becomes one review built by the exporter of
:mod:`argmap.formats.claimreview_write` (same rating table, agents and
reviewers); its `itemReviewed` lists every appearance as a CreativeWork
(document title, url, date, speakers) and names the first. The review is
rated by the latest status of its history, else the canonical member's
status. Returns data; nothing here prints.
"""

from __future__ import annotations

from typing import Any

from argmap.corpus.plain import PlainIndex
from argmap.formats.claimreview_write import CONTEXT, agent, review
from argmap.model import ClaimStatus
from argmap.track.appearances import Appearance, TrackedClaim


def _work(index: PlainIndex, shown: Appearance) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": shown.title}
    if shown.url:
        work["url"] = shown.url
    if shown.date:
        work["datePublished"] = shown.date.isoformat()
    work["author"] = [agent(index, s) for s in index.claim_speakers(shown.claim)]
    return work


def tracked_review(index: PlainIndex, claim: TrackedClaim) -> dict[str, Any]:
    """The ClaimReview of one tracked claim."""
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": [agent(index, s) for s in index.claim_speakers(claim.first.claim)],
        "appearance": [_work(index, a) for a in claim.appearances],
        "firstAppearance": _work(index, claim.first),
    }
    if claim.first.date:
        item["datePublished"] = claim.first.date.isoformat()
    status = claim.history[-1].status if claim.history else index.claims[claim.id].status
    return review(index, claim.id, item, None if status is None else ClaimStatus(status))


def tracked_reviews(index: PlainIndex, claims: list[TrackedClaim]) -> dict[str, Any]:
    """A JSON-LD document whose `@graph` holds one ClaimReview per tracked claim."""
    return {"@context": CONTEXT, "@graph": [tracked_review(index, c) for c in claims]}
