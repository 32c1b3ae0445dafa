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
from itertools import chain
from typing import TYPE_CHECKING, Any

from argmap.diagnostics import Diagnostic

if TYPE_CHECKING:
    from argmap.model import ClaimFile

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
    source_url: list[bool] = field(default_factory=list)
    """Whether each source has a url."""
    source_title: list[bool] = field(default_factory=list)
    """Whether each source has a title."""
    source_accessed: list[bool] = field(default_factory=list)
    """Whether each source has an access date."""
    source_text_files: list[str | None] = field(default_factory=list)
    """Each source's `text_file`, as written."""
    speaker_ids: list[str] = field(default_factory=list)
    """Each speaker's id."""
    speaker_names: list[str] = field(default_factory=list)
    """Each speaker's name."""
    speaker_perspectives: list[str | None] = field(default_factory=list)
    """Each speaker's perspective, as written."""
    perspective_ids: list[str] = field(default_factory=list)
    """Each perspective's id."""
    perspective_names: list[str] = field(default_factory=list)
    """Each perspective's name."""
    question_ids: list[str] = field(default_factory=list)
    """Each question's id."""
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
    """Each claim's status value."""
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


def _cites(citations: list[Any]) -> list[Cite]:
    return [(c.source, c.scope == "paragraph", c.quote, c.locator) for c in citations]


def problems_of(diagnostics: list[Diagnostic]) -> list[Problem]:
    """A file's diagnostics without its path (they all point into that file)."""
    return [(d.location.line, d.location.col, d.code, d.message, d.hint) for d in diagnostics]


def unusable(problems: list[Problem]) -> FileFacts:
    """The facts of a file that did not parse as a mapping: only its problems."""
    return FileFacts(usable=False, problems=problems)


def extract(
    content: ClaimFile, invalid: dict[str, set[str]], problems: list[Problem], plain: bool = False
) -> FileFacts:
    """The facts of a file whose valid entries are *content* (*plain*: read by yaml-rs)."""
    from argmap.model import Relation  # (facts read from the cache need no model)

    facts = FileFacts(
        namespace=content.namespace,
        document=content.document,
        plain=plain,
        problems=problems,
        invalid={section: sorted(ids) for section, ids in invalid.items()},
    )
    sources = content.sources
    facts.source_ids = [s.id for s in sources]
    facts.source_authors = [list(s.authors) for s in sources]
    facts.source_url = [s.url is not None for s in sources]
    facts.source_title = [s.title is not None for s in sources]
    facts.source_accessed = [s.accessed is not None for s in sources]
    facts.source_text_files = [s.text_file for s in sources]
    facts.speaker_ids = [s.id for s in content.speakers]
    facts.speaker_names = [s.name for s in content.speakers]
    facts.speaker_perspectives = [s.perspective for s in content.speakers]
    facts.perspective_ids = [p.id for p in content.perspectives]
    facts.perspective_names = [p.name for p in content.perspectives]
    facts.question_ids = [q.id for q in content.questions]
    facts.question_blank = [i for i, q in enumerate(content.questions) if not q.text.strip()]
    claims = content.claims
    facts.claim_ids = [c.id for c in claims]
    facts.claim_texts = [c.text for c in claims]
    facts.claim_blank = [i for i, c in enumerate(claims) if not c.text.strip()]
    facts.claim_speakers = [list(c.speakers) for c in claims]
    facts.claim_citations = [_cites(c.citations) for c in claims]
    facts.claim_questions = [list(c.questions) for c in claims]
    facts.claim_status = [None if c.status is None else c.status.value for c in claims]
    facts.claim_standalone = [i for i, c in enumerate(claims) if c.standalone]
    facts.claim_base = [c.base for c in claims]
    if content.expect is not None:
        facts.expect = {
            semantics: expected.model_dump(by_alias=True)
            for semantics, expected in content.expect
            if expected is not None
        }
    facts.claim_flagged = [i for i, c in enumerate(claims) if CITATION_NEEDED_TAG in c.tags]
    for i, claim in enumerate(claims):
        for relation, targets in (
            (Relation.supports, claim.supports),
            (Relation.opposes, claim.opposes),
        ):
            for j, target in enumerate(targets):
                facts.shorthand_claim.append(i)
                facts.shorthand_relation.append(relation.value)
                facts.shorthand_index.append(j)
                facts.shorthand_target.append(target)
                facts.shorthand_key.append(link_id([claim.id], relation.value, target))
    links = content.links
    facts.link_ids = [
        lk.id if lk.id is not None else link_id(lk.from_, lk.relation.value, lk.to) for lk in links
    ]
    facts.link_from = [list(lk.from_) for lk in links]
    facts.link_to = [lk.to for lk in links]
    facts.link_relation = [lk.relation.value for lk in links]
    facts.link_speakers = [list(lk.speakers) for lk in links]
    facts.link_citations = [_cites(lk.citations) for lk in links]
    facts.refs = _refs(facts)
    cites = chain.from_iterable(chain(facts.claim_citations, facts.link_citations))
    facts.cited = sorted({cite[0] for cite in cites})
    return facts


def _refs(facts: FileFacts) -> dict[str, list[str]]:
    """Every id *facts* writes, by id space."""
    cites = chain.from_iterable(chain(facts.claim_citations, facts.link_citations))
    sources = {cite[0] for cite in cites}
    if facts.document is not None:
        sources.add(facts.document)
    found: dict[str, set[str]] = {
        "source": sources,
        "speaker": {
            *chain.from_iterable(facts.source_authors),
            *chain.from_iterable(facts.claim_speakers),
            *chain.from_iterable(facts.link_speakers),
        },
        "perspective": {p for p in facts.speaker_perspectives if p is not None},
        "question": set(chain.from_iterable(facts.claim_questions)),
        "claim": {
            *facts.shorthand_target,
            *facts.link_to,
            *chain.from_iterable(facts.link_from),
        },
    }
    return {group: sorted(ids) for group, ids in found.items()}
