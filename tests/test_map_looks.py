"""What a map shows: status, sourcing tiers, stable colours, titles, focus, and the legend.

Each test pins the DOT a user gets from `argmap map` (the attribute or label
piece that draws the thing), on the seed document or on the trial fixture,
a small commentary with every status, a paragraph-sourced claim and a
perspective with its own colour. The last tests hold docs/maps-and-briefs.md, "Reading
the map" to the emitter's style tables and to the legend it draws.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from argmap.check.project import open_claims
from argmap.render.dot.emit import emit_dot
from argmap.render.dot.style import BORDERS, EDGES, PALETTE, SHAPES, STATUSES
from argmap.render.view import build_view
from conftest import REPO, run_cli, write

SEED = str(REPO / "claims" / "us-sanctions-on-pakistan.yaml")
TRIAL = str(REPO / "tests" / "fixtures" / "trial")
MAPS_PAGE = (REPO / "docs" / "maps-and-briefs.md").read_text(encoding="utf-8")
"""The page that explains how to read a map (docs/maps-and-briefs.md)."""


def _dot(*args: str) -> str:
    result = run_cli("map", *args)
    assert result.exit_code == 0, result
    return result.stdout


def _node(dot: str, claim: str) -> str:
    """The DOT line that declares *claim*."""
    found = re.search(rf'^  "{re.escape(claim)}" \[.*$', dot, re.MULTILINE)
    assert found, claim
    return found.group(0)


def _fills(dot: str) -> dict[str, str]:
    """Perspective name to swatch colour, from the legend."""
    pairs = re.findall(
        r'<TD BGCOLOR="(#[0-9A-F]{6})" WIDTH="18"> </TD><TD ALIGN="LEFT">([^<]+)<', dot
    )
    return {html.unescape(name): colour for colour, name in pairs}


def test_status_is_a_bold_badge_and_withdrawn_claims_are_greyed_and_struck() -> None:
    dot = _dot(TRIAL)
    retracted = _node(dot, "trial/sanctions-failed")
    assert "VALUE  ·  UNSOURCED  ·  <B>RETRACTED</B>" in retracted
    assert '<FONT COLOR="#666666"><S>The sanctions failed.</S></FONT>' in retracted
    assert 'color="#666666"' in retracted
    superseded = _node(dot, "trial/sanctions-failed-early")
    assert "<B>SUPERSEDED</B>" in superseded and "<S>The sanctions failed in" in superseded
    draft = _node(dot, "trial/enforcement-improved")
    assert "FACT  ·  UNSOURCED  ·  <B>DRAFT</B>" in draft and "<S>" not in draft
    disputed = _node(dot, "trial/sanctions-hurt-economy")
    assert "CAUSAL  ·  <B>DISPUTED</B>" in disputed and "<S>" not in disputed
    assert "RETRACTED, greyed and struck through: withdrawn by its speaker" in dot  # legend


def test_sourcing_tiers_have_their_own_border_and_badge() -> None:
    dot = _dot(TRIAL)
    paragraph = _node(dot, "trial/court-deferred")
    assert "peripheries=2" in paragraph and "FACT  ·  PARA-SOURCED" in paragraph
    assert "dashed" not in paragraph
    unsourced = _node(dot, "trial/regime-lawful")
    assert 'style="filled,dashed"' in unsourced and "penwidth=2.2" in unsourced
    assert "VALUE  ·  UNSOURCED" in unsourced
    sourced = _node(dot, "trial/sanctions-hurt-economy")
    assert "peripheries" not in sourced and "dashed" not in sourced
    assert "double border: PARA-SOURCED (only a footnote closing its passage cites one)" in dot


def test_a_perspective_keeps_its_colour_in_every_map_of_the_corpus() -> None:
    whole = str(REPO / "claims")
    full = _fills(_dot(SEED))
    in_folder = _fills(_dot(whole, "--question", "us-sanctions-on-pakistan/missile-threat"))
    focus = _fills(_dot(SEED, "--focus", "missiles-could-target-us", "--depth", "1"))
    question = _fills(_dot(SEED, "--question", "sanctions-even-handed"))
    assert focus and question and in_folder
    for name, colour in {**focus, **question, **in_folder}.items():
        assert full[name] == colour, name  # alone or beside the UK commentary, any selection
    # the seed's own perspectives by id: author, pakistan-government, sanctions-critics,
    # us-government
    assert full["The commentary's author"] == PALETTE[0]
    assert full["United States government"] == PALETTE[3]


def _perspective_file(name: str, sides: list[str], claims: str = "") -> str:
    listed = "".join(f"  - id: {side}\n    name: {side.title()}\n" for side in sides)
    return (
        f"document: doc\nsources:\n  - id: doc\n    title: {name}\nperspectives:\n{listed}{claims}"
    )


def test_colours_come_from_the_whole_corpus_not_the_selection(project: Path) -> None:
    write(
        project / "claims/_common.yaml",  # a shared file: its perspectives come first
        "perspectives:\n  - id: courts\n    name: Courts\n    color: '#123abc'\n"
        "  - id: press\n    name: Press\n",
    )
    claims = (
        "speakers:\n  - id: b\n    name: B\n    perspective: b-side\n"
        "  - id: j\n    name: J\n    perspective: courts\n"
        "claims:\n  - id: x\n    text: X.\n    type: fact\n    speakers: [b]\n"
        "  - id: y\n    text: Y.\n    type: fact\n    speakers: [j]\n    supports: [x]\n"
    )
    write(project / "claims/one.yaml", _perspective_file("One", ["b-side", "a-side"], claims))
    fills = _fills(_dot("claims"))
    assert fills["Courts"] == "#123ABC"  # its own colour
    assert fills["B-Side"] == PALETTE[3]  # after courts, press and one/a-side
    assert _fills(_dot("claims", "--speaker", "one/b")) == {"B-Side": PALETTE[3]}
    write(project / "claims/aaa.yaml", _perspective_file("Aaa", ["zz", "a0"]))
    assert _fills(_dot("claims"))["B-Side"] == PALETTE[3]  # another commentary changes nothing


def test_titles_name_the_document_or_the_focus() -> None:
    assert "label=<<B>US sanctions on Pakistan (commentary)</B><BR/>" in _dot(SEED)
    focus = _dot(SEED, "--focus", "missiles-could-target-us", "--depth", "2")
    assert (
        "label=<<B>Around: Pakistan&#x27;s long-range missiles could target the United States, "
        "depth 2</B><BR/>" in focus
    )
    question = _dot(SEED, "--question", "china-alignment").replace("<BR/>", " ")
    assert "— question: Do the sanctions push Pakistan toward China?" in question
    assert "Claims in" not in question


def test_the_focus_claim_is_highlighted() -> None:
    dot = _dot(SEED, "--focus", "missiles-could-target-us")
    focus = _node(dot, "us-sanctions-on-pakistan/missiles-could-target-us")
    assert 'color="#0072B2", penwidth=4.4' in focus
    other = _node(dot, "us-sanctions-on-pakistan/missiles-threaten-global-security")
    assert "#0072B2" not in other
    assert "Thick blue border: the claim the map is drawn around" in dot
    assert "#0072B2" not in _dot(SEED)


def _docs_table(heading: str) -> list[list[str]]:
    """The rows of the first table after *heading* in "Reading the map"."""
    section = MAPS_PAGE.split("## Reading the map", 1)[1].split("\n## ", 1)[0]
    after = section.split(heading, 1)[1]
    rows = re.findall(r"^\|(.+)\|$", after.split("\n\n", 2)[1], re.MULTILINE)
    return [[cell.strip() for cell in row.split("|")] for row in rows[2:]]


def test_docs_reading_the_map_matches_the_style_tables() -> None:
    assert _docs_table("**Shape**") == [[t, look.words] for t, look in SHAPES.items()]
    assert _docs_table("**Border**") == [
        [b.name, b.badge or "—", b.meaning] for b in BORDERS.values()
    ]
    assert _docs_table("**Status**") == [
        [status, look.badge, "greyed and struck through" if look.greyed else "—", look.meaning]
        for status, look in STATUSES.items()
    ]
    assert _docs_table("**Edges**") == [[rel, look.look] for rel, look in EDGES.items()]


def test_style_words_say_what_the_dot_draws() -> None:
    dot_words = {
        ("box", False): "box",
        ("box", True): "rounded box",
        ("box3d", False): "3-D box",
        ("ellipse", False): "ellipse",
        ("hexagon", False): "hexagon",
        ("note", False): "note (folded corner)",
    }
    for claim_type, shape in SHAPES.items():
        assert dot_words[(shape.shape, shape.rounded)] == shape.words, claim_type
    for border in BORDERS.values():
        drawn = {1: "single", 2: "double"}[border.peripheries]
        assert border.name == (border.style or drawn)
    for relation, look in EDGES.items():
        assert ("dashed" in look.look) == (look.style == "dashed"), relation
        assert ("tee" in look.look) == (look.arrowhead == "tee"), relation


def test_the_legend_says_what_the_docs_say() -> None:
    project = open_claims(Path(TRIAL))
    view = build_view(project.plain, list(project.plain.claims), "T")
    dot = emit_dot(view)
    shapes = re.search(r"Shapes — ([^<]+)<", dot)
    assert shapes and shapes.group(1) == "fact: box, causal: rounded box, value: ellipse"
    documented = {row[0]: row[1] for row in _docs_table("**Shape**")}
    for pair in shapes.group(1).split(", "):
        claim_type, words = pair.split(": ")
        assert documented[claim_type] == words
    for border in BORDERS.values():
        assert border.words in dot
    for look in STATUSES.values():
        assert look.words in dot


def test_the_author_is_named_once_in_the_title_not_on_each_claim() -> None:
    dot = _dot(SEED)
    assert '<BR/><FONT POINT-SIZE="12">by The commentary&#x27;s author</FONT>>' in dot
    assert "<I>The commentary&#x27;s author</I>" not in dot
    finer = _node(dot, "us-sanctions-on-pakistan/missiles-could-target-us")
    assert '<FONT POINT-SIZE="9"><I>Jon Finer, US Deputy NSA</I> [3]</FONT>' in finer
    assert "No speaker named: the author&#x27;s claim" in dot
