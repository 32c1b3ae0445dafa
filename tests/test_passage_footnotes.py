"""A footnote covers the passage since the previous footnote in its paragraph: `check` and `ingest`."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import run_cli, write

TEXT = (
    "Sanctions began in 1960. They grew often.[1] Costs rose in 2024. Exports fell.[2] "
    "Nobody knows why.\n"
    "[1] “History”, Daily, https://daily.example/history\n"
    "[2] “Costs”, Weekly, https://weekly.example/costs\n"
)

CLAIMS = """\
document: memo
sources:
  - {id: memo, title: Memo, text_file: sources/memo.txt}
  - {id: history, title: History, url: "https://daily.example/history"}
  - {id: costs, title: Costs, url: "https://weekly.example/costs"}
claims:
  - id: began
    text: Sanctions began in 1960.
    type: fact
    standalone: true
    citations:
      - {source: memo, locator: para 1, quote: Sanctions began in 1960.}
      - {source: costs, locator: fn 2, scope: paragraph}
  - id: rose
    text: Costs rose in 2024.
    type: fact
    standalone: true
    citations:
      - {source: memo, locator: para 1, quote: Costs rose in 2024.}
      - {source: costs, locator: fn 2, scope: paragraph}
  - id: why
    text: Nobody knows why.
    type: fact
    standalone: true
    citations:
      - {source: memo, locator: para 1, quote: Nobody knows why.}
      - {source: costs, locator: fn 2, scope: paragraph}
"""


def test_check_warns_when_another_footnote_covers_the_passage(project: Path) -> None:
    write(project / "claims/sources/memo.txt", TEXT)
    write(project / "claims/memo.yaml", CLAIMS)
    result = run_cli("check")
    assert result.exit_code == 0, result
    assert (result.stdout + result.stderr).splitlines() == [
        "claims/memo.yaml:13:34: warning: claim 'began' cites fn 2 for its passage, "
        "but fn 1 covers it [passage-footnote]",
        "  hint: a footnote covers the passage since the previous footnote in its paragraph; "
        "cite fn 1 with scope: paragraph",
        "claims/memo.yaml:27:34: warning: claim 'why' cites fn 2 for its passage, but no "
        "footnote closes it (it comes after the last footnote of para 1) [passage-footnote]",
        "  hint: a footnote covers the passage since the previous footnote in its paragraph; "
        "drop this citation or cite a source for the claim's own sentence",
        "1 file(s), 3 claim(s): 0 error(s), 2 warning(s)",
    ]
    assert run_cli("check", "--strict").exit_code == 1


def test_ingest_cites_the_footnote_that_closes_each_passage(project: Path) -> None:
    longer = {"began in 1960": "began in the year 1960", "grew often": "grew very often since then"}
    longer |= {
        "rose in 2024": "rose sharply in the year 2024",
        "Exports fell": "Exports fell by half after it",
    }
    text = TEXT
    for short, long in (longer | {"knows why": "knows why this happened"}).items():
        text = text.replace(short, long)
    write(project / "memo.txt", text)
    assert run_cli("ingest", "memo.txt").exit_code == 0
    draft = yaml.safe_load((project / "claims/memo.yaml").read_text(encoding="utf-8"))
    notes = {s["id"]: s["url"] for s in draft["sources"][1:]}
    cited = {
        c["citations"][0]["quote"]: [
            (notes[x["source"]].split("/")[2], x["locator"], x.get("scope", "sentence"))
            for x in c["citations"][1:]
        ]
        for c in draft["claims"]
    }
    assert cited == {
        "Sanctions began in the year 1960.": [("daily.example", "fn 1", "paragraph")],
        "They grew very often since then.": [("daily.example", "fn 1", "sentence")],
        "Costs rose sharply in the year 2024.": [("weekly.example", "fn 2", "paragraph")],
        "Exports fell by half after it.": [("weekly.example", "fn 2", "sentence")],
        "Nobody knows why this happened.": [],
    }
    checked = run_cli("check")
    assert checked.stderr.splitlines()[-1] == "1 file(s), 5 claim(s): 0 error(s), 5 warning(s)"
    assert checked.stdout.count("[unlinked-claim]") == 5  # drafts come unlinked, nothing else
