"""Progress on long work: a line on stderr when it is a terminal, nothing otherwise.

The real command runs as a process whose stderr is a pseudo-terminal (``os.openpty``);
``ARGMAP_PROGRESS_AFTER=0`` draws from the first report instead of after half a second.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from argmap.cli.progress_bar import BAR_WIDTH, ProgressLine
from conftest import copy_seed


def _render(tmp_path: Path, *options: str, tty: bool) -> tuple[int, str, str]:
    """`argmap [options] render claims --out renders` with stderr on a pty (or a pipe)."""
    claims = copy_seed(tmp_path)
    command = [sys.executable, "-m", "argmap", *options, "render", str(claims)]
    command += ["--out", str(tmp_path / "renders")]
    env = {**os.environ, "ARGMAP_PROGRESS_AFTER": "0"}
    if not tty:
        done = subprocess.run(
            command, capture_output=True, text=True, env=env, timeout=300, cwd=tmp_path
        )
        return done.returncode, done.stdout, done.stderr
    parent, child = os.openpty()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=child, env=env, cwd=tmp_path)
    os.close(child)
    seen = bytearray()
    while True:
        try:
            chunk = os.read(parent, 4096)
        except OSError:  # EIO: every holder of the terminal's other end has closed it
            break
        if not chunk:
            break
        seen += chunk
    os.close(parent)
    stdout, _ = proc.communicate(timeout=300)
    return proc.returncode, stdout.decode(), seen.decode("utf-8", "replace")


def test_a_terminal_sees_documents_rendered_and_the_layout_running(tmp_path: Path) -> None:
    code, stdout, stderr = _render(tmp_path, tty=True)
    assert code == 0, stderr
    assert "\rargmap: reading claims files [" + "." * BAR_WIDTH + "] 0/1 " in stderr
    assert "\rargmap: preparing documents [" in stderr
    assert "\rargmap: rendering documents [" + "." * BAR_WIDTH + "] 0/1 " in stderr
    assert "\rargmap: laying out the map with dot … " in stderr
    assert " s\x1b[K" in stderr  # the elapsed time, then the rest of the line erased
    last_draw = stderr.rindex("\x1b[K\r")  # the line is taken away before the summary
    assert stderr.endswith("\n") and "wrote" in stderr[last_draw:]
    assert "wrote" in stdout + stderr


def test_quiet_and_a_pipe_get_no_progress(tmp_path: Path) -> None:
    code, _, quiet = _render(tmp_path / "q", "--quiet", tty=True)
    assert code == 0
    assert "argmap: rendering" not in quiet and "\x1b[K" not in quiet
    code, _, piped = _render(tmp_path / "p", tty=False)
    assert code == 0
    assert "argmap: rendering" not in piped and "\r" not in piped and "\x1b" not in piped


def test_the_line_counts_and_fits_the_terminal() -> None:
    line = ProgressLine(io.StringIO(), show_after=0)
    line.label, line.counts, line.started = "parsing claims files", (3, 4), 10.0
    bar = "#" * (BAR_WIDTH * 3 // 4) + "." * (BAR_WIDTH - BAR_WIDTH * 3 // 4)
    assert line.text(12.5, 100) == f"argmap: parsing claims files [{bar}] 3/4 2.5 s"
    assert line.text(12.5, 21) == "argmap: parsing clai"
    line.counts = (None, None)
    assert line.text(11.0, 100) == "argmap: parsing claims files … 1.0 s"


def test_work_shorter_than_the_delay_draws_nothing() -> None:
    stream = io.StringIO()
    line = ProgressLine(stream, show_after=60)
    line.show("rendering documents", 0, 5)
    line.finish()
    assert stream.getvalue() == ""
