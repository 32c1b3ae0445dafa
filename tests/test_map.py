"""`argmap map`: golden DOT, real Graphviz output, filters, layouts, and a missing `dot`."""

from __future__ import annotations

import os
import re
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from argmap.render.dot.layout import Layout, choose, dot_hash, read_stamp, stamp
from conftest import REPO, run_cli, run_process, write

SEED = str(REPO / "claims" / "us-sanctions-on-pakistan.yaml")
"""The seed document alone, so golden files stay the seed's whatever else claims/ holds."""
HOSTILE = str(REPO / "tests" / "fixtures" / "hostile")
GOLDEN = REPO / "tests" / "golden"


def test_seed_dot_matches_the_reviewed_golden_file() -> None:
    result = run_cli("map", SEED)
    assert result.exit_code == 0, result
    golden = (GOLDEN / "map.dot").read_text(encoding="utf-8")
    assert result.stdout == golden, (
        "the seed map changed: review `argmap map claims` against tests/golden/map.dot, "
        "then copy it over by hand if the change is right"
    )


def test_seed_dot_shows_what_a_slide_needs() -> None:
    dot = (GOLDEN / "map.dot").read_text(encoding="utf-8")
    assert "<I>Jon Finer, US Deputy NSA</I>" in dot
    assert "PREDICTION  ·  UNSOURCED" in dot
    assert 'style="filled,dashed"' in dot
    assert "arrowhead=tee" in dot and "arrowhead=normal" in dot
    undercut = "us-sanctions-on-pakistan/rivalry-undercuts-justification"
    attacked = "us-sanctions-on-pakistan/missile-aim-grounds-justification"
    assert f'"junction:{undercut}"' not in dot  # undercuts aim at a junction
    assert f'-> "junction:{attacked}" [color="#AA3377", penwidth=2.4' in dot
    assert "[1]</TD>" in dot and "In-depth Report On US Sanctions On Pakistan" in dot
    assert "<B>US sanctions on Pakistan (commentary)</B>" in dot


@pytest.mark.parametrize("fmt", ["svg", "png", "pdf"])
def test_seed_renders_with_real_graphviz(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"map.{fmt}"
    result = run_process("map", SEED, "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result
    data = out.read_bytes()
    magic = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}[fmt]
    assert data.startswith(magic)
    if fmt == "svg":
        text = data.decode("utf-8")
        for name in ("Jon Finer", "Pakistan’s Foreign Ministry", "Government of Pakistan"):
            assert name in text, name
        declared = run_cli("map", SEED).stdout.count(" [shape=")
        assert declared == 40 + 1 + 5  # claims, the legend, junctions of co-premises/undercuts
        assert text.count('class="node"') == declared
        assert read_stamp("svg", data) == dot_hash(run_cli("map", SEED).stdout)


@pytest.mark.parametrize("fmt", ["dot", "svg", "png", "pdf"])
def test_hostile_fixture_renders_in_every_format(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"map.{fmt}"
    result = run_process("map", HOSTILE, "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result
    data = out.read_bytes()
    assert b"<script>" not in data
    if fmt == "svg":
        assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in data.decode("utf-8")


def test_filters_keep_a_slide_small() -> None:
    def nodes(*args: str) -> set[str]:
        result = run_cli("map", SEED, *args)
        assert result.exit_code == 0, result
        found = re.findall(r'^  "([a-z0-9./-]+)" \[shape', result.stdout, re.MULTILINE)
        return {node.removeprefix("us-sanctions-on-pakistan/") for node in found}

    focus = nodes("--focus", "missiles-could-target-us", "--depth", "1")
    assert focus == {
        "missiles-could-target-us",
        "us-threat-claims-specious",
        "missile-programme-purely-defensive",
        "missiles-threaten-global-security",
    }
    assert focus < nodes("--focus", "missiles-could-target-us", "--depth", "2")
    assert nodes("--speaker", "jon-finer") == {"missiles-could-target-us"}
    pakistan = nodes("--perspective", "pakistan-government")
    assert "capabilities-sacred-trust" in pakistan and len(pakistan) == 6
    china = nodes("--question", "china-alignment")
    assert "sanctions-push-pakistan-toward-china" in china
    assert "missiles-could-target-us" not in china


def test_unknown_filter_id_is_a_usage_error() -> None:
    result = run_cli("map", SEED, "--speaker", "jon-finr")
    assert result.exit_code == 2
    assert (
        result.stderr == "argmap: error: no speaker 'jon-finr'\n  hint: did you mean 'jon-finer'?\n"
    )


def test_direction_lr() -> None:
    assert "rankdir=LR" in run_cli("map", SEED, "--direction", "LR").stdout


def _path_without_dot(tmp_path: Path) -> str:
    """A PATH holding python but no Graphviz."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("python3",):
        found = shutil.which(tool)
        assert found
        (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


def test_without_dot_the_dot_format_still_works(tmp_path: Path) -> None:
    env_path = _path_without_dot(tmp_path)
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "argmap", *args],
            env={**os.environ, "PATH": env_path},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )

    dot = run("map", SEED, "-o", "map.dot")
    assert dot.returncode == 0, dot.stderr
    assert "warning: Graphviz is not installed" in dot.stderr
    assert "apt-get install graphviz" in dot.stderr
    svg = run("map", SEED, "--format", "svg", "-o", "map.svg")
    assert svg.returncode == 1, svg.stderr
    assert "Graphviz is not installed, so no svg was made; wrote map.dot instead" in svg.stderr
    assert not (tmp_path / "map.svg").exists()
    assert (tmp_path / "map.dot").read_text(encoding="utf-8").startswith("digraph argmap {")


def test_auto_layout_picks_by_size() -> None:
    assert choose(Layout.auto, 40) is Layout.dot
    assert choose(Layout.auto, 2000) is Layout.fast
    assert choose(Layout.auto, 10_000) is Layout.sfdp
    assert choose(Layout.sfdp, 10) is Layout.sfdp


def _chain_corpus(folder: Path, count: int) -> None:
    lines = ["claims:"]
    for i in range(count):
        lines += [f"  - id: c{i}", f"    text: Claim number {i}.", "    type: fact"]
        if i:
            relation = "supports" if i % 3 else "opposes"
            lines.append(f"    {relation}: [c{(i * 7) % i}]")
    write(folder / "claims.yaml", "\n".join(lines) + "\n")


@pytest.mark.parametrize("layout", ["dot", "fast", "sfdp"])
def test_every_layout_keeps_every_node_and_edge(tmp_path: Path, layout: str) -> None:
    _chain_corpus(tmp_path / "claims", 150)
    out = tmp_path / "map.svg"
    result = run_process(
        "map", str(tmp_path / "claims"), "--format", "svg", "--layout", layout, "-o", str(out)
    )
    assert result.exit_code == 0, result
    svg = out.read_text(encoding="utf-8")
    assert svg.count('class="node"') == 150 + 1
    assert svg.count('class="edge"') == 149


def test_layout_timeout_names_the_options(tmp_path: Path) -> None:
    _chain_corpus(tmp_path / "claims", 400)
    result = run_process(
        "map",
        str(tmp_path / "claims"),
        "--format",
        "svg",
        "--layout-timeout",
        "0.01",
        "-o",
        str(tmp_path / "map.svg"),
    )
    assert result.exit_code == 1, result
    assert "did not finish within 0.01 s" in result.stderr
    assert "--layout sfdp" in result.stderr and "--format dot" in result.stderr
    assert not (tmp_path / "map.svg").exists()


def _png_chunks(data: bytes) -> list[bytes]:
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert zlib.crc32(kind + body) & 0xFFFFFFFF == crc, kind
        chunks.append(kind)
        at += 12 + length
    return chunks


def test_stamps_keep_png_valid_and_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "map.png"
    assert run_process("map", SEED, "--format", "png", "-o", str(out)).exit_code == 0
    data = out.read_bytes()
    assert _png_chunks(data)[:2] == [b"IHDR", b"tEXt"]
    assert read_stamp("png", data) == dot_hash(run_cli("map", SEED).stdout)
    assert read_stamp("svg", stamp("svg", b"<?xml?>\n<svg/>", "0" * 64)) == "0" * 64


def test_unwritable_output_is_an_io_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    for fmt in ("dot", "svg"):
        result = run_process("map", SEED, "--format", fmt, "-o", str(blocker / f"map.{fmt}"))
        assert result.exit_code == 2, result
        assert result.stderr.startswith(f"argmap: error: cannot write {blocker}/map.{fmt}: ")
        assert "Traceback" not in result.stderr
