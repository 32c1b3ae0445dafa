"""The argmap data model: what one claims file may say, as pydantic models.

This module only declares shapes and field documentation. It does no I/O and
resolves no references; the loader builds these models from YAML and the
checks in :mod:`argmap.check.checks` judge how they fit together. Every field has a
docstring where it is declared, and pydantic copies it into the JSON Schema
that ``argmap schema`` prints, so an editor shows the same text.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
)

from argmap.model.kinds import (
    CitationScope,
    ClaimStatus,
    ClaimType,
    Relation,
    SourceKind,
    SpeakerKind,
)
from argmap.model.values import (
    DATE_PATTERN,
    HEX_COLOUR,
    ID_PATTERN,
    NAMESPACE_PATTERN,
    REF_PATTERN,
    Id,
    Namespace,
    PartialDate,
    Ref,
    RefList,
    first_day,
)

__all__ = [
    "DATE_PATTERN",
    "HEX_COLOUR",
    "ID_PATTERN",
    "NAMESPACE_PATTERN",
    "REF_PATTERN",
    "SECTIONS",
    "Citation",
    "CitationScope",
    "Claim",
    "ClaimFile",
    "ClaimStatus",
    "ClaimType",
    "Expectations",
    "Expected",
    "Id",
    "Link",
    "Namespace",
    "PartialDate",
    "Perspective",
    "Question",
    "Ref",
    "RefList",
    "Relation",
    "Source",
    "SourceKind",
    "Speaker",
    "SpeakerKind",
    "StatusChange",
    "first_day",
]


class _Entry(BaseModel):
    """Common configuration: unknown fields are refused, so `suports:` is caught."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        populate_by_name=True,
        str_strip_whitespace=False,
    )


class Source(_Entry):
    """A document that claims are cited from; the commentary itself is one too."""

    id: Id
    """Readable slug, unique among sources."""
    title: str | None = None
    """The document's title, as published."""
    publisher: str | None = None
    """The outlet or publisher (CSL `container-title` / `publisher`)."""
    url: str | None = None
    """Where the document can be read."""
    authors: RefList = Field(default_factory=list)
    """Speaker ids of the document's authors; claims with no speaker are theirs."""
    published: PartialDate | None = None
    """Publication date (ISO 8601, e.g. 2024-12-18; `2024` or `2024-12` when only that is known)."""
    accessed: PartialDate | None = None
    """The date the analyst last read the document (ISO 8601)."""
    kind: SourceKind = SourceKind.other
    """news, analysis, commentary, government-statement, report, legal-instrument, …"""
    text_file: str | None = None
    """Path, relative to this YAML file, of a local copy of the text; quotes are checked in it."""


class Perspective(_Entry):
    """A side in the debate that speakers belong to, e.g. a government."""

    id: Id
    """Readable slug, unique among perspectives."""
    name: str
    """Short name shown as a column or legend entry."""
    description: str | None = None
    """One or two sentences on who holds this perspective."""
    color: Annotated[str, StringConstraints(pattern=HEX_COLOUR)] | None = None
    """Fill colour on every map, as #rrggbb; default: a colourblind-safe palette colour."""


class Speaker(_Entry):
    """Someone the text says asserts a claim or draws a link."""

    id: Id
    """Readable slug, unique among speakers."""
    name: str
    """Name as the text gives it, e.g. "Jon Finer"."""
    role: str | None = None
    """Office or role, e.g. "US Deputy National Security Advisor"."""
    short: str | None = None
    """Short attribution for map labels, e.g. "Jon Finer, US Deputy NSA"; default name, role."""
    affiliation: str | None = None
    """Organisation the speaker acts for, e.g. "United States government"."""
    kind: SpeakerKind = SpeakerKind.person
    """person, government, organization, author or group."""
    perspective: Ref | None = None
    """Id of the perspective this speaker belongs to."""


class Question(_Entry):
    """An issue a seminar argues about; claims name the questions they bear on."""

    id: Id
    """Readable slug, unique among questions."""
    text: str
    """The question, phrased as a question."""


class Citation(_Entry):
    """Where a claim or link is found: a source, a place in it, and its words."""

    source: Ref
    """Id of the cited source."""
    locator: str | None = None
    """Place in the source: a paragraph ("para 3"), page ("p. 12") or footnote ("fn 5")."""
    quote: str | None = None
    """Verbatim text from the source at that place."""
    scope: CitationScope = CitationScope.sentence
    """sentence: the claim's own sentence carries it; paragraph: a footnote closes its paragraph.

    An audit counts paragraph-scope citations as "paragraph-sourced", not as sourced.
    """


class StatusChange(_Entry):
    """One dated entry of a claim's status history, e.g. disputed on 2024-12-20."""

    date: dt.date
    """When the claim took this status (ISO 8601); entries ascend by date."""
    status: ClaimStatus
    """The status the claim took then: asserted, disputed, retracted, superseded or draft."""
    note: str | None = None
    """Who or what changed it, in a sentence, e.g. "Denied by Pakistan's Foreign Office"."""
    citations: list[Citation] = Field(default_factory=list)
    """Where the change is recorded."""


class Claim(_Entry):
    """One proposition, who asserts it, and where it is found."""

    id: Id
    """Readable slug, unique in its file's namespace (shared with link ids)."""
    text: str
    """The proposition, stated plainly."""
    type: ClaimType
    """fact, causal, prediction, value, policy or definition."""
    speakers: RefList = Field(default_factory=list)
    """Speaker ids of who asserts it; empty means the document's author."""
    citations: list[Citation] = Field(default_factory=list)
    """Where the claim is found, most direct first."""
    questions: RefList = Field(default_factory=list)
    """Ids of the questions the claim bears on."""
    tags: list[str] = Field(default_factory=list)
    """Free labels for filtering."""
    date: PartialDate | None = None
    """When the claim was made, if the text says (ISO 8601: `2023-05-17`, or `2023-05`, `2023`)."""
    status: ClaimStatus | None = None
    """asserted, disputed, retracted, superseded, or draft (an unreviewed `argmap ingest` draft)."""
    standalone: bool = False
    """True when the claim is left unlinked on purpose (no `unlinked-claim` warning)."""
    supports: RefList = Field(default_factory=list)
    """Shorthand: ids of claims this claim supports; each becomes a link."""
    opposes: RefList = Field(default_factory=list)
    """Shorthand: ids of claims this claim opposes; each becomes a link."""
    base: Annotated[float, Field(ge=0, le=1)] | None = None
    """Base score for DF-QuAD strength (0 to 1); default 0.5, or by sourcing with
    `argmap evaluate --base-from sourcing`."""
    history: list[StatusChange] = Field(default_factory=list)
    """Dated status changes, oldest first; the last one gives the claim's status."""
    same_as: RefList = Field(default_factory=list, alias="same-as")
    """Qualified ids of claims in other documents that make the same claim (a tracked claim)."""
    not_same_as: RefList = Field(default_factory=list, alias="not-same-as")
    """Qualified ids of claims in other documents judged different (no longer suggested)."""
    canonical: bool = False
    """True for the appearance that names its tracked claim (default: the earliest-dated one)."""


class Link(_Entry):
    """A relation from one claim (or co-premises) to a claim or to another link."""

    id: Id | None = None
    """Readable slug; needed when another link undercuts this one."""
    from_: RefList = Field(alias="from", min_length=1)
    """The premise claim, or several claims acting together as co-premises."""
    to: Ref
    """The target: a claim id, or a link id for an undercut."""
    relation: Relation
    """supports, opposes, or undercuts (which attacks a link's inference)."""
    speakers: RefList = Field(default_factory=list)
    """Speaker ids of who draws the link; empty means the document's author."""
    warrant: str | None = None
    """Why the premises bear on the target, in a sentence."""
    scheme: str | None = None
    """The argumentation scheme, when known, e.g. "Argument From Expert Opinion"."""
    citations: list[Citation] = Field(default_factory=list)
    """Where the link is drawn."""


class Expected(_Entry):
    """The labels an analyst expects claims to get under one semantics."""

    in_: RefList = Field(alias="in", default_factory=list)
    """Ids of claims expected to stand (labelled in)."""
    out: RefList = Field(default_factory=list)
    """Ids of claims expected to be defeated (labelled out)."""
    undec: RefList = Field(default_factory=list)
    """Ids of claims expected to stay open (labelled undec)."""


class Expectations(_Entry):
    """Expected labels per semantics; `argmap check` reports each claim that differs."""

    grounded: Expected | None = None
    """Expected grounded labels."""
    complete: Expected | None = None
    """Expected sceptical labels under complete semantics."""
    preferred: Expected | None = None
    """Expected sceptical labels under preferred semantics."""
    stable: Expected | None = None
    """Expected sceptical labels under stable semantics."""


class ClaimFile(_Entry):
    """The top level of one YAML file under claims/; every section is optional."""

    model_config = ConfigDict(title="argmap claims file")

    namespace: Namespace | None = None
    """Name other files use to reach this file's ids (`NAMESPACE/ID`); default: its path
    under claims/ without `.yaml`."""
    document: Ref | None = None
    """Id of the source this file maps (usually a commentary); its claims default to its authors.
    A file without one is shared: its ids are reachable bare from every file."""
    sources: list[Source] = Field(default_factory=list)
    """Documents cited by the claims."""
    speakers: list[Speaker] = Field(default_factory=list)
    """People, governments and groups who assert claims."""
    perspectives: list[Perspective] = Field(default_factory=list)
    """The sides speakers belong to."""
    questions: list[Question] = Field(default_factory=list)
    """The issues the claims bear on."""
    claims: list[Claim] = Field(default_factory=list)
    """The propositions."""
    links: list[Link] = Field(default_factory=list)
    """Relations between claims, beyond the supports/opposes shorthand."""
    expect: Expectations | None = None
    """Labels the claims should get, e.g. `{grounded: {in: [a], out: [b], undec: [c]}}`;
    `argmap check` evaluates the corpus and reports each difference (`expectation-failed`)."""


SECTIONS: dict[str, type[_Entry]] = {
    "sources": Source,
    "speakers": Speaker,
    "perspectives": Perspective,
    "questions": Question,
    "claims": Claim,
    "links": Link,
}
"""Each list section of a claims file and the model of its entries."""
