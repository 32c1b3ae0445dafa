"""Mentions into speakers across a document: coreference, the author, known names.

An :class:`Attributor` reads a document's sentences in order and keeps one
speaker per person or body. A later mention resolves to an earlier speaker when

- it is the same name, or the surname of a named person ("Doe" for "Jane Doe",
  "Lord Leggatt" for "Leggatt"), or the acronym given in parentheses ("ISS");
- it is "the committee", "the ministry", "the judge" …: the latest speaker whose
  name or role holds that word, else (for a person noun) the latest person;
- it is a shorter form of an unnamed speaker ("a Latvian participant" after "a
  Latvian participant from a law enforcement agency");
- it is "he", "she" or "they": the latest speaker of this or the last paragraph.

"We" and the author's own name are the author (no speaker is added). Titled
names and acronyms seen anywhere (also in sentences that report nobody) are
remembered, so "al-Sharaa said" gets the role "Interim President" written
earlier.
"""

from __future__ import annotations

from typing import NamedTuple

from argmap.ingest.speakers.lexicon import HONORIFICS, PERSON_NOUNS
from argmap.ingest.speakers.patterns import capitalised_runs, mentions
from argmap.ingest.speakers.phrase import Mention, bare, normalise


class Speaker(NamedTuple):
    """A speaker the text reports."""

    name: str
    """The name, e.g. "Jon Finer", "Pakistan’s Foreign Ministry", "Some European officials"."""
    role: str | None = None
    """Title or role words, e.g. "US Deputy National Security Advisor"."""
    short: str | None = None
    """An acronym the text gives in parentheses, e.g. "OFSI"."""
    kind: str = "person"
    """person, government, organization or group."""


class _Entry(NamedTuple):
    mention: Mention
    paragraph: int


def find_speakers(sentence: str) -> list[Speaker]:
    """The speakers one sentence reports, read alone (no coreference), each once."""
    attributor = Attributor(None)
    found = attributor.attribute(sentence, 1)
    return [attributor.speakers[i] for i in found]


class Attributor:
    """Speakers of one document, read sentence by sentence (see the module docstring)."""

    def __init__(self, author: str | None) -> None:
        self.author = normalise(author.split()) if author else None
        """The author's name, normalised; mentions of it are the author."""
        self.speakers: list[Speaker] = []
        """Every speaker found so far, in order of first mention."""
        self._entries: list[_Entry] = []
        self._keys: dict[str, int] = {}
        self._known: dict[str, Mention] = {}
        self._last: tuple[int, int] | None = None
        self._seen: dict[int, int] = {}
        self._paragraph = 0
        self._count = 0

    def learn(self, sentence: str) -> None:
        """Remember the titled names and acronyms a sentence introduces, speaking or not."""
        for found in capitalised_runs(sentence):
            for key in _keys(found):
                self._known.setdefault(key, found)

    def attribute(self, sentence: str, paragraph: int) -> list[int]:
        """Indexes in :attr:`speakers` of those *sentence* reports, each once, in order."""
        self.learn(sentence)
        self._count += 1
        self._paragraph = paragraph
        lowered = sentence.lower()
        for key, known in self._keys.items():
            if not self._entries[known].mention.common and key in lowered:
                self._seen[known] = self._count
        found: list[int] = []
        for item in mentions(sentence):
            index = self._resolve(item, paragraph)
            if index is not None and index not in found:
                found.append(index)
                self._last = (index, paragraph)
        return found

    def _resolve(self, item: Mention, paragraph: int) -> int | None:
        if item.kind == "author" or (self.author and _is_author(item, self.author)):
            return None
        if item.kind == "pronoun":
            if self._last is None or paragraph - self._last[1] > 1:
                return None
            return self._last[0]
        key = normalise(item.name.split())
        if key in self._keys:
            return self._update(self._keys[key], item)
        if not item.common and key in self._known:
            known = self._known[key]
            item = known._replace(role=item.role or known.role, short=item.short or known.short)
            if normalise(known.name.split()) in self._keys:
                return self._update(self._keys[normalise(known.name.split())], item)
        if not item.common and " " not in item.name:
            heads = [i for i, e in enumerate(self._entries) if e.mention.head == item.head]
            if heads:  # "the Commission" after "the European Commission"
                return self._update(heads[-1], item)
        if item.definite and (earlier := self._refer_back(item)) is not None:
            return earlier
        if item.common and item.core == key and (earlier := self._shorter(item)) is not None:
            return earlier
        return self._add(item, paragraph)

    def _refer_back(self, item: Mention) -> int | None:
        """ "the committee": the latest speaker whose name or role holds the word."""
        for index in reversed(range(len(self._entries))):
            entry = self._entries[index].mention
            words = f"{entry.name} {entry.role or ''}".lower().split()
            if item.head in (bare(w) for w in words):
                return index
        for known in reversed(self._known.values()):
            if item.head in (bare(w) for w in known.name.lower().split()):
                return self._add(known, self._paragraph)
        if item.head in PERSON_NOUNS:
            people = [
                i
                for i, e in enumerate(self._entries)
                if e.mention.kind == "person" and e.mention.role is None
            ]
            if people:
                return max(people, key=lambda i: (self._seen.get(i, 0), i))
        return None

    def _shorter(self, item: Mention) -> int | None:
        """An unnamed speaker of which *item* is the part before the post-modifier."""
        matches = {
            i
            for i, e in enumerate(self._entries)
            if e.mention.common and e.mention.core == item.core != normalise(e.mention.name.split())
        }
        return matches.pop() if len(matches) == 1 else None

    def _add(self, item: Mention, paragraph: int) -> int:
        index = len(self._entries)
        self._entries.append(_Entry(item, paragraph))
        self.speakers.append(_speaker(item))
        for key in _keys(item):
            self._keys.setdefault(key, index)
        self._seen[index] = self._count
        return index

    def _update(self, index: int, item: Mention) -> int:
        """Fill in a role or short form the earlier mention lacked."""
        entry = self._entries[index]
        role = entry.mention.role or item.role
        short = entry.mention.short or item.short
        if (role, short) != (entry.mention.role, entry.mention.short):
            updated = entry.mention._replace(role=role, short=short)
            self._entries[index] = entry._replace(mention=updated)
            self.speakers[index] = _speaker(updated)
        for key in _keys(item):
            self._keys.setdefault(key, index)
        self._seen[index] = self._count
        return index


def _keys(item: Mention) -> list[str]:
    """The forms a later mention may take: full name, surname, acronym."""
    name = item.name.split()
    keys = [normalise(name)]
    if item.short:
        keys.append(item.short.lower())
    bare_name = [w for w in name if bare(w) not in HONORIFICS]
    if not item.common and item.kind == "person" and len(bare_name) >= 2:
        keys.append(bare(bare_name[-1]))
    if not item.common and len(bare_name) == 1 and len(name) == 2:
        keys.append(bare(bare_name[0]))  # "Lord Leggatt" is also "Leggatt"
    return keys


def _is_author(item: Mention, author: str) -> bool:
    key = normalise(item.name.split())
    return key == author or (not item.common and key == author.split()[-1])


def _speaker(item: Mention) -> Speaker:
    name = item.name[0].upper() + item.name[1:] if not item.name[:1].isupper() else item.name
    return Speaker(name, item.role, item.short, item.kind)
