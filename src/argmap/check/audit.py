"""The source audit: which claims rest on nothing but the text that makes them.

:func:`audit` computes an :class:`AuditReport` from the graph index; it does
not format anything (see :mod:`argmap.render.audit_format`). Claims fall in
three tiers (:class:`~argmap.corpus.graph.Sourcing`): *sourced* when their own
sentence cites an outside source, *paragraph-sourced* when only a footnote
closing their paragraph does (a citation with `scope: paragraph`), and
*unsourced* when their only citations are to the document that asserts them.
Retracted and superseded claims are listed apart and left out of the coverage
figures: they are no longer part of the argument.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from argmap.corpus.graph import GraphIndex, Sourcing
from argmap.model import Citation, ClaimStatus

WITHDRAWN = frozenset({ClaimStatus.retracted, ClaimStatus.superseded})
"""Statuses that take a claim out of the coverage figures."""

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
    status: ClaimStatus | None = None
    """The claim's status, when recorded."""


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
    paragraph: int = 0
    """Of which paragraph-sourced (only a footnote closing the paragraph cites a source)."""

    @property
    def sourced(self) -> int:
        """Claims whose own sentence cites an outside source."""
        return self.claims - self.unsourced - self.paragraph

    @property
    def percent(self) -> float:
        """Share of the group's claims that cite an outside source at all (either tier), 0–100."""
        return 100.0 * (self.claims - self.unsourced) / self.claims if self.claims else 100.0


@dataclass
class AuditReport:
    """Everything the audit found."""

    total_claims: int = 0
    """Number of claims in the coverage figures (withdrawn claims are not)."""
    files: list[str] = field(default_factory=list)
    """The claims files whose claims the report covers, as shown."""
    namespaces: list[str] = field(default_factory=list)
    """The namespaces of those files (stable wherever the command runs)."""
    unsourced: list[ClaimRef] = field(default_factory=list)
    """Claims whose only citation is their own document (or none)."""
    paragraph_sourced: list[ClaimRef] = field(default_factory=list)
    """Claims sourced only by a footnote that closes their paragraph."""
    withdrawn: list[ClaimRef] = field(default_factory=list)
    """Retracted and superseded claims, left out of the coverage figures."""
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
        return Coverage(
            "all", "All claims", self.total_claims, len(self.unsourced), len(self.paragraph_sourced)
        )


def audit(index: GraphIndex, claim_ids: Collection[str] | None = None) -> AuditReport:
    """Audit the sourcing of every claim in the index, or only of *claim_ids*.

    With *claim_ids*, links count when all their premises are among them, and
    sources when those claims' files define them or those claims cite them.
    """
    corpus = index.corpus
    wanted = set(corpus.claims if claim_ids is None else claim_ids)
    report = AuditReport()
    report.files = sorted({corpus.claim_file[c] for c in wanted if c in corpus.claim_file})
    report.namespaces = sorted({corpus.namespaces[file] for file in report.files})
    cited: set[str] = set()
    speaker_counts: dict[str, tuple[int, int, int]] = {}
    perspective_counts: dict[str, tuple[int, int, int]] = {}
    for ident, claim in corpus.claims.items():
        if ident not in wanted:
            continue
        speakers = index.claim_speakers(ident)
        document = corpus.document_of_claim(ident)
        ref = ClaimRef(ident, claim.text, tuple(speakers), document, claim.status)
        _gaps(report, ident, claim.citations, cited)
        if not speakers:
            report.orphan_claims.append(ref)
        if CITATION_NEEDED_TAG in claim.tags:
            report.citation_needed.append(ref)
        if claim.status in WITHDRAWN:
            report.withdrawn.append(ref)
            continue
        report.total_claims += 1
        tier = index.sourcing(ident)
        if tier is Sourcing.unsourced:
            report.unsourced.append(ref)
        elif tier is Sourcing.paragraph:
            report.paragraph_sourced.append(ref)
        for key in speakers or ["(none)"]:
            _count(speaker_counts, key, tier)
        for key in index.claim_perspectives(ident) or ["(none)"]:
            _count(perspective_counts, key, tier)
    for ident, link in corpus.links.items():
        if all(premise in wanted for premise in link.from_):
            _gaps(report, ident, link.citations, cited)
    files = set(report.files)
    for ident, source in corpus.sources.items():
        if ident not in cited and corpus.origins[("source", ident)].file not in files:
            continue
        if ident not in cited:
            report.uncited_sources.append(ident)
        missing = tuple(name for name in ("url", "accessed") if getattr(source, name) is None)
        if missing:
            report.source_gaps.append(SourceGap(ident, missing))
    report.by_speaker = [
        Coverage(key, _name(corpus.speakers.get(key), key), *counts)
        for key, counts in sorted(speaker_counts.items())
    ]
    report.by_perspective = [
        Coverage(key, _name(corpus.perspectives.get(key), key), *counts)
        for key, counts in sorted(perspective_counts.items())
    ]
    return report


def _count(table: dict[str, tuple[int, int, int]], key: str, tier: Sourcing) -> None:
    """Add one claim of *tier* to *key*'s (claims, unsourced, paragraph-sourced)."""
    claims, unsourced, paragraph = table.get(key, (0, 0, 0))
    table[key] = (
        claims + 1,
        unsourced + (tier is Sourcing.unsourced),
        paragraph + (tier is Sourcing.paragraph),
    )


def _gaps(report: AuditReport, owner: str, citations: list[Citation], cited: set[str]) -> None:
    for position, citation in enumerate(citations, start=1):
        cited.add(citation.source)
        missing = tuple(name for name in ("quote", "locator") if not getattr(citation, name))
        if missing:
            report.citation_gaps.append(CitationGap(owner, position, citation.source, missing))


def _name(entity: object, fallback: str) -> str:
    return str(getattr(entity, "name", fallback))
