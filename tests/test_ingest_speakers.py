"""Reported speakers in `argmap ingest`: the patterns, coreference, and P/R on labelled texts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from argmap.ingest.speakers import Attributor, Speaker, find_speakers
from conftest import REPO, SHARED, run_cli, write
from test_paragraphs import shared

EDGE = REPO / "tests/fixtures/speakers/edge-cases.md"


@pytest.mark.parametrize(
    ("sentence", "speakers"),
    [
        (
            "US Deputy National Security Advisor Jon Finer suggested that missiles could reach.",
            [Speaker("Jon Finer", "US Deputy National Security Advisor")],
        ),
        (
            "UK Foreign Secretary Jane Doe said the talks had failed.",
            [Speaker("Jane Doe", "UK Foreign Secretary")],
        ),
        (
            "Jane Doe, the UK Foreign Secretary, said the talks had failed.",
            [Speaker("Jane Doe", "UK Foreign Secretary")],
        ),
        (
            "Indeed, Pakistan’s Foreign Ministry has emphasized that it is a sacred trust.",
            [Speaker("Pakistan’s Foreign Ministry", kind="government")],
        ),
        (
            "Pakistan, however, dismissed these claims as specious.",
            [Speaker("Pakistan", kind="government")],
        ),
        (
            "The Ministry of Defence estimates that the frigates will cost more.",
            [Speaker("Ministry of Defence", kind="government")],
        ),
        ("The President said the deal was final.", [Speaker("The President", "President")]),
        ("Moscow characterises the deal as a surrender.", [Speaker("Moscow", kind="government")]),
        ("Beijing’s proposal calls for a freeze.", [Speaker("Beijing", kind="government")]),
        ("The Kremlin stated that no talks would happen.", [Speaker("Kremlin", kind="government")]),
        (
            "The Institute for Strategic Studies (ISS) wrote in an open letter that it fails.",
            [Speaker("Institute for Strategic Studies", short="ISS", kind="organization")],
        ),
        (
            "The committee’s report found that the controls leak.",
            [Speaker("The committee", kind="organization")],
        ),
        (
            "Some European officials argue that the cap failed.",
            [Speaker("Some European officials", kind="group")],
        ),
        ("Analysts say the market adjusted.", [Speaker("Analysts", kind="group")]),
        ("Scholars warn that the precedent will last.", [Speaker("Scholars", kind="group")]),
        (
            "According to British intelligence, the convoy was destroyed.",
            [Speaker("British intelligence", kind="government")],
        ),
        (
            "According to the World Bank, growth slowed.",
            [Speaker("World Bank", kind="organization")],
        ),
        (
            "Growth slowed, according to Jane Roe, a senior fellow at the Institute.",
            [Speaker("Jane Roe", "senior fellow at the Institute")],
        ),
        ("“The line will hold,” said the general.", [Speaker("The general")]),
        ("It is costly, the judge warned.", [Speaker("The judge")]),
        (
            "The High Court concluded that the designation stands.",
            [Speaker("High Court", kind="organization")],
        ),
        (
            "Analysts predicted a recession, and the central bank recommended cuts.",
            [Speaker("Analysts", kind="group"), Speaker("The central bank", kind="organization")],
        ),
        (
            "The policy was characterised by the Foreign Office as a success.",
            [Speaker("Foreign Office", kind="government")],
        ),
        (
            "An HTS official at the Syrian MoD claimed that the army was not ready.",
            [Speaker("HTS official at the Syrian MoD")],
        ),
        (
            "Then foreign secretary Liz Truss referred to him, while transport secretary "
            "Grant Shapps described him as a crony.",
            [
                Speaker("Liz Truss", "foreign secretary"),
                Speaker("Grant Shapps", "transport secretary"),
            ],
        ),
        # no one is reported
        ("Relations between the United States and Pakistan are tense.", []),
        ("Sanctions have led Pakistan to seek options.", []),
        ("The report was said to be late.", []),
        ("The agreement called for a ceasefire within days.", []),
        (
            "Saraya Ansar al-Sunnah claimed attacks on the minorities.",
            [Speaker("Saraya Ansar al-Sunnah")],
        ),
        ("The first splinter group confirmed its existence with an attack.", []),
        ("By September the coalition had sent its list of demands to the president.", []),
        (
            "Several EU member states highlighted their cooperation.",
            [Speaker("Several EU member states", kind="group")],
        ),
        ("We can expect prices to rise.", []),
        ("Many believe that the war will end.", []),
        ("Others insisted on radical measures.", []),
        ("The data show that exports fell.", []),
        ("We argue that the strategy must change.", []),
    ],
)
def test_reported_speakers_of_one_sentence(sentence: str, speakers: list[Speaker]) -> None:
    assert find_speakers(sentence) == speakers


def test_coreference_across_a_document() -> None:
    attributor = Attributor("Mary Major")
    sentences = [
        "UK Foreign Secretary Jane Doe said the talks had failed.",  # 0: Jane Doe
        "Doe later warned that sanctions would follow.",  # surname
        "The Foreign Affairs Committee published its findings in March.",  # known, not speaking
        "The committee cautioned against new spending.",  # "the committee"
        "The Institute for Strategic Studies (ISS) argued that the ban fails.",
        "ISS added that enforcement is underfunded.",  # acronym
        "It will not last, they said.",  # pronoun: the latest speaker
        "Mary Major noted that this is a draft.",  # the author: no speaker
        "A participant from Lithuania said the states work together.",
        "One Lithuanian participant noted the same.",  # another speaker
        "The participant added that more is needed.",  # the latest unnamed person
    ]
    found = [attributor.attribute(s, 1 + n // 3) for n, s in enumerate(sentences)]
    names = [[attributor.speakers[i].name for i in f] for f in found]
    assert names == [
        ["Jane Doe"],
        ["Jane Doe"],
        [],
        ["Foreign Affairs Committee"],
        ["Institute for Strategic Studies"],
        ["Institute for Strategic Studies"],
        ["Institute for Strategic Studies"],
        [],
        ["Participant from Lithuania"],
        ["One Lithuanian participant"],
        ["One Lithuanian participant"],
    ]
    assert attributor.speakers[0] == Speaker("Jane Doe", "UK Foreign Secretary", None, "person")
    assert attributor.speakers[2].short == "ISS"


def test_a_later_mention_gets_the_role_written_earlier() -> None:
    attributor = Attributor(None)
    attributor.attribute("Interim President Ahmad al-Sharaa is being criticized.", 1)
    found = attributor.attribute("Al-Sharaa made it clear that the agreement was dead.", 2)
    assert [attributor.speakers[i] for i in found] == [
        Speaker("Ahmad al-Sharaa", "Interim President", None, "person")
    ]


def _draft(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def test_claims_from_reporting_sentences_are_the_speakers(project: Path) -> None:
    write(project / "edge.md", EDGE.read_text(encoding="utf-8"))
    result = run_cli("ingest", "edge.md")
    assert result.exit_code == 0, result
    assert result.stderr.splitlines()[1] == (
        "ingest: 8 paragraphs, 21 sentences, 21 claims, 0 footnotes, 1 sources, 15 speakers"
    )
    draft = _draft(project / "claims/edge.yaml")
    speakers = {s["id"]: s for s in draft["speakers"]}
    assert speakers["jane-doe"] == {
        "id": "jane-doe",
        "name": "Jane Doe",
        "role": "UK Foreign Secretary",
        "kind": "person",
    }
    assert speakers["institute-strategic-studies"]["short"] == "ISS"
    assert speakers["british-intelligence"]["kind"] == "government"
    assert speakers["some-european-officials"]["kind"] == "group"
    by_text = {c["text"]: c.get("speakers") for c in draft["claims"]}
    assert by_text["Doe later warned that sanctions would follow."] == ["jane-doe"]
    assert by_text["ISS argued that enforcement is underfunded."] == ["institute-strategic-studies"]
    assert by_text[
        "The committee’s report found that the export controls leak badly, and the committee "
        "cautioned against new spending."
    ] == ["foreign-affairs-committee"]
    assert by_text["We argue that the strategy needs to change."] is None  # the author's
    assert by_text["The report was said to be late."] is None
    assert run_cli("check").exit_code == 0


def _measure() -> Any:
    for path in (SHARED / "commentary/ingest", SHARED / "commentary/us-sanctions-on-pakistan.txt"):
        shared(path)
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        import speakers as measurement
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    return measurement


def test_precision_and_recall_of_reported_speakers() -> None:
    measurement = _measure()
    scores = measurement.measure()
    assert [s.text.rsplit("/", 1)[-1] for s in scores] == [
        "us-sanctions-on-pakistan.txt",
        "uk-sanctions-testing-the-limits.md",
        "unite-and-rule.md",
        "sifmanet-brussels-report-1.md",
        "edge-cases.md",
        "tariffs.txt",
    ]
    total = measurement.total(scores)
    assert total.labels == 89
    assert total.recall >= 0.9, [(s.text, s.missed) for s in scores]
    assert total.precision >= 0.85, [(s.text, s.extra) for s in scores]
    assert total.roles_kept == total.roles == 9, [(s.text, s.wrong_roles) for s in scores]
    for one in scores:  # no text falls far behind the total
        assert one.recall >= 0.8 and one.precision >= 0.8, one


def test_scoring_counts_a_second_speaker_for_one_label_against_precision() -> None:
    measurement = _measure()
    labels = [{"name": "HTS official"}, {"name": "Jane Doe", "role": "Foreign Secretary"}]
    found = [
        {"name": "An HTS official"},
        {"name": "HTS official"},
        {"name": "Jane Doe", "role": "Home Secretary"},
    ]
    score = measurement.score("t", labels, found)
    assert (score.matched, score.found, score.labels) == (2, 3, 2)
    assert score.extra == ["HTS official"]
    assert (score.roles, score.roles_kept) == (1, 0)
