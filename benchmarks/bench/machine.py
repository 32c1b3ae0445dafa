"""Describe the machine and the software versions a report was measured with.

Runs only quick version queries; a query that fails reads "not found".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import platform
import subprocess
import sys
from pathlib import Path

from bench.paths import PEER, REPO
from bench.tools import ARGDOWN_JS, Tools


def capture(argv: list[str], cwd: Path = REPO) -> str:
    """First line of a command's output (stdout, else stderr), or "not found"."""
    try:
        proc = subprocess.run(
            argv, capture_output=True, text=True, check=False, cwd=cwd, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    text = (proc.stdout.strip() or proc.stderr.strip()).splitlines()
    return text[0] if text else "not found"


def machine_lines(tools: Tools) -> list[str]:
    """Machine and software versions, as Markdown table rows."""
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    ram = "unknown"
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    yaml_info = capture(
        [
            str(tools.python),
            "-c",
            "import yaml; print(yaml.__version__, 'with libyaml' "
            "if yaml.__with_libyaml__ else 'WITHOUT libyaml (pure Python)')",
        ]
    )
    argmap_version = capture(
        [str(tools.python), "-c", "import importlib.metadata as m; print(m.version('argmap'))"]
    )
    commit = capture(["git", "rev-parse", "--short", "HEAD"])
    dirty = capture(["git", "status", "--porcelain", "--", "src"])
    if dirty != "not found":
        commit += " + uncommitted changes in src/"
    peer_version = "not installed"
    with contextlib.suppress(OSError, ValueError):
        cli = json.loads((ARGDOWN_JS.parent.parent / "package.json").read_text())
        core = json.loads((PEER / "node_modules/@argdown/core/package.json").read_text())
        peer_version = f"{cli['version']} (core {core['version']})"
    cpus = len(os.sched_getaffinity(0))
    return [
        f"| machine | {cpus} CPUs ({os.cpu_count()} online), {cpu}, {ram} RAM, "
        f"{platform.system()} {platform.release()} |",
        f"| Python | {platform.python_version()} ({sys.executable}) |",
        f"| argmap | {argmap_version} at {commit}; commands found: "
        f"{', '.join(sorted(tools.commands)) or 'none'} |",
        f"| PyYAML | {yaml_info} |",
        f"| Graphviz | {capture(['dot', '-V'])} |",
        f"| Node | {capture([tools.node or 'node', '--version'])} |",
        f"| @argdown/cli | {peer_version} |",
        f"| date | {dt.datetime.now(dt.UTC).strftime('%Y-%m-%d %H:%M UTC')} |",
    ]
