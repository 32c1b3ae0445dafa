"""The claims -> arguments translation, row by row, on small hand-worked corpora."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import run_cli, write


def labels(project: Path, body: str, *options: str) -> dict[str, object]:
    write(project / "claims" / "t.yaml", "namespace: t\nclaims:\n" + body)
    run = run_cli("evaluate", "claims", "--format", "json", "--no-cache", *options)
    assert run.exit_code == 0, run
    data: dict[str, object] = json.loads(run.stdout)
    return data


def claim(ident: str, *extra: str) -> str:
    lines = [f"  - id: {ident}", f"    text: Claim {ident}.", "    type: fact"]
    return "\n".join(lines + [f"    {e}" for e in extra]) + "\n"


def test_opposes_is_an_attack_and_reinstates(project: Path) -> None:
    body = claim("a", "opposes: [b]") + claim("b", "opposes: [c]") + claim("c")
    data = labels(project, body)
    assert data["labels"] == {"t/a": "in", "t/b": "out", "t/c": "in"}
    assert data["extensions"] == [["t/a", "t/c"]]
    assert data["why"] == {
        "t/a": "unattacked",
        "t/b": "defeated by 't/a', which is in and opposes it",
        "t/c": "defended: 't/b' (opposes it) is beaten by 't/a'",
    }


def test_mutual_attack_is_undec_with_its_cycle(project: Path) -> None:
    data = labels(project, claim("a", "opposes: [b]") + claim("b", "opposes: [a]"))
    assert data["labels"] == {"t/a": "undec", "t/b": "undec"}
    assert data["why"]["t/a"] == "open: caught in the attack cycle 't/a' → 't/b' → 't/a'"  # type: ignore[index]
    preferred = labels(
        project, claim("a", "opposes: [b]") + claim("b", "opposes: [a]"), "--semantics", "preferred"
    )
    assert preferred["extensions"] == [["t/a"], ["t/b"]]


def test_odd_cycle_has_no_stable_labelling_and_exits_0(project: Path) -> None:
    body = claim("a", "opposes: [b]") + claim("b", "opposes: [c]") + claim("c", "opposes: [a]")
    data = labels(project, body, "--semantics", "stable")
    assert data == {"semantics": "stable", "labels": {}, "extensions": [], "why": {}}
    run = run_cli("evaluate", "claims", "--semantics", "stable", "--no-cache")
    assert run.exit_code == 0
    assert "note: no stable labelling exists: an odd attack cycle" in run.stdout


CO_PREMISES = """links:
  - id: together
    from: [p, q]
    to: c
    relation: opposes
"""


def test_co_premises_attack_as_one_unit(project: Path) -> None:
    body = claim("p") + claim("q") + claim("c") + claim("x", "opposes: [q]") + CO_PREMISES
    data = labels(project, body)
    # x defeats q, so the unit p + q no longer attacks c; p alone never did.
    assert data["labels"] == {"t/p": "in", "t/q": "out", "t/c": "in", "t/x": "in"}
    assert data["why"]["t/c"] == (  # type: ignore[index]
        "defended: link 't/together' ('t/p' + 't/q') (opposes it) is beaten by 't/x'"
    )
    data = labels(project, claim("p") + claim("q") + claim("c") + CO_PREMISES)
    assert data["labels"]["t/c"] == "out"  # type: ignore[index]


UNDERCUT = """links:
  - id: inference
    from: p
    to: c
    relation: supports
  - from: u
    to: inference
    relation: undercuts
"""


def test_undercut_attacks_the_link_and_so_what_it_supports(project: Path) -> None:
    data = labels(project, claim("p") + claim("c") + claim("u") + UNDERCUT)
    # Secondary attack: u defeats the link c rests on, so u attacks c.
    assert data["labels"] == {"t/p": "in", "t/c": "out", "t/u": "in"}
    assert data["why"]["t/c"] == (  # type: ignore[index]
        "defeated by 't/u', which is in and attacks link 't/inference' ('t/p'), "
        "which 't/c' rests on"
    )


def test_supported_and_secondary_attacks_and_the_necessary_reading(project: Path) -> None:
    # s supports a; a opposes b: supported attack s -> b. y opposes s: secondary y -> a.
    body = claim("s", "supports: [a]") + claim("a", "opposes: [b]") + claim("b")
    data = labels(project, body)
    assert data["labels"] == {"t/s": "in", "t/a": "in", "t/b": "out"}
    body2 = claim("y", "opposes: [s]") + claim("s", "supports: [a]") + claim("a")
    data = labels(project, body2)
    assert data["labels"] == {"t/y": "in", "t/s": "out", "t/a": "out"}
    assert data["why"]["t/a"] == (  # type: ignore[index]
        "defeated by 't/y', which is in and attacks 't/s', which 't/a' rests on"
    )
    # Supported attack: c attacks a; s supports c so s attacks a; a supports z.
    # Necessary reading: a supported claim attacks what its supporter attacks instead.
    body3 = claim("s", "supports: [a]", "opposes: [b]") + claim("a") + claim("b", "opposes: [s]")
    deductive = labels(project, body3)
    assert deductive["labels"] == {"t/s": "undec", "t/a": "undec", "t/b": "undec"}
    necessary = labels(project, body3, "--support", "necessary")
    assert necessary["why"]["t/b"] == (  # type: ignore[index]
        "open: caught in the attack cycle 't/b' → 't/s' → 't/b'"
    )


def test_retracted_and_superseded_are_removed_disputed_and_draft_flagged(project: Path) -> None:
    body = (
        claim("r", "status: retracted", "opposes: [a]")
        + claim("s", "status: superseded", "opposes: [a]")
        + claim("a", "status: disputed")
        + claim("d", "status: draft", "opposes: [a]")
    )
    data = labels(project, body)
    assert data["labels"] == {"t/a": "out", "t/d": "in"}
    run = run_cli("evaluate", "claims", "--no-cache")
    assert "OUT    a (disputed)" in run.stdout
    assert "IN     d (draft)" in run.stdout
    assert "left out (retracted): r" in run.stdout
    assert "left out (superseded): s" in run.stdout


def test_dfquad_hand_computed_example(project: Path) -> None:
    body = claim("c") + claim("s1", "supports: [c]") + claim("s2", "supports: [c]")
    data = labels(project, body + claim("x", "opposes: [c]"), "--semantics", "dfquad")
    assert data["strength"]["t/c"] == 0.625  # type: ignore[index]
    assert data["why"]["t/c"] == (  # type: ignore[index]
        "0.62: base 0.50; +0.12 from 't/s1', +0.12 from 't/s2', -0.25 from 't/x'"
    )
    retracted = labels(
        project, body + claim("x", "opposes: [c]", "status: retracted"), "--semantics", "dfquad"
    )
    assert retracted["strength"]["t/c"] == 0.875  # type: ignore[index]
    assert set(retracted) == {"semantics", "labels", "extensions", "strength", "why"}


def test_base_scores_from_field_and_sourcing(project: Path) -> None:
    data = labels(
        project,
        claim("a", "base: 0.9") + claim("b"),
        "--semantics",
        "dfquad",
        "--base-from",
        "sourcing",
        "--unsourced",
        "0.3",
    )
    assert data["strength"] == {"t/a": 0.9, "t/b": 0.3}


def test_dfquad_cycle_reports_non_convergence_or_settles(project: Path) -> None:
    body = claim("a", "opposes: [b]") + claim("b", "opposes: [a]")
    run = labels(project, body, "--semantics", "dfquad")
    assert run["strength"]["t/a"] == run["strength"]["t/b"]  # type: ignore[index]


def test_expectation_failed_is_a_located_error(project: Path) -> None:
    body = claim("a", "opposes: [b]") + claim("b")
    expect = "expect:\n  grounded:\n    in: [a]\n    out: [a]\n"
    write(project / "claims" / "t.yaml", "namespace: t\nclaims:\n" + body + expect)
    run = run_cli("check", "claims", "--no-cache")
    assert run.exit_code == 1, run
    assert run.stdout.splitlines()[0] == (
        "claims/t.yaml:13:11: error: claim 'a' is expected out under grounded semantics, "
        "but is in [expectation-failed]"
    )
    write(
        project / "claims" / "t.yaml",
        "namespace: t\nclaims:\n" + body + "expect:\n  grounded: {in: [a], out: [b]}\n",
    )
    assert run_cli("check", "claims", "--no-cache").exit_code == 0


def test_a_large_core_without_clingo_names_the_extra(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.evaluate.clingo_backend as backend
    import argmap.evaluate.search as search

    monkeypatch.setattr(search, "NATIVE_LIMIT", 1)
    monkeypatch.setattr(backend, "available", lambda: False)
    write(
        project / "claims" / "t.yaml",
        "namespace: t\nclaims:\n" + claim("a", "opposes: [b]") + claim("b", "opposes: [a]"),
    )
    run = run_cli("evaluate", "claims", "--semantics", "preferred", "--no-cache")
    assert run.exit_code == 2, run
    assert run.stderr.splitlines() == [
        "argmap: error: the undecided core has a part of 2 arguments, more than the 1 "
        "searched natively",
        "  hint: install the clingo extra: pip install 'argmap[clingo]'",
    ]
    monkeypatch.setattr(backend, "available", lambda: True)
    run = run_cli(
        "evaluate", "claims", "--semantics", "preferred", "--no-cache", "--format", "json"
    )
    assert json.loads(run.stdout)["extensions"] == [["t/a"], ["t/b"]]


def test_dfquad_that_does_not_settle_says_so(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import argmap.evaluate.dfquad as dfquad

    monkeypatch.setattr(dfquad, "MAX_ROUNDS", 1)
    write(
        project / "claims" / "t.yaml",
        "namespace: t\nclaims:\n" + claim("a", "opposes: [b]") + claim("b", "opposes: [a]"),
    )
    run = run_cli("evaluate", "claims", "--semantics", "dfquad", "--no-cache")
    assert run.exit_code == 0, run
    assert run.stdout.splitlines()[1] == (
        "note: DF-QuAD did not converge in 1 rounds (an attack or support cycle "
        "oscillates); strengths are the last round's"
    )


def test_map_and_brief_show_the_verdicts(project: Path) -> None:
    write(
        project / "claims" / "t.yaml",
        "namespace: t\nclaims:\n" + claim("a", "opposes: [b]") + claim("b"),
    )
    dot = run_cli("map", "claims", "--evaluate", "grounded", "--no-cache")
    assert dot.exit_code == 0, dot
    assert "<B>OUT</B>" in dot.stdout and "<B>IN</B>" in dot.stdout
    assert 'fillcolor="#EEEEEE"' in dot.stdout  # b, defeated, is muted
    assert "OUT: defeated by an accepted attacker" in dot.stdout  # the legend's key
    plain = run_cli("map", "claims", "--no-cache")
    assert "<B>OUT</B>" not in plain.stdout
    strength = run_cli("map", "claims", "--evaluate", "dfquad", "--no-cache")
    assert "<B>0.25</B>" in strength.stdout
    brief = run_cli("brief", "claims", "--evaluate", "grounded", "--no-cache")
    assert "**What stands** (grounded):" in brief.stdout
    assert "- **Falls:** Claim b. — unattributed — defeated by 'a', which is in and opposes it" in (
        brief.stdout
    )
    sides = run_cli("perspectives", "claims", "--evaluate", "grounded", "--no-cache")
    assert "**Which of its conclusions stand** (grounded):" in sides.stdout
    assert "- **Stands:** Claim a. — unattributed — unattacked" in sides.stdout


def test_expectations_wait_until_the_files_are_clean(project: Path) -> None:
    body = claim("a", "opposes: [b]") + claim("b", "suports: [a]")
    write(
        project / "claims" / "t.yaml",
        "namespace: t\nclaims:\n" + body + "expect:\n  grounded: {in: [a], out: [b]}\n",
    )
    run = run_cli("check", "claims", "--no-cache")
    assert run.exit_code == 1, run
    assert [line.split(" [")[-1] for line in run.stdout.splitlines() if "error:" in line] == [
        "unknown-field]"
    ]
