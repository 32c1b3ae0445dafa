"""`argmap ingest` on a Markdown page: only what a reader takes for argument becomes a claim."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.ingest.sentences import guess_type
from conftest import run_cli, write

PAGE = """\
---
layout: post
title: Grain and guns
author: Jane Roe
date: 2025-06-01
excerpt_separator: <excerpt/>
---

_The grain deal is a test case for the region._ <excerpt/> _Its collapse would hurt importers most, according to Jane Roe._

<excerpt/>

On 29 May the council met in Brussels to review the deal. Exports doubled after the corridor opened, as the [ministry's data](https://data.example/exports) show. The full figures are [here](https://data.example/full).
{: .lead}

![Grain exports by month](https://img.example/chart.png)
_▲ Figure 1: Grain exports through the corridor, 2023–2025_
[Source](https://stats.example/grain)

![A ship in port](https://img.example/ship.jpg)
_▲ A bulk carrier in Odesa_

[Source](https://photos.example/ship)

{% include newsletter.html %}

> Its collapse would hurt importers most.
{: .pull-quote}

We can expect prices to rise if the corridor closes again. One could see a rerun of the 2022 crisis in the autumn. The deal is likely to collapse without guarantees. The council needs to act before July. Governments must share intelligence on attacks on shipping. The chart ![a rising line](https://img.example/line.png) shows exports doubled in two years.

Its collapse would hurt importers most.

---

**Jane Roe** is a Research Fellow at the Institute. She writes on trade and security.
"""


@pytest.fixture
def drafted(project: Path) -> tuple[dict[str, Any], str]:
    write(project / "grain.md", PAGE)
    result = run_cli("ingest", "grain.md")
    assert result.exit_code == 0, result
    text = (project / "claims/grain.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text), text


def test_only_what_a_reader_takes_for_argument_is_drafted(
    drafted: tuple[dict[str, Any], str],
) -> None:
    draft, _ = drafted
    quotes = [c["citations"][0]["quote"] for c in draft["claims"]]
    assert quotes == [
        "Its collapse would hurt importers most, according to Jane Roe.",  # the stand-first
        "On 29 May the council met in Brussels to review the deal.",
        "Exports doubled after the corridor opened, as the ministry's data show.",
        "The full figures are here.",
        "We can expect prices to rise if the corridor closes again.",
        "One could see a rerun of the 2022 crisis in the autumn.",
        "The deal is likely to collapse without guarantees.",
        "The council needs to act before July.",
        "Governments must share intelligence on attacks on shipping.",
        "The chart shows exports doubled in two years.",  # no alt text
        "Its collapse would hurt importers most.",  # printed in the body: kept there
    ]


def test_a_stand_first_restating_the_thesis_is_kept_once_with_a_comment(
    drafted: tuple[dict[str, Any], str],
) -> None:
    _, text = drafted
    assert (
        "claims:\n  # stand-first: restates the thesis (kept once)\n"
        "  - id: collapse-would-hurt-importers-according\n"
    ) in text
    assert "test case for the region" not in text  # the stand-first's other sentence


def test_claim_types_from_modal_cues(drafted: tuple[dict[str, Any], str]) -> None:
    draft, _ = drafted
    types = {c["citations"][0]["quote"].split()[1]: c["type"] for c in draft["claims"][1:10]}
    assert types == {
        "29": "fact",  # "May" in a date is no modal
        "doubled": "fact",
        "full": "fact",
        "can": "prediction",
        "could": "prediction",
        "deal": "prediction",
        "council": "policy",
        "must": "policy",
        "chart": "fact",
    }


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("On 29 May the council met.", "fact"),
        ("The talks may fail in May.", "prediction"),
        ("We can expect prices to rise.", "prediction"),
        ("One could see a rerun of the crisis.", "prediction"),
        ("The deal is likely to collapse.", "prediction"),
        ("The council must act.", "policy"),
        ("The council should act.", "policy"),
        ("The council needs to act.", "policy"),
    ],
)
def test_claim_type_cues(text: str, kind: str) -> None:
    assert guess_type(text) == kind


def test_links_cite_their_claim_and_generic_link_text_is_never_a_title(
    drafted: tuple[dict[str, Any], str],
) -> None:
    draft, _ = drafted
    titles = {s.get("url"): s["title"] for s in draft["sources"][1:]}
    assert titles == {
        "https://data.example/exports": "ministry's data",
        "https://data.example/full": "The full figures are here.",
        "https://stats.example/grain": "Figure 1: Grain exports through the corridor, 2023–2025",
        "https://photos.example/ship": "A bulk carrier in Odesa",
    }
    by_quote = {c["citations"][0]["quote"]: c["citations"][1:] for c in draft["claims"]}
    exports = "Exports doubled after the corridor opened, as the ministry's data show."
    assert by_quote[exports] == [{"source": "data-ministrys-data"}]


def test_every_quote_is_verbatim_in_the_rendered_text(
    project: Path, drafted: tuple[dict[str, Any], str]
) -> None:
    draft, _ = drafted
    for claim in draft["claims"]:
        quote = claim["citations"][0]["quote"]
        marks = ("{:", "{%", "_", "![", "](", "rising line")
        assert not any(mark in quote for mark in marks), quote
    checked = run_cli("check", "--no-cache")
    assert checked.exit_code == 0, checked
    assert checked.stderr.splitlines()[-1] == "1 file(s), 11 claim(s): 0 error(s), 11 warning(s)"


def test_a_stand_first_that_the_body_repeats_is_drafted_from_the_body(project: Path) -> None:
    write(
        project / "memo.md",
        "_Sanctions on grain will not end the war._\n\n"
        "The ministers met again on Monday in Paris.\n\n"
        "Sanctions on grain will not end the war.\n",
    )
    assert run_cli("ingest", "memo.md").exit_code == 0
    text = (project / "claims/memo.yaml").read_text(encoding="utf-8")
    draft = yaml.safe_load(text)
    assert [c["citations"][0]["locator"] for c in draft["claims"]] == ["para 2", "para 3"]
    assert "stand-first" not in text


def test_a_stand_first_describing_the_report_is_not_a_claim(project: Path) -> None:
    write(
        project / "memo.md",
        "_This report details the discussions at a workshop in Brussels._\n\n"
        "The ministers met again on Monday in Paris.\n",
    )
    assert run_cli("ingest", "memo.md").exit_code == 0
    draft = yaml.safe_load((project / "claims/memo.yaml").read_text(encoding="utf-8"))
    assert [c["citations"][0]["locator"] for c in draft["claims"]] == ["para 2"]


@pytest.mark.parametrize(
    ("name", "bio", "stand_first"),
    [
        ("unite-and-rule.md", "is a Senior Research Fellow", 1),
        ("sifmanet-brussels-report-1.md", "is an Associate Fellow", 0),
    ],
)
def test_unseen_think_tank_pages(project: Path, name: str, bio: str, stand_first: int) -> None:
    from conftest import SHARED
    from test_paragraphs import shared

    page = shared(SHARED / "commentary/ingest" / name)
    result = run_cli("ingest", str(page), "-o", "claims/page.yaml")
    assert result.exit_code == 0, result
    text = (project / "claims/page.yaml").read_text(encoding="utf-8")
    quotes = [c["citations"][0]["quote"] for c in yaml.safe_load(text)["claims"]]
    assert not [q for q in quotes if q.startswith("▲") or bio in q or "image0" in q]
    assert text.count("# stand-first: restates the thesis (kept once)") == stand_first
    assert "This report details" not in text
    checked = run_cli("check", "--no-cache")
    assert checked.exit_code == 0, checked
