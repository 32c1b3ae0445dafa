"""Issue 21, sections 2 and 3 (includes): bounded work and located errors on every input.

Every YAML argmap reads (Argdown front matter and data blocks, ingest front
matter, `add` values) goes through the counting builder; Argdown includes stay
inside the input's folder and within a depth and a total size; `-> See` chains,
sentence splitting and rename take linear time. Each case runs the real CLI and
pins the exit code, the exact message line, that nothing outside the project
changed, and an end within a generous subprocess timeout (a bound against
hangs, never a measure of speed; the growth is measured in benchmarks/).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_process, write

HANG = 120
"""Seconds after which a run counts as hung."""

NESTED = "[" * 3000 + "]" * 3000
"""Flow lists 3,000 deep: a RecursionError for a recursive reader."""


@pytest.fixture
def outside(project: Path) -> Path:
    """A folder beside the project that no run may touch; the test checks it last."""
    folder = project.parent / f"{project.name}-outside"
    write(folder / "secret.argdown", "[secret]: The outside file.\n")
    return folder


def _untouched(outside: Path) -> None:
    assert sorted(p.name for p in outside.iterdir()) == ["secret.argdown"]
    assert (outside / "secret.argdown").read_text(encoding="utf-8") == (
        "[secret]: The outside file.\n"
    )


def _bomb(prefix: str = "a") -> list[str]:
    """Anchors a0..a8, each a list of nine of the one before (9**9 values expanded)."""
    lines = [f"{prefix}0: &{prefix}0 [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{prefix}{i}: &{prefix}{i} [{', '.join([f'*{prefix}{i - 1}'] * 9)}]")
    return lines


def _failed_import(name: str, *extra: str) -> str:
    result = run_process("import", name, "-o", "claims/out.yaml", *extra, timeout=HANG)
    assert result.exit_code == 1, result
    assert not Path("claims/out.yaml").exists()
    return result.stderr


def test_2_an_alias_bomb_in_argdown_front_matter_stops_at_the_limit(
    project: Path, outside: Path
) -> None:
    write(project / "in.argdown", "===\n" + "\n".join(_bomb()) + "\n===\n\n[a]: A\n")
    assert _failed_import("in.argdown").startswith(
        "in.argdown:8:10: error: front matter is not valid YAML: aliases expand this file by "
        "more than 1,000,000 values (this '*a5' repeats 597,871) [import-syntax]\n"
        "  hint: write the data out instead of repeating it through aliases, or raise the limit "
        "with --max-alias-nodes\n"
    )
    _untouched(outside)


def test_2_an_alias_bomb_in_a_data_block_stops_at_the_limit(project: Path, outside: Path) -> None:
    write(project / "in.argdown", "[a]: A {" + ", ".join(_bomb()) + "}\n")
    assert _failed_import("in.argdown").startswith(
        "in.argdown:1:1: error: the data block '{a0: &a0 [x, x, x, x, x, x, x,' is not valid "
        "YAML: aliases expand this file by more than 1,000,000 values (this '*a5' repeats "
        "597,871) [import-syntax]\n"
    )
    _untouched(outside)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (f"===\ntitle: {NESTED}\n===\n\n[a]: A\n", "in.argdown:2:1007: error: front matter"),
        (f"[a]: A {{x: {NESTED}}}\n", "in.argdown:1:1: error: the data block '{x: [[[["),
    ],
    ids=["front-matter", "data-block"],
)
def test_2_3000_nested_brackets_in_argdown_give_a_located_error(
    project: Path, outside: Path, text: str, line: str
) -> None:
    write(project / "in.argdown", text)
    stderr = _failed_import("in.argdown")
    assert stderr.startswith(line), stderr
    assert "exceeded maximum nesting depth" in stderr.splitlines()[0]
    assert "internal error" not in stderr
    _untouched(outside)


def test_2_3000_nested_brackets_in_ingest_front_matter_give_a_located_error(
    project: Path, outside: Path
) -> None:
    write(project / "c.md", f"---\ntitle: {NESTED}\n---\n\nThe tax will rise next year.\n")
    result = run_process("ingest", "c.md", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stderr == (
        "c.md:2:1007: error: front matter: exceeded maximum nesting depth (while increasing "
        "flow level at line 2, column 1007) [yaml-syntax]\n"
        "argmap: error: nothing drafted from c.md\n"
    )
    assert sorted(p.name for p in (project / "claims").iterdir()) == []
    _untouched(outside)


def test_2_an_include_bomb_stops_at_the_depth_bound(project: Path, outside: Path) -> None:
    for i in range(23):  # each file includes the next twice: 2**23 copies unbounded
        write(project / f"f{i}.argdown", f"@include(f{i + 1}.argdown)\n" * 2)
    write(project / "f23.argdown", "[z]: Z\n")
    assert _failed_import("f0.argdown") == (
        "f10.argdown:1:1: error: includes nest more than 10 deep; 'f11.argdown' not read "
        "[include-limit]\n"
        "  hint: include the files from one top file instead of from each other\n"
        "argmap: error: 1 error(s) in f0.argdown; nothing written\n"
    )
    _untouched(outside)


def test_2_includes_stop_at_the_size_bound_in_all(project: Path, outside: Path) -> None:
    write(project / "big.argdown", "[x]: " + "y" * 400_000 + "\n")
    write(project / "in.argdown", "@include(big.argdown)\n" * 4)
    result = run_process(
        "--max-file-size", "1", "import", "in.argdown", "-o", "claims/out.yaml", timeout=HANG
    )
    assert result.exit_code == 1, result
    assert result.stderr == (
        "in.argdown:3:1: error: includes bring in more than 1 MB in all; 'big.argdown' not read "
        "[include-limit]\n"
        "  hint: include each file once, or raise the limit with --max-file-size\n"
        "argmap: error: 1 error(s) in in.argdown; nothing written\n"
    )
    _untouched(outside)


def test_3_includes_outside_the_input_folder_are_refused(project: Path, outside: Path) -> None:
    write(
        project / "in.argdown",
        f"@include(/etc/passwd)\n@include(../{outside.name}/secret.argdown)\n\n[a]: A\n",
    )
    assert _failed_import("in.argdown") == (
        "in.argdown:1:1: error: include '/etc/passwd' lies outside '.'; not read "
        "[include-outside]\n"
        "  hint: includes must lie in the input's folder; name another with --include-root\n"
        f"in.argdown:2:1: error: include '../{outside.name}/secret.argdown' lies outside '.'; "
        "not read [include-outside]\n"
        "  hint: includes must lie in the input's folder; name another with --include-root\n"
        "argmap: error: 2 error(s) in in.argdown; nothing written\n"
    )
    _untouched(outside)


def test_3_include_root_names_the_folder_includes_may_come_from(
    project: Path, outside: Path
) -> None:
    write(project / "in.argdown", f"@include(../{outside.name}/secret.argdown)\n\n[a]: A\n")
    result = run_process(
        "import", "in.argdown", "--include-root", "..", "-o", "claims/out.yaml", timeout=HANG
    )
    assert result.exit_code == 0, result
    assert "    text: The outside file.\n" in (project / "claims/out.yaml").read_text()
    _untouched(outside)


def test_2_six_thousand_chained_see_links_import(project: Path, outside: Path) -> None:
    lines = [
        "Discussion Name: T",
        "",
        "1. Thesis: Taxes should rise.",
        "1.1. Pro: They fund schools.",
    ]
    lines += [f"1.{i}. Pro: -> See 1.{i - 1}." for i in range(2, 6002)]
    write(project / "in.txt", "\n".join(lines) + "\n")
    result = run_process("import", "in.txt", "-o", "claims/out.yaml", timeout=HANG)
    assert result.exit_code == 0, result
    assert result.stderr.startswith("imported in.txt (kialo): 2 claim(s), 1 link(s)"), result
    _untouched(outside)


def test_2_a_5000_digit_aif_node_id_is_a_located_error(project: Path, outside: Path) -> None:
    write(project / "in.json", '{"nodes": [{"nodeID": ' + "7" * 5000 + ', "type": "I"}]}')
    assert _failed_import("in.json") == (
        "in.json:1:23: error: a number of 5,000 digits; AIF numbers have at most 100 "
        "[import-syntax]\n"
        "  hint: write a long id as a string, in quotes\n"
        "argmap: error: 1 error(s) in in.json; nothing written\n"
    )
    _untouched(outside)


def test_2_add_on_a_file_with_an_unknown_field_is_a_located_error(
    project: Path, outside: Path
) -> None:
    text = (
        "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n    colour: red\n"
    )
    write(project / "claims/x.yaml", text)
    result = run_process(
        "add", "claim", "claims/x.yaml", "--id", "b", "--text", "B", "--type", "fact",
        timeout=HANG,
    )  # fmt: skip
    assert result.exit_code == 1, result
    assert result.stderr == (
        "argmap: error: claims/x.yaml:6:5: claims.0.colour: unknown field\n"
        "  hint: the file would not load: fix it first ('argmap check' explains), then add\n"
    )
    assert (project / "claims/x.yaml").read_text(encoding="utf-8") == text
    _untouched(outside)


def test_2_add_reads_a_nested_value_within_the_bounds(project: Path, outside: Path) -> None:
    text = "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"
    write(project / "claims/x.yaml", text)
    result = run_process(
        "add", "claim", "claims/x.yaml", "--id", "b", "--text", "B", "--type", "fact",
        "--tags", NESTED, timeout=HANG,
    )  # fmt: skip
    assert result.exit_code == 1, result
    assert result.stderr == (
        "argmap: error: --tags: '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[' is not a YAML list or "
        "mapping (column 1001: exceeded maximum nesting depth (while increasing flow level at "
        "line 1, column 1001))\n"
        "  hint: write a list as [a, b] and a citation as {source: doc, locator: para 3}\n"
    )
    assert (project / "claims/x.yaml").read_text(encoding="utf-8") == text
    _untouched(outside)


def test_2_ingest_of_a_long_one_line_commentary_ends(project: Path, outside: Path) -> None:
    sentence = "The government said the sanctions will hurt the economy badly [1]. "
    write(project / "c.txt", sentence * 3000 + "\n\n[1] https://example.org/report\n")
    result = run_process("ingest", "c.txt", timeout=HANG * 3)
    assert result.exit_code == 0, result
    assert "ingest: 1 paragraphs, 3000 sentences, 3000 claims" in result.stderr, result
    checked = run_process("check", "claims", timeout=HANG)
    assert checked.exit_code == 0, checked
    _untouched(outside)


def test_2_rename_of_thousands_of_references_ends(project: Path, outside: Path) -> None:
    lines = ["claims:", "  - id: b", "    text: B", "    type: fact"]
    for i in range(3000):
        lines += [f"  - id: c{i}", f"    text: Claim {i}.", "    type: fact", "    supports: [b]"]
    write(project / "claims/x.yaml", "\n".join(lines) + "\n")
    result = run_process("rename", "b", "bee", timeout=HANG * 3)
    assert result.exit_code == 0, result
    text = (project / "claims/x.yaml").read_text(encoding="utf-8")
    assert text.count("    supports: [bee]\n") == 3000 and "  - id: bee\n" in text
    _untouched(outside)


def test_2_the_json_of_an_aif_file_nested_deep_is_a_located_error(
    project: Path, outside: Path
) -> None:
    write(project / "in.json", json.dumps({"nodes": []})[:-1] + ', "x": ' + "[" * 100_000 + "}")
    stderr = _failed_import("in.json")
    assert stderr.startswith("in.json:1:"), stderr
    assert "internal error" not in stderr
    _untouched(outside)
