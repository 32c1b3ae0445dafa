"""A claim spoken by speakers of two perspectives is credited to both, the same way everywhere:
a split fill on the map (and its legend row), a place in each perspective's column and
section of the perspectives brief, both names in a clash, and a count for each in the audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli, write

FILE = """\
document: doc
sources:
  - id: doc
    title: Doc
    url: https://example.org
speakers:
  - id: putin
    name: Putin
    perspective: russia
  - id: lukashenko
    name: Lukashenko
    perspective: belarus
  - id: scholz
    name: Scholz
    perspective: germany
perspectives:
  - id: russia
    name: Russia
  - id: belarus
    name: Belarus
  - id: germany
    name: Germany
questions:
  - id: q
    text: Why?
claims:
  - id: joint
    text: The exercise is defensive.
    type: value
    speakers: [putin, lukashenko]
    questions: [q]
  - id: reply
    text: The exercise is a threat.
    type: value
    speakers: [scholz]
    questions: [q]
    opposes: [joint]
"""


@pytest.fixture
def claims(project: Path) -> Path:
    return write(project / "claims/m.yaml", FILE)


def test_the_map_splits_the_fill_and_says_so_in_the_legend(claims: Path) -> None:
    dot = run_cli("map", "--format", "dot").stdout
    russia, belarus = "#EEDD88", "#77AADD"  # their palette colours, as the legend shows
    assert f'<TD BGCOLOR="{russia}" WIDTH="18"> </TD><TD ALIGN="LEFT">Russia</TD>' in dot
    assert f'<TD BGCOLOR="{belarus}" WIDTH="18"> </TD><TD ALIGN="LEFT">Belarus</TD>' in dot
    assert (
        f'"m/joint" [shape=ellipse, style="filled,dashed", fillcolor="{russia};0.5:{belarus}"'
        in dot
    )
    assert (
        f'<TD BGCOLOR="{russia};0.5:{belarus}" WIDTH="18"> </TD><TD ALIGN="LEFT">'
        "Split fill: speakers of several perspectives, each credited</TD>"
    ) in dot
    svg = run_cli("map", "--format", "svg").stdout
    assert 'offset="0.499" style="stop-color:#eedd88' in svg.lower()  # Graphviz drew the split


def test_the_perspectives_brief_credits_both(claims: Path) -> None:
    brief = run_cli("perspectives").stdout
    mention = "The exercise is defensive. — Putin; Lukashenko ⚠ *unsourced*"
    assert f"| {mention} | {mention} | The exercise is a threat. — Scholz ⚠ *unsourced* |" in brief
    assert (
        "| Germany | The exercise is a threat. — Scholz | opposes | Russia and Belarus | "
        "The exercise is defensive. — Putin; Lukashenko |"
    ) in brief
    for side in ("Russia", "Belarus"):
        section = brief.split(f"\n## {side}\n", 1)[1].split("\n## ", 1)[0]
        assert "1 of its 1 claim cites nothing beyond the document itself" in section


def test_the_audit_counts_it_for_both(claims: Path) -> None:
    audit = json.loads(run_cli("audit", "--format", "json").stdout)
    counts = {row["name"]: row["claims"] for row in audit["by_perspective"]}
    assert counts == {"Russia": 1, "Belarus": 1, "Germany": 1}
