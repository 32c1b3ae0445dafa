"""Positions remembered between runs: a position index that keeps its answers in the cache.

A warning that comes back on every run (an unlinked claim, say) needs its line
and column every time, and finding them means reading and composing the file
again, which costs as much as parsing it. :class:`RememberedPositions` asks
the facts cache first, under the hash of the file's bytes, and computes only
what is not there; :meth:`~RememberedPositions.flush` stores what it found.
An answer is stored only when the text it came from still has the hash the
run started with, so an edit made meanwhile can never be remembered wrongly.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from argmap.load.cache import digest
from argmap.load.facts_cache import FactsCache, Places
from argmap.load.yamlsource import PathPart, PositionIndex


class RememberedPositions(PositionIndex):
    """A :class:`PositionIndex` for one file whose answers persist in a :class:`FactsCache`."""

    def __init__(self, path: Path, key: str, store: FactsCache) -> None:
        super().__init__(self._read)
        self.path = path
        """The file."""
        self.key = key
        """The hash of the file's bytes when the run read it."""
        self.store = store
        """Where answers are kept."""
        self._places: Places | None = None
        self._same = False
        self._changed = False

    def _read(self) -> str:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return ""
        self._same = digest(raw) == self.key
        return raw.decode("utf-8", "replace").removeprefix("\ufeff")

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """(line, col) of the value at *path* (or its key), remembered or computed."""
        if self._places is None:
            self._places = self.store.get_places(self.key)
        asked = (tuple(path), key)
        found = self._places.get(asked)
        if found is None:
            found = super().locate(path, key=key)
            if self._same:
                self._places[asked] = found
                self._changed = True
        return found

    def flush(self) -> None:
        """Store the answers found in this run, if there are new ones."""
        if self._changed and self._places is not None:
            self.store.put_places(self.key, self._places)
            self._changed = False
