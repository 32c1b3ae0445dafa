"""The corpus: every loaded file merged into one set of entities, with origins.

Merging gives every entity its qualified id (`NAMESPACE/ID`, see
:mod:`argmap.corpus.scope`) and rewrites every reference to the qualified id
it means, expands the `supports:`/`opposes:` shorthand into links, gives
anonymous links a stable id, and remembers where each entity was written so a
later check can point at it. The first definition of an id in a namespace
wins; later ones are kept as duplicates for the checks to report. References
that resolve to nothing stay as written, for the checks to report. No I/O
happens here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeVar

from argmap.corpus.scope import Ambiguity, Group, Scopes, qualify
from argmap.diagnostics import Location
from argmap.load.loader import LoadedFile
from argmap.load.trusted import construct_trusted, replace_trusted
from argmap.load.yamlsource import PathPart, PositionIndex
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
from argmap.texts.source import SourceText

Kind = Literal["source", "speaker", "perspective", "question", "claim", "link"]
"""The kinds of entity that have ids."""


class Origin(NamedTuple):
    """Where an entity was written: a file and the path to it inside the file."""

    file: str
    """The file as shown in diagnostics."""
    path: tuple[PathPart, ...]
    """Keys and indexes from the top of the file, e.g. ('claims', 3)."""


@dataclass
class Corpus:
    """All entities of a claims folder, by qualified id, with the file each came from."""

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
    origins: dict[tuple[Kind, str], Origin] = field(default_factory=dict)
    """Where each entity was first defined."""
    duplicates: list[tuple[Kind, str, Origin]] = field(default_factory=list)
    """Later definitions of an id already taken."""
    documents: dict[str, str | None] = field(default_factory=dict)
    """For each file shown, the qualified id of the document it maps, if any."""
    namespaces: dict[str, str] = field(default_factory=dict)
    """For each file shown, its namespace."""
    namespace_clashes: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """(namespace, first file, later file, whether the later file wrote `namespace:`) for
    files that share a namespace."""
    scopes: Scopes = field(default_factory=Scopes)
    """Declared ids and the lookups that resolved references (ambiguities included)."""
    claim_file: dict[str, str] = field(default_factory=dict)
    """For each claim id, the file that defines it."""
    link_file: dict[str, str] = field(default_factory=dict)
    """For each link id, the file that defines it."""
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    """Qualified ids of entries dropped as invalid, by section; references to them are not
    reported."""
    positions: dict[str, PositionIndex] = field(default_factory=dict)
    """Position finder of each file shown."""
    source_texts: dict[str, SourceText] = field(default_factory=dict)
    """The local text of each source (by qualified id) that has a readable `text_file`."""

    def locate(self, origin: Origin, *sub: PathPart, key: bool = False) -> Location:
        """The file position of *origin* (or of a value below it)."""
        finder = self.positions.get(origin.file)
        if finder is None:
            return Location(origin.file)
        line, col = finder.locate((*origin.path, *sub), key=key)
        return Location(origin.file, line, col)

    def where(self, kind: Kind, ident: str, *sub: PathPart) -> Location:
        """The file position of the entity *kind* *ident* (or of a value below it)."""
        return self.locate(self.origins[(kind, ident)], *sub)

    def bare(self, kind: Kind, key: str) -> str:
        """The id of *key* as written in its file (the qualified id without namespace)."""
        origin = self.origins.get((kind, key))
        namespace = self.namespaces.get(origin.file, "") if origin else ""
        prefix = namespace + "/"
        return key[len(prefix) :] if namespace and key.startswith(prefix) else key

    def label(self, key: str, file: str) -> str:
        """*key* as *file* would write it: bare when it is in the file's namespace."""
        prefix = self.namespaces.get(file, "") + "/"
        return key[len(prefix) :] if key.startswith(prefix) and len(prefix) > 1 else key

    @property
    def ambiguities(self) -> list[Ambiguity]:
        """Bare references that several shared files could mean."""
        return self.scopes.ambiguities

    def document_of_claim(self, claim_id: str) -> str | None:
        """Id of the document whose file defines the claim."""
        return self.documents.get(self.claim_file.get(claim_id, ""))

    def document_of_link(self, link_id: str) -> str | None:
        """Id of the document whose file defines the link."""
        return self.documents.get(self.link_file.get(link_id, ""))


def link_id(premises: list[str], relation: Relation, target: str) -> str:
    """The stable id given to a link written without one (ids as written)."""
    return f"{'+'.join(premises)}--{relation}--{target}"  # StrEnum formats as its value


_DECLARED: tuple[tuple[str, Group], ...] = (
    ("sources", "source"),
    ("speakers", "speaker"),
    ("perspectives", "perspective"),
    ("questions", "question"),
    ("claims", "claim"),
    ("links", "claim"),
)
"""Each section with ids, and the id space its ids live in."""


def build_corpus(files: list[LoadedFile]) -> Corpus:
    """Merge loaded files into one corpus, ids qualified and references resolved."""
    corpus = Corpus()
    for loaded in files:  # first pass: what every namespace declares
        _declare(corpus, loaded)
    for loaded in files:
        _Merger(corpus, loaded).merge()
    return corpus


def _declare(corpus: Corpus, loaded: LoadedFile) -> None:
    shown, content, namespace = loaded.shown, loaded.content, loaded.namespace
    for other, taken in corpus.namespaces.items():
        if taken == namespace:
            written = content.namespace is not None
            corpus.namespace_clashes.append((namespace, other, shown, written))
            break
    corpus.namespaces[shown] = namespace
    corpus.positions[shown] = loaded.positions
    shared = content.document is None
    scopes = corpus.scopes
    for section, group in _DECLARED:
        for entry in getattr(content, section):
            if entry.id is not None:
                scopes.declare(group, namespace, entry.id, shared)
        for ident in loaded.invalid_ids.get(section, ()):
            key = scopes.declare(group, namespace, ident, shared)
            corpus.invalid_ids.setdefault(section, set()).add(key)
    for claim in content.claims:
        for relation, targets in (
            (Relation.supports, claim.supports),
            (Relation.opposes, claim.opposes),
        ):
            for target in targets:
                scopes.declare("claim", namespace, link_id([claim.id], relation, target), shared)
    for link in content.links:
        if link.id is None:
            scopes.declare("claim", namespace, link_id(link.from_, link.relation, link.to), shared)
    for ident, text in loaded.source_texts.items():
        corpus.source_texts[qualify(namespace, ident)] = text


E = TypeVar("E", Source, Speaker, Perspective, Question, Claim)


class _Merger:
    """Adds one file's entities to the corpus, qualified and with references resolved."""

    def __init__(self, corpus: Corpus, loaded: LoadedFile) -> None:
        self.corpus = corpus
        self.shown = loaded.shown
        self.namespace = loaded.namespace
        self.content: ClaimFile = loaded.content

    def ref(self, group: Group, written: str, *path: PathPart) -> str:
        """The qualified id *written* means here, at *path* in this file."""
        return self.corpus.scopes.resolve(group, written, self.namespace, self.shown, path)

    def refs(self, group: Group, written: list[str], *path: PathPart) -> list[str]:
        return [self.ref(group, ident, *path, i) for i, ident in enumerate(written)]

    def citations(self, citations: list[Citation], *path: PathPart) -> list[Citation]:
        return [
            replace_trusted(c, {"source": self.ref("source", c.source, *path, i, "source")})
            for i, c in enumerate(citations)
        ]

    def merge(self) -> None:
        corpus, content, shown = self.corpus, self.content, self.shown
        document = content.document
        corpus.documents[shown] = (
            None if document is None else self.ref("source", document, "document")
        )
        for i, source in enumerate(content.sources):
            authors = self.refs("speaker", source.authors, "sources", i, "authors")
            self.add(corpus.sources, "source", source, {"authors": authors}, ("sources", i))
        for i, speaker in enumerate(content.speakers):
            side = speaker.perspective
            if side is not None:
                side = self.ref("perspective", side, "speakers", i, "perspective")
            self.add(corpus.speakers, "speaker", speaker, {"perspective": side}, ("speakers", i))
        for i, perspective in enumerate(content.perspectives):
            self.add(corpus.perspectives, "perspective", perspective, {}, ("perspectives", i))
        for i, question in enumerate(content.questions):
            self.add(corpus.questions, "question", question, {}, ("questions", i))
        for i, claim in enumerate(content.claims):
            self.merge_claim(claim, i)
        for i, link in enumerate(content.links):
            key = qualify(self.namespace, link.id or link_id(link.from_, link.relation, link.to))
            at = ("links", i)
            update: dict[str, object] = {
                "id": key,
                "from_": self.refs("claim", link.from_, *at, "from"),
                "to": self.ref("claim", link.to, *at, "to"),
                "speakers": self.refs("speaker", link.speakers, *at, "speakers"),
                "citations": self.citations(link.citations, *at, "citations"),
            }
            self.add_link(key, replace_trusted(link, update), Origin(shown, at))

    def merge_claim(self, claim: Claim, i: int) -> None:
        at = ("claims", i)
        speakers = self.refs("speaker", claim.speakers, *at, "speakers")
        shorthand = {
            relation: self.refs("claim", targets, *at, relation.value)
            for relation, targets in (
                (Relation.supports, claim.supports),
                (Relation.opposes, claim.opposes),
            )
        }
        update: dict[str, object] = {
            "speakers": speakers,
            "citations": self.citations(claim.citations, *at, "citations"),
            "questions": self.refs("question", claim.questions, *at, "questions"),
            "supports": shorthand[Relation.supports],
            "opposes": shorthand[Relation.opposes],
        }
        if self.add(self.corpus.claims, "claim", claim, update, at):
            self.corpus.claim_file[qualify(self.namespace, claim.id)] = self.shown
        key = qualify(self.namespace, claim.id)
        for relation, written in (
            (Relation.supports, claim.supports),
            (Relation.opposes, claim.opposes),
        ):
            for j, target in enumerate(written):
                link_key = qualify(self.namespace, link_id([claim.id], relation, target))
                link = construct_trusted(
                    Link,
                    {
                        "id": link_key,
                        "from_": [key],
                        "to": shorthand[relation][j],
                        "relation": relation,
                        "speakers": speakers,  # whoever asserts the claim draws it
                        "citations": [],
                        "warrant": None,
                        "scheme": None,
                    },
                )
                self.add_link(link_key, link, Origin(self.shown, (*at, relation.value, j)))

    def add(
        self,
        table: dict[str, E],
        kind: Kind,
        entity: E,
        update: Mapping[str, object],
        at: tuple[PathPart, ...],
    ) -> bool:
        """Record *entity* under its qualified id unless taken; True when recorded."""
        key = qualify(self.namespace, entity.id)
        origin = Origin(self.shown, at)
        if key in table or (kind == "claim" and key in self.corpus.links):
            self.corpus.duplicates.append((kind, key, origin))
            return False
        table[key] = replace_trusted(entity, {**update, "id": key})
        self.corpus.origins[(kind, key)] = origin
        return True

    def add_link(self, key: str, link: Link, origin: Origin) -> None:
        """Record *link* (already qualified) under *key* unless the id is taken."""
        corpus = self.corpus
        if key in corpus.claims or key in corpus.links:
            corpus.duplicates.append(("link", key, origin))
            return
        corpus.links[key] = link
        corpus.origins[("link", key)] = origin
        corpus.link_file[key] = origin.file
