"""What the source audit finds, as plain data: claims, gaps and coverage.

:func:`argmap.check.audit.audit` fills an :class:`AuditReport`;
:mod:`argmap.render.markdown.audit_format` prints it, and
:mod:`argmap.check.results` stores it. Nothing here computes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.model import ClaimStatus


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
    speaker_names: dict[str, str] = field(default_factory=dict)
    """The name of every speaker the corpus defines, by qualified id (for listing claims)."""

    @property
    def coverage(self) -> Coverage:
        """Coverage over all claims."""
        return Coverage(
            "all", "All claims", self.total_claims, len(self.unsourced), len(self.paragraph_sourced)
        )
