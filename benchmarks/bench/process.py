"""Run one command as a whole process and measure it: wall time, peak RSS, exit status.

Output goes to log files; a process past its timeout is killed with its group.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Run:
    """One whole-process measurement."""

    seconds: float
    """Wall time from spawn to exit."""
    rss_mib: float
    """Peak resident set size of the child (and its waited-for children)."""
    status: str
    """One of: ok, exit N, timeout, incomplete output, n/a."""
    stderr_tail: str = ""
    """The end of stderr, kept when the run failed."""

    @property
    def ok(self) -> bool:
        """True when the process exited 0 and wrote what it should."""
        return self.status == "ok"


def _kill_group(pid: int, fired: list[bool]) -> None:
    fired.append(True)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def run_process(
    argv: list[str], cwd: Path, log_stem: Path, timeout: float, ok_codes: tuple[int, ...] = (0,)
) -> Run:
    """Run *argv* in *cwd*, stdout/stderr to log files; measure wall time and peak RSS."""
    log_stem.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log_stem.with_suffix(".out"), log_stem.with_suffix(".err")
    fired: list[bool] = []
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(
                argv,
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=err,
                start_new_session=True,
            )
        except OSError as exc:
            return Run(0.0, 0.0, "n/a", f"cannot start {argv[0]}: {exc}")
        timer = threading.Timer(timeout, _kill_group, (proc.pid, fired))
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        except BaseException:
            _kill_group(proc.pid, fired)
            proc.wait()
            raise
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    rss_mib = usage.ru_maxrss / 1024  # KiB on Linux
    if fired:
        return Run(seconds, rss_mib, "timeout")
    if proc.returncode not in ok_codes:
        tail = err_path.read_text(encoding="utf-8", errors="replace")[-600:]
        return Run(seconds, rss_mib, f"exit {proc.returncode}", tail)
    return Run(seconds, rss_mib, "ok")
