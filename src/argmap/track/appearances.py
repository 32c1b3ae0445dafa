"""Tracked claims as records: appearances, status history, first appearance and flags.

A tracked claim is a class of `same-as` claims (:mod:`argmap.corpus.tracked`);
its id is the canonical member's (`canonical: true`, else the earliest-dated,
ties by id). Each member is an :class:`Appearance` dated by its `date:` or its
document's `published:`; undated ones sort last. Flags: *repeated after
retraction* (an appearance dated after any member's retraction), *never
sourced* (asserted in two or more documents, sourced in none) and *contested*
(distinct claims of other documents that oppose a member). Built from the
plain records (:mod:`argmap.corpus.plain`), without models; nothing here prints
or formats.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from argmap.corpus.plain import PlainIndex
from argmap.corpus.plain_details import details_of_claim
from argmap.corpus.table import Sourcing
from argmap.corpus.tracked import same_as_classes
from argmap.model import ClaimStatus, Relation, first_day


@dataclass(frozen=True)
class Appearance:
    """One member of a tracked claim, as `track` shows it."""

    claim: str
    """Qualified id of the claim."""
    document: str
    """Namespace of the file that holds it."""
    title: str
    """Title of the document it appears in (its namespace when it has none)."""
    url: str | None
    """Where the document can be read, if known."""
    date: dt.date | None
    """The claim's `date`, else its document's `published`; None when undated."""
    speakers: tuple[tuple[str, str | None], ...]
    """Who asserts it: (name, role) of each speaker."""
    sourcing: Sourcing
    """sourced, paragraph-sourced or unsourced."""
    status: str | None
    """Its status (written, or its history's last)."""
    quotes: tuple[tuple[str, str | None], ...]
    """(verbatim quote, locator) of each citation that quotes."""
    opposed_by: tuple[str, ...]
    """Qualified ids of claims in other documents that oppose it."""


@dataclass(frozen=True)
class HistoryEntry:
    """One dated status change of a member."""

    date: dt.date
    """When."""
    status: str
    """The status taken."""
    note: str | None
    """Who or what changed it."""
    claim: str
    """The member whose history records it."""


@dataclass(frozen=True)
class Flags:
    """What `track` warns about a tracked claim."""

    repeated_after_retraction: bool
    """An appearance is dated after a member's retraction."""
    never_sourced: bool
    """Asserted in two or more documents and sourced in none."""
    contested: int
    """How many distinct claims of other documents oppose a member."""


@dataclass(frozen=True)
class TrackedClaim:
    """A tracked claim: its canonical id and text, appearances oldest first, history, flags."""

    id: str
    """The canonical member's qualified id."""
    text: str
    """The canonical member's text."""
    type: str
    """The canonical member's type."""
    appearances: tuple[Appearance, ...]
    """Every member, oldest first, undated last."""
    history: tuple[HistoryEntry, ...]
    """Every member's status changes, by date."""
    flags: Flags
    """The flags, over every appearance."""
    first: Appearance
    """The first appearance (the oldest dated one), whatever filters leave out."""

    @property
    def documents(self) -> int:
        """How many documents it appears in."""
        return len({a.document for a in self.appearances})


def _order(appearance: Appearance) -> tuple[bool, dt.date, str]:
    return (appearance.date is None, appearance.date or dt.date.min, appearance.claim)


def _day(written: str | None) -> dt.date | None:
    """The day a written (possibly partial) date sorts as: `2025-03` is 1 March 2025."""
    return None if written is None else first_day(written)


def appearance(index: PlainIndex, claim_id: str) -> Appearance:
    """The appearance of the claim *claim_id*."""
    claim = index.claims[claim_id]
    document = index.sources.get(index.document_of_claim(claim_id) or "")
    speakers = []
    for ident in index.claim_speakers(claim_id):
        found = index.speakers.get(ident)
        speakers.append((found.name, found.role) if found else (ident, None))
    opposers = []
    for link_id in index.incoming.get(claim_id, []):
        link = index.links[link_id]
        if link.relation == Relation.opposes:
            opposers += [p for p in link.from_ if _file(index, p, claim.file) != claim.file]
    written = details_of_claim(index, claim_id).date
    return Appearance(
        claim=claim_id,
        document=index.namespaces[index.claim_file(claim_id)],
        title=index.document_title(claim_id),
        url=document.url if document else None,
        date=_day(written or (document.published if document else None)),
        speakers=tuple(speakers),
        sourcing=index.sourcing(claim_id),
        status=claim.status,
        quotes=tuple((c.quote, c.locator) for c in claim.citations if c.quote),
        opposed_by=tuple(dict.fromkeys(opposers)),
    )


def _file(index: PlainIndex, claim_id: str, otherwise: int) -> int:
    """The index of the file that writes *claim_id* (*otherwise* when it is unknown)."""
    found = index.claims.get(claim_id)
    return otherwise if found is None else found.file


def tracked_claim(index: PlainIndex, members: list[str]) -> TrackedClaim:
    """The tracked claim whose members are *members* (one member: an untracked claim)."""
    claims = index.claims
    appearances = sorted((appearance(index, m) for m in members), key=_order)
    marked = [a for a in appearances if details_of_claim(index, a.claim).canonical]
    canonical = (marked or appearances)[0]
    history = sorted(
        (
            HistoryEntry(dt.date.fromisoformat(date), status, note, m)
            for m in members
            for date, status, note in claims[m].history
        ),
        key=lambda h: (h.date, h.claim),
    )
    retracted = [h.date for h in history if h.status == ClaimStatus.retracted]
    for a in appearances:
        if a.status == ClaimStatus.retracted and a.date and not claims[a.claim].history:
            retracted.append(a.date)
    first_retraction = min(retracted, default=None)
    ids = {a.claim for a in appearances}
    opposers = {o for a in appearances for o in a.opposed_by if o not in ids}
    flags = Flags(
        repeated_after_retraction=first_retraction is not None
        and any(a.date is not None and a.date > first_retraction for a in appearances),
        never_sourced=len({a.document for a in appearances}) >= 2
        and all(a.sourcing is Sourcing.unsourced for a in appearances),
        contested=len(opposers),
    )
    claim = claims[canonical.claim]
    return TrackedClaim(
        canonical.claim,
        claim.text,
        claim.type,
        tuple(appearances),
        tuple(history),
        flags,
        appearances[0],
    )


def tracked_claims(index: PlainIndex) -> list[TrackedClaim]:
    """Every tracked claim of the corpus, ordered by canonical id."""
    classes = same_as_classes(index.table).classes
    found = [tracked_claim(index, members) for members in classes]
    return sorted(found, key=lambda t: t.id)


def tracked_claim_of(index: PlainIndex, claim_id: str) -> TrackedClaim:
    """The tracked claim *claim_id* belongs to (itself alone when it has no `same-as`)."""
    tracked = same_as_classes(index.table)
    at = tracked.class_of.get(claim_id)
    return tracked_claim(index, [claim_id] if at is None else tracked.classes[at])


@dataclass(frozen=True)
class Filters:
    """Which appearances `track` lists: a date range and a speaker."""

    since: dt.date | None = None
    """Only appearances dated on or after this day."""
    until: dt.date | None = None
    """Only appearances dated on or before this day."""
    speaker: str | None = None
    """Only appearances with a speaker of this name or id (case-insensitive)."""

    def keep(self, index: PlainIndex, shown: Appearance) -> bool:
        """True when *shown* passes every filter given."""
        if self.since and (shown.date is None or shown.date < self.since):
            return False
        if self.until and (shown.date is None or shown.date > self.until):
            return False
        if self.speaker:
            wanted = self.speaker.casefold()
            ids = index.claim_speakers(shown.claim)
            names = [n for n, _ in shown.speakers]
            words = [*ids, *(i.rsplit("/", 1)[-1] for i in ids), *names]
            return any(w.casefold() == wanted for w in words)
        return True

    def apply(self, index: PlainIndex, claim: TrackedClaim) -> TrackedClaim | None:
        """*claim* with only the appearances kept (flags stay the whole claim's), or None."""
        kept = tuple(a for a in claim.appearances if self.keep(index, a))
        if not kept:
            return None
        return TrackedClaim(
            claim.id, claim.text, claim.type, kept, claim.history, claim.flags, claim.first
        )
