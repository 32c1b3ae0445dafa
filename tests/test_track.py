"""`argmap track` through the CLI, on a copy of examples/tracking: appearances, flags,
filters, every format (the JSON contract, ClaimReview), `--all`, the audit, and the
history shown in `show`, the map's tooltip, the brief and `renders/tracking.md`."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import REPO, run_cli

EXAMPLE = REPO / "examples" / "tracking" / "claims"


@pytest.fixture
def claims(project: Path) -> Path:
    """A copy of the example's claims as claims/ of a scratch project."""
    shutil.rmtree(project / "claims")
    shutil.copytree(EXAMPLE, project / "claims")
    return project / "claims"


def _track(*args: str) -> str:
    result = run_cli("track", *args)
    assert result.exit_code == 0, result
    return result.stdout


def test_table_lists_appearances_oldest_first_with_history_and_flags(claims: Path) -> None:
    assert _track("coastal-dispatch/dredging-june") == (
        "tracked claim harbour-review/dredging-by-june (prediction)\n"
        "  The dredging of the Marlow channel will be finished by June 2025.\n"
        "first appearance: 2025-02-12, harbour-review/dredging-by-june in “Marlow's port bets"
        " on growth”\n"
        "flags: repeated after retraction, never sourced\n"
        "appearances (2 in 2 document(s)), oldest first:\n"
        "  2025-02-12  harbour-review/dredging-by-june  “Marlow's port bets on growth”\n"
        "      speakers: Dana Whitfield (chair of the Marlow Port Authority)\n"
        "      sourcing: unsourced; status: retracted\n"
        '      quote: "the dredging of the Marlow channel will be finished by June 2025" (para 4)\n'
        "  2025-04-08  coastal-dispatch/dredging-june  “Quayside hopes and doubts”\n"
        "      speakers: Ravi Anand (Marlow city councillor)\n"
        "      sourcing: unsourced; status: -\n"
        '      quote: "dredging of Marlow\'s channel will be complete by June 2025" (para 4)\n'
        "history:\n"
        "  2025-03-01  disputed    The dredging contractor said the work would run into 2026."
        " (harbour-review/dredging-by-june)\n"
        "  2025-03-20  retracted   The Port Authority withdrew the June date."
        " (harbour-review/dredging-by-june)\n"
    )


def test_json_contract(claims: Path) -> None:
    data = json.loads(_track("harbour-review/toll-revenue-doubled", "--format", "json"))
    assert set(data) == {
        "tracked",
        "text",
        "documents",
        "first_appearance",
        "appearances",
        "flags",
        "history",
    }
    assert data["tracked"] == "harbour-review/toll-revenue-doubled"
    assert data["flags"] == {
        "repeated_after_retraction": False,
        "never_sourced": False,
        "contested": 1,
    }
    assert data["history"] == []
    first, second = data["appearances"]
    assert set(first) >= {
        "claim",
        "document",
        "date",
        "speakers",
        "sourcing",
        "status",
        "quotes",
    }
    assert (first["claim"], first["document"], first["date"]) == (
        "harbour-review/toll-revenue-doubled",
        "harbour-review",
        "2025-02-12",
    )
    assert (first["speakers"], first["sourcing"], first["status"]) == (
        ["Dana Whitfield"],
        "sourced",
        None,
    )
    assert first["quotes"] == ["toll revenue at the Port of Marlow doubled in 2024"]
    assert first["opposed_by"] == ["coastal-dispatch/revenue-not-doubled"]
    assert (second["claim"], second["sourcing"]) == ("coastal-dispatch/toll-revenue", "unsourced")


def test_history_json_and_undated_last(claims: Path) -> None:
    data = json.loads(_track("dredging-by-june", "--format", "json"))
    assert data["history"] == [
        {
            "date": "2025-03-01",
            "status": "disputed",
            "note": "The dredging contractor said the work would run into 2026.",
            "claim": "harbour-review/dredging-by-june",
        },
        {
            "date": "2025-03-20",
            "status": "retracted",
            "note": "The Port Authority withdrew the June date.",
            "claim": "harbour-review/dredging-by-june",
        },
    ]
    assert data["flags"]["repeated_after_retraction"] and data["flags"]["never_sourced"]
    # An untracked, undated claim is its own single appearance, dated by its document.
    alone = json.loads(_track("union-jobs", "--format", "json"))
    assert [a["date"] for a in alone["appearances"]] == ["2025-04-10"]


def test_canonical_marks_the_tracked_id_and_undated_sort_last(claims: Path) -> None:
    text = (claims / "harbour-review.yaml").read_text()
    text = text.replace("    canonical: true\n", "").replace("    date: 2025-02-12\n", "")
    (claims / "harbour-review.yaml").write_text(text.replace("    published: 2025-03-04\n", ""))
    data = json.loads(_track("toll-revenue", "--format", "json"))
    assert data["tracked"] == "coastal-dispatch/toll-revenue"  # now the earliest dated
    assert [a["date"] for a in data["appearances"]] == ["2025-04-08", None]
    shown = _track("toll-revenue")
    assert "  undated     harbour-review/toll-revenue-doubled" in shown


def test_filters(claims: Path) -> None:
    since = json.loads(_track("dredging-june", "--since", "2025-03-01", "--format", "json"))
    assert [a["claim"] for a in since["appearances"]] == ["coastal-dispatch/dredging-june"]
    assert since["first_appearance"]["claim"] == "harbour-review/dredging-by-june"
    until = json.loads(_track("dredging-june", "--until", "2025-03-01", "--format", "json"))
    assert [a["claim"] for a in until["appearances"]] == ["harbour-review/dredging-by-june"]
    who = json.loads(_track("--all", "--speaker", "Ravi Anand", "--format", "json"))
    assert [[a["claim"] for a in t["appearances"]] for t in who] == [
        ["coastal-dispatch/dredging-june"]
    ]
    by_id = json.loads(_track("--all", "--speaker", "whitfield", "--format", "json"))
    assert len(by_id) == 2
    none = run_cli("track", "dredging-june", "--speaker", "nobody")
    assert none.exit_code == 2
    assert none.stderr.startswith("argmap: error: no appearance of 'coastal-dispatch/dredging")
    bad = run_cli("track", "dredging-june", "--since", "March")
    assert bad.exit_code == 2
    assert bad.stderr == (
        "argmap: error: --since 'March' is not a date\n"
        "  hint: write it as YYYY-MM-DD, e.g. 2025-01-31\n"
    )


def test_all_table_and_markdown(claims: Path) -> None:
    assert _track("--all") == (
        "TRACKED                              DOCS  APPEARANCES  FIRST       SOURCING"
        "                FLAGS\n"
        "harbour-review/dredging-by-june      2     2            2025-02-12  2 unsourced"
        "             repeated after retraction, never sourced\n"
        "harbour-review/toll-revenue-doubled  2     2            2025-02-12  1 sourced, 1 unsourced"
        "  contested 1\n"
    )
    markdown = _track("--all", "claims", "--format", "markdown")
    assert markdown.startswith("# Tracked claims\n\n| Tracked claim | Documents |")
    assert "| 2025-04-08 | `coastal-dispatch/dredging-june` | Quayside hopes and doubts |" in (
        markdown
    )


def test_claimreview_has_appearances_and_first_appearance(claims: Path) -> None:
    data = json.loads(_track("--all", "--format", "claimreview"))
    assert data["@context"] == "https://schema.org"
    retracted, contested = data["@graph"]
    assert retracted["@type"] == "ClaimReview"
    assert retracted["identifier"] == "harbour-review/dredging-by-june"
    item = retracted["itemReviewed"]
    assert [w["datePublished"] for w in item["appearance"]] == ["2025-02-12", "2025-04-08"]
    assert item["firstAppearance"]["name"] == "Marlow's port bets on growth"
    assert retracted["reviewRating"]["alternateName"] == "Retracted"
    assert retracted["author"] == [{"@type": "Person", "name": "Ines Carvalho"}]
    assert "reviewRating" not in contested  # no verdict recorded for it


def test_audit_reports_never_sourced_tracked_claims(claims: Path) -> None:
    result = run_cli("audit", "claims")
    assert result.stdout.endswith(
        "Tracked claims never sourced, in any document (1):\n"
        "  coastal-dispatch/dredging-june = harbour-review/dredging-by-june\n"
    ), result
    data = json.loads(run_cli("audit", "claims", "--format", "json").stdout)
    assert data["never_sourced_tracked"] == [
        ["coastal-dispatch/dredging-june", "harbour-review/dredging-by-june"]
    ]


def test_history_in_show_tooltip_and_brief(claims: Path) -> None:
    shown = _track("dredging-by-june")  # (track itself is above)
    assert "history:" in shown
    show = run_cli("show", "dredging-by-june")
    lines = show.stdout.splitlines()
    at = lines.index("history:")
    assert lines[at - 3] == "date: 2025-02-12"  # the claim's date, then its citations
    assert lines[at : at + 3] == [
        "history:",
        "  2025-03-01  disputed  The dredging contractor said the work would run into 2026.",
        "  2025-03-20  retracted  The Port Authority withdrew the June date.",
    ]
    history = (
        "2025-03-01 disputed: The dredging contractor said the work would run into 2026. · "
        "2025-03-20 retracted: The Port Authority withdrew the June date."
    )
    dot = run_cli("map", "claims/harbour-review.yaml").stdout
    assert f'tooltip="{history}"' in dot
    brief = run_cli("brief", "claims/harbour-review.yaml").stdout
    assert f"(history: {history})" in brief


def test_render_writes_tracking_md_only_with_a_tracked_claim(claims: Path) -> None:
    result = run_cli("render", "claims")
    assert result.exit_code == 0, result
    written = Path("renders/tracking.md").read_text(encoding="utf-8")
    assert written.startswith("# Tracked claims: one claim across documents\n")
    assert written == _track("--all", "--format", "markdown").replace(
        "# Tracked claims\n", "# Tracked claims: one claim across documents\n", 1
    )
    assert run_cli("render", "claims", "--check").exit_code == 0
    for name in ("coastal-dispatch.yaml",):
        text = (claims / name).read_text()
        text = text.replace("    same-as: harbour-review/toll-revenue-doubled\n", "")
        (claims / name).write_text(
            text.replace("    same-as: [harbour-review/dredging-by-june]\n", "")
        )
    stale = run_cli("render", "claims", "--check")
    assert stale.exit_code == 1
    assert "renders/tracking.md: stale: the claims have no tracked claim" in stale.stderr
    assert run_cli("render", "claims").exit_code == 0
    assert not Path("renders/tracking.md").exists()


def test_the_example_is_clean_and_canonical() -> None:
    checked = run_cli("check", "--strict", str(EXAMPLE))
    assert checked.exit_code == 0, checked
    assert checked.stderr.endswith("2 file(s), 8 claim(s): 0 error(s), 0 warning(s)\n")
    assert run_cli("fmt", "--check", str(EXAMPLE)).exit_code == 0


def test_forced_render_of_a_corpus_without_tracked_claims_writes_no_tracking_md(
    claims: Path,
) -> None:
    for name in ("coastal-dispatch.yaml",):
        text = (claims / name).read_text()
        text = text.replace("    same-as: harbour-review/toll-revenue-doubled\n", "")
        (claims / name).write_text(
            text.replace("    same-as: [harbour-review/dredging-by-june]\n", "")
        )
    result = run_cli("render", "claims", "--force")
    assert result.exit_code == 0, result
    assert result.stderr.startswith("wrote 18 file(s) for 2 document(s)"), result
    assert not Path("renders/tracking.md").exists()
