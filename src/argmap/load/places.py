"""Positions found on demand, remembered between runs, and few parse trees held at once.

A warning that comes back on every run (an unlinked claim, say) needs its line
and column every time, and finding them means reading and composing the file
again, which costs as much as parsing it. :class:`RememberedPositions` asks
the facts cache first, under the hash of the file's bytes, and computes only
what is not there; :meth:`~RememberedPositions.flush` stores what it found.
An answer is stored only when the text it came from still has the hash the
run started with, so an edit made meanwhile can never be remembered wrongly.
Composed trees are large (a hundred bytes per value), so only the files
located most recently keep theirs; checks report file by file, so a tree is
rarely composed twice.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from pathlib import Path

from argmap.load.cache import digest
from argmap.load.facts_cache import FactsCache, Places
from argmap.load.yamlsource import PathPart, PositionIndex

RECENT_FILES = 8
"""How many files keep their composed tree at once."""

_recent: deque[RememberedPositions] = deque()


class RememberedPositions(PositionIndex):
    """A :class:`PositionIndex` for one file that remembers its answers (in *store*, if any,
    under *key*, the hash of the file's bytes when the run read it)."""

    def __init__(self, path: Path, key: str | None, store: FactsCache | None) -> None:
        super().__init__(self._read)
        self.path = path
        """The file."""
        self.key = key
        """The hash of the file's bytes when the run read it, if known."""
        self.store = store
        """Where answers are kept between runs, if anywhere."""
        self._places: Places | None = None
        self._finder: PositionIndex | None = None
        self._same = False
        self._changed = False

    def _read(self) -> str:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return ""
        self._same = self.key is not None and digest(raw) == self.key
        return raw.decode("utf-8", "replace").removeprefix("\ufeff")

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """(line, col) of the value at *path* (or its key), remembered or computed."""
        if self._places is None:
            stored = None if self.store is None or self.key is None else self.store
            self._places = {} if stored is None else stored.get_places(str(self.key))
        asked = (tuple(path), key)
        found = self._places.get(asked)
        if found is None:
            if self._finder is None:
                self._finder = PositionIndex(self._read)
                _recent.append(self)
                if len(_recent) > RECENT_FILES:
                    _recent.popleft()._finder = None
            found = self._finder.locate(path, key=key)
            self._places[asked] = found
            self._changed = self._changed or self._same
        return found

    def flush(self) -> None:
        """Store the answers found in this run, if there are new ones."""
        if self._changed and self._places is not None and self.store and self.key:
            self.store.put_places(self.key, self._places)
            self._changed = False
