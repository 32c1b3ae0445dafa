"""Safe edits: rename, add and fmt keep comments and layout, refuse bad edits, write atomically."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.edit.fmt import format_text
from conftest import REPO, copy_seed, run_cli, run_process, write

BUNDLED = sorted((REPO / "claims").rglob("*.yaml"))
"""Every claims file shipped in the repository."""


def comments(text: str) -> list[str]:
    """The comment lines of a YAML text (whole-line comments, stripped)."""
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def comment_context(text: str) -> Counter[tuple[str, str | None]]:
    """Each comment line with the content line that follows it: where a comment sits."""
    lines = [line.strip() for line in text.splitlines()]
    found: Counter[tuple[str, str | None]] = Counter()
    for i, line in enumerate(lines):
        if line.startswith("#"):
            after = (x for x in lines[i + 1 :] if x and not x.startswith("#"))
            found[(line, next(after, None))] += 1
    return found


def check_clean(root: Path) -> None:
    result = run_process("check", str(root))
    assert result.exit_code == 0, result
    assert ": 0 error(s)" in result.stderr, result


@pytest.mark.parametrize("bundled", BUNDLED, ids=lambda p: p.name)
def test_every_command_on_every_bundled_file(bundled: Path, tmp_path: Path) -> None:
    claims = tmp_path / "claims"
    shutil.copytree(REPO / "claims", claims)
    path = claims / bundled.relative_to(REPO / "claims")
    before = path.read_text(encoding="utf-8")
    data = yaml.safe_load(before)
    claim, source = data["claims"][0]["id"], data["sources"][0]["id"]

    assert run_process("rename", claim, "renamed-claim", str(claims)).exit_code == 0
    renamed = path.read_text(encoding="utf-8")
    assert comments(renamed) == comments(before)
    assert renamed.replace("renamed-claim", claim) == before
    check_clean(claims)

    added = run_process(
        "add",
        "claim",
        str(path),
        "--id",
        "added-claim",
        "--text",
        "An added claim.",
        "--type",
        "fact",
        "--citations",
        f"{{source: {source}, locator: para 1}}",
    )
    assert added.exit_code == 0, added
    grown = path.read_text(encoding="utf-8")
    assert comments(grown) == comments(renamed)
    assert grown.startswith(renamed.split("\nlinks:")[0].rstrip("\n"))
    for kind, fields in (
        ("source", ["--id", "added-source", "--title", "A report", "--url", "https://x.example"]),
        ("speaker", ["--id", "added-speaker", "--name", "A. Speaker", "--kind", "person"]),
        ("link", ["--from", "added-claim", "--to", "renamed-claim", "--relation", "supports"]),
    ):
        result = run_process("add", kind, str(path), *fields)
        assert result.exit_code == 0, result
    assert comments(path.read_text(encoding="utf-8")) == comments(before)
    check_clean(claims)

    assert run_process("fmt", str(claims)).exit_code == 0
    formatted = path.read_text(encoding="utf-8")
    assert sorted(comments(formatted)) == sorted(comments(before))
    assert comment_context(formatted) == comment_context(path.read_text(encoding="utf-8"))
    assert comment_context(format_text(before)) == comment_context(before)
    assert run_process("fmt", "--check", str(claims)).exit_code == 0
    check_clean(claims)


def test_rename_dry_run_prints_a_diff_and_changes_nothing(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    seed = claims / "us-sanctions-on-pakistan.yaml"
    before = seed.read_bytes()
    result = run_process("rename", "jon-finer", "finer", "--dry-run", str(claims))
    assert result.exit_code == 0, result
    assert seed.read_bytes() == before
    changed = [line for line in result.stdout.splitlines() if line[:1] in "+-"]
    assert changed == [
        f"--- a/{seed}",
        f"+++ b/{seed}",
        "-  - id: jon-finer",
        "+  - id: finer",
        "-    speakers: [jon-finer]",
        "+    speakers: [finer]",
    ]
    assert result.stderr == "rename: jon-finer -> finer: would change 1 file(s)\n"


SHARED_FILE = """\
# shared people
speakers:
  - id: finer   # the adviser
    name: Jon Finer
  - id: author
    name: Someone
"""
DOC_A = """\
document: a
sources:
  - id: a
    title: A
    authors: ["finer"]
claims:
  - id: x
    text: X.
    type: fact
    speakers: [finer, 'people/author']
"""
DOC_B = """\
document: b
sources:
  - id: b
    title: B
    authors: [people/finer]
speakers:
  - id: adviser
    name: Local
claims:
  - id: y
    text: Y.
    type: fact
    speakers: [adviser]
"""


def test_rename_across_files_keeps_quoting_and_qualifies_when_shadowed(project: Path) -> None:
    write(project / "claims/people.yaml", SHARED_FILE)
    write(project / "claims/a.yaml", DOC_A)
    write(project / "claims/b.yaml", DOC_B)
    result = run_cli("rename", "finer", "adviser")
    assert result.exit_code == 0, result
    assert (project / "claims/people.yaml").read_text() == SHARED_FILE.replace(
        "id: finer ", "id: adviser "
    )
    assert (project / "claims/a.yaml").read_text() == DOC_A.replace('"finer"', '"adviser"').replace(
        "[finer,", "[adviser,"
    )
    # b.yaml has its own 'adviser': its qualified reference stays qualified
    assert (project / "claims/b.yaml").read_text() == DOC_B.replace(
        "people/finer", "people/adviser"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("author", "writer"), "'author' is defined in a, people"),
        (("finer", "author"), "'author' is already a speaker id in claims/people.yaml"),
        (("finer", "Bad Id"), "'Bad Id' is not a valid id"),
        (("nobody", "x"), "no id 'nobody'"),
    ],
)
def test_rename_refusals_change_nothing(project: Path, args: tuple[str, str], message: str) -> None:
    write(project / "claims/people.yaml", SHARED_FILE)
    write(
        project / "claims/a.yaml",
        DOC_A.replace("claims:", "speakers:\n  - id: author\n    name: A\nclaims:"),
    )
    before = {p: p.read_bytes() for p in (project / "claims").iterdir()}
    result = run_cli("rename", *args)
    assert result.exit_code == 1, result
    assert result.stderr.splitlines()[0] == f"argmap: error: {message}"
    assert {p: p.read_bytes() for p in (project / "claims").iterdir()} == before


def test_rename_that_would_capture_a_reference_is_refused(project: Path) -> None:
    write(project / "claims/people.yaml", SHARED_FILE)
    write(
        project / "claims/a.yaml",
        DOC_A.replace("claims:", "speakers:\n  - id: local\n    name: L\nclaims:"),
    )
    result = run_cli("rename", "a/local", "finer")
    assert result.exit_code == 1
    assert result.stderr == (
        "argmap: error: renaming would change what 'finer' means in claims/a.yaml\n"
        "  hint: choose another new id\n"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            ["--id", "n", "--text", "N.", "--type", "fakt"],
            "claims/us-sanctions-on-pakistan.yaml: claim --type: Input should be 'fact', "
            "'causal', 'prediction', 'value', 'policy' or 'definition'",
        ),
        (
            ["--id", "n", "--type", "fact"],
            "claims/us-sanctions-on-pakistan.yaml: claim --text: Field required",
        ),
        (
            ["--id", "missiles-could-target-us", "--text", "N.", "--type", "fact"],
            "claims/us-sanctions-on-pakistan.yaml: claim id 'missiles-could-target-us' is already defined in this file",
        ),
        (
            ["--id", "n", "--text", "N.", "--type", "fact", "--speakers", "jon-finer, nobody"],
            "claims/us-sanctions-on-pakistan.yaml: claim refers to unknown speaker 'nobody'",
        ),
        (["--id", "n", "--txet", "N."], "--txet is not a field of a claim"),
    ],
)
def test_add_refuses_bad_values_and_changes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fields: list[str], message: str
) -> None:
    copy_seed(tmp_path)
    monkeypatch.chdir(tmp_path)
    seed = tmp_path / "claims/us-sanctions-on-pakistan.yaml"
    before = seed.read_bytes()
    result = run_cli("add", "claim", "claims/us-sanctions-on-pakistan.yaml", *fields)
    assert result.exit_code == 1, result
    assert result.stderr.splitlines()[0] == f"argmap: error: {message}", result
    assert seed.read_bytes() == before


def test_add_creates_a_missing_section(project: Path) -> None:
    write(project / "claims/x.yaml", "# notes\nclaims:\n  - id: a\n    text: A.\n    type: fact\n")
    result = run_cli(
        "add", "source", "claims/x.yaml", "--id", "s", "--title", "S", "--accessed", "2025-01-28"
    )
    assert result.exit_code == 0, result
    assert (project / "claims/x.yaml").read_text() == (
        "# notes\nclaims:\n  - id: a\n    text: A.\n    type: fact\n\n"
        "sources:\n  - id: s\n    title: S\n    accessed: '2025-01-28'\n"
    )
    assert run_cli("check").exit_code == 0


def test_fmt_orders_keys_keeps_comments_and_is_idempotent(project: Path) -> None:
    messy = (
        "# top\nclaims:\n    # first\n    - type: fact   # kind\n      text: A\n      id: a\n"
        "      citations:\n          - quote: Q\n            source: s\n"
        "sources:\n- title: S\n  id: s\n"
    )
    write(project / "claims/x.yaml", messy)
    result = run_cli("fmt", "--check")
    assert (result.exit_code, result.stdout) == (1, "would reformat claims/x.yaml\n")
    assert (project / "claims/x.yaml").read_text() == messy
    assert run_cli("fmt").exit_code == 0
    once = (project / "claims/x.yaml").read_text()
    assert once == (
        "# top\nsources:\n  - id: s\n    title: S\nclaims:\n    # first\n  - id: a\n"
        "    text: A\n    type: fact     # kind\n    citations:\n      - source: s\n"
        "        quote: Q\n"
    )
    assert sorted(comments(once)) == sorted(comments(messy)) and "# kind" in once
    assert run_cli("fmt", "--check").exit_code == 0
    assert format_text(once) == once


def test_fmt_keeps_comments_between_entries_in_place() -> None:
    # `warrant` comes before `citations` in the format, so each entry's last key moves up,
    # and the comments that followed it must stay between the entries.
    text = (
        "links:\n  - id: b\n    citations:\n      - source: c\n    warrant: >-\n      folded\n"
        "      text\n\n  # about c\n  - id: c\n    citations: [x]\n    warrant: plain\n"
        "  # about d\n  - id: d\n"
    )
    assert format_text(text) == (
        "links:\n  - id: b\n    warrant: >-\n      folded\n      text\n    citations:\n"
        "      - source: c\n\n  # about c\n  - id: c\n    warrant: plain\n"
        "    citations: [x]\n  # about d\n  - id: d\n"
    )


def test_fmt_reports_bad_yaml(project: Path) -> None:
    write(project / "claims/x.yaml", "claims: [\n")
    result = run_cli("fmt")
    assert result.exit_code == 1
    assert result.stderr.startswith("argmap: error: claims/x.yaml:2:1: ")


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    st.lists(st.permutations(["id", "text", "type", "tags", "status"]), min_size=1, max_size=4),
    st.text(alphabet="abc xyz’“”#:-", min_size=1, max_size=12),
)
def test_fmt_is_idempotent_and_keeps_data(orders: list[list[str]], words: str) -> None:
    values = {"text": words, "type": "fact", "tags": ["t"], "status": "draft"}
    entries = []
    for n, order in enumerate(orders):
        entry = {key: (f"c{n}" if key == "id" else values[key]) for key in order}
        entries.append(entry)
    text = yaml.safe_dump({"claims": entries}, sort_keys=False, allow_unicode=True)
    once = format_text(text)
    assert format_text(once) == once
    assert yaml.safe_load(once) == yaml.safe_load(text)
    assert [list(e) for e in yaml.safe_load(once)["claims"]] == [
        ["id", "text", "type", "tags", "status"] for _ in orders
    ]


KILLER = """
import os, signal, sys
import argmap.load.files as files
point = sys.argv[1]
real_replace, real_fsync = os.replace, os.fsync
def fsync(fd):
    real_fsync(fd)
    if point == "before-replace":
        os.kill(os.getpid(), signal.SIGKILL)
def replace(src, dst):
    real_replace(src, dst)
    if point == "after-replace":
        os.kill(os.getpid(), signal.SIGKILL)
files.os.fsync, files.os.replace = fsync, replace
if point == "mid-write":
    real_fdopen = os.fdopen
    class HalfWriter:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return self.handle.__exit__(*exc)
        def write(self, data):
            self.handle.write(data[: len(data) // 2])
            self.handle.flush()
            os.kill(os.getpid(), signal.SIGKILL)
    files.os.fdopen = lambda fd, *args, **kwargs: HalfWriter(real_fdopen(fd, *args, **kwargs))
from argmap.cli import main
sys.argv = ["argmap", *sys.argv[2:]]
main()
"""


@pytest.mark.parametrize(
    ("point", "outcome"),
    [("mid-write", "old"), ("before-replace", "old"), ("after-replace", "new")],
)
def test_killed_mid_write_leaves_old_or_new(tmp_path: Path, point: str, outcome: str) -> None:
    claims = copy_seed(tmp_path)
    seed = claims / "us-sanctions-on-pakistan.yaml"
    old = seed.read_bytes()
    new = old.replace(b"jon-finer", b"finer")
    proc = subprocess.run(
        [sys.executable, "-c", KILLER, point, "rename", "jon-finer", "finer", str(claims)],
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert seed.read_bytes() == (old if outcome == "old" else new)
    if point != "after-replace":
        assert run_cli("check", str(claims)).exit_code == 0
