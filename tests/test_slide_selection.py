"""What a slide (and a one-question map) shows: one document at a time, and every undercut of
the links it draws, even when the undercutting claim is not on the question."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli, write

ONE = """\
questions:
  - id: q
    text: Does it work?
claims:
  - id: works
    text: It works.
    type: fact
    questions: [q]
  - id: tested
    text: It was tested.
    type: fact
    questions: [q]
links:
  - id: tested-shows-works
    from: [tested]
    to: works
    relation: supports
"""

UNDERCUT = """\
claims:
  - id: rigged
    text: The test was rigged.
    type: fact
links:
  - from: [rigged]
    to: tested-shows-works
    relation: undercuts
"""


def test_a_slide_of_several_documents_is_refused_with_a_way_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    refused = run_cli("map", "--slide", "--format", "svg", "-o", "slide.svg")
    assert refused.exit_code == 2, refused
    assert refused.stderr.splitlines() == [
        "argmap: error: a slide shows one document; these claims come from 2: "
        "uk-sanctions-testing-the-limits, us-sanctions-on-pakistan",
        "  hint: pick one with --document (e.g. --document uk-sanctions-testing-the-limits), "
        "or write a slide per document with 'argmap render --slide'",
    ]
    assert not (tmp_path / "slide.svg").exists()
    one = run_cli(
        "map",
        "--slide",
        "--format",
        "svg",
        "--document",
        "us-sanctions-on-pakistan",
        "-o",
        "slide.svg",
    )
    assert one.exit_code == 0, one
    svg = (tmp_path / "slide.svg").read_text()
    titles = svg.replace("&#45;", "-")
    assert "<title>us-sanctions-on-pakistan/us-sanctions-series</title>" in titles
    assert "<title>uk-sanctions-testing-the-limits/" not in titles
    wrong = run_cli("map", "--document", "us-sanctions")
    assert wrong.exit_code == 2
    assert wrong.stderr.splitlines()[0] == "argmap: error: no document 'us-sanctions'"


def test_a_question_map_keeps_the_undercuts_of_its_links(project: Path) -> None:
    write(project / "claims/one.yaml", ONE)
    write(project / "claims/one-undercut.yaml", UNDERCUT)
    dot = run_cli("map", "--question", "q", "--format", "dot").stdout
    assert '"one-undercut/rigged" [' in dot
    assert '"one-undercut/rigged" -> ' in dot  # the undercut is drawn, at the link's junction
    assert run_cli("map", "--question", "q", "--slide", "--format", "svg").exit_code == 0
