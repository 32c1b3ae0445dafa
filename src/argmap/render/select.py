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
    from argmap.corpus.plain import PlainIndex
    from argmap.corpus.scope import Scopes


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


def documents(index: PlainIndex) -> list[Document]:
    """Every claims file that defines claims, in path order."""
    by_file: dict[str, list[str]] = {}
    files = index.table.files
    for claim_id, claim in index.claims.items():
        by_file.setdefault(files[claim.file].shown, []).append(claim_id)
    found = []
    for shown in sorted(by_file):
        document = index.documents.get(shown)
        source = index.sources.get(document) if document else None
        name = index.namespaces.get(shown, PurePath(shown).stem)
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


def resolve(index: PlainIndex, filters: Filters) -> Filters:
    """*filters* with every id qualified (`NAMESPACE/ID`); raises SelectionError."""

    def qualified(written: str | None, group: Group, table: Mapping[str, object]) -> str | None:
        return None if written is None else find_id(index.scopes, group, written, table)

    return Filters(
        qualified(filters.focus, "claim", index.claims),
        filters.depth,
        qualified(filters.question, "question", index.questions),
        qualified(filters.perspective, "perspective", index.perspectives),
        qualified(filters.speaker, "speaker", index.speakers),
        _document_name(index, filters.document),
    )


def _document_name(index: PlainIndex, written: str | None) -> str | None:
    """*written* when it names a document; else SelectionError with the nearest names."""
    if written is None:
        return None
    names = [doc.name for doc in documents(index)]
    if written not in names:
        hint = did_you_mean(written, names) or "documents: " + ", ".join(names)
        raise SelectionError(f"no document '{written}'", hint)
    return written


def spanned_documents(index: PlainIndex, claim_ids: list[str]) -> list[str]:
    """The names of the files mapping a document (`document:`) whose claims are among
    *claim_ids*, in path order; shared files map none, so they are not counted."""
    files = {index.claim_file(c) for c in claim_ids}
    return [d.name for d in documents(index) if d.file in files and index.documents.get(d.file)]


def apply_filters(index: PlainIndex, claim_ids: list[str], filters: Filters) -> list[str]:
    """The ids of *claim_ids* that pass every filter, in the same order."""
    scopes = index.scopes
    kept = list(claim_ids)
    if filters.focus is not None:
        focus = find_id(scopes, "claim", filters.focus, index.claims)
        near = neighbourhood(index, focus, filters.depth)
        kept = [c for c in kept if c in near]
    if filters.question is not None:
        question = find_id(scopes, "question", filters.question, index.questions)
        on_it = {c for c in kept if question in index.claims[c].questions}
        on_it |= _undercutters(index, on_it)
        kept = [c for c in kept if c in on_it]
    if filters.perspective is not None:
        side = find_id(scopes, "perspective", filters.perspective, index.perspectives)
        kept = [c for c in kept if side in index.claim_perspectives(c)]
    if filters.speaker is not None:
        speaker = find_id(scopes, "speaker", filters.speaker, index.speakers)
        kept = [c for c in kept if speaker in index.claim_speakers(c)]
    if filters.document is not None:
        files = {doc.file for doc in documents(index) if doc.name == filters.document}
        kept = [c for c in kept if index.claim_file(c) in files]
    return kept


def _undercutters(index: PlainIndex, claims: set[str]) -> set[str]:
    """The premises of the undercuts of links among *claims* (drawn with those links)."""
    links = index.links
    found: set[str] = set()
    for claim in claims:
        for link_id in index.outgoing.get(claim, []):
            link = links[link_id]
            if link.to not in claims or not set(link.from_) <= claims:
                continue
            for attacker in index.incoming.get(link_id, []):
                if links[attacker].relation == "undercuts":
                    found.update(links[attacker].from_)
    return found - claims


def map_title(index: PlainIndex, claim_ids: list[str], filters: Filters) -> str:
    """The title of a map or brief of *claim_ids*: its documents' titles, or what it is around.

    A focus map is titled "Around: <claim text>, depth N"; other filters are
    named after the title ("… — question: <text>"). *filters* hold qualified ids
    (see :func:`resolve`).
    """
    files = {index.claim_file(c) for c in claim_ids}
    titles = [doc.title for doc in documents(index) if doc.file in files]
    title = " · ".join(dict.fromkeys(titles)) or "No claims"
    if filters.focus is not None and filters.focus in index.claims:
        text = " ".join(index.claims[filters.focus].text.split()).rstrip(".")
        title = f"Around: {text}, depth {filters.depth}"
    named: list[str] = []
    if filters.question in index.questions:
        named.append(f"question: {index.questions[filters.question].text}")
    if filters.perspective in index.perspectives:
        named.append(f"perspective: {index.perspectives[filters.perspective].name}")
    if filters.speaker in index.speakers:
        named.append(f"speaker: {index.speakers[filters.speaker].name}")
    if named:
        title += " — " + "; ".join(named)
    return title


def neighbourhood(index: PlainIndex, start: str, depth: int) -> set[str]:
    """Claims within *depth* links of *start*, in either direction."""
    links = index.links
    neighbours: dict[str, set[str]] = {}
    for link in links.values():
        target = link.to
        ends = set(link.from_)
        if target in links:  # an undercut touches the attacked link's claims
            ends.update(links[target].from_)
            ends.add(links[target].to)
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
            if other not in seen and other in index.claims:
                seen.add(other)
                queue.append((other, distance + 1))
    return seen


def find_id(
    scopes: Scopes, group: Group, written: str, table: Mapping[str, object], noun: str = ""
) -> str:
    """The qualified id a user means by *written* (bare or `NAMESPACE/ID`) in *table*.

    Raises :class:`SelectionError` when nothing matches, or when a bare id names
    entities in several files.
    """
    noun = noun or group
    found = [key for key in scopes.find(group, written) if key in table]
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


def links_among(index: PlainIndex, claim_ids: set[str]) -> list[str]:
    """Links whose premises are all in *claim_ids* and whose target is too (or a kept link)."""
    links = index.links
    kept_set: set[str] = set()
    pending = [i for i, link in links.items() if all(p in claim_ids for p in link.from_)]
    # undercuts may aim at links that appear later; iterate until nothing more is kept
    changed = True
    while changed:
        changed = False
        for link_id in pending:
            if link_id in kept_set:
                continue
            target = links[link_id].to
            if target in claim_ids or target in kept_set:
                kept_set.add(link_id)
                changed = True
    return [i for i in links if i in kept_set]
