"""`argmap render`: every output for every document, deterministic, and `--check` on renders/."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from argmap.render.dot.layout import read_stamp
from conftest import REPO, copy_seed, reword_seed_claim, run_process

DOC = "us-sanctions-on-pakistan"
OUTPUTS = [
    "audit.md",
    "brief.md",
    "deck.pdf",
    "evaluation.md",
    "map.dot",
    "map.html",
    "map.png",
    "map.svg",
    "perspectives.md",
]
SLIDES = ["slide.png", "slide.svg"]


def test_repository_renders_are_current() -> None:
    result = run_process("render", "claims", "--out", "renders", "--check", cwd=REPO)
    assert result.exit_code == 0, result
    assert sorted(p.name for p in (REPO / "renders" / DOC).iterdir()) == sorted(OUTPUTS + SLIDES)


def test_render_writes_everything_and_is_deterministic(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    first = run_process("render", str(claims), "--out", str(tmp_path / "a"))
    assert first.exit_code == 0, first
    assert first.stderr.startswith("wrote 9 file(s) for 1 document(s)")
    again = run_process("render", str(claims), "--out", str(tmp_path / "a"))
    assert again.stderr.endswith(
        f"wrote 0 file(s) for 1 document(s) to {tmp_path / 'a'} (9 already up to date)\n"
    )
    forced = run_process("render", str(claims), "--out", str(tmp_path / "a"), "--force")
    assert forced.stderr.startswith("wrote 9 file(s)"), forced
    second = run_process("render", str(claims), "--out", str(tmp_path / "b"))
    assert second.exit_code == 0, second
    for name in OUTPUTS:
        a = (tmp_path / "a" / DOC / name).read_bytes()
        b = (tmp_path / "b" / DOC / name).read_bytes()
        if name.endswith((".md", ".dot", ".pdf", ".html")):
            assert a == b, name  # the deck and the page too: no dates, no random ids
            assert b"2026-" not in a  # no timestamps
        drawn = ("map.png", "map.svg", "map.html", "deck.pdf")  # Graphviz's bytes vary by version
        assert a == (REPO / "renders" / DOC / name).read_bytes() or name in drawn


def test_check_names_stale_files_and_writes_nothing(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "renders"
    shutil.copytree(REPO / "renders", out)
    assert run_process("render", str(claims), "--out", str(out), "--check").exit_code == 0
    reword_seed_claim(claims)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    result = run_process("render", str(claims), "--out", str(out), "--check")
    assert result.exit_code == 1, result
    for name in ("map.dot", "brief.md", "perspectives.md"):
        assert f"{out / DOC / name}: stale: differs\n" in result.stderr
    brief = out / DOC / "brief.md"
    assert f"--- {brief} (on disk)\n+++ {brief} (from the claims)\n@@ " in result.stderr
    old = "\n-  - **Supports:** Pakistan's long-range missiles could target the United States."
    new = "\n+  - **Supports:** Pakistan's long-range missiles could reach the United States."
    assert old in result.stderr and new in result.stderr
    for name in ("map.svg", "map.png"):
        assert f"{out / DOC / name}: stale: laid out from an older map.dot\n" in result.stderr
    assert f"{out / DOC / 'map.html'}: stale: laid out from an older map\n" in result.stderr
    assert f"{out / DOC / 'deck.pdf'}: stale: laid out from an older deck\n" in result.stderr
    assert "audit.md" not in result.stderr
    assert "hint: run 'argmap render" in result.stderr
    assert before == {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}


def test_check_shows_at_most_40_lines_of_diff(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "renders"
    shutil.copytree(REPO / "renders", out)
    brief = out / DOC / "brief.md"
    brief.write_text("".join(f"line {n}\n" for n in range(100)), encoding="utf-8")
    result = run_process("render", str(claims), "--out", str(out), "--check")
    assert result.exit_code == 1, result
    diff = result.stderr.split(f"{brief}: stale: differs\n", 1)[1].split("\n  hint:", 1)[0]
    lines = diff.splitlines()
    assert lines[0] == f"--- {brief} (on disk)" and lines[2].startswith("@@ -1,100 +1,")
    assert len(lines) == 42  # 40 lines of diff, the cut-off note, the summary line
    assert re.fullmatch(r"… \d+ more diff lines", lines[40])
    assert lines[41] == "argmap: error: 1 render(s) out of date"


def test_missing_renders_are_reported(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    result = run_process("render", str(claims), "--out", str(tmp_path / "none"), "--check")
    assert result.exit_code == 1
    assert result.stderr.count(": stale: missing\n") == 9


def test_laid_out_files_carry_the_dot_hash() -> None:
    svg = (REPO / "renders" / DOC / "map.svg").read_bytes()
    png = (REPO / "renders" / DOC / "map.png").read_bytes()
    assert read_stamp("svg", svg) is not None
    assert read_stamp("svg", svg) == read_stamp("png", png)


def test_hostile_fixture_renders_every_output(tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    hostile = REPO / "tests" / "fixtures" / "hostile"
    result = run_process("render", str(hostile), "--out", str(tmp_path))
    assert result.exit_code == 0, result
    folder = tmp_path / "claims"
    assert sorted(p.name for p in folder.iterdir()) == OUTPUTS
    parser = MarkdownIt("commonmark").enable("table")
    for name in ("audit.md", "brief.md", "perspectives.md"):
        text = (folder / name).read_text(encoding="utf-8")
        html = parser.render(text)
        assert "<script" not in html, name
        tokens = parser.parse(text)
        widths: list[int] = []
        for token in tokens:
            if token.type == "tr_open":
                widths.append(0)
            elif token.type in ("th_open", "td_open"):
                widths[-1] += 1
            elif token.type == "table_close":
                assert len(set(widths)) == 1, (name, widths)
                widths = []
    audit = (folder / "audit.md").read_text(encoding="utf-8")
    assert "| Cycle A opposes B \\| and B opposes A |" in audit


def test_only_stale_outputs_are_rewritten(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "renders"
    assert run_process("render", str(claims), "--out", str(out)).exit_code == 0
    brief = out / DOC / "brief.md"
    brief.write_text("edited by hand", encoding="utf-8")
    png_before = (out / DOC / "map.png").stat().st_mtime_ns
    result = run_process("render", str(claims), "--out", str(out))
    assert result.stderr.startswith("wrote 1 file(s)"), result
    assert brief.read_text(encoding="utf-8") != "edited by hand"
    assert (out / DOC / "map.png").stat().st_mtime_ns == png_before


def test_document_selects_what_is_rendered(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    other = claims / "other.yaml"
    other.write_text(
        "claims:\n  - id: other-claim\n    text: Another claim.\n    type: fact\n"
        "    standalone: true\n"
        "    speakers: [us-sanctions-on-pakistan/jon-finer]\n",  # the seed file's speaker
        encoding="utf-8",
    )
    out = tmp_path / "renders"
    result = run_process("render", str(claims), "--out", str(out), "--document", "other")
    assert result.exit_code == 0, result
    assert sorted(p.name for p in out.iterdir()) == ["other"]
    assert "Jon Finer, US Deputy NSA" in (out / "other" / "map.dot").read_text(encoding="utf-8")
    wrong = run_process("render", str(claims), "--out", str(out), "--document", "othr")
    assert wrong.exit_code == 2
    assert wrong.stderr == "argmap: error: no document 'othr'\n  hint: did you mean 'other'?\n"
