"""The corpus: every loaded file merged into one set of entities, with origins.

Merging expands the `supports:`/`opposes:` shorthand into links, gives
anonymous links a stable id, and remembers where each entity was written so a
later check can point at it. The first definition of an id wins; later ones
are kept as duplicates for the checks to report. No I/O happens here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple, TypeVar

from argmap.diagnostics import Location
from argmap.load.loader import LoadedFile
from argmap.load.trusted import construct_trusted
from argmap.load.yamlsource import PathPart, PositionIndex
from argmap.model import Claim, Link, Perspective, Question, Relation, Source, Speaker

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
    """All entities of a claims folder, by id, with the file each came from."""

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
    """For each file shown, the id of the document it maps, if any."""
    claim_file: dict[str, str] = field(default_factory=dict)
    """For each claim id, the file that defines it."""
    link_file: dict[str, str] = field(default_factory=dict)
    """For each link id, the file that defines it."""
    file_names: dict[str, str] = field(default_factory=dict)
    """For each file shown, its path under the claims root without suffix (see LoadedFile.name)."""
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    """Ids of entries dropped as invalid, by section; references to them are not reported."""
    positions: dict[str, PositionIndex] = field(default_factory=dict)
    """Position finder of each file shown."""
    source_texts: dict[str, str] = field(default_factory=dict)
    """The local text of each source that has a readable `text_file`."""

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

    def document_of_claim(self, claim_id: str) -> str | None:
        """Id of the document whose file defines the claim."""
        return self.documents.get(self.claim_file.get(claim_id, ""))

    def document_of_link(self, link_id: str) -> str | None:
        """Id of the document whose file defines the link."""
        return self.documents.get(self.link_file.get(link_id, ""))


def link_id(premises: list[str], relation: Relation, target: str) -> str:
    """The stable id given to a link written without one."""
    return f"{'+'.join(premises)}--{relation}--{target}"  # StrEnum formats as its value


def build_corpus(files: list[LoadedFile]) -> Corpus:
    """Merge loaded files into one corpus."""
    corpus = Corpus()
    for loaded in files:
        shown, content = loaded.shown, loaded.content
        corpus.positions[shown] = loaded.positions
        corpus.documents[shown] = content.document
        corpus.file_names[shown] = loaded.name
        corpus.source_texts.update(loaded.source_texts)
        for section, ids in loaded.invalid_ids.items():
            corpus.invalid_ids.setdefault(section, set()).update(ids)
        for i, source in enumerate(content.sources):
            _add(corpus, corpus.sources, "source", source.id, source, Origin(shown, ("sources", i)))
        for i, speaker in enumerate(content.speakers):
            origin = Origin(shown, ("speakers", i))
            _add(corpus, corpus.speakers, "speaker", speaker.id, speaker, origin)
        for i, perspective in enumerate(content.perspectives):
            origin = Origin(shown, ("perspectives", i))
            _add(corpus, corpus.perspectives, "perspective", perspective.id, perspective, origin)
        for i, question in enumerate(content.questions):
            origin = Origin(shown, ("questions", i))
            _add(corpus, corpus.questions, "question", question.id, question, origin)
        for i, claim in enumerate(content.claims):
            origin = Origin(shown, ("claims", i))
            if _add(corpus, corpus.claims, "claim", claim.id, claim, origin):
                corpus.claim_file[claim.id] = shown
            for relation, targets in (
                (Relation.supports, claim.supports),
                (Relation.opposes, claim.opposes),
            ):
                for j, target in enumerate(targets):
                    link = construct_trusted(
                        Link,
                        {
                            "id": link_id([claim.id], relation, target),
                            "from_": [claim.id],
                            "to": target,
                            "relation": relation,
                            "speakers": claim.speakers,  # whoever asserts the claim draws it
                            "citations": [],
                            "warrant": None,
                            "scheme": None,
                        },
                    )
                    _add_link(corpus, link, Origin(shown, ("claims", i, relation.value, j)))
        for i, link in enumerate(content.links):
            if link.id is None:
                link = link.model_copy(update={"id": link_id(link.from_, link.relation, link.to)})
            _add_link(corpus, link, Origin(shown, ("links", i)))
    return corpus


def _add_link(corpus: Corpus, link: Link, origin: Origin) -> None:
    assert link.id is not None
    if link.id in corpus.claims:
        corpus.duplicates.append(("link", link.id, origin))
    elif _add(corpus, corpus.links, "link", link.id, link, origin):
        corpus.link_file[link.id] = origin.file


T = TypeVar("T")


def _add(
    corpus: Corpus, table: dict[str, T], kind: Kind, ident: str, entity: T, origin: Origin
) -> bool:
    """Record *entity* unless its id is taken; return True when recorded."""
    if ident in table or (kind == "claim" and ident in corpus.links):
        corpus.duplicates.append((kind, ident, origin))
        return False
    table[ident] = entity
    corpus.origins[(kind, ident)] = origin
    return True
