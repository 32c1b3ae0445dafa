"""Writing files safely: atomically, so a crash never leaves half a file.

Every file argmap writes goes through :func:`write_atomic`: the text goes to a
temporary file beside the target, is flushed to disk, then renamed over it.
Outputs that are not regular files (/dev/null, a pipe) are written in place,
and a symlink's target is replaced rather than the link.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, data: str | bytes | Iterable[str]) -> None:
    """Replace *path* with *data* in one step; create parent folders as needed.

    *data* may be text, bytes, or text in chunks (written as they come).
    """
    chunks: Iterable[bytes]
    if isinstance(data, bytes):
        chunks = [data]
    elif isinstance(data, str):
        chunks = [data.encode("utf-8")]
    else:
        chunks = (chunk.encode("utf-8") for chunk in data)
    if path.is_symlink():
        path = path.resolve()  # replace the file the link points at, not the link
    if path.exists() and not path.is_file():
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        with path.open("wb") as stream:  # a device or pipe such as /dev/stdout: never replace it
            for chunk in chunks:
                stream.write(chunk)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
