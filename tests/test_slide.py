"""Slide maps: legible at 1920×1080, undercuts visible, and `render --slide` outputs.

Legibility is measured the way a slide shows the map: the whole SVG drawing is
fitted to 1920×1080 (scale = min(1920 / width, 1080 / height), from the SVG's
size and Graphviz's scale transform), and a claim's text is as tall as its font
size times that scale. The issue's bar is 9 px for the seed's 40 claims, and
for every document of the bundled corpus.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

import pytest

from argmap.check.project import open_claims
from argmap.render.dot.layout import read_stamp
from argmap.render.select import documents
from conftest import REPO, copy_seed, reword_seed_claim, run_process

SEED = str(REPO / "claims" / "us-sanctions-on-pakistan.yaml")


@dataclass(frozen=True)
class Fitted:
    """What a map's SVG looks like fitted to 1920×1080."""

    scale: float
    """Screen pixels per SVG user unit."""
    text_px: float
    """Height of the smallest claim text (a claim's main text), in pixels."""
    smallest_px: float
    """Height of the smallest text in any claim (badge, speaker, markers), in pixels."""
    undercut_px: float
    """Width of the thinnest undercut edge line, in pixels (0 when there is none)."""


def fitted(svg: str) -> Fitted:
    """Measure *svg* (Graphviz output) as fitted to a 1920×1080 slide."""
    size = re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg)
    transform = re.search(r'class="graph" transform="scale\(([\d.]+) [\d.]+\)', svg)
    assert size and transform
    width, height = float(size.group(1)), float(size.group(2))
    scale = min(1920 / width, 1080 / height) * float(transform.group(1))
    texts, smallest = [], []
    for title, body in re.findall(
        r'<g id="[^"]*" class="node">\s*<title>([^<]*)</title>(.*?)</g>', svg, re.DOTALL
    ):
        if (
            title == "legend" or ":" in title
        ):  # the legend and link junctions; claim ids hold no ':'
            continue
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', body)]
        texts.append(max(sizes))
        smallest.append(min(sizes))
    undercuts = [
        float(w)
        for w in re.findall(r'<path fill="none" stroke="#aa3377" stroke-width="([\d.]+)"', svg)
    ]
    return Fitted(
        scale,
        scale * min(texts),
        scale * min(smallest),
        scale * min(undercuts) if undercuts else 0.0,
    )


def _map_svg(tmp_path: Path, *args: str) -> str:
    out = tmp_path / "map.svg"
    result = run_process("map", *args, "--format", "svg", "-o", str(out))
    assert result.exit_code == 0, result
    return out.read_text(encoding="utf-8")


def test_seed_slide_text_is_at_least_9_px_at_1920x1080(tmp_path: Path) -> None:
    screen = fitted(_map_svg(tmp_path, SEED))
    slide = fitted(_map_svg(tmp_path, SEED, "--slide"))
    assert screen.text_px < 6.5  # the full seed map as it was: about 5 px
    assert slide.text_px >= 9.0, slide
    assert slide.smallest_px >= 7.0, slide  # badges and speakers stay readable too


def test_the_undercut_is_visible_at_slide_size(tmp_path: Path) -> None:
    slide = fitted(_map_svg(tmp_path, SEED, "--slide"))
    screen = fitted(_map_svg(tmp_path, SEED))
    assert slide.undercut_px >= 2.5, slide
    assert screen.undercut_px < slide.undercut_px


def test_a_focus_slide_keeps_the_title_and_the_highlight(tmp_path: Path) -> None:
    svg = _map_svg(
        tmp_path, SEED, "--slide", "--focus", "sanctions-prevent-proliferation", "--depth", "2"
    )
    assert "Around: US sanctions on Pakistan are measures that prevent nuclear" in svg
    assert 'stroke="#0072b2"' in svg
    assert fitted(svg).text_px >= 9.0


def _png_size(data: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_render_slide_writes_slides_and_keeps_them_current(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "renders"
    doc = "us-sanctions-on-pakistan"
    first = run_process("render", str(claims), "--out", str(out), "--document", doc, "--slide")
    assert first.exit_code == 0, first
    folder = out / doc
    assert (folder / "slide.svg").is_file()
    png = (folder / "slide.png").read_bytes()
    width, height = _png_size(png)
    assert width <= 1920 and height <= 1080 and max(width / 1920, height / 1080) > 0.99
    assert read_stamp("png", png) == read_stamp("svg", (folder / "slide.svg").read_bytes())
    assert fitted((folder / "slide.svg").read_text(encoding="utf-8")).text_px >= 9.0
    # once written, a plain render keeps the slides current and --check checks them
    reword_seed_claim(claims)
    check = run_process("render", str(claims), "--out", str(out), "--document", doc, "--check")
    assert check.exit_code == 1
    assert f"{folder / 'slide.png'}: stale: laid out from an older slide map\n" in check.stderr
    again = run_process("render", str(claims), "--out", str(out), "--document", doc)
    assert again.exit_code == 0, again
    assert read_stamp("png", (folder / "slide.png").read_bytes()) != read_stamp("png", png)


def _bundled_documents() -> list[tuple[str, int, list[str]]]:
    """Each bundled document: its name, its claim count, and the questions its claims bear on."""
    project = open_claims(REPO / "claims")
    found = []
    for doc in documents(project.plain):
        questions = {q for c in doc.claim_ids for q in project.corpus.claims[c].questions}
        found.append((doc.name, len(doc.claim_ids), sorted(questions)))
    return found


@pytest.mark.parametrize(("name", "claims", "questions"), _bundled_documents())
def test_every_bundled_document_has_legible_slides(
    tmp_path: Path, name: str, claims: int, questions: list[str]
) -> None:
    """A document of up to 40 claims fits one slide; a longer one, one slide per question."""
    if claims <= 40:
        svg = (REPO / "renders" / name / "slide.svg").read_text(encoding="utf-8")
        assert fitted(svg).text_px >= 9.0
        return
    for question in questions:
        svg = _map_svg(tmp_path, str(REPO / "claims"), "--slide", "--question", question)
        assert fitted(svg).text_px >= 9.0, question


def test_a_slide_without_links_is_drawn(tmp_path: Path) -> None:
    svg = _map_svg(
        tmp_path, SEED, "--slide", "--question", "china-alignment", "--perspective", "us-government"
    )
    assert svg.count('class="node"') == 1  # the legend alone: no claim passes both filters
    one = _map_svg(tmp_path, SEED, "--slide", "--speaker", "jon-finer")
    assert one.count('class="node"') == 2 and 'class="edge"' not in one
