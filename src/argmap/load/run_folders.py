"""The hidden folders one run builds a folder of outputs in, and which of them are leftovers.

:func:`argmap.load.folders.replace_folder` builds ``NAME`` in a hidden
``.NAME.argmap-new-PID-RANDOM`` beside it (and, where the system cannot swap
two folders in one step, moves the old one to ``.NAME.argmap-old-PID-RANDOM``).
The process id and a random part make the name this run's alone, so two runs
building the same document never share a folder. A folder is a leftover, to be
put right, only when the process that made it is gone: a live run's build
folder is never touched. Names without the ``-PID-RANDOM`` part come from
argmap versions that used one shared name; they are always leftovers.

If a dead run's process id has been reused by another process, its leftover
stays until that process ends too; that costs disk space, never a file. This
module only names and lists; it moves and deletes nothing.
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

NEW, OLD = "new", "old"
"""The two kinds of build folder: the folder being built, and the old one moved aside."""

_NAME = re.compile(r"\.(?P<name>.+)\.argmap-(?P<kind>new|old)(?:-(?P<pid>[0-9]{1,10})-[0-9a-f]+)?")


def run_folder(folder: Path, kind: str) -> Path:
    """A hidden folder beside *folder*, of *kind* (NEW or OLD), that no other run can name."""
    return folder.with_name(f".{folder.name}.argmap-{kind}-{os.getpid()}-{secrets.token_hex(6)}")


def gone_runs(parent: Path) -> dict[str, list[tuple[str, Path]]]:
    """The build folders in *parent* whose run is gone, by the name of the folder they were
    built for, each with its kind, OLD ones first (they must go back before NEW ones go)."""
    try:
        entries = os.listdir(parent)
    except (FileNotFoundError, NotADirectoryError):
        return {}
    alive: dict[int, bool] = {}
    found: dict[str, list[tuple[str, Path]]] = {}
    for entry in sorted(entries):
        match = _NAME.fullmatch(entry)
        if match is None:
            continue
        if match["pid"] is not None:
            pid = int(match["pid"])
            if pid not in alive:
                alive[pid] = _alive(pid)
            if alive[pid]:
                continue
        found.setdefault(match["name"], []).append((match["kind"], parent / entry))
    for leftovers in found.values():
        leftovers.sort(key=lambda leftover: leftover[0] != OLD)
    return found


def _alive(pid: int) -> bool:
    """Whether process *pid* exists (a process of another user counts as alive)."""
    if pid < 1:
        return False  # 0 and below name process groups, never a run
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OverflowError:
        return False
    return True
