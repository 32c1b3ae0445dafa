"""The semantics against ICCMA frameworks with known answers and an independent solver."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import argmap.evaluate.search as search
from argmap.evaluate import clingo_backend
from argmap.evaluate.framework import Framework, extension
from argmap.evaluate.grounded import grounded
from argmap.evaluate.iccma import AfError, read_af
from conftest import interop, run_cli

SEMANTICS = ("grounded", "complete", "preferred", "stable")


def extensions(framework: Framework, semantics: str, large: bool = False) -> list[list[str]]:
    """The sorted extensions; with *large*, every undecided part goes to clingo."""
    ground = grounded(framework)
    if semantics == "grounded":
        return [extension(ground, framework.names)]
    solver = clingo_backend.solve_with_clingo if large else None
    limit = search.NATIVE_LIMIT
    search.NATIVE_LIMIT = -1 if large else limit
    try:
        found = search.labellings(framework, ground, semantics, solver)
    finally:
        search.NATIVE_LIMIT = limit
    return sorted(extension(labels, framework.names) for labels in found)


def test_every_iccma_framework_matches_expected() -> None:
    folder = interop("iccma")
    expected = json.loads((folder / "EXPECTED.json").read_text(encoding="utf-8"))
    assert len(expected) == 9
    for name, answers in expected.items():
        framework = read_af(name, (folder / name).read_text(encoding="utf-8"))
        assert framework.size == answers["n_args"], name
        assert framework.attack_count() == answers["n_attacks"], name
        assert extensions(framework, "grounded") == [answers["grounded"]], name
        for semantics in ("complete", "preferred", "stable"):
            assert extensions(framework, semantics) == sorted(answers[semantics]), (name, semantics)
            assert extensions(framework, semantics, large=True) == sorted(answers[semantics]), (
                name,
                semantics,
                "clingo",
            )


def test_cli_af_reads_each_format_and_prints_the_json_contract() -> None:
    folder = interop("iccma")
    run = run_cli(
        "evaluate",
        "--af",
        str(folder / "assat_a.apx"),
        "--semantics",
        "preferred",
        "--format",
        "json",
    )
    assert run.exit_code == 0, run
    assert json.loads(run.stdout) == {
        "semantics": "preferred",
        "extensions": [["A", "C"], ["A", "D"], ["B", "D"]],
    }
    odd = run_cli(
        "evaluate", "--af", str(folder / "carneades4_odd_cycle1.tgf"), "--semantics", "stable"
    )
    assert odd.exit_code == 0, odd
    assert odd.stdout == "no stable extension: the framework has none (an odd cycle)\n"


def test_iccma23_af_format(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "three.af"
    path.write_text("p af 3\n# a comment\n1 2\n2 3\n", encoding="utf-8")
    run = run_cli("evaluate", "--af", str(path), "--format", "json")
    assert json.loads(run.stdout) == {"semantics": "grounded", "extensions": [["1", "3"]]}
    with pytest.raises(AfError) as bad:
        read_af("x.af", "p af 2\n1 3\n")
    assert (bad.value.line, bad.value.message) == (2, "attack names unknown argument '3'")
    path.write_text("p af 2\n1 2 3\n", encoding="utf-8")
    run = run_cli("evaluate", "--af", str(path))
    assert run.exit_code == 1
    assert f"{path}:2: cannot read '1 2 3'" in run.stderr


@st.composite
def frameworks(draw: st.DrawFn) -> Framework:
    size = draw(st.integers(0, 9))
    framework = Framework()
    for i in range(size):
        framework.add(f"a{i}")
    pairs = draw(
        st.sets(st.tuples(st.integers(0, max(size - 1, 0)), st.integers(0, max(size - 1, 0))))
    )
    for source, target in sorted(pairs):
        if size:
            framework.attackers[target].append(source)
    return framework


@settings(max_examples=150, deadline=None)
@given(frameworks())
def test_every_semantics_agrees_with_formal_argumentation(framework: Framework) -> None:
    from argumentation.core import dung

    af = dung.ArgumentationFramework(
        arguments=frozenset(framework.names),
        defeats=frozenset(
            (framework.names[a], framework.names[t])
            for t, sources in enumerate(framework.attackers)
            for a in sources
        ),
    )
    theirs = {
        "grounded": [sorted(dung.grounded_extension(af))],
        "complete": sorted(sorted(e) for e in dung.complete_extensions(af)),
        "preferred": sorted(sorted(e) for e in dung.preferred_extensions(af)),
        "stable": sorted(sorted(e) for e in dung.stable_extensions(af)),
    }
    for semantics in SEMANTICS:
        assert extensions(framework, semantics) == theirs[semantics], semantics
        if semantics != "grounded":
            assert extensions(framework, semantics, large=True) == theirs[semantics], semantics
