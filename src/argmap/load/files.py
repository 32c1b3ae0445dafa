"""Reading files safely (bounded, regular files only) and writing cache entries atomically.

Every file argmap reads goes through :func:`read_regular`: regular files only
(never a device, pipe or socket, which could block or never end), of bounded
size, and without following a final symlink where the caller says so. Every
file argmap writes goes through :func:`argmap.load.writes.write_atomic` (locked,
atomic, never through a link), and a cache entry through :func:`replace_entry`.
A folder of outputs is replaced whole by
:func:`argmap.load.folders.replace_folder`, so no reader sees old and new files mixed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path

from argmap.load.limits import megabytes

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
    stat.S_IFLNK: "a symbolic link",
}


class UnreadableFile(Exception):
    """A file could not be read; the message says why, in words."""

    def __init__(self, reason: str, *, too_large: bool = False, missing: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        """Why, e.g. "it is a named pipe, not a regular file"."""
        self.too_large = too_large
        """True when only its size is the problem."""
        self.missing = missing
        """True when nothing is there (a symlink to nothing counts)."""


def read_regular(
    path: str | Path, max_bytes: int, *, follow_symlinks: bool = True, dir_fd: int | None = None
) -> bytes:
    """The bytes of the regular file *path*, at most *max_bytes* of them; else UnreadableFile.

    With *follow_symlinks* False a symlink is refused, not followed. *dir_fd*
    makes *path* relative to an open folder.
    """
    try:
        info = os.stat(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)
    except OSError as exc:
        missing = exc.errno == errno.ENOENT
        raise UnreadableFile(_reason(exc, path, dir_fd), missing=missing) from None
    _check_kind(info, max_bytes)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)
    if not follow_symlinks:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags, dir_fd=dir_fd)
    except OSError as exc:
        raise UnreadableFile(_reason(exc, path, dir_fd)) from None
    try:
        _check_kind(os.fstat(fd), max_bytes)  # it may have been swapped since the stat
        chunks = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > max_bytes:
        raise UnreadableFile(_too_large(len(data), max_bytes), too_large=True)
    return data


def _check_kind(info: os.stat_result, max_bytes: int) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise UnreadableFile(f"it is {kind}, not a regular file")
    if info.st_size > max_bytes:
        raise UnreadableFile(_too_large(info.st_size, max_bytes), too_large=True)


def _too_large(size: int, max_bytes: int) -> str:
    return f"it is {megabytes(size)}, over the {megabytes(max_bytes)} limit"


def _reason(exc: OSError, path: str | Path, dir_fd: int | None) -> str:
    if exc.errno == errno.ENOENT:
        try:
            target = os.readlink(path, dir_fd=dir_fd)
        except OSError:
            return exc.strerror or "no such file"
        return f"it is a symbolic link to '{target}', which does not exist"
    if exc.errno == errno.ELOOP:
        return "it is a symbolic link that loops, or one argmap does not follow here"
    return exc.strerror or str(exc)


DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
"""Flags to open a cache folder as a handle: a folder, never through a symlink."""


def replace_entry(
    folder: int, name: str, blob: bytes | Iterable[bytes], temp_folder: int | None = None
) -> None:
    """Write *blob* (or its pieces, one after another) as *name* inside the open *folder*:
    beside it first, then one rename.

    Never follows a symlink and never leaves a half-written entry; an OS error
    leaves the old entry (or none) and removes the temporary file. The caller
    keeps *folder* open and closes it. Pieces spare the caller joining a large
    payload to its header (a copy as big as the payload). The temporary file is
    made in *temp_folder* when given (on the same file system), where the next
    run finds it if this one is killed (:mod:`argmap.load.cache.temps`).
    """
    pieces = [blob] if isinstance(blob, bytes) else blob
    tmp = f".tmp-{os.getpid()}-{secrets.token_hex(6)}"
    temp = folder if temp_folder is None else temp_folder
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
        fd = os.open(tmp, flags, 0o644, dir_fd=temp)
        try:
            for piece in pieces:
                view = memoryview(piece)
                while view:
                    view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(tmp, name, src_dir_fd=temp, dst_dir_fd=folder)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=temp)
