"""Where cache entries are written before they are renamed into place, and its clean-up.

Every cache entry is written under a temporary name in one folder,
``.argmap-cache/tmp/``, then renamed to its place (see
:func:`argmap.load.files.replace_entry`). A run killed with ``kill -9`` between
the two leaves its temporary file there; :func:`sweep` removes those whose
writer (named by the process id in the name, ``.tmp-PID-…``) is gone, so the
next run cleans up without touching what a running argmap is writing. Nothing
here prints; failing to clean up is not an error.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from argmap.load.files import DIR_FLAGS, open_folder

FOLDER_NAME = "tmp"
"""The subfolder of the cache folder that holds entries being written."""

_TEMP = re.compile(r"\.tmp-([0-9]+)-[0-9a-f]+")


def open_temp_folder(cache_folder: Path) -> int | None:
    """A handle on the cache's temporary folder (created as needed), or None."""
    try:
        return open_folder(cache_folder / FOLDER_NAME, create=True)
    except OSError:
        return None


def sweep(cache_folder: Path) -> int:
    """Remove the temporary entries that killed runs left; return how many."""
    try:
        folder = os.open(cache_folder / FOLDER_NAME, DIR_FLAGS)
    except OSError:
        return 0
    removed = 0
    try:
        for name in os.listdir(folder):
            found = _TEMP.fullmatch(name)
            if found is None or _alive(int(found.group(1))):
                continue
            with contextlib.suppress(OSError):
                os.unlink(name, dir_fd=folder)
                removed += 1
    except OSError:
        pass
    finally:
        os.close(folder)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid > 0  # another user's process, still running
    return True
