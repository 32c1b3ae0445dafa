"""The graph index: who says what, and which links enter and leave each claim.

Built once from a :class:`~argmap.corpus.merge.Corpus`, it answers the questions
checks, the audit and every view ask: a claim's effective speakers (its own,
or its document's authors), its perspectives, its incoming and outgoing
links, and whether it is sourced beyond the document that asserts it.
References to unknown ids are tolerated here; the checks report them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.corpus.merge import Corpus
from argmap.corpus.table import Sourcing, sourcing_of
from argmap.model import CitationScope

__all__ = ["GraphIndex", "Sourcing", "build_index"]


@dataclass
class GraphIndex:
    """Adjacency and attribution over one corpus."""

    corpus: Corpus
    """The corpus indexed."""
    outgoing: dict[str, list[str]] = field(default_factory=dict)
    """For each claim id, the links it is a premise of."""
    incoming: dict[str, list[str]] = field(default_factory=dict)
    """For each claim or link id, the links that aim at it."""

    def claim_speakers(self, claim_id: str) -> list[str]:
        """Who asserts the claim: its speakers, else its document's authors."""
        claim = self.corpus.claims[claim_id]
        if claim.speakers:
            return list(claim.speakers)
        return self._authors(self.corpus.document_of_claim(claim_id))

    def link_speakers(self, link_id: str) -> list[str]:
        """Who draws the link: its speakers, else its document's authors."""
        link = self.corpus.links[link_id]
        if link.speakers:
            return list(link.speakers)
        return self._authors(self.corpus.document_of_link(link_id))

    def _authors(self, document: str | None) -> list[str]:
        source = self.corpus.sources.get(document) if document else None
        return list(source.authors) if source else []

    def claim_perspectives(self, claim_id: str) -> list[str]:
        """The perspectives of the claim's speakers, in speaker order, without repeats."""
        found: list[str] = []
        for speaker_id in self.claim_speakers(claim_id):
            speaker = self.corpus.speakers.get(speaker_id)
            if speaker and speaker.perspective and speaker.perspective not in found:
                found.append(speaker.perspective)
        return found

    def sourcing(self, claim_id: str) -> Sourcing:
        """The claim's tier: sourced, paragraph-sourced or unsourced."""
        citations = self.corpus.claims[claim_id].citations
        pairs = ((c.source, c.scope is CitationScope.paragraph) for c in citations)
        return sourcing_of(pairs, self.corpus.document_of_claim(claim_id))

    def is_unsourced(self, claim_id: str) -> bool:
        """True when no citation names a source other than the claim's own document."""
        return self.sourcing(claim_id) is Sourcing.unsourced


def build_index(corpus: Corpus) -> GraphIndex:
    """Index *corpus*."""
    index = GraphIndex(corpus)
    for link_id, link in corpus.links.items():
        for premise in link.from_:
            index.outgoing.setdefault(premise, []).append(link_id)
        index.incoming.setdefault(link.to, []).append(link_id)
    return index
