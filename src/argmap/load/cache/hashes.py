"""The hash of each claims file, read again only when its status says it may have changed.

A warm run must know which files changed, and hashing 65 MB of claims costs a
tenth of a second. Like git's index and mypy's cache, a :class:`HashBook`
keeps, per claims root, each file's hash with what ``stat`` said when it was
read: device, inode, size, modification and change times. A file whose status
is the same is not read again. The change time (ctime) moves on every write
and on every change of times, and no program can set it, so a file cannot be
changed behind an identical status, except within the clock's granularity of
its last change: an entry whose change came less than :data:`RACY_NS` before it
was read is never trusted (git's "racily clean" rule) and the file is hashed.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

from argmap.load.cache.facts_cache import FactsCache
from argmap.load.cache.parse_cache import digest
from argmap.load.files import UnreadableFile, read_regular

RACY_NS = 2_000_000_000
"""A file changed less than this long before it was hashed is hashed again next time
(coarse file-system clocks tick every 2 s)."""

Entry = tuple[int, int, int, int, int, int, str]
"""(device, inode, size, mtime_ns, ctime_ns, when it was read, hash)."""


class HashBook:
    """The hashes of one claims root's files, kept between runs in one cache entry."""

    def __init__(self, store: FactsCache | None, name: str) -> None:
        self.store = store
        """Where the book is kept (None: hash every file, keep nothing)."""
        self.name = name
        """The entry's name in the store."""

    def keys(self, paths: list[Path], max_bytes: int) -> dict[Path, tuple[str, int]]:
        """The hash and size of each readable file in *paths*, reusing unchanged ones'."""
        known = self._read()
        book: dict[str, Entry] = {}
        keys = {}
        for path in paths:
            name = str(path)
            try:
                info = os.stat(path)
            except OSError:
                continue  # the loader reports it
            entry = known.get(name)
            if (
                entry is not None
                and stat.S_ISREG(info.st_mode)
                and info.st_size <= max_bytes
                and entry[:5] == _status(info)
                and entry[4] < entry[5] - RACY_NS
            ):
                keys[path] = (entry[6], info.st_size)
                book[name] = entry
                continue
            when = time.time_ns()
            try:
                data = read_regular(path, max_bytes)
            except UnreadableFile:
                continue
            key = digest(data)
            keys[path] = (key, len(data))
            after = os.stat(path)
            if _status(after)[2] == len(data):  # unchanged while read: worth remembering
                book[name] = (*_status(after), when, key)
        if book != known and self.store is not None:
            self.store.put_entry(f"{self.name}.hashes", book)
        return keys

    def _read(self) -> dict[str, Entry]:
        stored = None if self.store is None else self.store.get_entry(f"{self.name}.hashes")
        if type(stored) is not dict:
            return {}
        return {
            name: entry
            for name, entry in stored.items()
            if type(name) is str and type(entry) is tuple and len(entry) == 7
            and all(type(n) is int for n in entry[:6]) and type(entry[6]) is str
        }  # fmt: skip


def _status(info: os.stat_result) -> tuple[int, int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
