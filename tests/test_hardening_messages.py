"""Issue 10, cases 13-18: clean exit codes, messages located where the fault is, no injection.

Bad options and unwritable output are usage or I/O errors (exit 2), never
"internal error"; every message points at the character at fault; nothing a
claims file holds can forge a line or send escape sequences to a terminal;
Markdown outputs carry no raw control characters.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_process, write

HANG = 120
CLAIM = "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"


@pytest.mark.parametrize("value", ["nan", "inf", "-5", "0"])
@pytest.mark.parametrize("command", ["map", "render"])
def test_13_a_layout_timeout_that_is_no_time_is_a_usage_error(
    project: Path, command: str, value: str
) -> None:
    write(project / "claims/x.yaml", CLAIM)
    result = run_process(command, "--layout-timeout", value, timeout=HANG)
    assert result.exit_code == 2, result
    assert result.stderr.endswith(
        f"Error: Invalid value for '--layout-timeout': {value} is not a number of seconds above 0\n"
    ), result
    assert "internal error" not in result.stderr


def test_13_a_path_too_long_for_the_system_is_a_clean_error(project: Path) -> None:
    long = "x" * 5000
    result = run_process("check", long, timeout=HANG)
    assert result.exit_code == 2, result
    shown = f"{'x' * 60}…{'x' * 60}"
    assert result.stdout == (
        f"{shown}: error: cannot read claims path '{shown}': File name too long "
        "[unreadable-file]\n  hint: pass a shorter or readable path as PATH\n"
    )
    write(project / "claims/x.yaml", CLAIM)
    written = run_process("brief", "-o", long, timeout=HANG)
    assert written.exit_code == 2, written
    assert written.stderr == f"argmap: error: cannot write {shown}: File name too long\n"


def _to_full_disk(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run argmap with stdout on /dev/full, an existing device opened for writing only."""
    fd = os.open("/dev/full", os.O_RDWR)
    try:
        return subprocess.run(
            [sys.executable, "-m", "argmap", *args],
            stdout=fd,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            timeout=HANG,
            check=False,
        )
    finally:
        os.close(fd)


@pytest.mark.parametrize("args", [("export",), ("check",), ("map",)])
def test_13_a_full_disk_on_stdout_is_an_io_error(project: Path, args: tuple[str, ...]) -> None:
    write(project / "claims/x.yaml", CLAIM if args != ("check",) else CLAIM + "    tags: 5\n")
    proc = _to_full_disk(*args, cwd=project)
    assert proc.returncode == 2, proc.stderr
    assert (
        "argmap: error: cannot write to standard output: No space left on device\n"
    ) in proc.stderr
    assert "internal error" not in proc.stderr and "Exception" not in proc.stderr


def test_13_a_type_nested_990_lists_deep_is_located_not_a_recursion_error(project: Path) -> None:
    write(project / "claims/x.yaml", CLAIM.replace("type: fact", f"type: {'[' * 990}{']' * 990}"))
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout == (
        "claims/x.yaml:4:108: error: lists and mappings nest more than 100 levels deep here "
        "[yaml-too-complex]\n"
        "  hint: claims files nest about 5 levels; flatten the data, or raise the limit with "
        "--max-depth\n"
    )


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("claims:\n  " + "- " * 30_000 + "x\n", "2:201"),  # crashed yaml-rs (stack overflow)
        ("claims:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(300)), "101:101"),
    ],
    ids=["30000-compact-lists", "300-indented-mappings"],
)
def test_13_deep_block_nesting_is_located_not_a_crash(project: Path, text: str, where: str) -> None:
    write(project / "claims/x.yaml", text)
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout.startswith(
        f"claims/x.yaml:{where}: error: lists and mappings nest more than 100 levels deep here "
        "[yaml-too-complex]\n"
    ), result


@pytest.mark.parametrize(
    "claims",
    [
        'claims:\n  - id: a\n    text: "Odd \\uFFFE text"\n    type: fact\n',
        'claims:\n  - id: a\n    text: "Odd \\uFFFF text"\n    type: fact\n',
        f"speakers:\n  - id: s\n    name: {'W' * 10_000}\n" + CLAIM + "    speakers: [s]\n",
        f"claims:\n  - id: {'a' * 20_000}\n    text: A\n    type: fact\n    supports: [b]\n"
        "  - id: b\n    text: B\n    type: fact\n",
    ],
    ids=["ufffe", "uffff", "10k-speaker", "20k-id"],
)
def test_13_graphviz_lays_out_noncharacters_and_unbroken_runs(project: Path, claims: str) -> None:
    write(project / "claims/x.yaml", claims)
    result = run_process("map", "--format", "svg", timeout=HANG)
    assert result.exit_code == 0, result
    assert "\ufffe" not in result.stdout and "\uffff" not in result.stdout
    assert "W" * 61 not in result.stdout  # hard-wrapped


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "claims:\n  - id: a\n    text: A\n    type: fact\n    tags: [x\x00y]\n",
            "claims/x.yaml:5:13: error: character U+0000 is not allowed in YAML [yaml-syntax]\n",
        ),
        (
            'claims:\n  - id: a\n    text: "A \x1b[31m"\n',
            "claims/x.yaml:3:14: error: character U+001B is not allowed in YAML [yaml-syntax]\n",
        ),
    ],
    ids=["nul-line-5", "esc-line-3"],
)
def test_14_a_control_byte_is_located_at_the_byte(project: Path, text: str, expected: str) -> None:
    write(project / "claims/x.yaml", text)
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1
    assert result.stdout == expected + (
        "  hint: delete it: YAML files may hold no control characters except tab and newline; "
        'write it as an escape inside double quotes, e.g. "\\x1b", if it belongs in a text\n'
    )


def test_14_tabs_still_get_the_tab_hint_by_where_the_error_is(project: Path) -> None:
    write(project / "claims/x.yaml", "claims:\n  - id: a\n    text: A\n\ttype: fact\n")
    result = run_process("check", timeout=HANG)
    assert result.stdout.endswith("  hint: YAML indents with spaces, never tabs\n"), result


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        (  # yaml-rs reads the number; the model says where it does not belong
            "",
            "claims/x.yaml:4:11: error: a number is not a valid value for 'type' of claim 'a' "
            "[invalid-value]\n"
            "  hint: use one of: fact, causal, prediction, value, policy, definition\n",
        ),
        (  # an anchor sends the file to PyYAML, whose int() refuses the number: located too
            "&n ",
            "claims/x.yaml:4:11: error: this number has more than 4300 digits [yaml-syntax]\n"
            '  hint: quote it if it is text, e.g. id: "123…"\n',
        ),
    ],
    ids=["fast-path", "slow-path"],
)
def test_14_a_ten_thousand_digit_number_is_located_without_python_advice(
    project: Path, anchor: str, expected: str
) -> None:
    write(project / "claims/x.yaml", CLAIM.replace("type: fact", f"type: {anchor}{'9' * 10_000}"))
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout == expected, result
    assert "sys.set_int_max_str_digits" not in result.stdout + result.stderr


def test_14_top_level_keys_that_are_not_words_are_described_as_written(project: Path) -> None:
    write(project / "claims/x.yaml", "1: x\n~: y\n" + CLAIM)
    result = run_process("check", timeout=HANG)
    allowed = (
        "namespace, document, sources, speakers, perspectives, questions, claims, links, expect"
    )
    assert result.stdout == (
        "claims/x.yaml:1:1: error: key '1' in the file is not a field name (a number) "
        f"[unknown-field]\n  hint: allowed fields: {allowed}\n"
        "claims/x.yaml:2:1: error: key '~' in the file is not a field name (null) "
        f"[unknown-field]\n  hint: allowed fields: {allowed}\n"
    ), result


def test_15_dangling_and_looping_yaml_symlinks_are_unreadable_files(project: Path) -> None:
    write(project / "claims/ok.yaml", CLAIM)
    (project / "claims/dangling.yaml").symlink_to("nowhere.yaml")
    (project / "claims/loop.yaml").symlink_to("loop.yaml")
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout == (
        "claims/dangling.yaml: error: cannot read file: it is a symbolic link to 'nowhere.yaml', "
        "which does not exist [unreadable-file]\n"
        "  hint: claims files must be readable regular files (or symlinks to one)\n"
        "claims/loop.yaml: error: cannot read file: it is a symbolic link that loops, or one "
        "argmap does not follow here [unreadable-file]\n"
        "  hint: claims files must be readable regular files (or symlinks to one)\n"
    )


AS_NOBODY = """
import contextlib, io, os, sys
import argmap.cli.program
sys.argv = ["argmap", "check", "--no-cache"]
if os.geteuid() == 0:  # root lists any folder: become nobody to meet a locked one
    # Run once as root, output dropped, so every module `check` imports (argmap's and
    # typer's, many lazily) is loaded while the checkout is readable: it may not be to nobody.
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            argmap.cli.program.main()
        except SystemExit:
            pass
    os.setgid(65534)
    os.setuid(65534)
argmap.cli.program.main()
"""


def test_15_a_folder_that_cannot_be_listed_is_an_unreadable_file(tmp_path: Path) -> None:
    base = tmp_path / "project"
    write(base / "claims/ok.yaml", CLAIM)
    write(base / "claims/locked/hidden.yaml", CLAIM.replace("id: a", "id: b"))
    for folder in (base, base / "claims"):
        folder.chmod(0o755)
    (base / "claims/locked").chmod(0)
    try:
        proc = subprocess.run(
            [sys.executable, "-c", AS_NOBODY],
            cwd=base,
            capture_output=True,
            text=True,
            timeout=HANG,
            check=False,
        )
    finally:
        (base / "claims/locked").chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == (
        "claims/locked: error: cannot list folder: Permission denied [unreadable-file]\n"
        "  hint: make it readable, or move it out of the claims folder\n"
    )


def test_16_a_bad_id_cannot_forge_a_line_or_reach_the_terminal(project: Path) -> None:
    write(
        project / "claims/x.yaml",
        'claims:\n  - id: "bad\\nclaims/x.yaml:1:1: error: forged [x]\\e[2J"\n'
        "    text: A\n    type: fact\n",
    )
    result = run_process("check", timeout=HANG)
    assert result.stdout.splitlines()[0] == (
        "claims/x.yaml:2:9: error: 'bad\\nclaims/x.yaml:1:1: error: forged [x]\\x1b[2J' "
        "in claim #1 in 'claims' is not a valid id [bad-id]"
    )
    assert len(result.stdout.splitlines()) == 2


def test_16_a_file_name_with_a_newline_cannot_forge_a_line(project: Path) -> None:
    write(project / "claims/x\nclaims:y.yaml:9:9: error: forged.yaml", CLAIM + "    tags: 5\n")
    result = run_process("check", timeout=HANG)
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "claims/x\\nclaims:y.yaml:9:9: error: forged.yaml:6:11: error: 'tags' of claim 'a'"
    ), result
    assert len(lines) == 2 and lines[1].startswith("  hint: ")


EVIL = (
    'speakers:\n  - id: s\n    name: "Evil \\e[31mred\\e[0m \\u202eeman"\n'
    'claims:\n  - id: a\n    text: "Clip \\e]52;c;aGVsbG8=\\a done"\n    type: fact\n'
    "    speakers: [s]\n"
)


@pytest.mark.parametrize(
    ("args", "shown"),
    [
        (("show", "a"), "  Clip \\x1b]52;c;aGVsbG8=\\x07 done\n"),
        (("audit",), "  x/a  — Evil \\x1b[31mred\\x1b[0m \\u202eeman\n"),
        (("export",), '"name": "Evil \\u001b[31mred\\u001b[0m \\u202eeman"'),
    ],
    ids=["show", "audit-table", "export-json"],
)
def test_16_escape_sequences_from_claims_never_reach_the_terminal(
    project: Path, args: tuple[str, ...], shown: str
) -> None:
    write(project / "claims/x.yaml", EVIL)
    result = run_process(*args, timeout=HANG)
    assert result.exit_code == 0, result
    assert shown in result.stdout
    for unsafe in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert unsafe not in result.stdout + result.stderr


def test_17_markdown_outputs_carry_no_raw_control_characters(project: Path) -> None:
    write(
        project / "claims/x.yaml",
        'perspectives:\n  - id: p\n    name: "Side\\0\\v\\f\\x7f\\x9b one"\n'
        'speakers:\n  - id: s\n    name: "Voice\\0\\v\\f\\x7f"\n    perspective: p\n'
        'claims:\n  - id: a\n    text: "Nul\\0 vt\\v ff\\f del\\x7f csi\\x9b end"\n    type: fact\n'
        "    speakers: [s]\n",
    )
    for args in (("brief",), ("perspectives",), ("audit", "--format", "markdown")):
        result = run_process(*args, timeout=HANG)
        assert result.exit_code == 0, result
        for raw in ("\x00", "\x0b", "\x0c", "\x7f", "\x9b"):
            assert raw not in result.stdout, (args, raw)
    brief = run_process("brief").stdout
    assert "- Nul vt ff del csi end — Voice" in brief


def test_18_a_repeated_co_premise_is_an_error(project: Path) -> None:
    write(
        project / "claims/x.yaml",
        CLAIM + "  - id: b\n    text: B\n    type: fact\n"
        "links:\n  - from: [b, b]\n    to: a\n    relation: supports\n",
    )
    result = run_process("check", "--strict", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout == (
        "claims/x.yaml:10:15: error: link 'b+b--supports--a' lists claim 'b' twice among its "
        "premises [duplicate-premise]\n"
        "  hint: list each co-premise once; a claim cannot back itself up\n"
    )
    assert run_process("brief").exit_code == 1
