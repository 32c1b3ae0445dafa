"""Issue 21, sections 3-5: what argmap writes lands where it should, whole, and loses nothing.

Every writer goes through one helper (:mod:`argmap.load.writes`): locked, atomic,
never through a symbolic link, keeping the file's mode. Each test runs the CLI as
a real process and pins the exit code, the message line, and that nothing outside
changed; a generous timeout bounds every run against hangs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import run_process, write

HANG = 120
"""Seconds after which a run counts as hung."""

CLAIMS = (
    "claims:\n"
    "  - id: a\n    text: A\n    type: fact\n    standalone: true\n"
    "  - id: b\n    text: B\n    type: fact\n    supports: [a]\n"
    "  - id: c\n    text: C\n    type: fact\n    supports: [a]\n"
)

OTHER = "claims:\n  - id: d\n    text: D\n    type: fact\n    supports: [x/a]\n"
"""A second file whose claim refers to the first file's 'a'."""


def _ids(path: Path) -> list[str]:
    return [claim["id"] for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]]


def _popen(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "argmap", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# --- 3. nothing outside is written --------------------------------------------------------


def test_3_ingest_never_writes_its_text_copy_through_a_symlink(project: Path) -> None:
    write(project / "x.txt", "Jon Finer said the sanctions are weak.\n")
    outside = write(project / "outside.txt", "secret\n")
    copy = project / "claims/sources/x.txt"
    copy.parent.mkdir()
    copy.symlink_to("../../outside.txt")

    refused = run_process("ingest", "x.txt", timeout=HANG)
    assert refused.exit_code == 2, refused
    assert refused.stderr == (
        "argmap: error: claims/sources/x.txt is a symbolic link; argmap does not write "
        "through links\n"
        "  hint: remove the link, or pass --force to replace the link itself with a file\n"
    )
    assert not (project / "claims/x.yaml").exists()

    forced = run_process("ingest", "x.txt", "--force", timeout=HANG)
    assert forced.exit_code == 0, forced
    assert not copy.is_symlink()
    assert copy.read_text(encoding="utf-8") == "Jon Finer said the sanctions are weak.\n"
    assert outside.read_text(encoding="utf-8") == "secret\n"


def test_3_import_refuses_an_existing_output_and_never_writes_through_a_link(
    project: Path,
) -> None:
    write(project / "in.argdown", "[A]: Alpha.\n  + <B>: Beta.\n")
    existing = write(project / "out.yaml", "# mine\n")
    refused = run_process("import", "in.argdown", "-o", "out.yaml", timeout=HANG)
    assert refused.exit_code == 2, refused
    assert refused.stderr.endswith(
        "argmap: error: out.yaml exists\n  hint: pass --force to replace it\n"
    )
    assert existing.read_text(encoding="utf-8") == "# mine\n"

    outside = write(project / "outside.yaml", "# outside\n")
    (project / "link.yaml").symlink_to("outside.yaml")
    linked = run_process("import", "in.argdown", "-o", "link.yaml", timeout=HANG)
    assert linked.exit_code == 2, linked
    assert linked.stderr.endswith(
        "argmap: error: link.yaml is a symbolic link; argmap does not write through links\n"
        "  hint: remove the link, or pass --force to replace the link itself with a file\n"
    )
    forced = run_process("import", "in.argdown", "-o", "link.yaml", "--force", timeout=HANG)
    assert forced.exit_code == 0, forced
    assert not (project / "link.yaml").is_symlink()
    assert outside.read_text(encoding="utf-8") == "# outside\n"
    assert run_process("check", "--no-cache", "link.yaml").exit_code == 0


# --- 4. edits lose nothing ---------------------------------------------------------------


@pytest.mark.parametrize("runs", [2, 4])
def test_4_concurrent_adds_to_one_file_all_land(project: Path, runs: int) -> None:
    target = write(project / "claims/x.yaml", CLAIMS)
    procs = [
        _popen("add", "claim", "claims/x.yaml", "--id", f"n{i}", "--text", f"N{i}",
               "--type", "fact", "--standalone", "true", cwd=project)
        for i in range(runs)
    ]  # fmt: skip
    for proc in procs:
        _, err = proc.communicate(timeout=HANG)
        assert proc.returncode == 0, err
    assert sorted(_ids(target)) == ["a", "b", "c", *(f"n{i}" for i in range(runs))]
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.yaml"]  # no lock, no temp


def test_4_concurrent_renames_in_one_file_both_land(project: Path) -> None:
    target = write(project / "claims/x.yaml", CLAIMS)
    procs = [_popen("rename", old, f"{old}2", "claims", cwd=project) for old in ("b", "c")]
    for proc in procs:
        _, err = proc.communicate(timeout=HANG)
        assert proc.returncode == 0, err
    assert _ids(target) == ["a", "b2", "c2"]


def test_4_an_edit_keeps_the_files_mode(project: Path) -> None:
    target = write(project / "claims/x.yaml", CLAIMS)
    target.chmod(0o600)
    result = run_process("rename", "b", "bee", "claims", timeout=HANG)
    assert result.exit_code == 0, result
    assert _ids(target) == ["a", "bee", "c"]
    assert target.stat().st_mode & 0o7777 == 0o600


def test_4_a_read_only_file_is_refused_not_made_writable(project: Path) -> None:
    target = write(project / "claims/x.yaml", CLAIMS)
    target.chmod(0o444)
    result = run_process("rename", "b", "bee", "claims", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stderr == (
        "argmap: error: claims/x.yaml is read-only\n"
        "  hint: make it writable first (chmod u+w) if it should change\n"
    )
    assert target.read_text(encoding="utf-8") == CLAIMS
    assert target.stat().st_mode & 0o7777 == 0o444


def test_4_a_multi_file_rename_checks_every_file_before_writing_any(project: Path) -> None:
    first = write(project / "claims/x.yaml", CLAIMS)
    second = write(project / "claims/y.yaml", OTHER)
    second.chmod(0o444)
    result = run_process("rename", "x/a", "alpha", "claims", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stderr.startswith("argmap: error: claims/y.yaml is read-only\n")
    assert first.read_text(encoding="utf-8") == CLAIMS
    assert second.read_text(encoding="utf-8") == OTHER


FAIL_SECOND = """
import os, sys
import argmap.load.writes as writes
real_replace, calls = os.replace, []
def replace(src, dst, **kwargs):
    calls.append(dst)
    if len(calls) == 2:
        raise OSError(28, "No space left on device", str(dst))
    real_replace(src, dst, **kwargs)
writes.os.replace = replace
from argmap.cli import main
sys.argv = ["argmap", *sys.argv[1:]]
main()
"""


def test_4_a_multi_file_rename_that_fails_midway_restores_what_it_wrote(project: Path) -> None:
    first = write(project / "claims/x.yaml", CLAIMS)
    second = write(project / "claims/y.yaml", OTHER)
    proc = subprocess.run(
        [sys.executable, "-c", FAIL_SECOND, "rename", "x/a", "alpha", "claims"],
        capture_output=True,
        text=True,
        check=False,
        timeout=HANG,
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == ("argmap: error: cannot write claims/y.yaml: No space left on device\n")
    assert first.read_text(encoding="utf-8") == CLAIMS
    assert second.read_text(encoding="utf-8") == OTHER
    assert run_process("check", "--no-cache", "claims").exit_code == 0


def test_4_a_temporary_file_left_by_a_killed_edit_is_removed_by_the_next(project: Path) -> None:
    target = write(project / "claims/x.yaml", CLAIMS)
    left = write(project / "claims/.x.yaml.argmap-tmp", "claims:\n  - id: half")
    neighbour = write(project / "other/.x.yaml.argmap-tmp", "another folder's x.yaml")
    result = run_process("rename", "b", "bee", "claims", timeout=HANG)
    assert result.exit_code == 0, result
    assert not left.exists()
    assert neighbour.exists()
    assert _ids(target) == ["a", "bee", "c"]


# --- 5. closed stdout ---------------------------------------------------------------------


def test_5_a_closed_stdout_is_an_output_error_not_a_traceback(project: Path) -> None:
    write(project / "claims/x.yaml", "claims:\n  - id: a\n    text: A\n    type: fact\n")
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "claims"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=HANG,
        preexec_fn=lambda: os.close(1),
    )
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines()[0] == (
        "argmap: error: cannot write to standard output: it is closed"
    )
    assert "Traceback" not in proc.stderr


# --- 5. renders --------------------------------------------------------------------------


def test_5_a_folder_in_place_of_an_output_is_refused_and_kept(project: Path) -> None:
    write(project / "claims/x.yaml", CLAIMS)
    assert run_process("render", timeout=HANG).exit_code == 0
    svg = project / "renders/x/map.svg"
    svg.unlink()
    precious = write(svg / "precious.txt", "mine\n")
    dot_before = (project / "renders/x/map.dot").read_bytes()
    write(project / "claims/x.yaml", CLAIMS.replace("text: A", "text: Changed"))

    result = run_process("render", timeout=HANG)
    assert result.exit_code == 2, result
    assert result.stderr == (
        "argmap: error: cannot write renders: renders/x/map.svg: is a folder or special file "
        "where an output file belongs; argmap does not delete it\n"
    )
    assert precious.read_text(encoding="utf-8") == "mine\n"
    assert (project / "renders/x/map.dot").read_bytes() == dot_before  # nothing written


@pytest.mark.parametrize("runs", [2, 4])
def test_5_concurrent_renders_keep_every_file(project: Path, runs: int) -> None:
    for name in ("x", "y", "z"):
        write(project / f"claims/{name}.yaml", CLAIMS.replace("text: A", f"text: A of {name}"))
    procs = [_popen("render", cwd=project) for _ in range(runs)]
    for proc in procs:
        _, err = proc.communicate(timeout=HANG)
        assert proc.returncode == 0, err
    outputs = {
        "map.dot",
        "map.svg",
        "map.png",
        "brief.md",
        "perspectives.md",
        "audit.md",
        "evaluation.md",
    }
    for name in ("x", "y", "z"):
        assert {p.name for p in (project / "renders" / name).iterdir()} == outputs
    assert sorted(p.name for p in (project / "renders").iterdir()) == ["x", "y", "z"]
    check = run_process("render", "--check", timeout=HANG)
    assert check.exit_code == 0, check


ANCHORED = (
    "claims:\n"
    "  - id: b\n    text: B\n    type: fact\n    standalone: true\n"
    "  - id: a\n    text: A\n    type: fact\n    supports: &s [b]  # kept\n"
    "  - id: c\n    text: C\n    type: fact\n    supports: *s\n"
)


def test_4_rename_edits_an_anchored_reference_once(project: Path) -> None:
    target = write(project / "claims/x.yaml", ANCHORED)
    result = run_process("rename", "b", "bee", "claims", timeout=HANG)
    assert result.exit_code == 0, result
    assert target.read_text(encoding="utf-8") == ANCHORED.replace("id: b\n", "id: bee\n").replace(
        "&s [b]", "&s [bee]"
    )
    assert run_process("check", "--no-cache", "--strict", "claims").exit_code == 0


def test_4_rename_refuses_an_anchor_shared_with_a_use_it_must_not_change(project: Path) -> None:
    text = (
        "speakers:\n  - id: b\n    name: Bob\n"
        "claims:\n  - id: b\n    text: B\n    type: fact\n    standalone: true\n"
        "  - id: d\n    text: D\n    type: fact\n    speakers: &who [b]\n"
        "    supports: *who\n"
    )
    target = write(project / "claims/x.yaml", text)
    result = run_process("rename", "--kind", "speaker", "b", "bob", "claims", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stderr == (
        "argmap: error: claims/x.yaml:12:21: this anchored value is also used through an "
        "alias, where the rename must not change it\n"
        "  hint: write the value out in place of the '*name' alias, then rename\n"
    )
    assert target.read_text(encoding="utf-8") == text
