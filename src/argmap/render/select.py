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

from argmap.corpus.graph import GraphIndex
from argmap.diagnostics import did_you_mean


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
    """Output folder: the file's path under the claims root without suffix, e.g. `sub/x`."""
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
        stem = PurePath(shown).stem
        title = source.title if source and source.title else stem
        name = corpus.file_names.get(shown) or stem
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


def apply_filters(index: GraphIndex, claim_ids: list[str], filters: Filters) -> list[str]:
    """The ids of *claim_ids* that pass every filter, in the same order."""
    corpus = index.corpus
    kept = list(claim_ids)
    if filters.focus is not None:
        _known(filters.focus, corpus.claims, "claim")
        near = neighbourhood(index, filters.focus, filters.depth)
        kept = [c for c in kept if c in near]
    if filters.question is not None:
        _known(filters.question, corpus.questions, "question")
        kept = [c for c in kept if filters.question in corpus.claims[c].questions]
    if filters.perspective is not None:
        _known(filters.perspective, corpus.perspectives, "perspective")
        kept = [c for c in kept if filters.perspective in index.claim_perspectives(c)]
    if filters.speaker is not None:
        _known(filters.speaker, corpus.speakers, "speaker")
        kept = [c for c in kept if filters.speaker in index.claim_speakers(c)]
    return kept


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


def _known(ident: str, table: Mapping[str, object], noun: str) -> None:
    if ident not in table:
        hint = did_you_mean(ident, table) or f"list them with 'argmap export' ({noun}s)"
        raise SelectionError(f"no {noun} '{ident}'", hint)
