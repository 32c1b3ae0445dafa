"""Replacing a folder of outputs in one step, so readers never see old and new mixed.

`argmap render` writes several files per document. Written one by one, a
crash between two of them would leave a new ``map.dot`` beside an old
``map.svg``. :func:`replace_folder` instead builds the new folder beside the
old one (new files written fresh, unchanged ones hard-linked, anything else in
the folder, such as a nested document's folder, moved across) and swaps the
two with one atomic exchange (Linux ``renameat2``; elsewhere two renames, so
for an instant the folder is absent, never mixed). A run killed at any point
leaves a hidden ``.NAME.argmap-new`` (or ``-old``) folder beside it, which the
next run puts right before it starts.

Below the base folder nothing is written through a symlink: symlinks there
are replaced by real folders and files. Devices and other special files are
never written to or removed; meeting one is an error.
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import stat
from collections.abc import Collection, Mapping
from pathlib import Path

_NEW, _OLD = ".argmap-new", ".argmap-old"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def replace_folder(base: Path, name: str, files: Mapping[str, bytes | None]) -> None:
    """Make ``base/name`` hold *files* in one step.

    *files* maps each file name argmap owns in the folder to its new bytes, or
    to None to keep the current file (which must be a regular file). Entries
    not named in *files* are carried over untouched. Raises OSError.
    """
    folder = real_folders(base, Path(name).parent) / Path(name).name
    fresh = folder.with_name(f".{folder.name}{_NEW}")
    recover(folder, files)
    current = _kind(folder)
    if current == "link":
        folder.unlink()  # never write through a symlink below the base
        current = None
    elif current not in (None, "dir"):
        raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(folder))
    os.mkdir(fresh, 0o755)
    for file_name, data in files.items():
        if data is None:
            _link_or_copy(folder / file_name, fresh / file_name)
        else:
            _write_new(fresh / file_name, data)
    if current == "dir":
        for entry in os.listdir(folder):
            if entry not in files:
                os.rename(folder / entry, fresh / entry)
    _fsync_folder(fresh)
    if current is None:
        os.rename(fresh, folder)
    elif _exchange(fresh, folder):
        shutil.rmtree(fresh)
    else:
        old = folder.with_name(f".{folder.name}{_OLD}")
        os.rename(folder, old)
        os.rename(fresh, folder)
        shutil.rmtree(old)
    _fsync_folder(folder.parent)


def check_outputs(folder: Path, names: Collection[str]) -> None:
    """Raise IsADirectoryError when one of *names* in *folder* is a folder (or a device or
    other special file): replacing the folder would delete it and what it holds."""
    for name in sorted(names):
        if _kind(folder / name) in ("dir", "other"):
            raise IsADirectoryError(
                errno.EISDIR, "is a folder or special file where an output file belongs; "
                "argmap does not delete it", str(folder / name),
            )  # fmt: skip


def recover(folder: Path, owned: Collection[str]) -> None:
    """Put right what a run killed inside :func:`replace_folder` left beside *folder*."""
    old = folder.with_name(f".{folder.name}{_OLD}")
    if _kind(old) == "dir":
        if _kind(folder) is None:
            os.rename(old, folder)
        else:
            shutil.rmtree(old)
    fresh = folder.with_name(f".{folder.name}{_NEW}")
    kind = _kind(fresh)
    if kind == "dir":
        if _kind(folder) == "dir":
            for entry in os.listdir(fresh):  # entries carried over before the crash go back
                if entry not in owned and not os.path.lexists(folder / entry):
                    os.rename(fresh / entry, folder / entry)
        shutil.rmtree(fresh)
    elif kind is not None:
        os.unlink(fresh)


def real_folders(base: Path, relative: Path) -> Path:
    """``base/relative`` as real folders, created as needed; symlinks below *base* replaced."""
    here = base
    here.mkdir(parents=True, exist_ok=True)
    for part in relative.parts:
        here = here / part
        kind = _kind(here)
        if kind == "link":
            here.unlink()
            kind = None
        if kind is None:
            os.mkdir(here, 0o755)
        elif kind != "dir":
            raise NotADirectoryError(errno.ENOTDIR, "exists and is not a folder", str(here))
    return here


def _kind(path: Path) -> str | None:
    """'dir', 'file', 'link', 'other', or None when nothing is there (symlinks not followed)."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "link"
    if stat.S_ISDIR(mode):
        return "dir"
    return "file" if stat.S_ISREG(mode) else "other"


def _write_new(path: Path, data: bytes) -> None:
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags, 0o644)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fchmod(fd, 0o644)
        os.fsync(fd)
    finally:
        os.close(fd)


def _link_or_copy(source: Path, target: Path) -> None:
    if _kind(source) != "file":
        raise FileNotFoundError(errno.ENOENT, "no regular file to keep", str(source))
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        _write_new(target, source.read_bytes())
        shutil.copystat(source, target, follow_symlinks=False)


def _fsync_folder(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False when this system cannot."""
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))
