"""The fact table: every file's facts merged into one corpus of qualified ids, without models.

This is the cross-file step, and the only one a warm `check` or `audit` runs
in full. From each file's :class:`~argmap.load.facts.FileFacts` it works out
namespaces and their clashes, what every id space declares (see
:mod:`argmap.corpus.scope`), what every reference means (once per distinct id
a file writes), which definition of an id wins (the first, in file order) and
which are duplicates, and the links, shorthand expanded, as flat columns. The
checks and the audit read this table; the models of
:class:`~argmap.corpus.merge.Corpus` are built from its decisions. Positions
are found only when a diagnostic asks (:meth:`FactTable.locate`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import chain
from typing import TYPE_CHECKING, Literal, NamedTuple

from argmap.corpus.scope import Group, Scopes
from argmap.diagnostics import Location, PathPart

if TYPE_CHECKING:
    from argmap.load.loader import LoadedFile
    from argmap.load.yaml.positions import PositionIndex
    from argmap.texts.source import SourceText

Kind = Literal["source", "speaker", "perspective", "question", "claim", "link"]
"""The kinds of entity that have ids."""

SECTION_OF: dict[Kind, str] = {
    "source": "sources",
    "speaker": "speakers",
    "perspective": "perspectives",
    "question": "questions",
    "claim": "claims",
    "link": "links",
}
"""The section of a claims file that declares each kind."""

SIMPLE_KINDS: tuple[Kind, ...] = ("source", "speaker", "perspective", "question")
"""Kinds with an id space of their own, declared by one section each."""


class Sourcing(StrEnum):
    """How well a claim is sourced beyond the document that asserts it (the audit's tiers)."""

    sourced = "sourced"
    """Its own sentence cites an outside source."""
    paragraph = "paragraph-sourced"
    """Only a footnote closing its passage cites an outside source (see texts/passages.py)."""
    unsourced = "unsourced"
    """No citation names a source other than its own document."""


def sourcing_of(citations: Iterable[tuple[str, bool]], document: str | None) -> Sourcing:
    """The tier of a claim whose citations are (qualified source, paragraph scope) pairs."""
    tier = Sourcing.unsourced
    for source, paragraph in citations:
        if source == document:
            continue
        if not paragraph:
            return Sourcing.sourced
        tier = Sourcing.paragraph
    return tier


class Origin(NamedTuple):
    """Where an entity was written: a file and the path to it inside the file."""

    file: str
    """The file as shown in diagnostics."""
    path: tuple[PathPart, ...]
    """Keys and indexes from the top of the file, e.g. ('claims', 3)."""


@dataclass
class Links:
    """The links that won their id, in corpus order (per file: shorthand, then `links:`)."""

    keys: list[str] = field(default_factory=list)
    """Qualified id of each link."""
    premises: list[list[str]] = field(default_factory=list)
    """Its premises, resolved."""
    targets: list[str] = field(default_factory=list)
    """Its target, resolved (as written when unknown)."""
    relations: list[str] = field(default_factory=list)
    """Its relation value."""
    files: list[int] = field(default_factory=list)
    """Index of the file that writes it."""
    places: list[int] = field(default_factory=list)
    """Its place in that file: a shorthand item's index, or the shorthand count plus its
    index under `links:`."""


@dataclass
class FactTable:
    """Every file's facts, merged: qualified ids, resolutions, winners and duplicates."""

    files: list[LoadedFile]
    """The usable files, in path order."""
    namespaces: dict[str, str] = field(default_factory=dict)
    """For each file shown, its namespace."""
    namespace_clashes: list[tuple[str, str, str, bool]] = field(default_factory=list)
    """(namespace, first file, later file, whether the later file wrote `namespace:`)."""
    scopes: Scopes = field(default_factory=Scopes)
    """Declared ids and the shared files' ids; ambiguous references met."""
    documents: dict[str, str | None] = field(default_factory=dict)
    """For each file shown, the qualified id of the document it maps, if any."""
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    """Qualified ids of entries dropped as invalid, by section."""
    source_texts: dict[str, SourceText] = field(default_factory=dict)
    """The local text of each source (by qualified id) that has a readable `text_file`."""
    resolved: list[dict[Group, dict[str, str]]] = field(default_factory=list)
    """For each file, each id space: every id the file writes -> the qualified id it means."""
    entities: dict[Kind, dict[str, tuple[int, int]]] = field(default_factory=dict)
    """Sources, speakers, perspectives and questions: qualified id -> (file, index)."""
    claim_keys: list[list[str]] = field(default_factory=list)
    """For each file, the qualified id of each of its claims."""
    shorthand_keys: list[list[str]] = field(default_factory=list)
    """For each file, the qualified id of the link each shorthand item becomes."""
    link_keys: list[list[str]] = field(default_factory=list)
    """For each file, the qualified id of each link under `links:`."""
    claims_lost: list[set[int]] = field(default_factory=list)
    """For each file, the indexes of claims whose id an earlier entry took."""
    claims: set[str] = field(default_factory=set)
    """Qualified ids of the claims that won their id."""
    links: Links = field(default_factory=Links)
    """The links that won their id."""
    link_set: set[str] = field(default_factory=set)
    """Qualified ids of the links that won their id."""
    duplicates: list[tuple[Kind, str, Origin]] = field(default_factory=list)
    """Later definitions of an id already taken."""
    positions: dict[str, PositionIndex] = field(default_factory=dict)
    """Position finder of each file shown."""
    link_spans: list[range] = field(default_factory=list)
    """For each file, the rows of :attr:`links` it writes."""
    _claim_at: dict[str, tuple[int, int]] | None = None
    _link_at: dict[str, int] | None = None

    @property
    def claim_count(self) -> int:
        """How many claims won their id."""
        return len(self.claims)

    def claim_indexes(self, file: int) -> list[int]:
        """Indexes of the claims of *file* that won their id, in file order."""
        lost = self.claims_lost[file]
        count = len(self.claim_keys[file])
        return [i for i in range(count) if i not in lost] if lost else list(range(count))

    def ordered_claims(self) -> list[str]:
        """Qualified ids of the claims that won their id, in file order (the corpus's order)."""
        return [keys[i] for f, keys in enumerate(self.claim_keys) for i in self.claim_indexes(f)]

    def link_rows(self, file: int) -> range:
        """The rows of :attr:`links` that *file* writes."""
        return self.link_spans[file]

    def origin(self, kind: Kind, key: str) -> Origin | None:
        """Where the entity *kind* *key* that won its id was written."""
        if kind in SIMPLE_KINDS:
            found = self.entities[kind].get(key)
            if found is None:
                return None
            return Origin(self.files[found[0]].shown, (SECTION_OF[kind], found[1]))
        if kind == "claim":
            if self._claim_at is None:
                self._claim_at = {
                    keys[i]: (f, i)
                    for f, keys in enumerate(self.claim_keys)
                    for i in self.claim_indexes(f)
                }
            at = self._claim_at.get(key)
            return None if at is None else Origin(self.files[at[0]].shown, ("claims", at[1]))
        if self._link_at is None:
            self._link_at = {k: row for row, k in enumerate(self.links.keys)}
        row = self._link_at.get(key)
        if row is None:
            return None
        return self.link_origin(self.links.files[row], self.links.places[row])

    def link_origin(self, file: int, place: int) -> Origin:
        """The origin of the link at *place* in *file* (see :attr:`Links.places`)."""
        facts = self.files[file].facts
        shown = self.files[file].shown
        shorthand = len(facts.shorthand_key)
        if place < shorthand:
            path: tuple[PathPart, ...] = (
                "claims",
                facts.shorthand_claim[place],
                facts.shorthand_relation[place],
                facts.shorthand_index[place],
            )
            return Origin(shown, path)
        return Origin(shown, ("links", place - shorthand))

    def locate(self, origin: Origin, *sub: PathPart, key: bool = False) -> Location:
        """The file position of *origin* (or of a value below it)."""
        finder = self.positions.get(origin.file)
        if finder is None:
            return Location(origin.file)
        line, col = finder.locate((*origin.path, *sub), key=key)
        return Location(origin.file, line, col)

    def where(self, kind: Kind, ident: str, *sub: PathPart) -> Location:
        """The file position of the entity *kind* *ident* (or of a value below it)."""
        origin = self.origin(kind, ident)
        assert origin is not None, (kind, ident)
        return self.locate(origin, *sub)

    def bare(self, kind: Kind, key: str) -> str:
        """The id of *key* as written in its file (the qualified id without namespace)."""
        origin = self.origin(kind, key)
        namespace = self.namespaces.get(origin.file, "") if origin else ""
        prefix = namespace + "/"
        return key[len(prefix) :] if namespace and key.startswith(prefix) else key

    def label(self, key: str, file: str) -> str:
        """*key* as *file* would write it: bare when it is in the file's namespace."""
        prefix = self.namespaces.get(file, "") + "/"
        return key[len(prefix) :] if key.startswith(prefix) and len(prefix) > 1 else key

    def speaker_name(self, key: str) -> str | None:
        """The name of the speaker *key*, if it is defined."""
        found = self.entities["speaker"].get(key)
        return None if found is None else self.files[found[0]].facts.speaker_names[found[1]]

    def perspective_name(self, key: str) -> str | None:
        """The name of the perspective *key*, if it is defined."""
        found = self.entities["perspective"].get(key)
        if found is None:
            return None
        return self.files[found[0]].facts.perspective_names[found[1]]

    def resolved_premises(self) -> list[set[str]]:
        """For each file, the premises its links name, resolved (its own claims, for shorthand)."""
        found = []
        for f, loaded in enumerate(self.files):
            memo = self.resolved[f]["claim"]
            premises = {memo[p] for p in chain.from_iterable(loaded.facts.link_from)}
            if loaded.facts.shorthand_key:
                premises.update(self.claim_keys[f])
            found.append(premises)
        return found

    def cited_sources(self) -> set[str]:
        """Qualified ids of the sources that claims and links (those that won their id) cite."""
        cited: set[str] = set()
        for f, loaded in enumerate(self.files):
            facts, memo = loaded.facts, self.resolved[f]["source"]
            shorthand = len(facts.shorthand_key)
            rows = self.link_rows(f)
            if not self.claims_lost[f] and len(rows) == shorthand + len(facts.link_ids):
                written: Iterable[str] = facts.cited  # every entry of the file won its id
            else:
                cites = [facts.claim_citations[i] for i in self.claim_indexes(f)]
                places = (self.links.places[row] for row in rows)
                cites += [facts.link_citations[p - shorthand] for p in places if p >= shorthand]
                written = {c[0] for c in chain.from_iterable(cites)}
            cited.update([memo[w] for w in written])
        return cited

    def distinct(self, file: int, group: Group) -> list[str]:
        """Every id *file* writes in the id space *group*, once each."""
        return self.files[file].facts.refs.get(group, [])
