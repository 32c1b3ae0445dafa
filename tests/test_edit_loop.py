"""The analyst's editing loop from the CLI: add every kind, set, remove, list, show, dates.

Every edit goes through one safe path: values read as their field is typed,
comments kept, the folder re-checked before anything is written (a refused
edit leaves the bytes as they were), each file written atomically.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import run_cli, write

FILE = """\
# A small map.
document: doc
sources:
  - id: doc
    title: The commentary
    url: https://example.org/doc
speakers:
  - id: putin
    name: Vladimir Putin
    perspective: russia  # the Kremlin's line
  - id: scholz
    name: Olaf Scholz
perspectives:
  - id: russia
    name: Russian government
questions:
  - id: q-war
    text: Why the war?
claims:
  # the first claim
  - id: c1
    text: The war is a defence.
    type: value
    speakers: [putin]
    questions: [q-war]
    citations:
      - source: doc
        locator: para 1
  - id: c2
    text: The war is an aggression.
    type: value
    opposes: [c1]
links:
  - id: l1
    from: [c2]
    to: c1
    relation: opposes
"""


@pytest.fixture
def claims(project: Path) -> Path:
    return write(project / "claims/map.yaml", FILE)


def test_add_perspective_and_question_then_use_them(claims: Path) -> None:
    added = run_cli("add", "perspective", str(claims), "--id", "germany", "--name", "Germany")
    assert added.exit_code == 0, added
    assert added.stderr == f"add: perspective 'germany' added to {claims}\n"
    asked = run_cli("add", "question", str(claims), "--id", "q-end", "--text", "How, and when?")
    assert asked.exit_code == 0, asked
    text = claims.read_text()
    assert (
        "  - id: russia\n    name: Russian government\n  - id: germany\n    name: Germany\n" in text
    )
    assert "  - id: q-end\n    text: How, and when?\n" in text
    assert run_cli("set", "scholz", "perspective", "germany").exit_code == 0
    assert run_cli("set", "c2", "questions", "q-war, q-end").exit_code == 0
    assert "    perspective: germany\n" in claims.read_text()
    assert "    questions: [q-war, q-end]\n" in claims.read_text()
    assert run_cli("check").exit_code == 0


def test_set_changes_one_value_and_keeps_every_comment(claims: Path) -> None:
    assert run_cli("set", "c1", "status", "retracted").exit_code == 0
    assert run_cli("set", "c2", "speakers", "[putin, scholz]").exit_code == 0
    after = claims.read_text()
    assert after == FILE.replace(
        "        locator: para 1\n", "        locator: para 1\n    status: retracted\n"
    ).replace(
        "    type: value\n    opposes: [c1]\n",
        "    type: value\n    speakers: [putin, scholz]\n    opposes: [c1]\n",
    )


def test_a_comma_or_colon_keeps_a_value_text(claims: Path) -> None:
    value = "Russia: a war, not a crisis {really}"
    assert run_cli("set", "c1", "text", value).exit_code == 0
    assert run_cli("add", "question", str(claims), "--id", "q2", "--text", "a: b, c").exit_code == 0
    data = yaml.safe_load(claims.read_text())
    assert data["claims"][0]["text"] == value
    assert data["questions"][1] == {"id": "q2", "text": "a: b, c"}


@pytest.mark.parametrize(
    ("args", "lines"),
    [
        (
            ["set", "c1", "speakers", "[nobody]"],
            [
                "claims/map.yaml:24:16: error: unknown speaker 'nobody' [unknown-ref]",
                "  hint: define it under 'speakers:' or fix the id",
                "argmap: error: the edit would bring 1 error(s); nothing was written",
            ],
        ),
        (
            ["set", "c1", "type", "opinion"],
            [
                "argmap: error: claims/map.yaml: claim 'c1' type: Input should be 'fact', "
                "'causal', 'prediction', 'value', 'policy' or 'definition'",
            ],
        ),
        (["set", "c1", "id", "c9"], ["argmap: error: set does not change ids"]),
        (["set", "c1", "colour", "red"], ["argmap: error: 'colour' is not a field of a claim"]),
        (
            ["set", "c1", "date", "2023-13"],
            [
                "argmap: error: claims/map.yaml: claim 'c1' date: "
                "String should match pattern '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'"
            ],
        ),
        (
            ["remove", "putin"],
            [
                "argmap: error: 'putin' is referred to 1 time(s); nothing was removed",
                "  claims/map.yaml:24:16: claim 'c1' speakers",
            ],
        ),
        (
            ["remove", "c1"],
            [
                "argmap: error: 'c1' is referred to 2 time(s); nothing was removed",
                "  claims/map.yaml:32:15: claim 'c2' opposes",
                "  claims/map.yaml:36:9: link 'l1' to",
            ],
        ),
    ],
)
def test_refused_edits_say_why_and_change_nothing(
    claims: Path, args: list[str], lines: list[str]
) -> None:
    result = run_cli(*args)
    assert result.exit_code == 1, result
    assert result.stderr.splitlines()[: len(lines)] == lines
    assert claims.read_text() == FILE


def test_remove_with_cascade_takes_the_references_along(claims: Path) -> None:
    result = run_cli("remove", "c1", "--cascade")
    assert result.exit_code == 0, result
    data = yaml.safe_load(claims.read_text())
    assert [c["id"] for c in data["claims"]] == ["c2"]
    assert "opposes" not in data["claims"][0]
    assert data["links"] == []
    assert "# the first claim" in claims.read_text()
    assert run_cli("remove", "putin").exit_code == 0
    assert run_cli("remove", "russia", "--cascade").exit_code == 0
    assert "perspective:" not in claims.read_text()
    assert run_cli("check").exit_code == 0


def test_add_link_without_id_prints_the_generated_id(claims: Path) -> None:
    result = run_cli(
        "add", "link", str(claims), "--from", "c1", "--to", "c2", "--relation", "opposes"
    )
    assert result.exit_code == 0, result
    assert result.stdout == "c1--opposes--c2\n"
    undercut = run_cli(
        "add", "claim", str(claims), "--id", "c3", "--text", "Both.", "--type", "fact"
    )
    assert undercut.exit_code == 0, undercut
    assert (
        run_cli(
            "add",
            "link",
            str(claims),
            "--from",
            "c3",
            "--to",
            result.stdout.strip(),
            "--relation",
            "undercuts",
        ).exit_code
        == 0
    )
    assert run_cli("check").exit_code == 0


def test_add_help_lists_the_fields_of_each_kind() -> None:
    shown = run_cli("add", "--help").stdout
    for kind, field in [
        ("claim", "--type (required)"),
        ("source", "--published"),
        ("speaker", "--perspective"),
        ("perspective", "--color"),
        ("question", "--text (required)"),
        ("link", "--relation (required)"),
    ]:
        section = shown.split(f"Fields of a {kind}:\n", 1)[1].split("\n\n", 1)[0]
        assert field in section, section
    pairs = shown.split("Pairs of claims (no fields):\n", 1)[1]
    assert "same-as A B [PATH]" in pairs and "not-same-as A B [PATH]" in pairs


@pytest.mark.parametrize("date", ["2023", "2023-05", "2023-05-17"])
def test_partial_dates_are_shown_as_written(claims: Path, date: str) -> None:
    assert run_cli("set", "c1", "date", date).exit_code == 0
    assert (
        f"    date: '{date}'\n" in claims.read_text() or f"    date: {date}\n" in claims.read_text()
    )
    assert run_cli("check").exit_code == 0
    assert f"date: {date}\n" in run_cli("show", "c1").stdout
    listed = json.loads(run_cli("list", "claims", "--format", "json").stdout)
    assert listed[0]["date"] == date


def test_a_year_written_bare_is_a_date(project: Path) -> None:
    write(
        project / "claims/y.yaml",
        FILE.replace("    type: value\n", "    type: value\n    date: 2022\n", 1),
    )
    assert run_cli("check").exit_code == 0
    assert "date: 2022\n" in run_cli("show", "c1").stdout


def test_show_and_list_every_kind(claims: Path) -> None:
    assert run_cli("show", "putin").stdout == (
        "map/putin (speaker: person)\n  Vladimir Putin\n  perspective: map/russia\n"
        "asserts:\n  map/c1\n"
    )
    assert run_cli("show", "russia").stdout == (
        "map/russia (perspective)\n  Russian government\nspeakers:\n  map/putin\nclaims: 1\n"
    )
    assert run_cli("show", "q-war").stdout == (
        "map/q-war (question)\n  Why the war?\nclaims:\n  map/c1\n"
    )
    assert run_cli("show", "doc").stdout.startswith("map/doc (source: other)\n  The commentary\n")
    claim = run_cli("show", "c1").stdout
    assert "perspectives: Russian government (map/russia)\n" in claim
    assert "questions:\n  map/q-war: Why the war?\n" in claim
    for kind, keys in {
        "claims": [
            "id",
            "type",
            "status",
            "date",
            "sourcing",
            "speakers",
            "perspectives",
            "questions",
            "text",
        ],
        "links": ["id", "relation", "from", "to", "speakers"],
        "sources": ["id", "kind", "published", "title", "url"],
        "speakers": ["id", "kind", "perspective", "claims", "name", "role"],
        "perspectives": ["id", "name", "speakers"],
        "questions": ["id", "claims", "text"],
    }.items():
        result = run_cli("list", kind, "--format", "json")
        assert result.exit_code == 0, result
        assert all(list(row) == keys for row in json.loads(result.stdout)), kind
    assert run_cli("list", "speakers").stdout.splitlines() == [
        "ID          KIND    PERSPECTIVE  CLAIMS  NAME            ROLE",
        "map/putin   person  map/russia   1       Vladimir Putin  -",
        "map/scholz  person  -            0       Olaf Scholz     -",
    ]


def test_a_link_repeating_a_shorthand_is_a_duplicate_link(claims: Path) -> None:
    result = run_cli("check")
    assert result.stdout.splitlines()[:2] == [
        "claims/map.yaml:34:5: warning: this link has the same ends as the link at "
        "claims/map.yaml:32:15 [duplicate-link]",
        "  hint: keep one of the two: the supports/opposes item or the `links:` entry",
    ]
    claims.write_text(
        FILE.replace("  - id: l1\n", "  - \n").replace("    from: [c2]", "    from: [c2]")
    )
    plain = claims.read_text().replace("  - \n    from", "  - from")
    claims.write_text(plain)
    again = run_cli("check")
    assert "[duplicate-link]" in again.stdout, again
    assert "[duplicate-id]" not in again.stdout, again


def test_the_unknown_reference_hint_offers_no_generated_link_id(project: Path) -> None:
    write(
        project / "claims/m.yaml",
        "claims:\n  - id: alpha\n    text: A.\n    type: fact\n    supports: [beta]\n"
        "  - id: beta\n    text: B.\n    type: fact\n"
        "  - id: gamma\n    text: C.\n    type: fact\n    supports: [alpha--supports--bet]\n",
    )
    result = run_cli("check")
    hints = [line for line in result.stdout.splitlines() if line.startswith("  hint:")]
    assert hints and all("--supports--" not in hint for hint in hints), result


def test_partial_dates_sort_as_their_first_day(claims: Path) -> None:
    for ident, date in (("c1", "2023-05-17"), ("c2", "2023")):
        assert run_cli("set", ident, "date", date).exit_code == 0
    added = run_cli("add", "claim", str(claims), "--id", "c3", "--text", "C.", "--type", "fact")
    assert added.exit_code == 0, added
    assert run_cli("set", "c3", "date", "2023-05").exit_code == 0
    assert run_cli("add", "claim", str(claims), "--id", "c4", "--text", "D.", "--type", "fact")
    listed = json.loads(run_cli("list", "claims", "--sort", "date", "--format", "json").stdout)
    assert [(row["id"], row["date"]) for row in listed] == [
        ("map/c2", "2023"),
        ("map/c3", "2023-05"),
        ("map/c1", "2023-05-17"),
        ("map/c4", None),
    ]
    refused = run_cli("list", "questions", "--sort", "date")
    assert refused.exit_code == 2
    assert refused.stderr.splitlines()[0] == "argmap: error: questions have no date to sort by"
