"""Writing claims whose status gives a verdict as schema.org ClaimReview (JSON-LD).

A claim's `status` is the analyst's verdict on where it stands; three values
are verdicts and map onto a 1-5 rating (:data:`RATINGS`): retracted (1, its
speaker withdrew it), superseded (2, replaced by a later claim) and disputed
(3, contested in the debate). `asserted`, `draft` and no status say nothing
about the claim's standing, so those claims are left out. Each review names
the claim's text, its speakers as the claim's authors, where it appeared (its
cited sources with a url), and the document's authors as the reviewers. The
text is made to be embedded in HTML, so `<`, `>` and `&` are written as JSON
escapes. Written from the plain records, without models. Nothing here prints.
"""

from __future__ import annotations

import json
from typing import Any

from argmap.corpus.plain import PlainIndex
from argmap.corpus.plain_details import details_of_claim, speaker_details
from argmap.formats.characters import script_safe_json
from argmap.model import ClaimStatus, SpeakerKind

RATINGS: dict[ClaimStatus, tuple[int, str]] = {
    ClaimStatus.retracted: (1, "Retracted"),
    ClaimStatus.superseded: (2, "Superseded"),
    ClaimStatus.disputed: (3, "Disputed"),
}
"""ratingValue (worst 1, best 5) and alternateName of each status that is a verdict."""

CONTEXT = "https://schema.org"
"""The JSON-LD context every review uses."""

_AGENT = {
    SpeakerKind.person: "Person",
    SpeakerKind.author: "Person",
    SpeakerKind.government: "GovernmentOrganization",
    SpeakerKind.organization: "Organization",
    SpeakerKind.group: "Organization",
}


def agent(index: PlainIndex, speaker: str) -> dict[str, Any]:
    """A speaker as a schema.org Person or Organization."""
    found = index.speakers.get(speaker)
    kind = _AGENT[SpeakerKind(speaker_details(index.table, speaker).kind)] if found else "Person"
    return {"@type": kind, "name": found.name if found else speaker}


def review(
    index: PlainIndex, ident: str, item: dict[str, Any], status: ClaimStatus | None
) -> dict[str, Any]:
    """The ClaimReview of the claim *ident* whose `itemReviewed` is *item*; rated when
    *status* is a verdict, reviewed by the authors of the claim's document."""
    found: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": ident,
        "claimReviewed": index.claims[ident].text,
        "itemReviewed": item,
    }
    if status in RATINGS:
        value, name = RATINGS[status]
        found["reviewRating"] = {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        }
    document = index.sources.get(index.document_of_claim(ident) or "")
    if document is not None and document.authors:
        found["author"] = [agent(index, a) for a in document.authors]
    return found


def export_claimreviews(index: PlainIndex) -> dict[str, Any]:
    """A JSON-LD document whose `@graph` holds one ClaimReview per rated claim."""
    reviews: list[dict[str, Any]] = []
    for ident, claim in index.claims.items():
        status = None if claim.status is None else ClaimStatus(claim.status)
        if status not in RATINGS:
            continue
        appearances = []
        for citation in claim.citations:
            source = index.sources.get(citation.source)
            if source is not None and source.url:
                appearances.append(
                    {"@type": "CreativeWork", "url": source.url, "name": source.title}
                )
        item: dict[str, Any] = {
            "@type": "Claim",
            "author": [agent(index, s) for s in index.claim_speakers(ident)],
            "appearance": appearances,
        }
        date = details_of_claim(index, ident).date
        if date:
            item["datePublished"] = date
        reviews.append(review(index, ident, item, status))
    return {"@context": CONTEXT, "@graph": reviews}


def emit_claimreview(index: PlainIndex) -> str:
    """The reviews as JSON-LD text, safe to embed in an HTML `<script>` (no raw `</script`)."""
    text = json.dumps(export_claimreviews(index), indent=2, ensure_ascii=False)
    return script_safe_json(text) + "\n"
