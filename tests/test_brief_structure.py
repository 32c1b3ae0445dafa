"""How the briefs are built: author once, trees once, undercuts under their link, clashes.

Pins the Markdown lines a reader gets from `argmap brief` and `argmap
perspectives` on the seed document and on the trial fixture (statuses, a
paragraph-sourced claim, the author's undercut of a court's inference whose
conclusion the author states, a retracted claim in a clash, a claim on no
question inside a tree).
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import REPO, run_cli, write

SEED = str(REPO / "claims" / "us-sanctions-on-pakistan.yaml")
TRIAL = str(REPO / "tests" / "fixtures" / "trial")


def _out(command: str, path: str) -> str:
    result = run_cli(command, path)
    assert result.exit_code == 0, result
    return result.stdout


def _section(markdown: str, heading: str) -> str:
    return markdown.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]


def test_the_author_is_named_once_and_only_others_inline() -> None:
    brief = _out("brief", SEED)
    assert brief.splitlines()[2] == (
        "*By The commentary's author.* Lines that name no speaker are the author's."
    )
    assert brief.count("The commentary's author") == 1
    assert (
        "- Pakistan's missile capacity could pose a threat to global security. — United States "
        "government (para 3) ⚠ *unsourced*\n" in brief
    )
    trial = _out("brief", TRIAL)
    assert "*By Ann Author, Research Fellow.*" in trial and trial.count("Ann Author") == 1
    perspectives = _out("perspectives", SEED)
    assert perspectives.count("— The commentary's author") == 0


def test_each_tree_is_printed_once_and_later_mentions_point_to_it() -> None:
    brief = _out("brief", SEED)
    tree_root = "- Although the US sanctions aim to prevent nuclear proliferation, their impact"
    trees = brief.split("\n## Unsourced claims", 1)[0].splitlines()
    mentions = [line for line in trees if tree_root[2:] in line]
    assert [m.endswith("(see Q1)") for m in mentions] == [False, True, True]
    assert mentions[0] == mentions[0].lstrip() and mentions[0].endswith("(para 9) ⚠ *unsourced*")
    q6 = _section(brief, "Q6.")
    assert (
        "- Although the US sanctions aim to prevent nuclear proliferation, their impact is "
        "questionable once regional security and geopolitical calculations are taken into "
        "account. (see Q1)\n" in q6
    )
    assert "(see above)" in _section(brief, "Q3.")  # the undercut's premise, expanded in Q3


def test_other_claims_lists_only_claims_shown_nowhere_else() -> None:
    brief = _out("brief", TRIAL)
    other = _section(brief, "Other claims")
    assert "- The commentary was written in spring. ⚠ *unsourced*" in other
    assert "Enforcement agencies have more staff" not in other  # nested under Q2 already
    assert "    - **Supports:** Enforcement agencies have more staff." in _section(brief, "Q2.")
    assert "## Other claims" not in _out("brief", SEED)


def test_an_undercut_is_shown_under_the_link_it_attacks_in_every_section() -> None:
    brief = _out("brief", TRIAL)
    assert (
        "  - **Supports:** The court deferred to the minister's judgement. — Lord Judge, Supreme "
        "Court justice (para 1)[^1] ¶ *paragraph-sourced*\n"
        "  - **Undercuts** the link from “The court deferred to the minister's judgement.”: "
        "Deference is unearned where the minister gave no evidence. (para 2) ⚠ *unsourced*\n"
        in brief
    )
    perspectives = _out("perspectives", TRIAL)
    assert (
        "  - **Supported by** *The courts*: The court deferred to the minister's judgement. — "
        "Lord Judge, Supreme Court justice\n"
        "    - **Undercut by** *The author*: Deference is unearned where the minister gave no "
        "evidence.\n" in perspectives
    )
    seed = _out("perspectives", SEED)
    assert (
        "    - **Undercut by** *The commentary's author*: US sanctions on Pakistan are not" in seed
    )


def test_perspectives_title_has_one_colon_at_most() -> None:
    trial = _out("perspectives", TRIAL)
    assert trial.startswith(
        "# Testing the Limits: A Trial Commentary — perspectives side by side\n"
    )
    seed = _out("perspectives", SEED)
    assert seed.startswith("# US sanctions on Pakistan (commentary) — perspectives side by side\n")


def test_an_undercut_clashes_by_who_draws_it_not_by_what_the_link_concludes() -> None:
    clash = _section(_out("perspectives", TRIAL), "Points of clash")
    assert (
        "| The author | Deference is unearned where the minister gave no evidence. | undercuts | "
        "The courts | *the link from “The court deferred to the minister's judgement.” to* The "
        "sanctions regime is lawful. |" in clash
    )


def test_withdrawn_claims_are_left_out_of_points_of_clash() -> None:
    clash = _section(_out("perspectives", TRIAL), "Points of clash")
    assert "The sanctions failed" not in clash
    assert (
        "Left out: 1 clash from or to retracted or superseded claims, which are no longer in "
        "play." in clash
    )
    government = _section(_out("perspectives", TRIAL), "The government")
    assert "Every one of its claims is retracted or superseded." in government


def test_long_cells_are_listed_under_the_table() -> None:
    q2 = _section(_out("perspectives", TRIAL), "Q2.")
    assert "| 3 claims, listed below | — | • **RETRACTED** ~~The sanctions failed.~~" in q2
    assert re.search(
        r"\*\*The author\*\* \(Q2\):\n\n- \*\*DISPUTED\*\* The sanctions hurt the target's "
        r"economy\.\[\^1\]\n- The sanctions work\. ⚠ \*unsourced\*\n- \*\*DRAFT\*\* ",
        q2,
    )
    seed = _out("perspectives", SEED)
    cells = [cell for row in seed.splitlines() if row.startswith("| ") for cell in row.split(" | ")]
    assert max(cell.count("<br>") for cell in cells) == 1  # two claims at most in a cell


def test_status_and_tiers_are_shown_in_the_brief() -> None:
    brief = _out("brief", TRIAL)
    assert (
        "  - **Opposes:** **RETRACTED** ~~The sanctions failed.~~ — A Minister ⚠ *unsourced*\n"
        in brief
    )
    assert (
        "    - **Supports:** **SUPERSEDED** ~~The sanctions failed in their first year.~~" in brief
    )
    assert "  - **Supports:** **DRAFT** Enforcement has improved. ⚠ *unsourced*\n" in brief
    assert "  - **Supports:** **DISPUTED** The sanctions hurt the target's economy.[^1]\n" in brief
    assert "10 claims, 1 outside source, 1 paragraph-sourced claim, 8 unsourced claims." in brief


def test_status_is_shown_in_the_audit() -> None:
    markdown = run_cli("audit", TRIAL, "--format", "markdown").stdout
    assert "| `trial/sanctions-failed` | A Minister | **RETRACTED** The sanctions failed. |" in (
        markdown
    )
    assert "| **DRAFT** Enforcement has improved. |" in markdown
    table = run_cli("audit", TRIAL).stdout
    assert "  trial/enforcement-improved  — Ann Author  [draft]\n" in table
    assert "  trial/sanctions-failed-early  [superseded]\n" in table


def test_an_undercut_is_named_by_the_side_that_draws_it(project: Path) -> None:
    write(
        project / "claims/doc.yaml",
        "document: doc\nsources:\n  - id: doc\n    title: Doc\n    authors: [author]\n"
        "speakers:\n  - id: author\n    name: Ann\n    perspective: author\n"
        "  - id: judge\n    name: Judge\n    perspective: courts\n"
        "  - id: office\n    name: The Office\n    perspective: government\n"
        "perspectives:\n  - id: author\n    name: Author side\n  - id: courts\n    name: Courts\n"
        "  - id: government\n    name: Government\n"
        "claims:\n  - id: c\n    text: C holds.\n    type: fact\n    speakers: [judge]\n"
        "  - id: p\n    text: P holds.\n    type: fact\n    speakers: [judge]\n"
        "  - id: o\n    text: O says otherwise.\n    type: fact\n    speakers: [office]\n"
        "links:\n  - {id: p-c, from: p, to: c, relation: supports, speakers: [judge]}\n"
        "  - {from: o, to: p-c, relation: undercuts}\n",  # drawn by the author, with O's claim
    )
    perspectives = _out("perspectives", "claims")
    assert (
        "  - **Supported by** *Courts*: P holds. — Judge\n"
        "    - **Undercut by** *Author side*: O says otherwise. — The Office\n" in perspectives
    )
    clash = _section(perspectives, "Points of clash")
    assert "| Author side | O says otherwise. — The Office | undercuts | Courts |" in clash
