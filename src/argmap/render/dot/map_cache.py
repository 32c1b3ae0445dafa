"""The map cache: a drawn map kept under the digest of everything it was drawn from.

A warm `map --format dot` whose inputs are all unchanged writes the map it
drew last time instead of building models, a view and the DOT text again.
What a map is drawn from, and so what its key holds:

- the run's manifest (:attr:`argmap.check.results.Results.manifest`): argmap's
  and pydantic's versions, every claims file in order with its path as shown,
  its default namespace and the hash of its bytes, the parse limits and the
  folder source texts must lie in;
- the command's options as given (path, filters, direction, preset …);
- a fingerprint of argmap's own code (:func:`code_fingerprint`), so an edited
  emitter never serves a map drawn by the old one.

Source texts are not part of it: a map shows no source text, and a text that
breaks a quote makes the check fail before the map cache is asked. Entries are
kept in the facts folder (:class:`~argmap.load.cache.facts_cache.FactsCache`: format
line, CRC-32, atomic writes), one per claims root and set of options, holding
the key's line then the text's UTF-8 bytes (not marshalled: a big map would be
copied twice more); a corrupt, truncated or foreign entry reads as a miss. Nothing here prints.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import overload

import argmap
from argmap.check.results import Results

Option = str | int | float | bool | None
"""One option value as the key holds it."""

MAX_CACHED_CHARS = 100_000_000
"""Maps longer than this are not kept (a cache entry may not grow without bound)."""

PIECE_CHARS = 1 << 16
"""About how many characters of a map are encoded and written at a time."""


@cache
def code_fingerprint() -> str:
    """A digest of every Python source file of the argmap package (names and bytes).

    Any edit of argmap's code changes it, even one that keeps the version number,
    so a developer's change to an emitter is seen at once. Reading the 100-odd
    files takes a few milliseconds.
    """
    root = Path(argmap.__file__).parent
    digest = hashlib.blake2b(digest_size=16)
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        for name in sorted(files):
            if not name.endswith(".py"):
                continue
            path = os.path.join(folder, name)
            with open(path, "rb") as handle:
                data = handle.read()
            relative = os.path.relpath(path, root).encode()
            digest.update(b"%d:%s%d:" % (len(relative), relative, len(data)))
            digest.update(data)
    return digest.hexdigest()


class MapCache:
    """One command's cached map: looked up, and stored, under its inputs' digest."""

    def __init__(self, results: Results, kind: str, options: tuple[Option, ...]) -> None:
        """*kind* names the output (``"dot"``); *options* are everything else that
        shapes it, as plain values (strings, numbers, booleans, None)."""
        self.store = results.store
        """Where entries are kept (the facts folder)."""
        shape = marshal.dumps((kind, options))
        self.name = f"{results.slot}.map-{hashlib.blake2b(shape, digest_size=12).hexdigest()}"
        """The entry's file name: one per claims root, output kind and set of options."""
        run = marshal.dumps((results.manifest, kind, options, code_fingerprint()))
        self.key = hashlib.blake2b(run).hexdigest()
        """The digest of everything the map is drawn from."""

    def get(self) -> str | None:
        """The stored map, when it was drawn from exactly these inputs."""
        stored = self.store.get_blob(self.name)
        key = self.key.encode() + b"\n"
        if stored is None or stored[: len(key)] != key:
            return None
        try:
            return str(stored[len(key) :], "utf-8")
        except UnicodeDecodeError:
            return None

    def put(self, chunks: Sequence[str]) -> None:
        """Keep the text *chunks* (one after another) as the map of these inputs, replacing
        the one kept before.

        Stored as the key's line and the text's UTF-8 bytes, each chunk encoded only
        as it is written: a 100k-claim map is 75 MB, and joining or encoding it whole
        would hold one or two more copies."""
        if sum(map(len, chunks)) <= MAX_CACHED_CHARS:
            self.store.put_blob(self.name, _Encoded(self.key + "\n", chunks))


class _Encoded(Sequence[bytes]):
    """A header line and text chunks, seen as UTF-8 pieces of about :data:`PIECE_CHARS`
    characters (each a run of whole chunks), each encoded only when it is read."""

    def __init__(self, head: str, chunks: Sequence[str]) -> None:
        self.head, self.chunks = head, chunks
        self.starts = [0]
        """Where each piece's run of chunks starts (the head is a piece of its own)."""
        size = 0
        for at, chunk in enumerate(chunks):
            if size >= PIECE_CHARS:
                self.starts.append(at)
                size = 0
            size += len(chunk)

    def __len__(self) -> int:
        return len(self.starts) + 1

    @overload
    def __getitem__(self, at: int) -> bytes: ...
    @overload
    def __getitem__(self, at: slice) -> Sequence[bytes]: ...
    def __getitem__(self, at: int | slice) -> bytes | Sequence[bytes]:
        if isinstance(at, slice):
            return [self[i] for i in range(*at.indices(len(self)))]
        if at < 0:
            at += len(self)
        if not 0 <= at < len(self):
            raise IndexError(at)
        if at == 0:
            return self.head.encode("utf-8")
        end = self.starts[at] if at < len(self.starts) else len(self.chunks)
        return "".join(self.chunks[self.starts[at - 1] : end]).encode("utf-8")

    def __iter__(self) -> Iterator[bytes]:
        return (self[at] for at in range(len(self)))
