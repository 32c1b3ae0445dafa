"""The renderer-neutral view: one document's argument, resolved and sorted.

:func:`build_view` computes everything an emitter shows (labels,
attributions, source numbers, perspective of each claim, its sourcing tier and
status, which links cross perspectives, the focus claim, the document's
authors) exactly once. Emitters (DOT, Markdown, later HTML and interchange
formats) only walk a :class:`MapView` and add syntax; they never look at the
corpus. Nothing here escapes text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.corpus.plain import PlainIndex
from argmap.corpus.table import Sourcing, sourcing_of
from argmap.render.select import links_among
from argmap.render.view_entries import (
    Attributions,
    CitationEntry,
    PerspectiveEntry,
    QuestionEntry,
    SourceEntry,
    SpeakerEntry,
    perspective_entries,
    source_entry,
    speaker_entry,
)
from argmap.render.view_verdicts import EvaluationView, Verdict

__all__ = ["ClaimNode", "LinkEdge", "MapView", "build_view", "speaker_entry"]

INACTIVE_STATUSES = frozenset({"retracted", "superseded"})
"""Statuses of claims no longer in play: left out of points of clash and coverage figures."""


@dataclass(frozen=True, slots=True)
class ClaimNode:
    """A claim as every emitter shows it."""

    id: str
    """Claim id."""
    text: str
    """The proposition."""
    type: str
    """Claim type value (fact, causal, …)."""
    speakers: tuple[SpeakerEntry, ...]
    """Effective speakers, resolved."""
    perspective: str | None
    """The first speaker's perspective id; it picks the fill colour and column."""
    citations: tuple[CitationEntry, ...]
    """Citations in written order."""
    sourcing: Sourcing
    """sourced, paragraph-sourced (only a footnote closing its passage) or unsourced."""
    questions: tuple[str, ...]
    """Question ids the claim bears on."""
    status: str | None = None
    """asserted, disputed, retracted, superseded or draft; None when the analyst gave none."""
    history: tuple[tuple[str, str, str | None], ...] = ()
    """The claim's status history: (ISO date, status, note) of each entry, oldest first."""

    @property
    def history_text(self) -> str:
        """ "2025-03-01 disputed: note · 2025-03-20 retracted", or ""."""
        return " · ".join(
            f"{date} {status}" + (f": {note}" if note else "")
            for date, status, note in self.history
        )

    perspectives: tuple[str, ...] = ()
    """Every perspective of its speakers, first speaker's first: a claim spoken by speakers
    of two perspectives is credited to both (a split fill on the map, a row in each
    perspective's column of the brief, a count for each in the audit)."""

    @property
    def unsourced(self) -> bool:
        """True when nothing beyond the document is cited."""
        return self.sourcing is Sourcing.unsourced

    @property
    def paragraph_sourced(self) -> bool:
        """True when only a footnote closing the claim's paragraph cites an outside source."""
        return self.sourcing is Sourcing.paragraph

    @property
    def inactive(self) -> bool:
        """True for a retracted or superseded claim: shown, but no longer in play."""
        return self.status in INACTIVE_STATUSES

    @property
    def attribution(self) -> str:
        """ "Jon Finer, US Deputy National Security Advisor; …"."""
        return "; ".join(s.label for s in self.speakers) or "unattributed"

    @property
    def map_attribution(self) -> str:
        """Short attribution for map labels ("Jon Finer, US Deputy NSA")."""
        return "; ".join(s.map_label for s in self.speakers) or "unattributed"

    @property
    def source_numbers(self) -> tuple[int, ...]:
        """Legend numbers of the outside sources cited, without repeats."""
        return tuple(dict.fromkeys(c.number for c in self.citations if c.number is not None))


@dataclass(frozen=True, slots=True)
class LinkEdge:
    """A link as every emitter shows it."""

    id: str
    """Link id."""
    premises: tuple[str, ...]
    """Claim ids acting together as premises."""
    target: str
    """Claim id, or link id for an undercut."""
    relation: str
    """supports, opposes or undercuts."""
    attribution: str
    """Who draws the link."""
    warrant: str | None
    """Why it holds, if written."""
    crosses_perspectives: bool
    """True when the link sets one perspective against another. For supports and
    opposes: a premise is credited to no perspective the target claim is credited to. For an
    undercut: the side that draws it differs from the side that drew the link it
    attacks (whatever that link concludes)."""
    side: str | None = None
    """The perspective of whoever draws the link (its first speaker's)."""


@dataclass
class MapView:
    """Everything emitters need for one document (or one filtered slice)."""

    title: str
    """Title of the map or brief."""
    claims: list[ClaimNode] = field(default_factory=list)
    """Claims in written order."""
    links: list[LinkEdge] = field(default_factory=list)
    """Links among those claims, in written order."""
    sources: list[SourceEntry] = field(default_factory=list)
    """Numbered outside sources."""
    document_source: SourceEntry | None = None
    """The document itself, when all the claims come from one file that names one."""
    authors: tuple[SpeakerEntry, ...] = ()
    """That document's authors: named once in a brief's header, not on each line."""
    perspectives: list[PerspectiveEntry] = field(default_factory=list)
    """Perspectives of the claims' speakers, in definition order."""
    questions: list[QuestionEntry] = field(default_factory=list)
    """Questions the claims bear on, in definition order."""
    incoming: dict[str, list[LinkEdge]] = field(default_factory=dict)
    """For each claim or link id, the links aimed at it."""
    focus: str | None = None
    """The claim a focus map is drawn around, highlighted; None for other maps."""
    side_names: dict[str, str] = field(default_factory=dict)
    """The name of every perspective that asserts a claim or draws a link of the view."""
    evaluation: EvaluationView | None = None
    """Labels or strengths with their reasons, when the view is evaluated
    (:func:`argmap.render.view_verdicts.attach_evaluation`)."""

    def verdict(self, claim_id: str) -> Verdict | None:
        """The evaluation's verdict on *claim_id*, if the view is evaluated and has one."""
        return None if self.evaluation is None else self.evaluation.verdicts.get(claim_id)

    @property
    def unsourced(self) -> list[ClaimNode]:
        """The unsourced claims, in written order."""
        return [node for node in self.claims if node.unsourced]

    def by_authors(self, node: ClaimNode) -> bool:
        """True when *node*'s speakers are exactly the document's authors named in the header."""
        return bool(self.authors) and [s.id for s in node.speakers] == [a.id for a in self.authors]


def build_view(
    index: PlainIndex, claim_ids: list[str], title: str, focus: str | None = None
) -> MapView:
    """The view of *claim_ids* (in the given order) and the links among them."""
    wanted = set(claim_ids)
    view = MapView(title=title, focus=focus if focus in wanted else None)
    people = Attributions(index)
    numbers: dict[str, int] = {}
    documents = {index.document_of_claim(c) for c in claim_ids}
    document = next(iter(documents)) if len(documents) == 1 else None
    if document is not None and document in index.sources:
        view.document_source = source_entry(index, document, 0)
        view.authors = tuple(people.speaker(a) for a in index.sources[document].authors)
    questions = index.questions
    for claim_id in claim_ids:
        claim = index.claims[claim_id]
        own_document = index.file_documents[claim.file]
        citations = []
        for citation in claim.citations:
            number = None
            if citation.source != own_document:
                number = numbers.setdefault(citation.source, len(numbers) + 1)
            citations.append(
                CitationEntry(citation.source, number, citation.locator, citation.quote)
            )
        who = people.of(claim.speakers, own_document)
        view.claims.append(
            ClaimNode(
                id=claim_id,
                text=claim.text,
                type=claim.type,
                speakers=who.speakers,
                perspective=who.side,
                citations=tuple(citations),
                sourcing=sourcing_of(
                    ((c.source, c.paragraph) for c in claim.citations), own_document
                ),
                questions=tuple(q for q in claim.questions if q in questions),
                status=claim.status,
                history=claim.history,
                perspectives=who.perspectives,
            )
        )
    view.sources = [source_entry(index, ident, n) for ident, n in numbers.items()]
    view.links = _link_edges(index, view, wanted, people)
    for edge in view.links:
        view.incoming.setdefault(edge.target, []).append(edge)
    credited: set[str | None] = {p for node in view.claims for p in node.perspectives}
    view.perspectives = perspective_entries(index, credited)
    sides = credited | {edge.side for edge in view.links}
    view.side_names = {
        ident: index.perspectives[ident].name for ident in index.perspectives if ident in sides
    }
    used_questions = {q for node in view.claims for q in node.questions}
    view.questions = [
        QuestionEntry(q, index.questions[q].text) for q in index.questions if q in used_questions
    ]
    return view


def _link_edges(
    index: PlainIndex, view: MapView, wanted: set[str], people: Attributions
) -> list[LinkEdge]:
    """The links among *wanted*, in written order, with who draws them and whether they clash."""
    sets: dict[tuple[str, ...], frozenset[str]] = {}
    credited = {
        node.id: sets.get(node.perspectives)
        or sets.setdefault(node.perspectives, frozenset(node.perspectives))
        for node in view.claims
    }
    links, documents = index.links, index.file_documents

    def side(link_id: str) -> str | None:
        """The perspective of whoever draws the link: its first speaker's that has one."""
        link = links[link_id]
        return people.of(link.speakers, documents[link.file]).side

    edges = []
    for link_id in links_among(index, wanted):
        link = links[link_id]
        who = people.of(link.speakers, documents[link.file])
        drawn_by = who.side
        if link.to in links:
            crosses = drawn_by != side(link.to)
        else:
            crosses = link.to in credited and _clash(credited, link.from_, credited[link.to])
        edges.append(
            LinkEdge(
                id=link_id,
                premises=tuple(link.from_),
                target=link.to,
                relation=link.relation,
                attribution=who.label,
                warrant=link.warrant,
                crosses_perspectives=crosses,
                side=drawn_by,
            )
        )
    return edges


def _clash(
    credited: dict[str, frozenset[str]], premises: tuple[str, ...], target: frozenset[str]
) -> bool:
    """True when a premise and the target are credited to no common perspective (and
    not both to none)."""
    for premise in premises:
        mine = credited.get(premise)
        if (mine or target) and (not mine or mine.isdisjoint(target)):
            return True
    return False
