"""The renderer-neutral view: one document's argument, resolved and sorted.

:func:`build_view` computes everything an emitter shows (labels,
attributions, source numbers, perspective of each claim, which claims are
unsourced, which links cross perspectives) exactly once. Emitters (DOT,
Markdown, later HTML and interchange formats) only walk a :class:`MapView`
and add syntax; they never look at the corpus. Nothing here escapes text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.corpus.graph import GraphIndex


@dataclass(frozen=True)
class SourceEntry:
    """A source in the legend, numbered in order of first citation."""

    number: int
    """The marker number shown as [n]."""
    id: str
    """Source id."""
    title: str
    """Title (the id when the source has none)."""
    publisher: str | None
    """Outlet or publisher."""
    url: str | None
    """Where to read it."""
    accessed: str | None
    """ISO access date."""


@dataclass(frozen=True)
class CitationEntry:
    """One citation of a claim, resolved."""

    source: str
    """Source id."""
    number: int | None
    """Legend number; None for the document itself, which is not numbered."""
    locator: str | None
    """Paragraph, page or footnote."""
    quote: str | None
    """Verbatim words."""


@dataclass(frozen=True)
class SpeakerEntry:
    """A speaker as shown."""

    id: str
    """Speaker id."""
    name: str
    """Display name."""
    role: str | None
    """Role, e.g. "US Deputy National Security Advisor"."""
    perspective: str | None
    """Perspective id."""
    short: str | None = None
    """Short attribution for maps, when the speaker gives one."""

    @property
    def label(self) -> str:
        """The full attribution: "Name, role", or just the name."""
        return f"{self.name}, {self.role}" if self.role else self.name

    @property
    def map_label(self) -> str:
        """The short attribution, else the full label."""
        return self.short or self.label


@dataclass(frozen=True)
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
    unsourced: bool
    """True when nothing beyond the document is cited."""
    questions: tuple[str, ...]
    """Question ids the claim bears on."""

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


@dataclass(frozen=True)
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
    """True when a premise's perspective differs from that of the claim attacked or
    supported (for an undercut, the conclusion of the link it undercuts)."""


@dataclass(frozen=True)
class PerspectiveEntry:
    """A perspective in the legend and the side-by-side brief."""

    id: str
    """Perspective id."""
    name: str
    """Display name."""
    description: str | None
    """What the perspective is."""
    colour: int
    """Index into the emitter's palette, stable by perspective order."""


@dataclass(frozen=True)
class QuestionEntry:
    """A question of the document."""

    id: str
    """Question id."""
    text: str
    """The question."""


@dataclass
class MapView:
    """Everything emitters need for one document (or one filtered slice)."""

    title: str
    """Title of the document."""
    claims: list[ClaimNode] = field(default_factory=list)
    """Claims in written order."""
    links: list[LinkEdge] = field(default_factory=list)
    """Links among those claims, in written order."""
    sources: list[SourceEntry] = field(default_factory=list)
    """Numbered outside sources."""
    document_source: SourceEntry | None = None
    """The document itself, when the file names one."""
    perspectives: list[PerspectiveEntry] = field(default_factory=list)
    """Perspectives of the claims' speakers, in definition order."""
    questions: list[QuestionEntry] = field(default_factory=list)
    """Questions the claims bear on, in definition order."""
    incoming: dict[str, list[LinkEdge]] = field(default_factory=dict)
    """For each claim or link id, the links aimed at it."""

    @property
    def unsourced(self) -> list[ClaimNode]:
        """The unsourced claims, in written order."""
        return [node for node in self.claims if node.unsourced]


def build_view(index: GraphIndex, claim_ids: list[str], title: str) -> MapView:
    """The view of *claim_ids* (in the given order) and the links among them."""
    corpus = index.corpus
    wanted = set(claim_ids)
    view = MapView(title=title)
    speakers_seen: dict[str, SpeakerEntry] = {}

    def speaker(speaker_id: str) -> SpeakerEntry:
        entry = speakers_seen.get(speaker_id)
        if entry is None:
            entry = speakers_seen[speaker_id] = speaker_entry(index, speaker_id)
        return entry

    numbers: dict[str, int] = {}
    documents = {corpus.document_of_claim(c) for c in claim_ids}
    document = next(iter(documents)) if len(documents) == 1 else None
    if document in corpus.sources:
        view.document_source = _source_entry(index, document, 0)
    for claim_id in claim_ids:
        claim = corpus.claims[claim_id]
        own_document = corpus.document_of_claim(claim_id)
        citations = []
        for citation in claim.citations:
            number = None
            if citation.source != own_document:
                number = numbers.setdefault(citation.source, len(numbers) + 1)
            citations.append(
                CitationEntry(citation.source, number, citation.locator, citation.quote)
            )
        speakers = tuple(speaker(s) for s in index.claim_speakers(claim_id))
        perspectives = index.claim_perspectives(claim_id)
        view.claims.append(
            ClaimNode(
                id=claim_id,
                text=claim.text,
                type=claim.type.value,
                speakers=speakers,
                perspective=perspectives[0] if perspectives else None,
                citations=tuple(citations),
                unsourced=index.is_unsourced(claim_id),
                questions=tuple(q for q in claim.questions if q in corpus.questions),
            )
        )
    view.sources = [_source_entry(index, ident, n) for ident, n in numbers.items()]
    perspective_of = {node.id: node.perspective for node in view.claims}
    kept_links = _links_within(index, wanted)
    for link_id in kept_links:
        link = corpus.links[link_id]
        aimed_claim = corpus.links[link.to].to if link.to in corpus.links else link.to
        target_perspective = perspective_of.get(aimed_claim)
        view.links.append(
            LinkEdge(
                id=link_id,
                premises=tuple(link.from_),
                target=link.to,
                relation=link.relation.value,
                attribution="; ".join(speaker(s).label for s in index.link_speakers(link_id)),
                warrant=link.warrant,
                crosses_perspectives=aimed_claim in perspective_of
                and any(perspective_of[p] != target_perspective for p in link.from_),
            )
        )
    for edge in view.links:
        view.incoming.setdefault(edge.target, []).append(edge)
    used_perspectives = {node.perspective for node in view.claims}
    ordered = [p for p in corpus.perspectives if p in used_perspectives]
    view.perspectives = [
        PerspectiveEntry(p, corpus.perspectives[p].name, corpus.perspectives[p].description, i)
        for i, p in enumerate(ordered)
    ]
    used_questions = {q for node in view.claims for q in node.questions}
    view.questions = [
        QuestionEntry(q, corpus.questions[q].text) for q in corpus.questions if q in used_questions
    ]
    return view


def _links_within(index: GraphIndex, claim_ids: set[str]) -> list[str]:
    """Links whose premises are all in *claim_ids* and whose target is too (or a kept link)."""
    corpus = index.corpus
    kept: list[str] = []
    kept_set: set[str] = set()
    pending = [i for i, link in corpus.links.items() if all(p in claim_ids for p in link.from_)]
    # undercuts may aim at links that appear later; iterate until nothing more is kept
    changed = True
    while changed:
        changed = False
        for link_id in pending:
            if link_id in kept_set:
                continue
            target = corpus.links[link_id].to
            if target in claim_ids or target in kept_set:
                kept_set.add(link_id)
                changed = True
    kept = [i for i in corpus.links if i in kept_set]
    return kept


def speaker_entry(index: GraphIndex, speaker_id: str) -> SpeakerEntry:
    """The speaker *speaker_id* as shown (its id as name when it is unknown)."""
    speaker = index.corpus.speakers.get(speaker_id)
    if speaker is None:
        return SpeakerEntry(speaker_id, speaker_id, None, None)
    return SpeakerEntry(speaker_id, speaker.name, speaker.role, speaker.perspective, speaker.short)


def _source_entry(index: GraphIndex, source_id: str, number: int) -> SourceEntry:
    source = index.corpus.sources.get(source_id)
    if source is None:
        return SourceEntry(number, source_id, source_id, None, None, None)
    accessed = source.accessed.isoformat() if source.accessed else None
    return SourceEntry(
        number, source_id, source.title or source_id, source.publisher, source.url, accessed
    )
