"""Atomic writes: regular files are replaced whole; devices, pipes and links are respected."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from argmap.load.writes import WriteRefused, write_atomic


def test_replaces_a_file_whole_and_leaves_no_temporaries(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "out.md"
    write_atomic(target, "first")
    write_atomic(target, ["sec", "ond"])
    assert target.read_text(encoding="utf-8") == "second"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.md"]


def test_a_pipe_is_written_in_place_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_symlink_keeps_pointing_at_the_new_file(tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    write_atomic(link, "new", links="follow")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"


def test_a_symlink_is_refused_unless_forced_and_then_the_link_itself_is_replaced(
    tmp_path: Path,
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    with pytest.raises(WriteRefused, match=r"link\.md is a symbolic link"):
        write_atomic(link, "new")
    write_atomic(link, "new", force=True)
    assert not link.is_symlink()
    assert link.read_text(encoding="utf-8") == "new"
    assert real.read_text(encoding="utf-8") == "old"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteRefused, match="is a folder"):
        write_atomic(tmp_path, "x")
