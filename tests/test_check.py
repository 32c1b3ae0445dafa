"""`argmap check` beyond single codes: all problems at once, exit codes, formats, no tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import REPO, run_cli, run_process, write

BASE = """\
document: doc
sources:
  - id: doc
    title: A commentary
    authors: [author]
speakers:
  - id: author
    name: The author
    kind: author
    perspective: side
perspectives:
  - id: side
    name: One side
questions:
  - id: q
    text: Does it hold?
claims:
  - id: a
    text: A holds.
    type: fact
    questions: [q]
"""


def test_seed_corpus_is_clean_even_strict() -> None:
    result = run_process("check", "--strict", str(REPO / "claims"))
    assert result.exit_code == 0, result
    assert result.stdout == ""
    assert result.stderr.endswith(": 0 error(s), 0 warning(s)\n"), result


def test_empty_folder_is_a_problem(project: Path) -> None:
    result = run_cli("check")
    assert result.stdout == (
        "claims: error: no .yaml files under 'claims' [no-claims]\n"
        "  hint: add a claims file such as claims/commentary.yaml (see docs/claims-format.md)\n"
    )
    assert result.exit_code == 1


def test_every_problem_in_every_file_is_reported_at_once(project: Path) -> None:
    write(project / "claims/a.yaml", "claims:\n  - id: a\n    text: A\n    type: fakt\n")
    write(project / "claims/b.yaml", "claims: [\n")
    write(project / "claims/c.yaml", BASE.replace("authors: [author]", "authors: [autor]"))
    result = run_cli("check")
    codes = [line.rsplit("[", 1)[1] for line in result.stdout.splitlines() if "error:" in line]
    assert codes == ["invalid-value]", "yaml-syntax]", "unknown-ref]"], result
    assert result.exit_code == 1


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (("speakers: []", "speakers: [nobody]"), "unknown speaker 'nobody'"),
        (("questions: [q]", "questions: [qq]"), "unknown question 'qq'"),
        (("perspective: side", "perspective: sides"), "unknown perspective 'sides'"),
        (("document: doc", "document: docs"), "unknown source 'docs'"),
    ],
)
def test_unknown_reference_of_each_kind(
    project: Path, edit: tuple[str, str], expected: str
) -> None:
    text = BASE.replace("    questions: [q]\n", "    questions: [q]\n    speakers: []\n")
    write(project / "claims/x.yaml", text.replace(*edit))
    result = run_cli("check")
    assert f"error: {expected} [unknown-ref]" in result.stdout, result
    assert result.exit_code == 1


def test_link_to_unknown_target_and_citation_source(project: Path) -> None:
    extra = (
        "    citations:\n      - source: nope\n"
        "links:\n  - from: [a]\n    to: zzz\n    relation: opposes\n"
    )
    write(project / "claims/x.yaml", BASE + extra)
    result = run_cli("check")
    assert "claims/x.yaml:23:17: error: unknown source 'nope' [unknown-ref]" in result.stdout
    assert "claims/x.yaml:26:9: error: unknown claim or link 'zzz' [unknown-ref]" in result.stdout


def test_warnings_pass_unless_strict(project: Path) -> None:
    cycle = "claims:\n" + "".join(
        f"  - id: {a}\n    text: {a}\n    type: fact\n    supports: [{b}]\n"
        for a, b in (("a", "b"), ("b", "a"))
    )
    write(project / "claims/x.yaml", cycle)
    assert run_cli("check").exit_code == 0
    assert run_cli("check", "--strict").exit_code == 1


def test_json_format(project: Path) -> None:
    write(
        project / "claims/x.yaml",
        "claims:\n  - id: a\n    text: ''\n    type: fact\n    standalone: true\n",
    )
    result = run_cli("check", "--format", "json")
    data = json.loads(result.stdout)
    assert data["errors"] == 1 and data["files"] == 1
    assert data["diagnostics"][0] == {
        "path": "claims/x.yaml",
        "line": 3,
        "col": 11,
        "severity": "error",
        "code": "empty-text",
        "message": "claim 'a' has empty text",
        "hint": "state the proposition in a sentence",
        "related": None,
    }


def test_single_file_path(project: Path) -> None:
    write(project / "claims/x.yaml", BASE)
    assert run_cli("check", "claims/x.yaml").exit_code == 0


@pytest.mark.parametrize(
    "text",
    [
        "",
        "null\n",
        "claims: 5\n",
        "claims: [1, 2]\n",
        "claims:\n  - {}\n",
        "links:\n  - {from: [], to: x, relation: supports}\n",
        "links:\n  - {from: {a: 1}, to: [x], relation: 7}\n",
        "sources:\n  - id: s\n    accessed: yesterday\n    authors: 3\n",
        "? [a, b]\n: c\n",
        "claims:\n  - id: a\n    text: A\n    type: fact\n    citations: [{source: [x]}]\n",
        "document: [x]\nspeakers: {a: b}\n",
        "&a [*a]\n",
        "\ufeffclaims:\n\t- id: a\n",
        "claims:\n  - id: a\n    text: A\n    type: fact\n    date: 2025-13-45\n",
        "claims:\n  - id: 12\n    text: 12\n    type: [fact]\n",
    ],
)
def test_malformed_input_never_tracebacks(project: Path, text: str) -> None:
    write(project / "claims/x.yaml", text)
    result = run_process("check")
    assert result.exit_code in (0, 1), result
    assert "Traceback" not in result.stderr + result.stdout, result
    for line in result.stdout.splitlines():
        assert line.startswith(("claims/x.yaml:", "  hint:", "  note:")), result
