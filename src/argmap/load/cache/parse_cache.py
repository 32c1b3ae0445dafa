"""The parse cache: validated claims files, keyed by the hash of their bytes.

Parsing YAML is most of the cost of a large corpus, and validating it with
pydantic the rest. A file that loaded without any problem is stored here as
plain data (``marshal``), under ``.argmap-cache/`` and the hash of its exact
bytes, so an unchanged file is neither parsed nor validated again; an edited
file has a new hash and misses. Rebuilding models from the cache skips
validation (the data was valid when stored) but restores enums, dates and
nested models. The paragraph layout of each source text is kept here too,
under the hash of the text.

Nothing in the cache is trusted blindly. Each entry carries the format
(argmap and pydantic versions, and for models the YAML bounds when they are not
the defaults, since a file valid within the defaults may be too complex within
smaller ones) and a checksum of its payload; entries are
opened only as regular files of bounded size, never through a symlink, and
rebuilding checks every field's type. An entry that fails any of this is
ignored and rewritten, never used.
"""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pydantic

from argmap import __version__
from argmap.load.cache.temps import open_temp_folder
from argmap.load.files import DIR_FLAGS, UnreadableFile, read_regular, replace_entry
from argmap.load.limits import CACHE_ENTRY_FACTOR, MAX_FILE_BYTES, Limits
from argmap.texts.blocks import Layout

if TYPE_CHECKING:
    from argmap.model import ClaimFile

CACHE_DIR_NAME = ".argmap-cache"
"""The cache folder, created in the working directory."""

FORMAT = f"argmap-cache 3 argmap {__version__} pydantic {pydantic.VERSION}"
"""Written into every entry; entries with another format are ignored."""

_HEADER = FORMAT.encode() + b"\n"
_SUM_LENGTH = 40


def digest(data: bytes | memoryview) -> str:
    """The cache key of a file's bytes (also the checksum of an entry's payload)."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def file_keys(paths: list[Path], max_bytes: int = MAX_FILE_BYTES) -> dict[Path, tuple[str, int]]:
    """The cache key and size of each readable file in *paths*, reading each once."""
    keys = {}
    for path in paths:
        try:
            data = read_regular(path, max_bytes)
        except UnreadableFile:
            continue  # the loader reports it
        keys[path] = (digest(data), len(data))
    return keys


def encode_entry(data: Any, header: bytes = _HEADER) -> bytes:
    """An entry's bytes: the format line, the checksum of the payload, the payload."""
    payload = marshal.dumps(data)
    return header + digest(payload).encode() + payload


def decode_entry(blob: bytes, header: bytes = _HEADER) -> Any:
    """The payload of an entry, or None when its format or checksum is wrong."""
    payload = memoryview(blob)[len(header) + _SUM_LENGTH :]
    checksum = blob[len(header) : len(header) + _SUM_LENGTH]
    if not blob.startswith(header) or checksum != digest(payload).encode():
        return None
    return marshal.loads(payload)


class ParseCache:
    """Validated file contents stored under a folder, one entry per content hash."""

    def __init__(
        self,
        folder: Path,
        max_entry_bytes: int = MAX_FILE_BYTES * CACHE_ENTRY_FACTOR,
        limits: Limits | None = None,
    ) -> None:
        self.folder = folder
        """Where entries live, in subfolders named by the key's first two characters."""
        self.max_entry_bytes = max_entry_bytes
        """Larger entries are ignored unread."""
        self.header = f"{FORMAT}{(limits or Limits()).cache_bounds}\n".encode()
        """The format line of model entries: the parse limits are part of it, since whether a
        file loads cleanly depends on them (layouts do not, and keep the plain format)."""

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.marshal"

    def has(self, key: str) -> bool:
        """True when an entry for *key* exists (it may still turn out stale)."""
        return self._path(key).is_file()

    def get(self, key: str) -> ClaimFile | None:
        """The cached content for *key*, or None when absent, stale, corrupt or altered."""
        from argmap.load.cache.rebuild import rebuild  # (the model, only when models are read)
        from argmap.model import ClaimFile

        stored = self._read(key, ".marshal", self.header)
        try:
            rebuilt = rebuild(ClaimFile, stored) if type(stored) is dict else None
        except (ValueError, TypeError, KeyError, AttributeError):
            return None
        return rebuilt if isinstance(rebuilt, ClaimFile) else None

    def put(self, key: str, content: ClaimFile) -> None:
        """Store *content* under *key*; failures to write are ignored (it is only a cache)."""
        self._write(key, ".marshal", content.model_dump(mode="json", by_alias=False), self.header)

    def get_layout(self, key: str) -> Layout | None:
        """The paragraph layout stored for the text with hash *key*, or None."""
        try:
            return Layout.from_data(self._read(key, ".layout"))
        except (ValueError, TypeError):
            return None

    def put_layout(self, key: str, layout: Layout) -> None:
        """Store the paragraph layout of the text with hash *key* (failures are ignored)."""
        self._write(key, ".layout", layout.to_data())

    def _read(self, key: str, suffix: str, header: bytes = _HEADER) -> Any:
        """The payload of the entry *key* + *suffix*; None when absent, unsafe or altered.

        The entry is read only as a regular file of bounded size, inside a
        subfolder opened without following symlinks, and only when its format
        and checksum match.
        """
        try:
            folder = os.open(self.folder / key[:2], DIR_FLAGS)
        except OSError:
            return None
        try:
            data = read_regular(
                f"{key}{suffix}", self.max_entry_bytes, follow_symlinks=False, dir_fd=folder
            )
            return decode_entry(data, header)
        except (UnreadableFile, EOFError, ValueError, TypeError):
            return None
        finally:
            os.close(folder)

    def _write(self, key: str, suffix: str, payload: Any, header: bytes = _HEADER) -> None:
        """Write an entry beside its final name and rename it over it, never through a symlink."""
        try:
            blob = encode_entry(payload, header)
            sub = self.folder / key[:2]
            sub.mkdir(parents=True, exist_ok=True)
            folder = os.open(sub, DIR_FLAGS)
        except (OSError, ValueError):
            return
        temp = open_temp_folder(self.folder)
        try:
            replace_entry(folder, f"{key}{suffix}", blob, temp)
        finally:
            os.close(folder)
            if temp is not None:
                os.close(temp)
