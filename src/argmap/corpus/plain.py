"""The corpus as plain records, read straight from the fact table: what views are built from.

A map, a brief or a deck needs each claim's text, type, status, speakers,
citations, questions and history; each link's ends, relation, speakers and
warrant; and the names, roles, titles and colours of the small entities. The
facts hold all of it, so :class:`PlainIndex` answers the same questions as
:class:`~argmap.corpus.graph.GraphIndex` (effective speakers, perspectives,
sourcing, incoming and outgoing links) from frozen records of plain values,
without parsing a file again or building a pydantic model. Its order and
choices are the corpus's: files in path order, the entity that won its id, and
references resolved as the table says. Nothing here does I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.corpus.on_table import OnTable
from argmap.corpus.plain_records import (
    PlainCitation,
    PlainClaim,
    PlainLink,
    PlainPerspective,
    PlainQuestion,
    PlainSource,
    PlainSpeaker,
)

__all__ = [
    "PlainCitation",
    "PlainClaim",
    "PlainIndex",
    "PlainLink",
    "PlainPerspective",
    "PlainQuestion",
    "PlainSource",
    "PlainSpeaker",
    "build_plain_index",
]
from argmap.corpus.table import FactTable, Kind, Sourcing, sourcing_of


@dataclass
class PlainIndex(OnTable):
    """Every entity of the corpus as plain records, with adjacency and attribution."""

    table: FactTable
    """The facts the records were read from."""
    sources: dict[str, PlainSource] = field(default_factory=dict)
    """Sources by qualified id, in corpus order."""
    speakers: dict[str, PlainSpeaker] = field(default_factory=dict)
    """Speakers by qualified id, in corpus order."""
    perspectives: dict[str, PlainPerspective] = field(default_factory=dict)
    """Perspectives by qualified id, in corpus order."""
    questions: dict[str, PlainQuestion] = field(default_factory=dict)
    """Questions by qualified id, in corpus order."""
    claims: dict[str, PlainClaim] = field(default_factory=dict)
    """Claims by qualified id, in file order."""
    links: dict[str, PlainLink] = field(default_factory=dict)
    """Links by qualified id, in file order (per file: shorthand, then `links:`)."""
    outgoing: dict[str, list[str]] = field(default_factory=dict)
    """For each claim id, the links it is a premise of."""
    incoming: dict[str, list[str]] = field(default_factory=dict)
    """For each claim or link id, the links that aim at it."""
    file_documents: list[str | None] = field(default_factory=list)
    """For each file (by index), the qualified id of the document it maps, if any."""

    def claim_file(self, claim_id: str) -> str:
        """The file (as shown) that writes the claim."""
        return self.table.files[self.claims[claim_id].file].shown

    def document_of_claim(self, claim_id: str) -> str | None:
        """Id of the document whose file writes the claim."""
        return self.file_documents[self.claims[claim_id].file]

    def document_of_link(self, link_id: str) -> str | None:
        """Id of the document whose file writes the link."""
        return self.file_documents[self.links[link_id].file]

    def document_title(self, claim_id: str) -> str:
        """The title of the document the claim appears in (its namespace when it has none)."""
        document = self.sources.get(self.document_of_claim(claim_id) or "")
        if document is not None and document.title:
            return document.title
        return self.namespaces[self.claim_file(claim_id)]

    def speakers_of(self, written: tuple[str, ...], document: str | None) -> list[str]:
        """Who asserts or draws an entry whose own speakers are *written*: those, else the
        authors of *document* (the document of the file that writes the entry)."""
        if written:
            return list(written)
        source = self.sources.get(document) if document else None
        return list(source.authors) if source else []

    def claim_speakers(self, claim_id: str) -> list[str]:
        """Who asserts the claim: its speakers, else its document's authors."""
        claim = self.claims[claim_id]
        return self.speakers_of(claim.speakers, self.file_documents[claim.file])

    def link_speakers(self, link_id: str) -> list[str]:
        """Who draws the link: its speakers, else its document's authors."""
        link = self.links[link_id]
        return self.speakers_of(link.speakers, self.file_documents[link.file])

    def perspectives_of(self, speaker_ids: list[str]) -> list[str]:
        """The perspectives of *speaker_ids*, in speaker order, without repeats."""
        found: list[str] = []
        for speaker_id in speaker_ids:
            speaker = self.speakers.get(speaker_id)
            if speaker and speaker.perspective and speaker.perspective not in found:
                found.append(speaker.perspective)
        return found

    def claim_perspectives(self, claim_id: str) -> list[str]:
        """The perspectives of the claim's speakers, in speaker order, without repeats."""
        return self.perspectives_of(self.claim_speakers(claim_id))

    def sourcing(self, claim_id: str) -> Sourcing:
        """The claim's tier: sourced, paragraph-sourced or unsourced."""
        pairs = ((c.source, c.paragraph) for c in self.claims[claim_id].citations)
        return sourcing_of(pairs, self.document_of_claim(claim_id))


def build_plain_index(table: FactTable) -> PlainIndex:
    """The records of every entity of *table* that won its id, and the links' adjacency."""
    index = PlainIndex(table)
    index.file_documents = [table.documents.get(loaded.shown) for loaded in table.files]
    for f in range(len(table.files)):
        _read_entities(index, f)
    for f in range(len(table.files)):
        _read_claims(index, f)
        _read_links(index, f)
    for link_id, link in index.links.items():
        for premise in link.from_:
            index.outgoing.setdefault(premise, []).append(link_id)
        index.incoming.setdefault(link.to, []).append(link_id)
    return index


def _read_entities(index: PlainIndex, f: int) -> None:
    """The sources, speakers, perspectives and questions of file *f* that won their ids."""
    table = index.table
    loaded = table.files[f]
    facts, prefix, memo = loaded.facts, loaded.namespace + "/", table.resolved[f]
    entities = table.entities

    def won(kind: Kind, i: int, ident: str) -> str | None:
        key = prefix + ident
        return key if entities[kind].get(key) == (f, i) else None

    for i, ident in enumerate(facts.source_ids):
        if key := won("source", i, ident):
            authors = tuple(memo["speaker"][a] for a in facts.source_authors[i])
            index.sources[key] = PlainSource(
                facts.source_title[i],
                facts.source_publishers[i],
                facts.source_url[i],
                facts.source_accessed[i],
                facts.source_published[i],
                authors,
            )
    for i, ident in enumerate(facts.speaker_ids):
        if key := won("speaker", i, ident):
            side = facts.speaker_perspectives[i]
            index.speakers[key] = PlainSpeaker(
                facts.speaker_names[i],
                facts.speaker_roles[i],
                None if side is None else memo["perspective"][side],
                facts.speaker_shorts[i],
            )
    for i, ident in enumerate(facts.perspective_ids):
        if key := won("perspective", i, ident):
            index.perspectives[key] = PlainPerspective(
                facts.perspective_names[i],
                facts.perspective_descriptions[i],
                facts.perspective_colors[i],
            )
    for i, ident in enumerate(facts.question_ids):
        if key := won("question", i, ident):
            index.questions[key] = PlainQuestion(facts.question_texts[i])


def _read_claims(index: PlainIndex, f: int) -> None:
    """The claims of file *f* that won their ids."""
    table = index.table
    facts, memo = table.files[f].facts, table.resolved[f]
    speaker_of, source_of, question_of = memo["speaker"], memo["source"], memo["question"]
    histories = {
        claim: tuple(
            (date, status, note) for (date, status), note in zip(steps, notes, strict=True)
        )
        for claim, steps, notes in zip(
            facts.history_claim, facts.history_steps, facts.history_notes, strict=True
        )
    }
    keys, claims = table.claim_keys[f], index.claims
    for i in table.claim_indexes(f):
        claims[keys[i]] = PlainClaim(
            facts.claim_texts[i],
            facts.claim_types[i],
            facts.claim_status[i],
            tuple([speaker_of[s] for s in facts.claim_speakers[i]]),
            tuple(
                [
                    PlainCitation(source_of[source], paragraph, quote, locator)
                    for source, paragraph, quote, locator in facts.claim_citations[i]
                ]
            ),
            tuple([question_of[q] for q in facts.claim_questions[i]]),
            histories.get(i, ()),
            f,
        )


def _read_links(index: PlainIndex, f: int) -> None:
    """The links of file *f* that won their ids (the table's rows for the file)."""
    table = index.table
    facts, speaker_of = table.files[f].facts, table.resolved[f]["speaker"]
    rows, shorthand = table.links, len(facts.shorthand_key)
    for row in table.link_rows(f):
        place = rows.places[row]
        if place < shorthand:
            written = facts.claim_speakers[facts.shorthand_claim[place]]
            warrant = None
        else:
            written = facts.link_speakers[place - shorthand]
            warrant = facts.link_warrants[place - shorthand]
        index.links[rows.keys[row]] = PlainLink(
            tuple(rows.premises[row]),
            rows.targets[row],
            rows.relations[row],
            tuple([speaker_of[s] for s in written]),
            warrant,
            f,
        )
