"""The facts cache: each claims file's facts, and the positions found in it, by content hash.

A warm `check` or `audit` reads here instead of parsing YAML or building
models. Entries live in one folder, ``.argmap-cache/facts/``, opened once
without following symlinks; each is ``<hash>.facts`` (a file's
:class:`~argmap.load.facts.FileFacts`) or ``<hash>.places`` (line and column of
the paths diagnostics pointed at in that file, so a warning shown again does
not make argmap re-read and re-compose the file); other entries (the results
of :mod:`argmap.check.results`) use the same format. An entry is the format line
(argmap and pydantic versions), a CRC-32 of its payload (it guards against
corruption; speed matters, since a warm run reads every entry), and the payload
as ``marshal``. Entries are read only as regular files of bounded size; one that
is missing, of another format, altered or of the wrong shape is ignored and
rewritten, never used. Writes go to a temporary name and are renamed into
place, so a reader never sees half an entry. Failing to write is not an
error: it is only a cache.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import zlib
from collections.abc import Iterable, Sequence
from itertools import chain
from pathlib import Path
from typing import Any

import pydantic

from argmap import __version__
from argmap.load.cache.facts_check import checked_facts
from argmap.load.cache.temps import open_temp_folder
from argmap.load.facts import FIELD_NAMES, FileFacts
from argmap.load.files import DIR_FLAGS, replace_entry
from argmap.load.limits import Limits

FORMAT = (
    f"argmap-facts 1 {zlib.crc32(' '.join(FIELD_NAMES).encode()):08x} "
    f"argmap {__version__} pydantic {pydantic.VERSION}"
)
"""Written into every entry (the field list's checksum included, so a change of the facts'
shape is a change of format); entries with another format are ignored."""

FOLDER_NAME = "facts"
"""The subfolder of the cache folder that holds facts entries."""

MAX_ENTRY_BYTES = 160_000_000
"""Larger entries are ignored unread."""

_HEADER = FORMAT.encode() + b"\n"
_SUM = 8
_READ_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)


def _checksum(*pieces: bytes | memoryview) -> bytes:
    """The CRC-32 of *pieces* read one after another, as an entry writes it."""
    return _crc_of(pieces)


def _crc_of(pieces: Iterable[bytes | memoryview]) -> bytes:
    crc = 0
    for piece in pieces:
        crc = zlib.crc32(piece, crc)
    return b"%08x" % crc


def encode(value: Any, header: bytes = _HEADER) -> bytes:
    """An entry's bytes: the format line, the checksum of the payload, the payload."""
    payload = marshal.dumps(value)
    return header + _checksum(payload) + payload


def decode(blob: bytes, header: bytes = _HEADER) -> Any:
    """The payload of an entry; ValueError when its format or checksum is wrong."""
    return marshal.loads(_verified(blob, header))


def _verified(blob: bytes, header: bytes) -> memoryview:
    """The payload of an entry, unmarshalled; ValueError when its format or checksum is wrong."""
    payload = memoryview(blob)[len(header) + _SUM :]
    if not blob.startswith(header) or blob[len(header) : len(header) + _SUM] != _checksum(payload):
        raise ValueError("not an entry of this format")
    return payload


class FactsCache:
    """Facts and positions of claims files, one entry per content hash, in one folder."""

    def __init__(
        self,
        cache_folder: Path,
        max_entry_bytes: int = MAX_ENTRY_BYTES,
        limits: Limits | None = None,
    ) -> None:
        self.folder = cache_folder / FOLDER_NAME
        """Where the entries are."""
        self.max_entry_bytes = max_entry_bytes
        """Larger entries are ignored unread."""
        self.header = f"{FORMAT}{(limits or Limits()).cache_bounds}\n".encode()
        """The format line of this cache's entries: the parse limits are part of it, since a
        file's problems depend on them."""

    def _open_folder(self, create: bool = False) -> int | None:
        try:
            if create:
                self.folder.mkdir(parents=True, exist_ok=True)
            return os.open(self.folder, DIR_FLAGS)
        except OSError:
            return None

    def _read(self, folder: int, name: str, raw: bool = False) -> Any:
        """The decoded payload of entry *name* (*raw*: its bytes, verified but not
        unmarshalled), or None when it cannot be used."""
        try:
            fd = os.open(name, _READ_FLAGS, dir_fd=folder)
        except OSError:
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > self.max_entry_bytes:
                return None
            blob = os.read(fd, info.st_size + 1)
            while len(blob) <= info.st_size and (more := os.read(fd, 1 << 20)):
                blob += more
            if len(blob) != info.st_size:
                return None
            if raw:
                return _verified(blob, self.header)
            return decode(blob, self.header)
        except (OSError, ValueError, EOFError, TypeError):
            return None
        finally:
            os.close(fd)

    def get_many(self, keys: Iterable[str]) -> dict[str, FileFacts]:
        """The facts stored for each of *keys* that has a usable entry."""
        folder = self._open_folder()
        if folder is None:
            return {}
        found = {}
        try:
            for key in keys:
                facts = checked_facts(self._read(folder, f"{key}.facts"))
                if facts is not None:
                    found[key] = facts
        finally:
            os.close(folder)
        return found

    def has(self, key: str) -> bool:
        """True when an entry for *key*'s facts exists (it may still turn out unusable)."""
        return (self.folder / f"{key}.facts").is_file()

    def put(self, key: str, facts: FileFacts) -> None:
        """Store the facts of the file with hash *key*."""
        self._write(f"{key}.facts", facts.to_data())

    def get_entry(self, name: str) -> Any:
        """The value stored under *name* (a file name in the folder), or None."""
        folder = self._open_folder()
        if folder is None:
            return None
        try:
            return self._read(folder, name)
        finally:
            os.close(folder)

    def get_blob(self, name: str) -> memoryview | None:
        """The bytes stored under *name* by :meth:`put_blob`, or None."""
        folder = self._open_folder()
        if folder is None:
            return None
        try:
            found = self._read(folder, name, raw=True)
            return found if isinstance(found, memoryview) else None
        finally:
            os.close(folder)

    def put_blob(self, name: str, pieces: Sequence[bytes]) -> None:
        """Store the bytes *pieces* (one after another) under *name*, unmarshalled: for
        large text, which marshal would copy twice. *pieces* is read twice, one piece at
        a time (for the checksum, then to write), so it may make each piece as it is read."""
        folder = self._open_folder(create=True)
        if folder is None:
            return
        temp = open_temp_folder(self.folder.parent)
        try:
            head = (self.header, _crc_of(pieces))
            replace_entry(folder, name, chain(head, pieces), temp)
        finally:
            os.close(folder)
            if temp is not None:
                os.close(temp)

    def put_entry(self, name: str, value: Any) -> None:
        """Store *value* (plain data) under *name*, a file name in the folder."""
        self._write(name, value)

    def _write(self, name: str, value: Any) -> None:
        """Write an entry beside its final name, then rename it into place."""
        try:
            payload = marshal.dumps(value)
        except ValueError:
            return
        self.put_blob(name, (payload,))  # the payload of encode(), without joining it


def slot_of(root: Path) -> str:
    """The name under which a claims root's remembered things are kept (per working folder)."""
    place = f"{os.getcwd()}\n{root.resolve()}".encode()
    return hashlib.blake2b(place, digest_size=12).hexdigest()
