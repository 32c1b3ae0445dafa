"""`argmap track --suggest` and `argmap add same-as|not-same-as`, through the CLI.

Suggestion quality is measured on the labelled sets in fixtures/tracking/
(restatements and near misses across files; the pairs that make one claim are
in NAME-pairs.yaml; see suggest_quality.py): precision of every pair proposed
at the default --min-score, and top-1 recall, the share of claims that have a
restatement whose best suggestion is one.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from suggest_quality import FIXTURES, SETS, quality

EXAMPLE = REPO / "examples" / "tracking" / "claims"


def _suggest(folder: Path | str, *options: str) -> list[dict[str, object]]:
    result = run_cli("track", "--suggest", str(folder), "--format", "json", *options)
    assert result.exit_code == 0, result
    data: list[dict[str, object]] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("name", SETS)
def test_quality_on_the_labelled_sets(name: str) -> None:
    suggestions = _suggest(FIXTURES / name)
    precision, recall = quality(suggestions, name)
    assert precision >= 0.8, suggestions
    assert recall >= 0.8, suggestions


def test_numbers_names_and_negation_must_agree() -> None:
    proposed = {frozenset((str(s["a"]), str(s["b"]))) for s in _suggest(FIXTURES / "labelled")}
    for a, b in [
        ("first/warheads-410", "second/warheads-1500"),  # 410 is not 1,500
        ("first/jobs-400", "second/expansion-jobs-1200"),
        ("first/toll-doubled-2023", "second/port-tolls-tripled"),  # doubled is not tripled
        ("first/india-alignment", "second/pakistan-closer-russia"),  # other names
        ("first/rates-cut", "second/rates-not-cut"),  # one denies the other
        ("first/scrutiny-abroad", "second/scrutiny-france"),
    ]:
        assert frozenset((a, b)) not in proposed


def test_json_shape_and_min_score() -> None:
    everything = _suggest(FIXTURES / "labelled", "--min-score", "0")
    assert everything, "some pair scores above 0"
    assert all(set(s) == {"a", "b", "score"} for s in everything)
    scores = [float(str(s["score"])) for s in everything]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 1 for score in scores)
    high = _suggest(FIXTURES / "labelled", "--min-score", "0.9")
    assert all(float(str(s["score"])) >= 0.9 for s in high) and len(high) < len(everything)
    for args, message in [
        (
            ("--suggest", "--since", "2025-01-01"),
            "--since, --until and --speaker filter appearances; --suggest takes none",
        ),
        (("--all", "--min-score", "0.3"), "--min-score goes with --suggest"),
    ]:
        refused = run_cli("track", *args, str(FIXTURES / "labelled"))
        assert (refused.exit_code, refused.stderr) == (2, f"argmap: error: {message}\n")
    bad = run_cli("track", "--suggest", str(FIXTURES / "labelled"), "--min-score", "2")
    assert (bad.exit_code, bad.stderr) == (
        2,
        "argmap: error: --min-score 2.0 is not between 0 and 1\n",
    )


@pytest.fixture
def claims(project: Path) -> Path:
    """A copy of the example's claims as claims/ of a scratch project."""
    shutil.rmtree(project / "claims")
    shutil.copytree(EXAMPLE, project / "claims")
    return project / "claims"


def test_suggest_then_record_same_as(claims: Path) -> None:
    table = run_cli("track", "--suggest")
    assert table.stdout == (
        "0.658  coastal-dispatch/expansion-jobs  ~  harbour-review/jobs-claim\n"
        "       Expanding the port will bring 1,200 new jobs to Marlow.\n"
        "       The port expansion will create 1,200 jobs.\n"
    ), table
    before = (claims / "coastal-dispatch.yaml").read_text(encoding="utf-8")
    added = run_cli("add", "same-as", "expansion-jobs", "harbour-review/jobs-claim")
    assert added.exit_code == 0, added
    assert added.stderr == (
        "add: same-as 'harbour-review/jobs-claim' added to claim 'expansion-jobs' "
        "in claims/coastal-dispatch.yaml\n"
    )
    after = (claims / "coastal-dispatch.yaml").read_text(encoding="utf-8")
    # One line is added, after the claim's last key and before the blank line; every
    # comment and every other byte stays.
    anchor = (
        "        quote: expanding the port will bring 1,200 new jobs to Marlow\n"
        "    date: 2025-04-08\n    standalone: true\n"
    )
    assert after == before.replace(anchor, anchor + "    same-as: [harbour-review/jobs-claim]\n")
    assert _suggest("claims") == []
    tracked = json.loads(run_cli("track", "jobs-claim", "--format", "json").stdout)
    assert [a["claim"] for a in tracked["appearances"]] == [
        "harbour-review/jobs-claim",
        "coastal-dispatch/expansion-jobs",
    ]


def test_not_same_as_silences_a_pair_and_refusals(claims: Path) -> None:
    assert _suggest("claims", "--min-score", "0.3")
    recorded = run_cli("add", "not-same-as", "harbour-review/jobs-claim", "expansion-jobs")
    assert recorded.exit_code == 0, recorded
    harbour = (claims / "harbour-review.yaml").read_text(encoding="utf-8")
    assert harbour.endswith(
        "        quote: the port expansion will create 1,200 jobs\n"
        "    date: 2025-02-12\n"
        "    not-same-as: [coastal-dispatch/expansion-jobs]\n"
    )
    assert "# The analyst keeps the claim's fate here" in harbour
    assert all(
        {s["a"], s["b"]} != {"coastal-dispatch/expansion-jobs", "harbour-review/jobs-claim"}
        for s in _suggest("claims", "--min-score", "0")
    )
    for args, message in [
        (
            ("same-as", "expansion-jobs", "harbour-review/jobs-claim"),
            "argmap: error: 'coastal-dispatch/expansion-jobs' and 'harbour-review/jobs-claim' "
            "are already recorded as not-same-as\n"
            "  hint: remove the 'not-same-as' entry first if you changed your mind\n",
        ),
        (
            ("not-same-as", "jobs-claim", "expansion-jobs"),
            "argmap: error: 'harbour-review/jobs-claim' not-same-as "
            "'coastal-dispatch/expansion-jobs' is already recorded\n",
        ),
        (
            ("same-as", "toll-revenue", "revenue-not-doubled"),
            "argmap: error: 'coastal-dispatch/toll-revenue' and "
            "'coastal-dispatch/revenue-not-doubled' are in one document\n"
            "  hint: same-as joins claims in different documents; merge the two claims, "
            "or link them\n",
        ),
        (
            ("same-as", "toll-revenu", "jobs-claim"),
            "argmap: error: no claim 'toll-revenu'\n  hint: did you mean 'toll-revenue'?\n",
        ),
    ]:
        refused = run_cli("add", *args)
        assert (refused.exit_code, refused.stderr) == (1, message)


def test_recheck_after_the_edit_reports_problems(claims: Path) -> None:
    # A fact recorded same-as a prediction: written, then the check warns (on stderr).
    result = run_cli("add", "same-as", "revenue-not-doubled", "harbour-review/jobs-claim")
    assert result.exit_code == 0, result
    assert result.stderr.splitlines()[1] + "\n" == (
        "claims/harbour-review.yaml:67:11: warning: claim 'jobs-claim' (prediction) is the same "
        "claim as 'coastal-dispatch/revenue-not-doubled' (fact), but their types differ "
        "[same-as-type-mismatch]\n"
    ), result


def test_rename_follows_same_as(claims: Path) -> None:
    result = run_cli("rename", "harbour-review/dredging-by-june", "dredging-promise")
    assert result.exit_code == 0, result
    text = (claims / "coastal-dispatch.yaml").read_text(encoding="utf-8")
    assert "    same-as: [harbour-review/dredging-promise]\n" in text
    assert run_cli("check").exit_code == 0
