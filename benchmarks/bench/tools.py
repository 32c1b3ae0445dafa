"""Find the executables to time: argmap beside this Python, node, and the Argdown CLI.

Installs the Argdown CLI into ``benchmarks/.peer/`` when it is missing, and records
which argmap commands and options exist, so absent ones are reported as n/a.
"""

from __future__ import annotations

import compileall
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from bench.paths import PEER

ARGDOWN_CLI_VERSION = "2.0.0"
PEER_PACKAGE_JSON = {
    "name": "argmap-bench-peer",
    "private": True,
    "description": "The Argdown CLI, installed by benchmarks/run.py for side-by-side timing.",
    "dependencies": {"@argdown/cli": ARGDOWN_CLI_VERSION},
    # cli 2.0.0 asks for a 2.x markdown-it plugin the registry does not have; 1.7.7 is
    # only used by the `markdown` command (it prints a harmless TypeError at start-up).
    "overrides": {"@argdown/markdown-it-plugin": "1.7.7"},
}
ARGDOWN_JS = PEER / "node_modules" / "@argdown" / "cli" / "dist" / "cli.js"


def compile_argmap() -> None:
    """Write argmap's bytecode (as an installed package has it), so that no timed process
    compiles argmap from source when PYTHONDONTWRITEBYTECODE is set (as it is here)."""
    import argmap

    compileall.compile_dir(Path(argmap.__file__).parent, quiet=1)


@dataclass
class Tools:
    """The executables, and which argmap commands and options exist."""

    argmap: Path
    python: Path
    node: str | None
    argdown_why_not: str
    """Empty when the Argdown CLI is runnable, else the reason."""
    commands: dict[str, str] = field(default_factory=dict)
    """`--help` text of each argmap command that exists."""

    def argmap_missing(self, command: str, *options: str) -> str:
        """Empty when `argmap COMMAND` (with *options*) exists, else why it is n/a."""
        if command not in self.commands:
            return f"argmap has no '{command}' command yet"
        missing = [o for o in options if o not in self.commands[command]]
        return f"argmap {command} has no {', '.join(missing)} yet" if missing else ""

    def argdown(self, *args: str) -> list[str]:
        """An Argdown CLI command line."""
        return [self.node or "node", str(ARGDOWN_JS), *args]


def find_tools(skip_peer: bool) -> Tools:
    """Locate argmap (beside this Python), node and the Argdown CLI; install the peer."""
    python = Path(sys.executable)
    argmap = python.parent / "argmap"
    if not argmap.exists():
        sys.exit(
            f"run.py: no argmap beside {python}; run it with the venv's python, "
            f"e.g. .venv/bin/python benchmarks/run.py"
        )
    commands: dict[str, str] = {}
    for command in ("check", "audit", "map", "render", "diff", "export", "evaluate", "track"):
        proc = subprocess.run(
            [str(argmap), command, "--help"], capture_output=True, text=True, check=False
        )
        if proc.returncode == 0:
            commands[command] = proc.stdout
    node = shutil.which("node")
    why_not = "skipped (--no-peer)" if skip_peer else ensure_peer(node)
    return Tools(argmap, python, node, why_not, commands)


def ensure_peer(node: str | None) -> str:
    """Install @argdown/cli into benchmarks/.peer when missing; return why it is unusable."""
    if node is None:
        return "node is not installed"
    if ARGDOWN_JS.exists():
        return ""
    npm = shutil.which("npm")
    if npm is None:
        return "npm is not installed"
    PEER.mkdir(parents=True, exist_ok=True)
    (PEER / "package.json").write_text(json.dumps(PEER_PACKAGE_JSON, indent=2) + "\n")
    print(f"installing @argdown/cli {ARGDOWN_CLI_VERSION} into {PEER} …", file=sys.stderr)
    proc = subprocess.run(
        [npm, "install", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=PEER,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if proc.returncode != 0 or not ARGDOWN_JS.exists():
        print(proc.stderr[-2000:], file=sys.stderr)
        return f"npm install failed (exit {proc.returncode})"
    return ""
