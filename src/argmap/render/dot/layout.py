"""Running Graphviz: pick a layout that finishes, bound its time, stamp its output.

The real Graphviz binaries do the layout, driven through the `graphviz`
package (imported only when a layout runs). Big maps would make plain `dot`
run for minutes, so ``auto`` picks `dot`, `dot` with fast settings, or `sfdp`
by node count; every strategy keeps
every node and edge. Laid-out files carry the hash of the DOT text they came
from, so `render --check` can tell a stale SVG or PNG from one merely laid out
by another Graphviz version or with other fonts.
"""

from __future__ import annotations

import hashlib
import re
import struct
import subprocess
import zlib
from dataclasses import dataclass

from argmap import progress
from argmap.render.names import Layout

FAST_DOT_ARGS = (
    "-Gmclimit=0.1",
    "-Gnslimit=1",
    "-Gnslimit1=1",
    "-Gremincross=false",
    "-Gsplines=line",
)
"""Settings that cap dot's crossing minimisation and network simplex phases."""


DOT_LIMIT = 1200
"""Up to this many nodes, auto uses plain dot (about 1–2 s at 1,000 nodes)."""
FAST_LIMIT = 2500
"""Up to this many nodes, auto uses dot with fast settings; above, sfdp."""


@dataclass(frozen=True)
class LayoutError(Exception):
    """Graphviz could not lay the map out; the message is the user's sentence."""

    message: str
    hint: str

    def __str__(self) -> str:
        return self.message


def dot_on_path() -> bool:
    """True when a `dot` executable is on PATH: enough to warn a DOT-only run, which never
    runs it (asking `dot -V` would cost a process start on every map)."""
    import shutil

    return shutil.which("dot") is not None


def dot_available() -> bool:
    """True when the Graphviz `dot` binary can be run."""
    import graphviz

    try:
        graphviz.version()
    except (graphviz.ExecutableNotFound, graphviz.CalledProcessError, RuntimeError, OSError):
        return False
    return True


INSTALL_HINT = (
    "install Graphviz: 'sudo apt-get install graphviz' (Debian/Ubuntu) "
    "or 'brew install graphviz' (macOS)"
)


def choose(layout: Layout, node_count: int) -> Layout:
    """The concrete strategy for *layout* on a map of *node_count* nodes."""
    if layout is not Layout.auto:
        return layout
    if node_count <= DOT_LIMIT:
        return Layout.dot
    if node_count <= FAST_LIMIT:
        return Layout.fast
    return Layout.sfdp


def count_nodes(dot_text: str) -> int:
    """Nodes declared in DOT text made by :mod:`argmap.render.dot.emit` (one per line)."""
    return len(_NODE_LINE.findall(dot_text))


_NODE_LINE = re.compile(r'^ +"[^"\n]*" \[', re.MULTILINE)
"""A node statement as the emitter writes it; linear, for labels may hold long blank runs."""


def strategy_args(layout: Layout, dot_text: str) -> tuple[Layout, str, list[str]]:
    """The concrete strategy for *dot_text*, its Graphviz engine, and its extra arguments."""
    strategy = choose(layout, count_nodes(dot_text))
    engine = "sfdp" if strategy is Layout.sfdp else "dot"
    args: list[str] = []
    if strategy is Layout.fast:
        args += FAST_DOT_ARGS
    if strategy is Layout.sfdp:
        args += ["-Goverlap=prism20", "-Gsplines=false"]  # 20 rounds: 2x faster, ~no overlaps
    return strategy, engine, args


def run_graphviz(
    engine: str, fmt: str, dot_text: str, args: list[str], timeout: float, what: str
) -> bytes:
    """Run Graphviz *engine* on *dot_text* and return its *fmt* output.

    *what* names the strategy in the message when time runs out. Raises LayoutError.
    """
    import graphviz
    from graphviz.backend import dot_command, execute

    cmd = [*dot_command.command(engine, fmt), *args]
    try:
        with progress.running(f"laying out the map with {_engine_named(engine, what)}"):
            proc = execute.run_check(
                cmd,
                input=dot_text.encode("utf-8"),
                capture_output=True,
                quiet=True,
                timeout=timeout,
            )
    except graphviz.ExecutableNotFound:
        raise LayoutError("Graphviz 'dot' is not installed", INSTALL_HINT) from None
    except subprocess.TimeoutExpired:
        raise LayoutError(
            f"Graphviz ({what}) did not finish within {timeout:g} s",
            "try --layout sfdp or --layout fast, narrow the map with --question, --focus or "
            "--perspective, raise --layout-timeout, or use --format dot",
        ) from None
    except graphviz.CalledProcessError as exc:
        stderr = exc.stderr.decode("utf-8", "replace") if isinstance(exc.stderr, bytes) else ""
        raise LayoutError(
            f"Graphviz failed: {stderr.strip().splitlines()[-1] if stderr.strip() else exc}",
            "this is a bug in argmap's DOT output; please report it with the claims file",
        ) from None
    return bytes(proc.stdout)


def _engine_named(engine: str, strategy: str) -> str:
    return engine if strategy == engine else f"{engine} ({strategy})"


def lay_out(dot_text: str, fmt: str, layout: Layout, timeout: float) -> bytes:
    """Run Graphviz on *dot_text* and return the *fmt* output, stamped with the DOT's hash."""
    strategy, engine, args = strategy_args(layout, dot_text)
    data = run_graphviz(engine, fmt, dot_text, args, timeout, strategy.value)
    return stamp(fmt, data, dot_hash(dot_text))


def dot_hash(dot_text: str) -> str:
    """The hash a laid-out file carries of the DOT text it came from."""
    return hashlib.sha256(dot_text.encode("utf-8")).hexdigest()


_STAMP_KEY = "argmap-dot-sha256"


def stamp(fmt: str, data: bytes, digest: str) -> bytes:
    """*data* with the DOT hash embedded (an SVG comment, a PNG tEXt chunk)."""
    if fmt == "svg":
        comment = f"<!-- {_STAMP_KEY}: {digest} -->\n".encode()
        at = data.find(b"<svg")
        return data[:at] + comment + data[at:] if at >= 0 else data
    if fmt == "png" and data.startswith(b"\x89PNG"):
        payload = _STAMP_KEY.encode() + b"\x00" + digest.encode()
        chunk = struct.pack(">I", len(payload)) + b"tEXt" + payload
        chunk += struct.pack(">I", zlib.crc32(b"tEXt" + payload) & 0xFFFFFFFF)
        end_of_ihdr = 8 + 8 + 13 + 4
        return data[:end_of_ihdr] + chunk + data[end_of_ihdr:]
    return data


def read_stamp(fmt: str, data: bytes) -> str | None:
    """The DOT hash embedded by :func:`stamp`, or None."""
    if fmt == "svg":
        match = re.search(rb"<!-- " + _STAMP_KEY.encode() + rb": ([0-9a-f]{64}) -->", data)
    elif fmt == "png":
        match = re.search(_STAMP_KEY.encode() + rb"\x00([0-9a-f]{64})", data[:4096])
    else:
        return None
    return match.group(1).decode() if match else None
