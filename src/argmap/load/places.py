"""Positions found on demand, remembered between runs, and few parse trees held at once.

A warning that comes back on every run (an unlinked claim, say) needs its line
and column every time, and finding them means reading and composing the file
again, which costs as much as parsing it. :class:`RememberedPositions` asks a
:class:`PlaceBook` first: the positions found in earlier runs, by file hash,
kept in one cache entry per claims root (read once, written once, and holding
only the files of the last run). An answer is remembered across runs only when
the text it came from still has the hash the run started with, so an edit
made meanwhile can never be remembered wrongly. Composed trees are large (a
hundred bytes per value), so only the files located most recently keep theirs;
checks report file by file, so a tree is rarely composed twice.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from pathlib import Path

from argmap.diagnostics import PathPart
from argmap.load.cache.facts_cache import FactsCache
from argmap.load.cache.parse_cache import digest
from argmap.load.files import UnreadableFile, read_regular
from argmap.load.limits import MAX_FILE_BYTES
from argmap.load.yaml.positions import PositionIndex

RECENT_FILES = 8
"""How many files keep their composed tree at once."""

Places = dict[tuple[tuple[PathPart, ...], bool], tuple[int, int]]
"""(path in the file, whether its key was asked for) -> (line, col)."""

_recent: deque[RememberedPositions] = deque()


class PlaceBook:
    """The positions remembered for the files of one claims root, by file hash."""

    def __init__(
        self, store: FactsCache | None, name: str, max_bytes: int = MAX_FILE_BYTES
    ) -> None:
        self.store = store
        """Where the book is kept between runs (None: only for this run)."""
        self.name = name
        """The entry's name in the store."""
        self.max_bytes = max_bytes
        """Largest claims file read again to find a position."""
        self._pages: dict[str, Places] | None = None
        self._used: dict[str, Places] = {}
        self._changed = False

    def page(self, key: str) -> Places:
        """The positions remembered for the file with hash *key* (to read and add to)."""
        pages = self._pages
        if pages is None:
            stored = None if self.store is None else self.store.get_entry(f"{self.name}.places")
            pages = {} if stored is None or not _is_book(stored) else stored
            self._pages = pages
        page = self._used.get(key)
        if page is None:
            page = self._used[key] = pages.get(key) or {}
        return page

    def changed(self) -> None:
        """Note that a page has a new answer worth keeping."""
        self._changed = True

    def flush(self) -> None:
        """Store the pages of this run's files, if anything new was found."""
        if self._changed and self.store is not None:
            self.store.put_entry(f"{self.name}.places", self._used)
            self._changed = False


def _is_book(value: object) -> bool:
    return type(value) is dict and all(
        type(key) is str and type(page) is dict for key, page in value.items()
    )


class RememberedPositions(PositionIndex):
    """A :class:`PositionIndex` for one file whose answers are kept in a :class:`PlaceBook`
    under *key*, the hash of the file's bytes when the run read it (when known)."""

    def __init__(self, path: Path, key: str | None, book: PlaceBook, plain: bool = False) -> None:
        super().__init__(self._read)
        self.path = path
        """The file."""
        self.key = key
        """The hash of the file's bytes when the run read it, if known."""
        self.book = book
        """Where answers are kept."""
        self.plain = plain
        """True when yaml-rs read the bytes with hash *key* (see :attr:`FileFacts.plain`)."""
        self._page: Places | None = None
        self._finder: PositionIndex | None = None
        self._same = False

    def _read(self) -> str:
        try:
            raw = read_regular(self.path, self.book.max_bytes)
        except UnreadableFile:
            return ""
        self._same = self.key is not None and digest(raw) == self.key
        return raw.decode("utf-8", "replace").removeprefix("\ufeff")

    def _plain_as_read(self) -> bool:
        """True when the text just read is the one yaml-rs read (same hash) and it was plain."""
        return self.plain and self._same

    def locate(self, path: Sequence[PathPart], *, key: bool = False) -> tuple[int, int]:
        """(line, col) of the value at *path* (or its key), remembered or computed."""
        if self._page is None:
            self._page = {} if self.key is None else self.book.page(self.key)
        asked = (tuple(path), key)
        found = self._page.get(asked)
        if not (type(found) is tuple and len(found) == 2 and all(type(n) is int for n in found)):
            if self._finder is None:
                self._finder = PositionIndex(self._read, plain=self._plain_as_read)
                _recent.append(self)
                if len(_recent) > RECENT_FILES:
                    _recent.popleft()._finder = None
            found = self._finder.locate(path, key=key)
            if self._same:
                self._page[asked] = found
                self.book.changed()
        return found
