"""The seed corpus through audit, export, show, schema and codes, as a user runs them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from argmap.codes import CODES
from conftest import REPO, SHARED, run_cli, run_process

SEED = str(REPO / "claims")
COMMENTARY = REPO / "claims" / "sources" / "us-sanctions-on-pakistan.txt"

UNSOURCED = [
    "sanctions-shaped-us-pakistan-relations",
    "us-sanctions-series",
    "sanctions-prevent-proliferation",
    "sanctions-selective-geopolitical",
    "sanctions-since-1960s",
    "december-2024-designations",
    "measures-aim-block-long-range-missiles",
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
    "sanctions-rivalry-tactic",
    "us-aims-limit-china-influence",
    "china-support-draws-pakistan-closer",
    "sanctions-exacerbate-imbalance",
    "india-advances-with-us-support",
    "india-us-cooperation-complicates-balance",
    "imbalance-destabilises-region",
    "sanctions-burden-defence-economy",
    "sanctions-hinder-technology-and-finance",
    "advanced-technology-access-important",
    "sanctions-complicate-balancing",
    "sanctions-drive-new-alliances",
    "sanctions-impact-questionable",
    "sanctions-deepen-china-ties",
    "new-approach-needed",
]
"""The claims the commentary makes without a footnote, reviewed sentence by sentence."""


def _export() -> dict[str, list[dict[str, object]]]:
    result = run_cli("export", SEED)
    assert result.exit_code == 0, result
    data: dict[str, list[dict[str, object]]] = json.loads(result.stdout)
    return data


def test_audit_lists_exactly_the_unfootnoted_claims() -> None:
    result = run_cli("audit", SEED, "--format", "json")
    assert result.exit_code == 0, result
    report = json.loads(result.stdout)
    assert [c["id"] for c in report["unsourced"]] == UNSOURCED
    assert report["claims"] == 40
    assert report["coverage_percent"] == 17.5
    assert report["uncited_sources"] == []
    assert report["sources_without_url_or_accessed"] == [
        {"id": "commentary", "missing": ["url", "accessed"]}
    ]


def test_audit_fail_on_unsourced_and_table() -> None:
    result = run_cli("audit", SEED, "--fail-on", "unsourced")
    assert result.exit_code == 1, result
    assert result.stdout.startswith(
        "Sourcing coverage: 17.5% (7 of 40 claims cite a source beyond their own document)\n"
    )
    assert "  missile-programme-purely-defensive  — Government of Pakistan\n" in result.stdout
    assert "  100.0%     1/1     Jon Finer\n" in result.stdout


def test_every_quote_occurs_in_the_commentary() -> None:
    text = re.sub(r"\s+", " ", COMMENTARY.read_text(encoding="utf-8"))
    quotes = [
        citation["quote"]
        for entry in [*_export()["claims"], *_export()["links"]]
        for citation in entry["citations"]  # type: ignore[attr-defined]
        if citation["source"] == "commentary"
    ]
    assert len(quotes) >= 40
    for quote in quotes:
        assert re.sub(r"\s+", " ", quote).strip() in text, quote


def test_bundled_commentary_is_the_shared_original() -> None:
    original = SHARED / "commentary" / "us-sanctions-on-pakistan.txt"
    assert original.is_file(), f"missing {original}: CI runs with ../shared beside the repo"
    assert COMMENTARY.read_bytes() == original.read_bytes()


def test_export_shape() -> None:
    data = _export()
    assert list(data) == ["claims", "links", "sources", "speakers", "perspectives", "questions"]
    counts = {key: len(value) for key, value in data.items()}
    assert counts == {
        "claims": 40,
        "links": 33,
        "sources": 5,
        "speakers": 6,
        "perspectives": 4,
        "questions": 7,
    }
    finer = next(s for s in data["speakers"] if s["id"] == "jon-finer")
    assert finer["role"] == "US Deputy National Security Advisor"
    assert finer["perspective"] == "us-government"
    assert all(isinstance(link["from"], list) for link in data["links"])
    south_asia = next(s for s in data["sources"] if s["publisher"] == "South Asia Times")
    assert south_asia["accessed"] == "2025-01-28"
    footnotes = {
        c["locator"]: c["source"]
        for claim in data["claims"]
        for c in claim["citations"]  # type: ignore[attr-defined]
        if c["source"] != "commentary"
    }
    assert footnotes["fn 2"] == footnotes["fn 5"] == footnotes["fn 6"] == south_asia["id"]
    assert len(set(footnotes.values())) == 4
    for source in data["sources"]:
        if source["id"] != "commentary":
            assert source["title"] and source["publisher"] and source["url"], source
            assert source["accessed"] == "2025-01-28"


def test_pakistan_rebuttals_oppose_finer() -> None:
    links = _export()["links"]
    against_finer = {
        premise
        for link in links
        if link["to"] == "missiles-could-target-us" and link["relation"] == "opposes"
        for premise in link["from"]  # type: ignore[attr-defined]
    }
    assert {"missile-programme-purely-defensive", "us-threat-claims-specious"} <= against_finer


def test_show() -> None:
    result = run_cli("show", "missiles-could-target-us", SEED)
    assert result.exit_code == 0, result
    assert result.stdout.splitlines()[:3] == [
        "missiles-could-target-us (prediction)",
        "  Pakistan's long-range missiles could target the United States.",
        "  — Jon Finer, US Deputy National Security Advisor",
    ]
    assert "  opposes ← missile-programme-purely-defensive: " in result.stdout


def test_show_unknown_id_suggests() -> None:
    result = run_cli("show", "missiles-could-target-usa", SEED)
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: error: no claim 'missiles-could-target-usa'\n"
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


def test_show_a_link_id_says_so() -> None:
    result = run_cli("show", "defensive-rebuts-targeting", SEED)
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: error: 'defensive-rebuts-targeting' is a link, not a claim\n"
        "  hint: show one of its ends: argmap show missile-programme-purely-defensive\n"
    )
