"""The checks of claim tracking, through `argmap check`: each code's exact line and hint.

same-as into the claim's own document, an unknown same-as target (with
did-you-mean), appearances of one tracked claim with different types, a pair
both same-as and not-same-as, history dates out of order, and a status other
than the history's last.
"""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli, write

HEAD = """\
document: {doc}
sources:
  - id: {doc}
    title: {doc}
claims:
"""


def _doc(folder: Path, name: str, claims: str) -> None:
    write(folder / f"{name}.yaml", HEAD.format(doc=name) + claims)


def _check(project: Path, *options: str) -> list[str]:
    """The diagnostics `check` prints (on stdout), line by line."""
    result = run_cli("check", "claims", *options)
    assert result.exit_code == (1 if result.stdout else 0), result
    return result.stdout.splitlines()


def test_same_as_into_own_document(project: Path) -> None:
    _doc(
        project / "claims",
        "a",
        """\
  - id: x
    text: X holds.
    type: fact
    standalone: true
    same-as: [a/y]
  - id: y
    text: X holds, again.
    type: fact
    standalone: true
""",
    )
    assert _check(project) == [
        "claims/a.yaml:10:15: error: claim 'x' is same-as 'y' in its own document "
        "[same-as-own-document]",
        "  hint: same-as joins appearances in different documents; merge the two claims into "
        "one, or link them with 'supports:'",
    ]


def test_unknown_same_as_target_suggests(project: Path) -> None:
    _doc(project / "claims", "a", "  - id: x\n    text: X.\n    type: fact\n    standalone: true\n")
    _doc(
        project / "claims",
        "b",
        "  - id: z\n    text: X.\n    type: fact\n    standalone: true\n    same-as: a/xx\n",
    )
    _doc(
        project / "claims",
        "c",
        "  - id: w\n    text: W.\n    type: fact\n    standalone: true\n    not-same-as: [a/q]\n",
    )
    assert _check(project) == [
        "claims/b.yaml:10:14: error: unknown claim or link 'a/xx' [unknown-ref]",
        "  hint: did you mean 'a/x'?",
        "claims/c.yaml:10:19: error: unknown claim or link 'a/q' [unknown-ref]",
        "  hint: did you mean 'a/x'?",
    ]


def test_types_differ_and_pair_judged_both_ways(project: Path) -> None:
    claims = project / "claims"
    _doc(claims, "a", "  - id: x\n    text: X.\n    type: fact\n    standalone: true\n")
    _doc(
        claims,
        "b",
        """\
  - id: y
    text: X, said again.
    type: prediction
    standalone: true
    same-as: a/x
""",
    )
    _doc(
        claims,
        "c",
        """\
  - id: z
    text: X, a third time.
    type: fact
    standalone: true
    same-as: b/y
    not-same-as: [a/x]
""",
    )
    assert _check(project, "--strict") == [
        "claims/b.yaml:8:11: warning: claim 'y' (prediction) is the same claim as 'a/x' "
        "(fact), but their types differ [same-as-type-mismatch]",
        "  hint: give every appearance of a tracked claim one type, or remove the 'same-as' "
        "if they are different claims",
        "claims/c.yaml:11:19: error: claim 'z' is not-same-as 'a/x', but same-as makes them "
        "one tracked claim [same-as-conflict]",
        "  hint: remove this 'not-same-as', or the 'same-as' that joins them "
        "('argmap track' lists the appearances)",
    ]


def test_history_out_of_order_and_status_mismatch(project: Path) -> None:
    _doc(
        project / "claims",
        "a",
        """\
  - id: x
    text: X.
    type: fact
    status: asserted
    standalone: true
    history:
      - date: 2025-03-01
        status: disputed
      - date: 2025-02-01
        status: retracted
        note: Withdrawn.
""",
    )
    assert _check(project) == [
        "claims/a.yaml:9:13: error: claim 'x' has status 'asserted', but its history ends "
        "'retracted' [history-status]",
        "  hint: set 'status: retracted' or leave it out (the last history entry gives it)",
        "claims/a.yaml:14:15: error: history of claim 'x': entry 2 (2025-02-01) is dated "
        "before entry 1 (2025-03-01) [history-order]",
        "  hint: list history entries oldest first",
    ]


def test_history_without_status_gives_it(project: Path) -> None:
    _doc(
        project / "claims",
        "a",
        """\
  - id: x
    text: X.
    type: fact
    standalone: true
    history:
      - {date: 2025-01-01, status: disputed, citations: [{source: nowhere}]}
      - {date: 2025-02-01, status: retracted}
""",
    )
    assert _check(project) == [
        "claims/a.yaml:11:67: error: unknown source 'nowhere' [unknown-ref]",
        "  hint: define it under 'sources:' or fix the id",
    ]
    (project / "claims/a.yaml").write_text(
        (project / "claims/a.yaml").read_text().replace("source: nowhere", "source: a")
    )
    shown = run_cli("show", "x", "claims")
    assert shown.exit_code == 0, shown
    assert shown.stdout.splitlines()[0] == "a/x (fact)  [unsourced]  [retracted]"
    assert "history:\n  2025-01-01  disputed\n  2025-02-01  retracted\n" in shown.stdout
