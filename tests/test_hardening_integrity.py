"""Issue 10, cases 8-12: what argmap reads is what the files say, and what it writes stays whole.

The parse cache cannot smuggle altered claims in, render folders cannot
collide or be redirected through symlinks, a render killed midway leaves no
folder mixed, and no claim id can take over a generated DOT node.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.load.cache.parse_cache import decode_entry, encode_entry
from argmap.load.folders import recover, replace_folder
from argmap.render.dot.layout import dot_hash, read_stamp
from conftest import copy_seed, reword_seed_claim, run_process, write

HANG = 120
DOC = "us-sanctions-on-pakistan"
OUTPUTS = [
    "audit.md",
    "brief.md",
    "deck.pdf",
    "evaluation.md",
    "map.dot",
    "map.html",
    "map.png",
    "map.svg",
    "perspectives.md",
]
QUOTED = (
    "sources:\n  - id: memo\n    title: Memo\n    text_file: memo.txt\n"
    "claims:\n  - id: a\n    text: The programme is defensive.\n    type: fact\n    standalone: true\n"
    "    citations:\n      - source: memo\n        quote: purely defensive\n"
)


def _entry(project: Path) -> Path:
    (entry,) = (project / ".argmap-cache").rglob("*.marshal")
    return entry


def _flip(data: bytes, needle: bytes) -> bytes:
    at = data.index(needle)
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :]


@pytest.mark.parametrize("needle", [b"The programme", b"purely defensive"], ids=["text", "quote"])
def test_8_a_flipped_bit_in_a_cache_entry_is_caught_and_the_entry_rebuilt(
    project: Path, needle: bytes
) -> None:
    write(project / "claims/memo.txt", "Its missile programme is purely defensive.\n")
    write(project / "claims/x.yaml", QUOTED)
    assert run_process("check", "--strict").exit_code == 0
    assert run_process("list", "claims").exit_code == 0  # check stores facts; list, models
    entry = _entry(project)
    entry.write_bytes(_flip(entry.read_bytes(), needle))
    result = run_process("check", "--strict", timeout=HANG)
    assert result.exit_code == 0, result  # no false quote-not-found
    shown = run_process("show", "a", timeout=HANG)  # reads the models
    assert "  The programme is defensive.\n" in shown.stdout
    assert '  - Memo: "purely defensive"\n' in shown.stdout
    assert decode_entry(entry.read_bytes()) is not None  # rewritten whole


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", 5),
        ("type", "nonsense"),
        ("tags", "not-a-list"),
        ("tags", [1, 2]),
        ("citations", [{"source": []}]),
        ("date", "yesterday"),
        ("standalone", "yes"),
        ("id", None),
    ],
)
def test_8_a_well_formed_entry_with_wrong_types_is_ignored_not_trusted(
    project: Path, field: str, value: object
) -> None:
    write(project / "claims/memo.txt", "Its missile programme is purely defensive.\n")
    write(project / "claims/x.yaml", QUOTED)
    assert run_process("check").exit_code == 0
    assert run_process("list", "claims").exit_code == 0  # check stores facts; list, models
    entry = _entry(project)
    data = decode_entry(entry.read_bytes())
    data["claims"][0][field] = value
    entry.write_bytes(encode_entry(data))  # a valid checksum over altered data
    result = run_process("show", "a", timeout=HANG)
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[1] == "  The programme is defensive."
    assert decode_entry(entry.read_bytes())["claims"][0][field] != value


def test_9_documents_in_subfolders_render_into_their_own_folders(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    write(claims / "a/x.yaml", "claims:\n  - id: a-claim\n    text: From a.\n    type: fact\n")
    write(claims / "b/x.yaml", "claims:\n  - id: b-claim\n    text: From b.\n    type: fact\n")
    out = tmp_path / "renders"
    result = run_process("render", str(claims), "--out", str(out), timeout=HANG)
    assert result.exit_code == 0, result
    assert sorted(p.name for p in (out / "a/x").iterdir()) == OUTPUTS
    assert "From a." in (out / "a/x/brief.md").read_text(encoding="utf-8")
    assert "From b." in (out / "b/x/brief.md").read_text(encoding="utf-8")
    assert run_process("render", str(claims), "--out", str(out), "--check").exit_code == 0
    only = run_process("render", str(claims), "--out", str(out), "--document", "b/x", "--check")
    assert only.stderr == f"{out}: 1 document(s) up to date\n", only


def test_9_two_files_that_would_share_a_folder_are_refused_naming_both(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    body = "claims:\n  - id: {0}\n    text: {0}\n    type: fact\n    standalone: true\n"
    write(claims / "x.yaml", body.format("a"))
    write(claims / "x.yml", body.format("b"))
    out = tmp_path / "renders"
    for extra in ([], ["--check"]):  # one namespace, so one folder: refused before rendering
        result = run_process("render", str(claims), "--out", str(out), *extra, timeout=HANG)
        assert result.exit_code == 1, result
        assert result.stderr.startswith(
            f"{claims}/x.yml: error: namespace 'x' is already the namespace of {claims}/x.yaml "
            f"[duplicate-namespace]\n  note: first defined at {claims}/x.yaml\n"
        ), result
    assert not out.exists()


def test_9_a_folder_that_is_another_documents_output_is_refused(tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    write(
        claims / "a.yaml", "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"
    )
    write(
        claims / "a/map.dot.yaml",
        "claims:\n  - id: b\n    text: B\n    type: fact\n    standalone: true\n",
    )
    out = tmp_path / "renders"
    for extra in ([], ["--check"]):
        result = run_process("render", str(claims), "--out", str(out), *extra, timeout=HANG)
        assert result.exit_code == 1, result
        assert result.stderr == (
            f"{claims}/a/map.dot.yaml: error: '{claims}/a/map.dot.yaml' would render into "
            f"renders/a/map.dot/, where '{claims}/a.yaml' writes its map.dot [render-collision]\n"
            "  hint: rename one of the two files; each renders into its path under claims/\n"
            "argmap: error: 1 render folder(s) claimed twice\n"
        ), result
    assert not out.exists()


def test_10_a_symlink_inside_renders_is_replaced_not_written_through(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "renders"
    assert run_process("render", str(claims), "--out", str(out), timeout=HANG).exit_code == 0
    outside = write(tmp_path / "precious.md", "not argmap's to write\n")
    brief = out / DOC / "brief.md"
    brief.unlink()
    brief.symlink_to(outside)
    check = run_process("render", str(claims), "--out", str(out), "--check")
    assert f"{brief}: stale: it is a symbolic link, not a regular file\n" in check.stderr, check
    result = run_process("render", str(claims), "--out", str(out), timeout=HANG)
    assert result.exit_code == 0, result
    assert outside.read_text(encoding="utf-8") == "not argmap's to write\n"
    assert not brief.is_symlink() and brief.stat().st_size > 1000
    assert run_process("render", str(claims), "--out", str(out), "--check").exit_code == 0


def test_10_a_symlinked_document_folder_is_replaced_not_written_into(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "renders"
    elsewhere = tmp_path / "elsewhere"
    write(elsewhere / "brief.md", "someone else's\n")
    out.mkdir()
    (out / DOC).symlink_to(elsewhere)
    result = run_process("render", str(claims), "--out", str(out), timeout=HANG)
    assert result.exit_code == 0, result
    assert sorted(p.name for p in elsewhere.iterdir()) == ["brief.md"]
    assert (elsewhere / "brief.md").read_text(encoding="utf-8") == "someone else's\n"
    assert (out / DOC).is_dir() and not (out / DOC).is_symlink()
    assert sorted(p.name for p in (out / DOC).iterdir()) == OUTPUTS


def _snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below *folder* (hidden ones too) and its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_11_a_render_killed_midway_leaves_every_folder_whole(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "renders"
    assert run_process("render", str(claims), "--out", str(out), timeout=HANG).exit_code == 0
    before = _snapshot(out)
    reword_seed_claim(claims)
    real_dot = shutil.which("dot")
    assert real_dot, "Graphviz is part of the setup"
    marks = tmp_path / "marks"
    marks.mkdir()
    wrapper = write(
        tmp_path / "bin/dot",
        "#!/bin/sh\n"
        f'case "$1" in -V) exec "{real_dot}" "$@";; esac\n'
        f'if mkdir "{marks}/first" 2>/dev/null; then exec "{real_dot}" "$@"; fi\n'
        f'touch "{marks}/second"\n'
        "exec sleep 600\n",  # the PNG layout never ends: argmap is killed during it
    )
    wrapper.chmod(0o755)
    env = {**os.environ, "PATH": f"{wrapper.parent}{os.pathsep}{os.environ['PATH']}"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "render", str(claims), "--out", str(out)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        for _ in range(HANG * 20):
            if (marks / "second").exists() or proc.poll() is not None:
                break
            time.sleep(0.05)
        assert (marks / "second").exists(), "the render never reached its second layout"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # kill -9, mid-render
        proc.wait()
    assert _snapshot(out) == before  # the old folder, whole: nothing new beside old
    result = run_process("render", str(claims), "--out", str(out), timeout=HANG)
    assert result.exit_code == 0, result
    folder = out / DOC
    expected = dot_hash((folder / "map.dot").read_text(encoding="utf-8"))
    assert read_stamp("png", (folder / "map.png").read_bytes()) == expected
    assert run_process("render", str(claims), "--out", str(out), "--check").exit_code == 0


def test_11_what_a_killed_swap_leaves_behind_is_put_right(tmp_path: Path) -> None:
    folder = tmp_path / "renders/doc"
    write(folder / "map.dot", "old dot")
    write(folder / "brief.md", "old brief")
    write(folder / "notes.txt", "the user's")
    fresh = tmp_path / "renders/.doc.argmap-new"
    write(fresh / "map.dot", "new dot")  # killed after writing one new file ...
    write(fresh / "nested/map.dot", "a nested document")  # ... and carrying one entry across
    owned = ["map.dot", "brief.md"]
    recover(folder, owned)
    assert not fresh.exists()
    assert _snapshot(folder) == {
        "brief.md": b"old brief",
        "map.dot": b"old dot",
        "nested/map.dot": b"a nested document",
        "notes.txt": b"the user's",
    }
    old_brief = (folder / "brief.md").stat().st_ino
    replace_folder(tmp_path / "renders", "doc", {"map.dot": b"new dot", "brief.md": None})
    assert (folder / "map.dot").read_bytes() == b"new dot"
    assert (folder / "brief.md").stat().st_ino == old_brief  # kept, not rewritten
    assert (folder / "nested/map.dot").read_bytes() == b"a nested document"
    assert sorted(p.name for p in (tmp_path / "renders").iterdir()) == ["doc"]


def test_12_a_claim_called_legend_stays_a_claim(project: Path) -> None:
    write(
        project / "claims/x.yaml",
        "claims:\n  - id: legend\n    text: A claim named legend.\n    type: fact\n"
        "    supports: [b]\n  - id: b\n    text: B\n    type: fact\n",
    )
    dot = run_process("map", timeout=HANG).stdout
    assert '  "x/legend" [shape=box' in dot
    assert '  "x/legend" -> "x/b" [color="#009E73"' in dot
    assert '    "argmap:legend" [shape=plaintext' in dot
    assert dot.count("[shape=plaintext") == 1
    svg = run_process("map", "--format", "svg", timeout=HANG)
    assert svg.exit_code == 0, svg
    assert "A claim named" in svg.stdout and "<title>x/legend&#45;&gt;x/b</title>" in svg.stdout
