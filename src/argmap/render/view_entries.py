"""The small entries of a map view: sources, citations, speakers, perspectives, questions.

Each is a frozen record of resolved values that :mod:`argmap.render.view` builds
once from the graph index; emitters read them and never look at the corpus.
Nothing here escapes text or knows a renderer's syntax.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from argmap.corpus.plain import PlainIndex


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class PerspectiveEntry:
    """A perspective in the legend and the side-by-side brief."""

    id: str
    """Perspective id."""
    name: str
    """Display name."""
    description: str | None
    """What the perspective is."""
    palette_slot: int
    """Its place in the palette (see :func:`palette_slots`): the same in every map of the
    corpus, whatever the map shows. Emitters pick a palette colour with it."""
    color: str | None = None
    """The colour the perspective names itself (#rrggbb); it overrides the palette."""


@dataclass(frozen=True, slots=True)
class QuestionEntry:
    """A question of the document."""

    id: str
    """Question id."""
    text: str
    """The question."""


class SpeakerFields(Protocol):
    """What a speaker entry is made from: a speaker's model or its plain record."""

    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str | None: ...
    @property
    def perspective(self) -> str | None: ...
    @property
    def short(self) -> str | None: ...


def speaker_entry(speakers: Mapping[str, SpeakerFields], speaker_id: str) -> SpeakerEntry:
    """The speaker *speaker_id* of *speakers* as shown (its id as name when it is unknown)."""
    speaker = speakers.get(speaker_id)
    if speaker is None:
        return SpeakerEntry(speaker_id, speaker_id, None, None)
    return SpeakerEntry(speaker_id, speaker.name, speaker.role, speaker.perspective, speaker.short)


class Attribution(NamedTuple):
    """Who asserts a claim or draws a link, resolved."""

    speakers: tuple[SpeakerEntry, ...]
    """The speakers, as shown."""
    perspectives: tuple[str, ...]
    """Their perspectives, in speaker order, without repeats."""
    label: str
    """ "Name, role; Name" (empty when nobody is named)."""

    @property
    def side(self) -> str | None:
        """The first speaker's perspective that there is."""
        return self.perspectives[0] if self.perspectives else None


class Attributions:
    """Resolves speakers for one view, each speaker and each distinct set of them once (a
    large map has thousands of claims and a few dozen speakers)."""

    def __init__(self, index: PlainIndex) -> None:
        self.index = index
        """Where speakers and documents' authors are looked up."""
        self._speakers: dict[str, SpeakerEntry] = {}
        self._sets: dict[tuple[str, ...] | str | None, Attribution] = {}

    def speaker(self, speaker_id: str) -> SpeakerEntry:
        """The speaker *speaker_id* as shown."""
        entry = self._speakers.get(speaker_id)
        if entry is None:
            entry = self._speakers[speaker_id] = speaker_entry(self.index.speakers, speaker_id)
        return entry

    def of(self, written: tuple[str, ...], document: str | None) -> Attribution:
        """The attribution of an entry whose own speakers are *written*: those, else the
        authors of *document* (the document of the file that writes it)."""
        key = written or document
        found = self._sets.get(key)
        if found is None:
            ids = self.index.speakers_of(written, document)
            entries = tuple(self.speaker(s) for s in ids)
            sides = tuple(self.index.perspectives_of(ids))
            label = "; ".join(e.label for e in entries)
            found = self._sets[key] = Attribution(entries, sides, label)
        return found


def source_entry(index: PlainIndex, source_id: str, number: int) -> SourceEntry:
    """The source *source_id* as numbered *number* (its id as title when it is unknown)."""
    source = index.sources.get(source_id)
    if source is None:
        return SourceEntry(number, source_id, source_id, None, None, None)
    accessed = source.accessed
    return SourceEntry(
        number, source_id, source.title or source_id, source.publisher, source.url, accessed
    )


def palette_slots(index: PlainIndex) -> dict[str, int]:
    """Each perspective's place in the palette, from the whole corpus, never from a selection.

    Perspectives of shared files (files with no `document:`) come first, in the
    order of their qualified ids; then each document's own perspectives follow
    them, again by id, counted from the same place for every document. So a
    perspective keeps its colour in every map of the corpus, a document's
    perspectives never share a colour (up to the palette's size), and adding
    another commentary changes no colour of the first.
    """
    by_file: dict[str | None, list[str]] = {}
    for ident in sorted(index.perspectives):
        origin = index.origin("perspective", ident)
        file = origin.file if origin else None
        shared = file is None or index.documents.get(file) is None
        by_file.setdefault(None if shared else file, []).append(ident)
    first = len(by_file.get(None, []))
    slots = {ident: n for n, ident in enumerate(by_file.pop(None, []))}
    for own in by_file.values():
        slots.update({ident: first + n for n, ident in enumerate(own)})
    return slots


def perspective_entries(index: PlainIndex, used: set[str | None]) -> list[PerspectiveEntry]:
    """The perspectives in *used*, in definition order, each with its palette slot."""
    slots = palette_slots(index)
    return [
        PerspectiveEntry(
            ident,
            perspective.name,
            perspective.description,
            slots[ident],
            perspective.color.upper() if perspective.color else None,
        )
        for ident, perspective in index.perspectives.items()
        if ident in used
    ]
