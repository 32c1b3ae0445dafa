"""The corpus: every loaded file's models merged into one set of entities, by qualified id.

Commands that draw or export the claims need the models, not only the facts
the checks read. :func:`build_corpus` builds them from the decisions of a
:class:`~argmap.corpus.table.FactTable`: each entity that won its id is
copied under its qualified id (`NAMESPACE/ID`, see :mod:`argmap.corpus.scope`)
with every reference rewritten to the qualified id the table resolved, and the
`supports:`/`opposes:` shorthand expanded into links. Duplicates, origins,
namespaces and ambiguities stay the table's. References that resolve to
nothing stay as written. No I/O happens here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.corpus.on_table import OnTable
from argmap.corpus.table import FactTable, Kind, Origin
from argmap.load.cache.trusted import construct_trusted, replace_trusted
from argmap.load.loader import LoadedFile
from argmap.model import (
    Citation,
    Claim,
    ClaimFile,
    Link,
    Perspective,
    Question,
    Relation,
    Source,
    Speaker,
)

__all__ = ["Corpus", "Kind", "Origin", "build_corpus"]


@dataclass
class Corpus(OnTable):
    """All entities of a claims folder, by qualified id, as models."""

    table: FactTable
    """The facts the corpus was built from: origins, namespaces, resolutions, duplicates."""
    sources: dict[str, Source] = field(default_factory=dict)
    """Sources by id."""
    speakers: dict[str, Speaker] = field(default_factory=dict)
    """Speakers by id."""
    perspectives: dict[str, Perspective] = field(default_factory=dict)
    """Perspectives by id."""
    questions: dict[str, Question] = field(default_factory=dict)
    """Questions by id."""
    claims: dict[str, Claim] = field(default_factory=dict)
    """Claims by id, in file order."""
    links: dict[str, Link] = field(default_factory=dict)
    """Links by id, explicit and expanded from shorthand, in file order."""
    claim_file: dict[str, str] = field(default_factory=dict)
    """For each claim id, the file that defines it."""
    link_file: dict[str, str] = field(default_factory=dict)
    """For each link id, the file that defines it."""

    def document_of_claim(self, claim_id: str) -> str | None:
        """Id of the document whose file defines the claim."""
        return self.documents.get(self.claim_file.get(claim_id, ""))

    def document_of_link(self, link_id: str) -> str | None:
        """Id of the document whose file defines the link."""
        return self.documents.get(self.link_file.get(link_id, ""))


def build_corpus(table: FactTable, release: bool = False) -> Corpus:
    """The models of every entity that won its id, qualified and resolved as *table* says.

    Every file of *table* must have its models loaded. With *release*, each file's
    models are dropped once merged (the corpus holds its own copies), which keeps the
    peak memory of a large corpus down.
    """
    corpus = Corpus(table)
    for f, loaded in enumerate(table.files):
        _Merger(corpus, f, loaded).merge()
        if release:
            loaded.content = None
    return corpus


class _Merger:
    """Adds one file's winning entities to the corpus, with references resolved."""

    def __init__(self, corpus: Corpus, f: int, loaded: LoadedFile) -> None:
        if loaded.content is None:
            raise ValueError(f"the models of {loaded.shown} were not loaded")
        self.corpus, self.table, self.f = corpus, corpus.table, f
        self.shown, self.prefix = loaded.shown, loaded.namespace + "/"
        self.content: ClaimFile = loaded.content
        self.resolved = self.table.resolved[f]

    def won(self, kind: Kind, i: int, ident: str) -> bool:
        return self.table.entities[kind].get(self.prefix + ident) == (self.f, i)

    def citations(self, citations: list[Citation]) -> list[Citation]:
        memo = self.resolved["source"]
        return [replace_trusted(c, {"source": memo[c.source]}) for c in citations]

    def merge(self) -> None:
        corpus, content, prefix = self.corpus, self.content, self.prefix
        speaker_of = self.resolved["speaker"]
        for i, source in enumerate(content.sources):
            if self.won("source", i, source.id):
                authors = [speaker_of[a] for a in source.authors]
                written = {"id": prefix + source.id, "authors": authors}
                corpus.sources[prefix + source.id] = replace_trusted(source, written)
        for i, speaker in enumerate(content.speakers):
            if self.won("speaker", i, speaker.id):
                side = speaker.perspective
                side = None if side is None else self.resolved["perspective"][side]
                update: dict[str, object] = {"id": prefix + speaker.id, "perspective": side}
                corpus.speakers[prefix + speaker.id] = replace_trusted(speaker, update)
        for i, perspective in enumerate(content.perspectives):
            if self.won("perspective", i, perspective.id):
                key = prefix + perspective.id
                corpus.perspectives[key] = replace_trusted(perspective, {"id": key})
        for i, question in enumerate(content.questions):
            if self.won("question", i, question.id):
                key = prefix + question.id
                corpus.questions[key] = replace_trusted(question, {"id": key})
        for i in self.table.claim_indexes(self.f):
            self.merge_claim(content.claims[i])
        self.merge_links()

    def merge_claim(self, claim: Claim) -> None:
        memo, key = self.resolved, self.prefix + claim.id
        update: dict[str, object] = {
            "id": key,
            "speakers": [memo["speaker"][s] for s in claim.speakers],
            "citations": self.citations(claim.citations),
            "questions": [memo["question"][q] for q in claim.questions],
            "supports": [memo["claim"][t] for t in claim.supports],
            "opposes": [memo["claim"][t] for t in claim.opposes],
        }
        if claim.history or claim.same_as or claim.not_same_as:
            update["same_as"] = [memo["claim"][t] for t in claim.same_as]
            update["not_same_as"] = [memo["claim"][t] for t in claim.not_same_as]
            update["history"] = [
                replace_trusted(h, {"citations": self.citations(h.citations)})
                for h in claim.history
            ]
            if claim.status is None and claim.history:
                update["status"] = claim.history[-1].status  # the last entry gives it
        self.corpus.claims[key] = replace_trusted(claim, update)
        self.corpus.claim_file[key] = self.shown

    def merge_links(self) -> None:
        table, corpus, content = self.table, self.corpus, self.content
        rows, memo = table.links, self.resolved
        facts = table.files[self.f].facts
        shorthand = len(facts.shorthand_key)
        for row in table.link_rows(self.f):
            key, place = rows.keys[row], rows.places[row]
            if place < shorthand:
                owner = content.claims[facts.shorthand_claim[place]]
                link = construct_trusted(
                    Link,
                    {
                        "id": key,
                        "from_": list(rows.premises[row]),
                        "to": rows.targets[row],
                        "relation": Relation(rows.relations[row]),
                        "speakers": [memo["speaker"][s] for s in owner.speakers],
                        "citations": [],
                        "warrant": None,
                        "scheme": None,
                    },
                )
            else:
                written = content.links[place - shorthand]
                update: dict[str, object] = {
                    "id": key,
                    "from_": list(rows.premises[row]),
                    "to": rows.targets[row],
                    "speakers": [memo["speaker"][s] for s in written.speakers],
                    "citations": self.citations(written.citations),
                }
                link = replace_trusted(written, update)
            corpus.links[key] = link
            corpus.link_file[key] = self.shown
