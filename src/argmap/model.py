"""The argmap data model: what one claims file may say, as pydantic models.

This module only declares shapes and field documentation. It does no I/O and
resolves no references; the loader builds these models from YAML and the
checks in :mod:`argmap.check.checks` judge how they fit together. Every field has a
docstring where it is declared, and pydantic copies it into the JSON Schema
that ``argmap schema`` prints, so an editor shows the same text.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"
"""Ids are readable slugs: lowercase letters, digits, '.', '_' and '-'."""

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]

NAMESPACE_PATTERN = r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*$"
"""A file's namespace: its path under claims/ without `.yaml`, e.g. `us-sanctions-on-pakistan`."""

REF_PATTERN = r"^([a-z0-9][a-z0-9._-]*/)*[a-z0-9][a-z0-9._-]*$"
"""A reference: a bare id (own file first, then shared files) or `NAMESPACE/ID`."""

Namespace = Annotated[str, StringConstraints(pattern=NAMESPACE_PATTERN)]
Ref = Annotated[str, StringConstraints(pattern=REF_PATTERN)]


def _one_or_many(value: Any) -> Any:
    """Let a single id stand where a list of ids is expected."""
    return [value] if isinstance(value, str) else value


RefList = Annotated[list[Ref], BeforeValidator(_one_or_many)]

HEX_COLOUR = r"^#[0-9a-fA-F]{6}$"
"""A colour as #rrggbb."""


class _Entry(BaseModel):
    """Common configuration: unknown fields are refused, so `suports:` is caught."""

    model_config = ConfigDict(
        extra="forbid",
        use_attribute_docstrings=True,
        populate_by_name=True,
        str_strip_whitespace=False,
    )


class SourceKind(StrEnum):
    """What kind of document a source is; maps onto CSL item types."""

    news = "news"
    analysis = "analysis"
    commentary = "commentary"
    government_statement = "government-statement"
    report = "report"
    legal_instrument = "legal-instrument"
    academic = "academic"
    dataset = "dataset"
    other = "other"


class SpeakerKind(StrEnum):
    """Who or what a speaker is."""

    person = "person"
    government = "government"
    organization = "organization"
    author = "author"
    group = "group"


class ClaimType(StrEnum):
    """The documented set of claim types."""

    fact = "fact"
    causal = "causal"
    prediction = "prediction"
    value = "value"
    policy = "policy"
    definition = "definition"


class ClaimStatus(StrEnum):
    """Where a claim stands in the debate, when the analyst records it."""

    asserted = "asserted"
    disputed = "disputed"
    retracted = "retracted"
    superseded = "superseded"
    draft = "draft"


class CitationScope(StrEnum):
    """How much of the text a citation backs."""

    sentence = "sentence"
    paragraph = "paragraph"


class Relation(StrEnum):
    """How a link's premises bear on its target."""

    supports = "supports"
    opposes = "opposes"
    undercuts = "undercuts"


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
    published: dt.date | None = None
    """Publication date (ISO 8601, e.g. 2024-12-18)."""
    accessed: dt.date | None = None
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
    date: dt.date | None = None
    """When the claim was made, if the text says (ISO 8601)."""
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
