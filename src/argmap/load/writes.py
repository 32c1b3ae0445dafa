"""Writing one file safely: the single helper every command that writes a file goes through.

A write takes a lock (``fcntl.flock`` on a sidecar ``.NAME.lock`` beside the
file, removed again when the lock is let go), removes the temporary files an
earlier, killed write of the same file left, writes the new bytes to a
temporary file beside the target, flushes it and renames it over the target,
so the file is always either old or new. An edit holds the lock from before it
reads the file until after it wrote it (:func:`locked`), so two edits of one
file run one after the other and neither loses the other's change.

What is there already decides what happens, and a refusal is a
:class:`WriteRefused` with the user's sentence and a hint:

- a folder is refused, naming the path; so is a file without write permission
  (a 0444 file is never made writable), and an existing file when the caller
  may not replace it and *force* is off;
- a symbolic link is never written through: it is refused unless *force*, which
  replaces the link itself with a file (``links="follow"`` instead writes the
  file it points at, for claims files kept as links);
- a device or pipe (``-o /dev/stdout``) is written in place, unlocked;
- an existing file keeps its permission bits; a new one gets 0644.

Nothing here prints.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Literal

Links = Literal["refuse", "follow"]
"""What a write does with a symbolic link at its path: refuse it (or replace the link
itself with *force*), or write the file it points at."""

_TEMP_SUFFIX = ".argmap-tmp"


class WriteRefused(Exception):
    """A write that would harm what is at its path; nothing was written."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        """The user's sentence, naming the path."""
        self.hint = hint
        """What to do instead, or None."""


def write_atomic(
    path: Path,
    data: str | bytes | Iterable[str],
    *,
    force: bool = False,
    replace: bool = True,
    links: Links = "refuse",
) -> None:
    """Write *data* to *path* under its lock (see :class:`LockedFile.write`)."""
    with locked(path, links) as target:
        target.write(data, force=force, replace=replace)


@contextlib.contextmanager
def locked(path: Path, links: Links = "refuse") -> Iterator[LockedFile]:
    """Hold *path*'s lock (waiting for another argmap's) while the body reads and writes it.

    Stale temporary files of *path* are removed once the lock is held. A device
    or pipe at *path* is not locked.
    """
    target = _target(path, links)
    if target.exists() and not target.is_file() and not target.is_dir():
        yield LockedFile(path, target, links)  # a device or pipe: nothing to lock
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = target.parent / f".{target.name}.lock"
    fd = _take(lock)
    try:
        _remove_stale_temps(target)
        yield LockedFile(path, target, links)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(lock)  # still held: whoever waits on it sees it gone and takes a new one
        os.close(fd)  # releases the lock


@contextlib.contextmanager
def holding(folder: Path) -> Iterator[None]:
    """Hold the lock of the whole *folder* (created as needed) while the body runs: for a
    folder of outputs, such as renders/ while a render writes it. The folder itself is
    locked, so a run killed holding it leaves nothing behind."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _take(lock: Path) -> int:
    """Open and flock the sidecar *lock*, waiting for its holder; retried when the holder
    removed it meanwhile, so the lock held is always the file at that name."""
    flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    while True:
        fd = os.open(lock, flags, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            now = os.stat(lock, follow_symlinks=False)
            held = os.fstat(fd)
        except FileNotFoundError:
            os.close(fd)
            continue
        except BaseException:
            os.close(fd)
            raise
        if (now.st_dev, now.st_ino) == (held.st_dev, held.st_ino):
            return fd
        os.close(fd)


class LockedFile:
    """A file whose lock is held: write it here, in one step."""

    def __init__(self, path: Path, target: Path, links: Links) -> None:
        self.path = path
        """The path as the user gave it (shown in messages)."""
        self.target = target
        """The path written: *path*, or the file its link points at with ``links="follow"``."""
        self.links = links
        """What the write does with a symbolic link at *path*."""

    def write(
        self, data: str | bytes | Iterable[str], *, force: bool = False, replace: bool = True
    ) -> None:
        """Replace the file with *data* in one step, or raise WriteRefused or OSError.

        *replace* False refuses an existing file unless *force*. *data* may be
        text, bytes, or text in chunks (written as they come).
        """
        chunks = _chunks(data)
        mode = self._mode(force, replace)
        if mode is None:  # a device or pipe such as /dev/stdout: never replace it
            with self.target.open("wb") as stream:
                stream.writelines(chunks)
            return
        tmp_name = temp_path(self.target)  # one name: only the lock's holder writes it
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
        fd = os.open(tmp_name, flags, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in chunks:
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp_name, mode)
            os.replace(tmp_name, self.target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise

    def check(self) -> None:
        """Raise WriteRefused when :meth:`write` would be refused for what is there now
        (a link, a folder, a read-only file), or OSError when its folder cannot be written."""
        self._mode(force=False, replace=True)
        if not os.access(self.target.parent, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, "Permission denied", str(self.target.parent))

    def _mode(self, force: bool, replace: bool) -> int | None:
        """The permission bits the new file gets; None to write a device or pipe in place."""
        shown = self.path
        try:
            info = os.lstat(self.target)
        except FileNotFoundError:
            return 0o644
        if stat.S_ISLNK(info.st_mode):
            if not force:
                raise WriteRefused(
                    f"{shown} is a symbolic link; argmap does not write through links",
                    "remove the link, or pass --force to replace the link itself with a file",
                )
            return 0o644
        if stat.S_ISDIR(info.st_mode):
            raise WriteRefused(f"{shown} is a folder", "remove it or write somewhere else")
        if not stat.S_ISREG(info.st_mode):
            return None
        if not replace and not force:
            raise WriteRefused(f"{shown} exists", "pass --force to replace it")
        if not info.st_mode & stat.S_IWUSR or not os.access(self.target, os.W_OK):
            raise WriteRefused(
                f"{shown} is read-only", "make it writable first (chmod u+w) if it should change"
            )
        return stat.S_IMODE(info.st_mode)


class Locks:
    """The locks an edit of several files holds, always taken in one (sorted) order, so two
    edits never each wait for a lock the other holds."""

    def __init__(self, links: Links = "follow") -> None:
        self.links = links
        """What each write does with a symbolic link (see :data:`Links`)."""
        self.files: dict[Path, LockedFile] = {}
        """Each path whose lock is held, and where to write it."""
        self._stack = contextlib.ExitStack()

    def cover(self, paths: Iterable[Path]) -> bool:
        """Hold the lock of each of *paths*: True when all were held already. Else all
        locks are let go and the union taken again in order, and the caller must read
        its files again (they may have changed while unlocked)."""
        wanted = set(self.files) | set(paths)
        if wanted == set(self.files):
            return True
        self.release()
        for path in sorted(wanted, key=str):
            self.files[path] = self._stack.enter_context(locked(path, self.links))
        return False

    def release(self) -> None:
        """Let go of every lock held."""
        self._stack.close()
        self._stack = contextlib.ExitStack()
        self.files = {}

    def __enter__(self) -> Locks:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def write_together(writes: Sequence[tuple[LockedFile, str, str]]) -> None:
    """Write each (file, new text, old text) of *writes*, all or none.

    Every file is checked first (:meth:`LockedFile.check`), so a refusal writes
    nothing; when a write fails midway, the files already written get their old
    text back before the error is raised.
    """
    for target, _, _ in writes:
        target.check()
    done: list[tuple[LockedFile, str]] = []
    try:
        for target, new, old in writes:
            target.write(new)
            done.append((target, old))
    except BaseException:
        for target, old in reversed(done):
            with contextlib.suppress(OSError, WriteRefused):
                target.write(old)
        raise


def _target(path: Path, links: Links) -> Path:
    if links == "follow" and path.is_symlink():
        return path.resolve()  # the file the link points at, the link kept
    return path


def _chunks(data: str | bytes | Iterable[str]) -> Iterable[bytes]:
    if isinstance(data, bytes):
        return [data]
    if isinstance(data, str):
        return [data.encode("utf-8")]
    return (chunk.encode("utf-8") for chunk in data)


def temp_path(target: Path) -> Path:
    """Where a write of *target* puts the new bytes before renaming them over it."""
    return target.parent / f".{target.name}{_TEMP_SUFFIX}"


def _remove_stale_temps(target: Path) -> None:
    """Remove what an earlier write of *target* left when killed (its lock is held: no
    write of it is running)."""
    with contextlib.suppress(OSError):
        os.unlink(temp_path(target))
