"""What one claims file contributes to the corpus, as compact plain data: its facts.

The checks and the audit need far less than the pydantic models hold: the ids a
file declares, the references it makes (as written), a few flags and names, and
the file's own diagnostics. :class:`FileFacts` keeps exactly that, in columns
of plain lists, strings, numbers and tuples, so it is cheap to store (see
:mod:`argmap.load.cache.facts_cache`) and cheap to read back without building models.
Facts depend only on a file's bytes, never on its path or on other files:
namespaces, display paths and resolution are worked out across files later
(:mod:`argmap.corpus.table`). Positions are not stored; an entry's path inside
the file (`("claims", 3)`) is implied by its column index.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic

if TYPE_CHECKING:
    pass

Problem = tuple[int, int, str, str, str | None]
"""A diagnostic of the file itself, without its path: line, col, code, message, hint."""

Cite = tuple[str, bool, str | None, str | None]
"""A citation: source as written, paragraph scope, quote, locator."""

STATUSES = frozenset({"asserted", "disputed", "retracted", "superseded", "draft"})
"""Every claim status value (the model's `ClaimStatus`; a test holds them equal)."""

RELATIONS = frozenset({"supports", "opposes", "undercuts"})
"""Every link relation value (the model's `Relation`; a test holds them equal)."""

CITATION_NEEDED_TAG = "citation-needed"
"""The tag that marks a claim its source flagged "(citation needed)", as Kialo does."""


def link_id(premises: list[str], relation: str, target: str) -> str:
    """The stable id given to a link written without one (ids as written)."""
    return f"{'+'.join(premises)}--{relation}--{target}"


@dataclass(slots=True)
class FileFacts:
    """The facts of one claims file; each column lists one field of a section's entries."""

    namespace: str | None = None
    """The file's `namespace:` field, as written."""
    document: str | None = None
    """The file's `document:` reference, as written; None for a shared file."""
    usable: bool = True
    """False when the file did not parse as a mapping (it then declares nothing)."""
    plain: bool = False
    """True when the happy path (yaml-rs) read the file: its text holds nothing that only
    PyYAML reads as argmap promises, so positions in it may come from rapidyaml unchecked."""
    problems: list[Problem] = field(default_factory=list)
    """The file's own diagnostics (syntax, fields, validation), in the loader's order."""
    invalid: dict[str, list[str]] = field(default_factory=dict)
    """Ids of entries dropped as invalid, by section, in the order the loader met them."""
    source_ids: list[str] = field(default_factory=list)
    """Each source's id."""
    source_authors: list[list[str]] = field(default_factory=list)
    """Each source's `authors:`, as written."""
    source_url: list[str | None] = field(default_factory=list)
    """Each source's url, if written."""
    source_title: list[str | None] = field(default_factory=list)
    """Each source's title, if written."""
    source_accessed: list[str | None] = field(default_factory=list)
    """Each source's access date (partial-date text), if written."""
    source_publishers: list[str | None] = field(default_factory=list)
    """Each source's publisher, if written."""
    source_published: list[str | None] = field(default_factory=list)
    """Each source's publication date (partial-date text), if written."""
    source_text_files: list[str | None] = field(default_factory=list)
    """Each source's `text_file`, as written."""
    source_kinds: list[str] = field(default_factory=list)
    """Each source's kind value."""
    speaker_ids: list[str] = field(default_factory=list)
    """Each speaker's id."""
    speaker_names: list[str] = field(default_factory=list)
    """Each speaker's name."""
    speaker_perspectives: list[str | None] = field(default_factory=list)
    """Each speaker's perspective, as written."""
    speaker_roles: list[str | None] = field(default_factory=list)
    """Each speaker's role, if written."""
    speaker_shorts: list[str | None] = field(default_factory=list)
    """Each speaker's short attribution for maps, if written."""
    speaker_affiliations: list[str | None] = field(default_factory=list)
    """Each speaker's affiliation, if written."""
    speaker_kinds: list[str] = field(default_factory=list)
    """Each speaker's kind value."""
    perspective_ids: list[str] = field(default_factory=list)
    """Each perspective's id."""
    perspective_names: list[str] = field(default_factory=list)
    """Each perspective's name."""
    perspective_descriptions: list[str | None] = field(default_factory=list)
    """Each perspective's description, if written."""
    perspective_colors: list[str | None] = field(default_factory=list)
    """Each perspective's own colour (#rrggbb as written), if it names one."""
    question_ids: list[str] = field(default_factory=list)
    """Each question's id."""
    question_texts: list[str] = field(default_factory=list)
    """Each question's text."""
    question_blank: list[int] = field(default_factory=list)
    """Indexes of questions whose text is blank."""
    claim_ids: list[str] = field(default_factory=list)
    """Each claim's id."""
    claim_texts: list[str] = field(default_factory=list)
    """Each claim's text."""
    claim_blank: list[int] = field(default_factory=list)
    """Indexes of claims whose text is blank."""
    claim_speakers: list[list[str]] = field(default_factory=list)
    """Each claim's speakers, as written."""
    claim_citations: list[list[Cite]] = field(default_factory=list)
    """Each claim's citations."""
    claim_questions: list[list[str]] = field(default_factory=list)
    """Each claim's questions, as written."""
    claim_status: list[str | None] = field(default_factory=list)
    """Each claim's status value: its `status:`, else its history's last status."""
    claim_types: list[str] = field(default_factory=list)
    """Each claim's type value."""
    claim_tags: list[list[str]] = field(default_factory=list)
    """Each claim's tags."""
    claim_dates: list[str | None] = field(default_factory=list)
    """Each claim's `date:` (partial-date text), if written."""
    claim_canonical: list[int] = field(default_factory=list)
    """Indexes of claims marked `canonical: true`."""
    history_claim: list[int] = field(default_factory=list)
    """Indexes of the claims that have a `history:`."""
    history_steps: list[list[tuple[str, str]]] = field(default_factory=list)
    """For each of those claims, its history entries as (ISO date, status value)."""
    history_notes: list[list[str | None]] = field(default_factory=list)
    """For each of those claims, its history entries' notes."""
    history_given: list[str | None] = field(default_factory=list)
    """For each of those claims, its own `status:` value, if written."""
    history_cites: list[list[tuple[int, int, str]]] = field(default_factory=list)
    """For each of those claims, its history's cited sources: (entry, citation, source)."""
    same_as_claim: list[int] = field(default_factory=list)
    """Indexes of the claims that have a `same-as:`."""
    same_as_targets: list[list[str]] = field(default_factory=list)
    """For each of those claims, its `same-as:` references, as written."""
    differ_claim: list[int] = field(default_factory=list)
    """Indexes of the claims that have a `not-same-as:`."""
    differ_targets: list[list[str]] = field(default_factory=list)
    """For each of those claims, its `not-same-as:` references, as written."""
    claim_standalone: list[int] = field(default_factory=list)
    """Indexes of claims marked `standalone: true`."""
    claim_flagged: list[int] = field(default_factory=list)
    """Indexes of claims tagged `citation-needed`."""
    claim_base: list[float | None] = field(default_factory=list)
    """Each claim's `base:` score, if written."""
    expect: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    """The file's `expect:` block: semantics -> label -> claim ids as written."""
    shorthand_claim: list[int] = field(default_factory=list)
    """For each `supports:`/`opposes:` item, in file order: the index of its claim."""
    shorthand_relation: list[str] = field(default_factory=list)
    """For each shorthand item: 'supports' or 'opposes'."""
    shorthand_index: list[int] = field(default_factory=list)
    """For each shorthand item: its index in its claim's list."""
    shorthand_target: list[str] = field(default_factory=list)
    """For each shorthand item: the target, as written."""
    shorthand_key: list[str] = field(default_factory=list)
    """For each shorthand item: the id of the link it becomes (unqualified)."""
    link_ids: list[str] = field(default_factory=list)
    """Each explicit link's id, or the id made from its ends when it has none (unqualified)."""
    link_from: list[list[str]] = field(default_factory=list)
    """Each link's premises, as written."""
    link_to: list[str] = field(default_factory=list)
    """Each link's target, as written."""
    link_relation: list[str] = field(default_factory=list)
    """Each link's relation value."""
    link_speakers: list[list[str]] = field(default_factory=list)
    """Each link's speakers, as written."""
    link_warrants: list[str | None] = field(default_factory=list)
    """Each link's warrant, if written."""
    link_schemes: list[str | None] = field(default_factory=list)
    """Each link's argumentation scheme, if written."""
    link_citations: list[list[Cite]] = field(default_factory=list)
    """Each link's citations."""
    refs: dict[str, list[str]] = field(default_factory=dict)
    """For each id space ('source', 'speaker', 'perspective', 'question', 'claim'), every
    id the file writes in it, once each, sorted."""
    cited: list[str] = field(default_factory=list)
    """Every source the file's claims and links cite, as written, once each, sorted."""

    @property
    def shared(self) -> bool:
        """True for a shared file (no `document:`): its ids are reachable bare everywhere."""
        return self.document is None

    def to_data(self) -> tuple[Any, ...]:
        """The facts as one tuple of plain values (for marshal)."""
        return tuple(getattr(self, name) for name in FIELD_NAMES)

    @classmethod
    def from_data(cls, data: tuple[Any, ...]) -> FileFacts:
        """Facts from :meth:`to_data`'s tuple (its shape is checked by the cache)."""
        return cls(*data)


FIELD_NAMES: tuple[str, ...] = tuple(f.name for f in fields(FileFacts))
"""The order of the values in :meth:`FileFacts.to_data`."""


def problems_of(diagnostics: list[Diagnostic]) -> list[Problem]:
    """A file's diagnostics without its path (they all point into that file)."""
    return [(d.location.line, d.location.col, d.code, d.message, d.hint) for d in diagnostics]


def unusable(problems: list[Problem]) -> FileFacts:
    """The facts of a file that did not parse as a mapping: only its problems."""
    return FileFacts(usable=False, problems=problems)
