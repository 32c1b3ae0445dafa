"""The seed corpus through audit, export, show, schema and codes, as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from argmap.codes import CODES
from conftest import REPO, run_cli, run_process

SEED = str(REPO / "claims" / "us-sanctions-on-pakistan.yaml")
"""The seed document alone: counts and ids here are the seed's, whatever else claims/ holds."""
NS = "us-sanctions-on-pakistan/"
"""The seed's namespace: ids are shown qualified in export, audit and show."""
COMMENTARY = REPO / "claims" / "sources" / "us-sanctions-on-pakistan.txt"

UNSOURCED = [
    "sanctions-shaped-us-pakistan-relations",
    "us-sanctions-series",
    "sanctions-prevent-proliferation",
    "sanctions-selective-geopolitical",
    "missiles-threaten-global-security",
    "us-threat-claims-specious",
    "missile-programme-purely-defensive",
    "unfair-to-single-out-pakistan",
    "india-missile-programme-more-advanced",
    "no-similar-sanctions-on-india",
    "sanctions-ignore-asymmetry",
    "pakistan-resilient",
    "china-projects-reduce-dependence",
    "china-cooperation-sustains-pakistan",
    "sanctions-strain-military-technology",
    "sanctions-burden-defence-economy",
    "sanctions-hinder-technology-and-finance",
    "advanced-technology-access-important",
    "sanctions-complicate-balancing",
    "sanctions-drive-new-alliances",
    "sanctions-impact-questionable",
    "sanctions-deepen-china-ties",
    "new-approach-needed",
]
"""The claims with no footnote in their sentence or at the end of their paragraph."""

PARAGRAPH_SOURCED = [
    "sanctions-since-1960s",
    "december-2024-designations",
    "measures-aim-block-long-range-missiles",
    "sanctions-rivalry-tactic",
    "us-aims-limit-china-influence",
    "china-support-draws-pakistan-closer",
    "sanctions-exacerbate-imbalance",
    "india-advances-with-us-support",
    "india-us-cooperation-complicates-balance",
    "imbalance-destabilises-region",
]
"""Claims without a footnote of their own in paragraphs 2, 5 and 6, which a footnote closes."""


def _export() -> dict[str, list[dict[str, object]]]:
    result = run_cli("export", SEED)
    assert result.exit_code == 0, result
    data: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return data


def test_audit_lists_exactly_the_unfootnoted_claims() -> None:
    result = run_cli("audit", SEED, "--format", "json")
    assert result.exit_code == 0, result
    report = json.loads(result.stdout)
    assert [c["id"] for c in report["unsourced"]] == [NS + ident for ident in UNSOURCED]
    assert [c["id"] for c in report["paragraph_sourced"]] == [
        NS + ident for ident in PARAGRAPH_SOURCED
    ]
    assert report["claims"] == 40
    assert report["files"] == ["claims/us-sanctions-on-pakistan.yaml"]
    assert report["coverage_percent"] == 42.5
    assert report["uncited_sources"] == []
    assert report["sources_without_url_or_accessed"] == [
        {"id": NS + "commentary", "missing": ["url", "accessed"]}
    ]


def test_audit_fail_on_unsourced_and_table() -> None:
    result = run_cli("audit", SEED, "--fail-on", "unsourced")
    assert result.exit_code == 1, result
    assert result.stdout.startswith(
        "Audit of 40 claim(s) in 1 file(s): claims/us-sanctions-on-pakistan.yaml\n"
        "Sourcing coverage: 42.5% (7 sourced, 10 paragraph-sourced, 23 unsourced)\n"
    )
    assert f"  {NS}missile-programme-purely-defensive  — Government of Pakistan\n" in result.stdout
    assert "  100.0%     1 + 0   of 1     Jon Finer\n" in result.stdout


def test_every_quote_occurs_in_the_commentary() -> None:
    text = re.sub(r"\s+", " ", COMMENTARY.read_text(encoding="utf-8"))
    quotes = [
        citation["quote"]
        for entry in [*_export()["claims"], *_export()["links"]]
        for citation in entry["citations"]  # type: ignore[attr-defined]
        if citation["source"] == NS + "commentary"
    ]
    assert len(quotes) >= 40
    for quote in quotes:
        assert re.sub(r"\s+", " ", quote).strip() in text, quote


def test_export_shape() -> None:
    data = _export()
    assert list(data) == ["claims", "links", "sources", "speakers", "perspectives", "questions"]
    counts = {key: len(value) for key, value in data.items()}
    assert counts == {
        "claims": 40,
        "links": 34,
        "sources": 5,
        "speakers": 6,
        "perspectives": 4,
        "questions": 7,
    }
    finer = next(s for s in data["speakers"] if s["id"] == NS + "jon-finer")
    assert finer["role"] == "US Deputy National Security Advisor"
    assert finer["perspective"] == NS + "us-government"
    assert all(isinstance(link["from"], list) for link in data["links"])
    south_asia = next(s for s in data["sources"] if s["publisher"] == "South Asia Times")
    assert south_asia["accessed"] == "2025-01-28"
    footnotes = {
        c["locator"]: c["source"]
        for claim in data["claims"]
        for c in claim["citations"]  # type: ignore[attr-defined]
        if c["source"] != NS + "commentary"
    }
    assert footnotes["fn 2"] == footnotes["fn 5"] == footnotes["fn 6"] == south_asia["id"]
    assert len(set(footnotes.values())) == 4
    for source in data["sources"]:
        if source["id"] != NS + "commentary":
            assert source["title"] and source["publisher"] and source["url"], source
            assert source["accessed"] == "2025-01-28"


def test_pakistan_rebuttals_oppose_finer() -> None:
    links = _export()["links"]
    against_finer = {
        premise
        for link in links
        if link["to"] == NS + "missiles-could-target-us" and link["relation"] == "opposes"
        for premise in link["from"]  # type: ignore[attr-defined]
    }
    rebuttals = {NS + "missile-programme-purely-defensive", NS + "us-threat-claims-specious"}
    assert rebuttals <= against_finer


def test_show() -> None:
    result = run_cli("show", "missiles-could-target-us", SEED)
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[:3] == [
        f"{NS}missiles-could-target-us (prediction)",
        "  Pakistan's long-range missiles could target the United States.",
        "  — Jon Finer, US Deputy National Security Advisor",
    ]
    assert f"  opposes ← {NS}missile-programme-purely-defensive: " in result.stdout
    qualified = run_cli("show", NS + "missiles-could-target-us", SEED)
    assert qualified.stdout == result.stdout, qualified


def test_show_unknown_id_suggests() -> None:
    result = run_cli("show", "missiles-could-target-usa", SEED)
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: error: no claim or link 'missiles-could-target-usa'\n"
        "  hint: did you mean 'missiles-could-target-us'?\n"
    )


def test_schema_is_current_and_documented() -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["additionalProperties"] is False
    claim = schema["$defs"]["Claim"]
    assert claim["properties"]["text"]["description"] == "The proposition, stated plainly."
    committed = (REPO / "argmap.schema.json").read_text(encoding="utf-8")
    assert committed == result.stdout, "run: argmap schema > argmap.schema.json"


def test_codes_lists_the_closed_set() -> None:
    lines = run_cli("codes").stdout.splitlines()
    assert [line.split()[0] for line in lines] == sorted(CODES)


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_process("audit", str(tmp_path / "nope"))
    assert result.exit_code == 2, result
    assert "does not exist [no-claims]" in result.stderr


def test_audit_refuses_broken_claims(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text("claims:\n  - id: a\n    type: fact\n", encoding="utf-8")
    result = run_process("audit", str(tmp_path))
    assert result.exit_code == 1, result
    assert "[missing-field]" in result.stderr
    assert "hint: run 'argmap check" in result.stderr


def test_show_a_link_lists_its_ends_and_undercuts() -> None:
    result = run_cli("show", "missile-aim-grounds-justification", SEED)
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[:4] == [
        f"{NS}missile-aim-grounds-justification (link: supports)",
        f"  from {NS}measures-aim-block-long-range-missiles: The December 2024 measures, issued "
        "under Executive Order 13382, aim to prevent Pakistan from developing ballistic missiles "
        "able to reach beyond South Asia.",
        f"    to {NS}sanctions-prevent-proliferation: US sanctions on Pakistan are measures that "
        "prevent nuclear proliferation and ensure regional stability.",
        "  — United States government",
    ]
    undercuts = result.stdout.split("undercut by:\n", 1)[1]
    assert undercuts.startswith(f"  {NS}rivalry-undercuts-justification ("), result.stdout


def test_show_an_id_in_two_files_asks_for_the_qualified_one(tmp_path: Path) -> None:
    claim = "document: doc\nsources:\n  - id: doc\n    title: Doc\nclaims:\n  - id: a\n    text: {text}\n    type: fact\n    standalone: true\n"
    (tmp_path / "one.yaml").write_text(claim.format(text="One."), encoding="utf-8")
    (tmp_path / "two.yaml").write_text(claim.format(text="Two."), encoding="utf-8")
    result = run_cli("show", "a", str(tmp_path))
    assert result.exit_code == 2, result
    assert result.stderr == (
        "argmap: error: 'a' names a claim or link in several files: 'one/a', 'two/a'\n"
        "  hint: write it qualified, e.g. 'one/a'\n"
    )
    assert run_cli("show", "two/a", str(tmp_path)).stdout.splitlines()[1] == "  Two."
