"""Choosing which claims a render shows: documents, focus, and filters.

A *document* is one claims file: its claims render together under the file's
name. Filters (`--focus/--depth`, `--question`, `--perspective`, `--speaker`)
narrow a list of claim ids so a slide stays small. Unknown ids raise
:class:`SelectionError` with a hint; nothing here prints.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from argmap.corpus.scope import Group
from argmap.diagnostics import did_you_mean

if TYPE_CHECKING:
    from argmap.corpus.graph import GraphIndex
    from argmap.corpus.merge import Corpus


@dataclass(frozen=True)
class SelectionError(Exception):
    """A filter names something that does not exist."""

    message: str
    hint: str | None

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Document:
    """The claims of one file, rendered together."""

    name: str
    """The file's namespace: the output folder under renders/ and the `--document` name."""
    title: str
    """The mapped document's title, else the file name."""
    file: str
    """The claims file as shown."""
    claim_ids: tuple[str, ...]
    """Claims defined in the file, in written order."""


def documents(index: GraphIndex) -> list[Document]:
    """Every claims file that defines claims, in path order."""
    corpus = index.corpus
    by_file: dict[str, list[str]] = {}
    for claim_id, shown in corpus.claim_file.items():
        by_file.setdefault(shown, []).append(claim_id)
    found = []
    for shown in sorted(by_file):
        document = corpus.documents.get(shown)
        source = corpus.sources.get(document) if document else None
        name = corpus.namespaces.get(shown, PurePath(shown).stem)
        title = source.title if source and source.title else name
        found.append(Document(name, title, shown, tuple(by_file[shown])))
    return found


@dataclass(frozen=True)
class Filters:
    """The map filters a user gave; None means no filter."""

    focus: str | None = None
    """Keep only claims within *depth* links of this claim."""
    depth: int = 1
    """How many links away from the focus to go."""
    question: str | None = None
    """Keep only claims on this question."""
    perspective: str | None = None
    """Keep only claims of this perspective."""
    speaker: str | None = None
    """Keep only claims this speaker asserts."""
    document: str | None = None
    """Keep only the claims of this document (a claims file's name, as `render --document`)."""


def resolve(index: GraphIndex, filters: Filters) -> Filters:
    """*filters* with every id qualified (`NAMESPACE/ID`); raises SelectionError."""
    corpus = index.corpus

    def qualified(written: str | None, group: Group, table: Mapping[str, object]) -> str | None:
        return None if written is None else find_id(corpus, group, written, table)

    return Filters(
        qualified(filters.focus, "claim", corpus.claims),
        filters.depth,
        qualified(filters.question, "question", corpus.questions),
        qualified(filters.perspective, "perspective", corpus.perspectives),
        qualified(filters.speaker, "speaker", corpus.speakers),
        _document_name(index, filters.document),
    )


def _document_name(index: GraphIndex, written: str | None) -> str | None:
    """*written* when it names a document; else SelectionError with the nearest names."""
    if written is None:
        return None
    names = [doc.name for doc in documents(index)]
    if written not in names:
        hint = did_you_mean(written, names) or "documents: " + ", ".join(names)
        raise SelectionError(f"no document '{written}'", hint)
    return written


def spanned_documents(index: GraphIndex, claim_ids: list[str]) -> list[str]:
    """The names of the files mapping a document (`document:`) whose claims are among
    *claim_ids*, in path order; shared files map none, so they are not counted."""
    corpus = index.corpus
    files = {corpus.claim_file[c] for c in claim_ids}
    return [d.name for d in documents(index) if d.file in files and corpus.documents.get(d.file)]


def apply_filters(index: GraphIndex, claim_ids: list[str], filters: Filters) -> list[str]:
    """The ids of *claim_ids* that pass every filter, in the same order."""
    corpus = index.corpus
    kept = list(claim_ids)
    if filters.focus is not None:
        focus = find_id(corpus, "claim", filters.focus, corpus.claims)
        near = neighbourhood(index, focus, filters.depth)
        kept = [c for c in kept if c in near]
    if filters.question is not None:
        question = find_id(corpus, "question", filters.question, corpus.questions)
        on_it = {c for c in kept if question in corpus.claims[c].questions}
        on_it |= _undercutters(index, on_it)
        kept = [c for c in kept if c in on_it]
    if filters.perspective is not None:
        side = find_id(corpus, "perspective", filters.perspective, corpus.perspectives)
        kept = [c for c in kept if side in index.claim_perspectives(c)]
    if filters.speaker is not None:
        speaker = find_id(corpus, "speaker", filters.speaker, corpus.speakers)
        kept = [c for c in kept if speaker in index.claim_speakers(c)]
    if filters.document is not None:
        files = {doc.file for doc in documents(index) if doc.name == filters.document}
        kept = [c for c in kept if corpus.claim_file[c] in files]
    return kept


def _undercutters(index: GraphIndex, claims: set[str]) -> set[str]:
    """The premises of the undercuts of links among *claims* (drawn with those links)."""
    links = index.corpus.links
    found: set[str] = set()
    for claim in claims:
        for link_id in index.outgoing.get(claim, []):
            link = links[link_id]
            if link.to not in claims or not set(link.from_) <= claims:
                continue
            for attacker in index.incoming.get(link_id, []):
                if links[attacker].relation.value == "undercuts":
                    found.update(links[attacker].from_)
    return found - claims


def map_title(index: GraphIndex, claim_ids: list[str], filters: Filters) -> str:
    """The title of a map or brief of *claim_ids*: its documents' titles, or what it is around.

    A focus map is titled "Around: <claim text>, depth N"; other filters are
    named after the title ("… — question: <text>"). *filters* hold qualified ids
    (see :func:`resolve`).
    """
    corpus = index.corpus
    files = {corpus.claim_file[c] for c in claim_ids}
    titles = [doc.title for doc in documents(index) if doc.file in files]
    title = " · ".join(dict.fromkeys(titles)) or "No claims"
    if filters.focus is not None and filters.focus in corpus.claims:
        text = " ".join(corpus.claims[filters.focus].text.split()).rstrip(".")
        title = f"Around: {text}, depth {filters.depth}"
    named: list[str] = []
    if filters.question in corpus.questions:
        named.append(f"question: {corpus.questions[filters.question].text}")
    if filters.perspective in corpus.perspectives:
        named.append(f"perspective: {corpus.perspectives[filters.perspective].name}")
    if filters.speaker in corpus.speakers:
        named.append(f"speaker: {corpus.speakers[filters.speaker].name}")
    if named:
        title += " — " + "; ".join(named)
    return title


def neighbourhood(index: GraphIndex, start: str, depth: int) -> set[str]:
    """Claims within *depth* links of *start*, in either direction."""
    corpus = index.corpus
    neighbours: dict[str, set[str]] = {}
    for link in corpus.links.values():
        target = link.to
        ends = set(link.from_)
        if target in corpus.links:  # an undercut touches the attacked link's claims
            ends.update(corpus.links[target].from_)
            ends.add(corpus.links[target].to)
        else:
            ends.add(target)
        for end in ends:
            neighbours.setdefault(end, set()).update(ends - {end})
    seen = {start}
    queue = deque([(start, 0)])
    while queue:
        claim_id, distance = queue.popleft()
        if distance >= depth:
            continue
        for other in neighbours.get(claim_id, ()):
            if other not in seen and other in corpus.claims:
                seen.add(other)
                queue.append((other, distance + 1))
    return seen


def find_id(
    corpus: Corpus, group: Group, written: str, table: Mapping[str, object], noun: str = ""
) -> str:
    """The qualified id a user means by *written* (bare or `NAMESPACE/ID`) in *table*.

    Raises :class:`SelectionError` when nothing matches, or when a bare id names
    entities in several files.
    """
    noun = noun or group
    found = [key for key in corpus.scopes.find(group, written) if key in table]
    if len(found) == 1:
        return found[0]
    if found:
        listed = ", ".join(f"'{key}'" for key in found)
        raise SelectionError(
            f"'{written}' names a {noun} in several files: {listed}",
            f"write it qualified, e.g. '{found[0]}'",
        )
    bare = {key.rsplit("/", 1)[-1] for key in table}
    hint = did_you_mean(written, bare) or f"list them with 'argmap list {noun.split()[0]}s'"
    raise SelectionError(f"no {noun} '{written}'", hint)
