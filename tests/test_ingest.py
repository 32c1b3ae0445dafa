"""`argmap ingest`: drafts that pass check, measured against the hand-made seed map."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.ingest.document import Paragraph
from argmap.ingest.references import parse_citation
from argmap.ingest.sentences import guess_type, split_sentences
from argmap.texts.quotes import normalize
from conftest import REPO, SHARED, run_cli, run_process, write
from test_paragraphs import shared

SEED = SHARED / "commentary/us-sanctions-on-pakistan.txt"
UK = SHARED / "commentary/uk-sanctions-testing-the-limits.md"


def _ingest(text: Path, out: Path) -> tuple[dict[str, Any], str]:
    result = run_process("ingest", str(text), "-o", str(out))
    assert result.exit_code == 0, result
    checked = run_process("check", str(out.parent))
    assert checked.exit_code == 0, checked
    assert ": 0 error(s)" in checked.stderr, checked
    return yaml.safe_load(out.read_text(encoding="utf-8")), result.stderr


def _fn_urls(data: dict[str, Any]) -> dict[str, str]:
    """The url of the source cited with each `fn N` locator (sentence scope)."""
    urls = {s["id"]: s.get("url") for s in data["sources"]}
    return {
        c["locator"]: urls[c["source"]]
        for claim in data["claims"]
        for c in claim.get("citations", [])
        if (c.get("locator") or "").startswith("fn") and c.get("scope", "sentence") == "sentence"
    }


def _quotes_covered(hand: dict[str, Any], draft: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The hand-made map's quotes from its own document, and those that lie (typography
    aside) inside the quote of some draft claim."""
    quotes = [
        c["quote"]
        for claim in hand["claims"]
        for c in claim["citations"]
        if c["source"] == hand["document"] and c.get("quote")
    ]
    drafted = [normalize(c["quote"]) for claim in draft["claims"] for c in claim["citations"][:1]]
    return quotes, [q for q in quotes if any(normalize(q) in d for d in drafted)]


def test_seed_draft_matches_the_hand_made_map(tmp_path: Path) -> None:
    draft, stderr = _ingest(shared(SEED), tmp_path / "draft/seed.yaml")
    assert stderr.splitlines()[1] == (
        "ingest: 9 paragraphs, 45 sentences, 45 claims, 6 footnotes, 5 sources, 5 speakers"
    )
    assert (tmp_path / "draft/sources/us-sanctions-on-pakistan.txt").read_bytes() == (
        SEED.read_bytes()
    )
    hand = yaml.safe_load((REPO / "claims/us-sanctions-on-pakistan.yaml").read_text("utf-8"))
    # every footnote maps to the right source: 6/6, "Ibid." (fn 6) and fn 5 (= fn 2) included
    expected = _fn_urls(hand)
    assert sorted(expected) == [f"fn {n}" for n in range(1, 7)]
    assert _fn_urls(draft) == expected
    assert len(draft["sources"]) == len(hand["sources"]) == 5
    speakers = {s["name"]: s for s in draft["speakers"]}
    assert speakers["Jon Finer"]["role"] == "US Deputy National Security Advisor"
    assert speakers["Jon Finer"]["kind"] == "person"
    assert "Pakistan’s Foreign Ministry" in speakers
    finer = next(c for c in draft["claims"] if "Jon Finer suggested" in c["text"])
    assert finer["speakers"] == [speakers["Jon Finer"]["id"]]
    # at least 90% of the hand-made claims' quotes lie in some draft claim's quote
    quotes, covered = _quotes_covered(hand, draft)
    assert len(covered) / len(quotes) >= 0.9, set(quotes) - set(covered)
    assert len(covered) == 47 and len(quotes) == 48  # the miss spans two sentences


def test_seed_draft_shape(tmp_path: Path) -> None:
    draft, _ = _ingest(shared(SEED), tmp_path / "claims/seed.yaml")
    assert list(draft) == ["document", "sources", "speakers", "claims"]  # no links, no questions
    assert all(c["status"] == "draft" for c in draft["claims"])
    ids = [c["id"] for c in draft["claims"]]
    assert len(ids) == len(set(ids))
    assert all(len(i) <= 48 for i in ids)
    # a footnote covers the passage since the previous footnote in its paragraph: in
    # paragraph 2, [1] closes the first two sentences and [2] the next three
    para2 = [c for c in draft["claims"] if c["citations"][0]["locator"] == "para 2"]
    assert para2[0]["citations"][0]["quote"].startswith("The United States has imposed sanctions")
    assert [c["citations"][1:] for c in para2] == [
        [{"source": _fn_source(draft, "fn 1"), "locator": "fn 1", "scope": "paragraph"}],
        [{"source": _fn_source(draft, "fn 1"), "locator": "fn 1"}],
        [{"source": _fn_source(draft, "fn 2"), "locator": "fn 2", "scope": "paragraph"}],
        [{"source": _fn_source(draft, "fn 2"), "locator": "fn 2", "scope": "paragraph"}],
        [{"source": _fn_source(draft, "fn 2"), "locator": "fn 2"}],
    ]
    # paragraph 1 has no footnote: no claim of it cites one
    assert all(len(c["citations"]) == 1 for c in draft["claims"][:5])
    text = (tmp_path / "claims/seed.yaml").read_text(encoding="utf-8")
    assert "# Candidate links where the text has an explicit connective." in text
    assert '#   relation: opposes    # "however", para 1' in text


def _fn_source(draft: dict[str, Any], locator: str) -> str:
    return next(
        c["source"]
        for claim in draft["claims"]
        for c in claim["citations"]
        if c.get("locator") == locator
    )


def test_uk_commentary_draft(tmp_path: Path) -> None:
    draft, stderr = _ingest(shared(UK), tmp_path / "claims/uk.yaml")
    assert stderr.splitlines()[1].startswith("ingest: 33 paragraphs, ")
    document = draft["sources"][0]
    assert document["title"] == "Testing The Limits"
    assert str(document["published"]) == "2025-11-07"
    speakers = {s["name"]: s for s in draft["speakers"]}
    assert speakers["Andrea Marchesetti"]["kind"] == "author"
    assert speakers["Liz Truss"]["role"] == "foreign secretary"
    for name in ("Lord Leggatt", "Grant Shapps", "Foreign Office", "The government"):
        assert name in speakers, sorted(speakers)
    ofsi = speakers["Office of Financial Sanctions Implementation"]
    assert (ofsi["short"], ofsi["kind"]) == ("OFSI", "government")
    lead = draft["claims"][0]["citations"][0]
    assert lead["locator"] == "para 1"
    assert lead["quote"].startswith("A double-win before the UK Supreme Court")
    hand = yaml.safe_load(
        (REPO / "claims/uk-sanctions-testing-the-limits.yaml").read_text(encoding="utf-8")
    )
    quotes, covered = _quotes_covered(hand, draft)
    assert (len(covered), len(quotes)) == (70, 71)  # the miss spans a numbered list "1) … 5)"


MARKDOWN = """\
---
title: A test memo
author: Jane Roe
date: 2024-03-01
---

# Ignored heading

The minister said that tariffs will rise next year.[^a] Critics disagree with her entirely.[^b]

According to the [central bank](https://www.bank.example/report), inflation fell in May.

Dr. Smith met officials at No. 10 Downing Street on Monday. The US delegation left early.

[^a]: “Tariff plans”, The Daily, https://daily.example/tariffs, (Access Date: 02.03.2024).
[^b]: Id.
"""


def test_markdown_footnotes_and_links(project: Path) -> None:
    write(project / "memo.md", MARKDOWN)
    result = run_cli("ingest", "memo.md")
    assert result.exit_code == 0, result
    assert result.stderr.splitlines()[0] == (
        "ingest: wrote claims/memo.yaml and claims/sources/memo.md"
    )
    draft = yaml.safe_load((project / "claims/memo.yaml").read_text(encoding="utf-8"))
    sources = {s["id"]: s for s in draft["sources"]}
    daily = sources[_fn_source(draft, "fn 1")]
    assert daily == {
        "id": daily["id"],
        "title": "Tariff plans",
        "publisher": "The Daily",
        "url": "https://daily.example/tariffs",
        "accessed": __import__("datetime").date(2024, 3, 2),
    }
    assert _fn_source(draft, "fn 2") == daily["id"]  # "Id." is the footnote before
    bank = next(s for s in draft["sources"] if s.get("url") == "https://www.bank.example/report")
    assert (bank["title"], bank["publisher"]) == ("central bank", "bank.example")
    claims = {c["citations"][0]["quote"]: c for c in draft["claims"]}
    assert set(claims) == {
        "The minister said that tariffs will rise next year.",
        "Critics disagree with her entirely.",
        "According to the central bank, inflation fell in May.",
        "Dr. Smith met officials at No. 10 Downing Street on Monday.",
        "The US delegation left early.",
    }
    assert claims["According to the central bank, inflation fell in May."]["citations"][1] == {
        "source": bank["id"]
    }
    assert claims["The minister said that tariffs will rise next year."]["type"] == "prediction"
    assert run_cli("check").exit_code == 0


def test_unparsed_footnote_is_reported_verbatim(project: Path) -> None:
    write(
        project / "memo.txt",
        "A plain claim about the world, with a note.[1]\n[1] A private conversation\n",
    )
    result = run_cli("ingest", "memo.txt")
    assert result.exit_code == 0, result
    assert result.stderr.splitlines()[-1] == (
        'ingest: could not parse footnote 1: no url in "A private conversation"'
    )
    assert run_cli("check").exit_code == 0


def test_numbered_notes_after_the_text(project: Path) -> None:
    text = (
        "Officials argued that the ban works well enough.[1]\n\n"
        "Notes\n\n1. “Ban report”, Gazette, https://gazette.example/ban.\n"
    )
    write(project / "memo.txt", text)
    assert run_cli("ingest", "memo.txt").exit_code == 0
    draft = yaml.safe_load((project / "claims/memo.yaml").read_text(encoding="utf-8"))
    assert [c["citations"][0]["locator"] for c in draft["claims"]] == ["para 1"]
    assert draft["claims"][0]["citations"][1]["locator"] == "fn 1"
    assert draft["sources"][1]["url"] == "https://gazette.example/ban"


def test_ingest_refuses_to_overwrite(project: Path) -> None:
    write(project / "memo.txt", "One sentence that is long enough here.\n")
    write(project / "claims/memo.yaml", "# hand-made\n")
    result = run_cli("ingest", "memo.txt")
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: error: claims/memo.yaml exists\n"
        "  hint: choose another file with -o, or pass --force to replace it\n"
    )
    assert (project / "claims/memo.yaml").read_text(encoding="utf-8") == "# hand-made\n"
    assert run_cli("ingest", "memo.txt", "--force").exit_code == 0


def test_ingest_unreadable_text(project: Path) -> None:
    result = run_cli("ingest", "missing.txt")
    assert result.exit_code == 2
    assert result.stderr.startswith("argmap: error: cannot read missing.txt: ")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The US should lift the sanctions.", "policy"),
        ("Sanctions will push Pakistan toward China.", "prediction"),
        ("Sanctions could hinder access.", "prediction"),
        ("The pressure led to new alliances.", "causal"),
        ("It is unfair to single out Pakistan.", "value"),
        ("The US imposed sanctions in 2024.", "fact"),
    ],
)
def test_claim_type_cues(text: str, kind: str) -> None:
    assert guess_type(text) == kind


def test_sentences_keep_abbreviations_and_markers() -> None:
    words = "Dr. Jones met the US envoy at No. 10 today.[1] He left.[2]"
    paragraph = Paragraph(1, words, words)
    from argmap.texts.markdown import Mark

    paragraph.marks = [Mark(46, "fn", "1", ""), Mark(len(words) - 3, "fn", "2", "")]
    found = split_sentences(paragraph)
    assert [s.quote for s in found] == ["Dr. Jones met the US envoy at No. 10 today.", "He left."]
    assert [[m.target for m in s.marks] for s in found] == [["1"], ["2"]]
    assert [s.last for s in found] == [False, True]


def test_seed_footnote_style_parses_completely() -> None:
    found = parse_citation(
        "“US Unveils Sanctions on Pakistan Ballistic Missile Program”, The Diplomat, "
        "https://thediplomat.com/2024/12/us-unveils-sanctions-on-pakistan-ballistic-missile-program/, "
        "(Access Date: 28.01.2025)."
    )
    assert (found.title, found.publisher, str(found.accessed), found.problems) == (
        "US Unveils Sanctions on Pakistan Ballistic Missile Program",
        "The Diplomat",
        "2025-01-28",
        [],
    )
    assert found.url == (
        "https://thediplomat.com/2024/12/us-unveils-sanctions-on-pakistan-ballistic-missile-program/"
    )
