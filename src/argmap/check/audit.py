"""The source audit: which claims rest on nothing but the text that makes them.

:func:`audit` computes an :class:`AuditReport` from the graph index; it does
not format anything (see :mod:`argmap.render.audit_format`). A claim is *unsourced*
when its only citations are to the document that asserts it: the commentary
gives no outside source for it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from argmap.corpus.graph import GraphIndex
from argmap.model import Citation

CITATION_NEEDED_TAG = "citation-needed"
"""The tag that marks a claim its source flagged "(citation needed)", as Kialo does."""


@dataclass(frozen=True)
class ClaimRef:
    """A claim as the audit lists it."""

    id: str
    """Claim id."""
    text: str
    """Claim text."""
    speakers: tuple[str, ...]
    """Effective speaker ids."""
    document: str | None
    """Id of the document whose file defines the claim."""


@dataclass(frozen=True)
class CitationGap:
    """A citation that lacks a quote, a locator, or both."""

    owner: str
    """Id of the claim or link that cites."""
    position: int
    """1-based position of the citation in the owner's list."""
    source: str
    """Id of the cited source."""
    missing: tuple[str, ...]
    """Which of 'quote' and 'locator' are absent."""


@dataclass(frozen=True)
class SourceGap:
    """A source lacking a url or an access date."""

    id: str
    """Source id."""
    missing: tuple[str, ...]
    """Which of 'url' and 'accessed' are absent."""


@dataclass(frozen=True)
class Coverage:
    """How much of a group of claims is sourced."""

    key: str
    """Speaker or perspective id ('(none)' for claims without one)."""
    name: str
    """Display name."""
    claims: int
    """Claims in the group."""
    unsourced: int
    """Of which unsourced."""

    @property
    def percent(self) -> float:
        """Sourced share of the group's claims, 0–100."""
        return 100.0 * (self.claims - self.unsourced) / self.claims if self.claims else 100.0


@dataclass
class AuditReport:
    """Everything the audit found."""

    total_claims: int = 0
    """Number of claims audited."""
    unsourced: list[ClaimRef] = field(default_factory=list)
    """Claims whose only citation is their own document (or none)."""
    citation_gaps: list[CitationGap] = field(default_factory=list)
    """Citations without a quote or a locator."""
    uncited_sources: list[str] = field(default_factory=list)
    """Ids of sources no claim or link cites."""
    source_gaps: list[SourceGap] = field(default_factory=list)
    """Sources without a url or an access date."""
    orphan_claims: list[ClaimRef] = field(default_factory=list)
    """Claims with no speaker whose file maps no document with authors."""
    citation_needed: list[ClaimRef] = field(default_factory=list)
    """Claims tagged `citation-needed`: the text they came from asked for a source."""
    by_speaker: list[Coverage] = field(default_factory=list)
    """Coverage per speaker."""
    by_perspective: list[Coverage] = field(default_factory=list)
    """Coverage per perspective."""

    @property
    def coverage(self) -> Coverage:
        """Coverage over all claims."""
        return Coverage("all", "All claims", self.total_claims, len(self.unsourced))


def audit(index: GraphIndex, claim_ids: Collection[str] | None = None) -> AuditReport:
    """Audit the sourcing of every claim in the index, or only of *claim_ids*.

    With *claim_ids*, links count when all their premises are among them, and
    sources when those claims' files define them or those claims cite them.
    """
    corpus = index.corpus
    wanted = set(corpus.claims if claim_ids is None else claim_ids)
    report = AuditReport(total_claims=len(wanted))
    cited: set[str] = set()
    speaker_counts: dict[str, list[int]] = {}
    perspective_counts: dict[str, list[int]] = {}
    for ident, claim in corpus.claims.items():
        if ident not in wanted:
            continue
        speakers = index.claim_speakers(ident)
        ref = ClaimRef(ident, claim.text, tuple(speakers), corpus.document_of_claim(ident))
        unsourced = index.is_unsourced(ident)
        if unsourced:
            report.unsourced.append(ref)
        if not speakers:
            report.orphan_claims.append(ref)
        if CITATION_NEEDED_TAG in claim.tags:
            report.citation_needed.append(ref)
        for key in speakers or ["(none)"]:
            _count(speaker_counts, key, unsourced)
        for key in index.claim_perspectives(ident) or ["(none)"]:
            _count(perspective_counts, key, unsourced)
        _gaps(report, ident, claim.citations, cited)
    for ident, link in corpus.links.items():
        if all(premise in wanted for premise in link.from_):
            _gaps(report, ident, link.citations, cited)
    files = {corpus.claim_file[c] for c in wanted}
    for ident, source in corpus.sources.items():
        if ident not in cited and corpus.origins[("source", ident)].file not in files:
            continue
        if ident not in cited:
            report.uncited_sources.append(ident)
        missing = tuple(name for name in ("url", "accessed") if getattr(source, name) is None)
        if missing:
            report.source_gaps.append(SourceGap(ident, missing))
    report.by_speaker = [
        Coverage(key, _name(corpus.speakers.get(key), key), total, bad)
        for key, (total, bad) in sorted(speaker_counts.items())
    ]
    report.by_perspective = [
        Coverage(key, _name(corpus.perspectives.get(key), key), total, bad)
        for key, (total, bad) in sorted(perspective_counts.items())
    ]
    return report


def _count(table: dict[str, list[int]], key: str, unsourced: bool) -> None:
    counts = table.setdefault(key, [0, 0])
    counts[0] += 1
    counts[1] += int(unsourced)


def _gaps(report: AuditReport, owner: str, citations: list[Citation], cited: set[str]) -> None:
    for position, citation in enumerate(citations, start=1):
        cited.add(citation.source)
        missing = tuple(name for name in ("quote", "locator") if not getattr(citation, name))
        if missing:
            report.citation_gaps.append(CitationGap(owner, position, citation.source, missing))


def _name(entity: object, fallback: str) -> str:
    return str(getattr(entity, "name", fallback))
