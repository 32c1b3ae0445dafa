"""The paragraph rule, typography-blind quote matching, and `argmap paragraphs`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.texts.layout import split
from argmap.texts.quotes import Footnote, Paragraphs, normalize, parse_locator
from conftest import REPO, SHARED, run_cli, write

SEED_TEXT = REPO / "claims/sources/us-sanctions-on-pakistan.txt"
UK_TEXT = SHARED / "commentary/uk-sanctions-testing-the-limits.md"


def shared(path: Path) -> Path:
    """A file from ../shared; missing is a skip locally and a failure under CI."""
    if not path.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{path} is missing: CI needs ../shared")
        pytest.skip(f"{path} is missing")
    return path


def test_seed_text_has_nine_paragraphs_and_six_footnotes() -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    layout = split(text, markdown=False)
    assert layout.mode == "lines"
    assert [b.line for b in layout.paragraphs] == list(range(1, 10))
    assert [b.number for b in layout.footnotes] == [1, 2, 3, 4, 5, 6]
    fn5 = layout.footnotes[4]
    assert text[fn5.start : fn5.end].splitlines()[1].startswith("https://southasiatimes.org/")
    assert text[layout.footnotes[5].start : layout.footnotes[5].end] == "[6] Ibid."


def test_plain_text_with_blank_lines_counts_blocks() -> None:
    text = (
        "One line\nand its continuation.\n\nSecond block.\n\n\nThird.\n[1] A note\nhttps://x.org\n"
    )
    layout = split(text, markdown=False)
    assert layout.mode == "blocks"
    words = [text[b.start : b.end] for b in layout.paragraphs]
    assert words == ["One line\nand its continuation.", "Second block.", "Third."]
    assert [text[b.start : b.end] for b in layout.footnotes] == ["[1] A note\nhttps://x.org"]


def test_markdown_rule() -> None:
    text = (
        "---\ntitle: T\n---\n\n# Heading\n\nFirst *para*.[^1]\n\n<excerpt/>\n\n"
        "- item one\n\n  still item one\n- item two\n\n> a quote\n> goes on\n\n"
        "![alt](pic.png)\n\n---\n\n    code\n\nLast [link](https://x.org).\n\n[^1]: The note.\n"
    )
    layout = split(text, markdown=True)
    assert [b.plain for b in layout.paragraphs] == [
        "First para.",
        "item one still item one",
        "item two",
        "a quote goes on",
        "Last link.",
    ]
    assert [b.line for b in layout.paragraphs] == [7, 11, 14, 16, 25]
    assert [(b.number, b.plain) for b in layout.footnotes] == [(1, "The note.")]
    assert text[layout.paragraphs[1].start : layout.paragraphs[1].end] == (
        "- item one\n\n  still item one"
    )


def test_uk_commentary_paragraphs() -> None:
    text = shared(UK_TEXT).read_text(encoding="utf-8")
    layout = split(text, markdown=True)
    assert len(layout.paragraphs) == 33
    assert layout.footnotes == ()
    assert layout.paragraphs[0].plain is not None
    assert layout.paragraphs[0].plain.startswith("A double-win before the UK Supreme Court")
    assert layout.paragraphs[-1].plain is not None
    assert layout.paragraphs[-1].plain.startswith("Andrea Marchesetti worked as an analyst")


@pytest.mark.parametrize(
    ("written", "in_text"),
    [
        ("Pakistan's missiles", "Pakistan’s missiles"),
        ('a "sacred trust"', "a “sacred trust”"),
        ("2013-2024", "2013–2024"),
        ("Sanctions - straddling", "Sanctions – straddling"),
        ("wait...", "wait…"),
        ("not . . . limited", "not … limited"),
        ("no break", "no\u00a0break"),
        ("zero width", "zero\u200b width"),
        ("hyphenated", "hyphen\u00adated"),
        ("many  spaces\nand lines", "many spaces and lines"),
    ],
)
def test_typography_is_normalised(written: str, in_text: str) -> None:
    assert normalize(written) == normalize(in_text)


def test_normalising_keeps_words_apart() -> None:
    assert normalize("US-China") != normalize("US China")
    assert normalize("it's") != normalize("its")


@pytest.mark.parametrize(
    ("locator", "parsed"),
    [
        ("para 3", Paragraphs(3, 3)),
        ("Para 3", Paragraphs(3, 3)),
        ("paras 3-5", Paragraphs(3, 5)),
        ("paras 3–5", Paragraphs(3, 5)),
        ("fn 2", Footnote(2)),
        ("p. 12", None),
        ("§3", None),
        ("para 3, sentence 2", None),
    ],
)
def test_locator_forms(locator: str, parsed: Paragraphs | Footnote | None) -> None:
    assert parse_locator(locator) == parsed


def test_paragraphs_command_on_the_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("paragraphs", "us-sanctions-on-pakistan/commentary", "--no-cache")
    assert result.exit_code == 0, result
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "sources/us-sanctions-on-pakistan.txt: 9 paragraphs (one per non-empty line), 6 footnotes"
    )
    assert lines[2] == "para 1 (line 1)"
    assert lines[3].startswith("Sanctions have historically played")
    assert lines[-6:] == [
        "fn 5 (line 14)",
        "[5] “U.S. Sanctions on Pakistan’s Missile Program: Impacts and Geopolitics”, South Asia Times,",
        "https://southasiatimes.org/us-sanctions-on-pakistans-missile-program-impacts-and-geopolitics/, (Access Date: 28.01.2025).",
        "",
        "fn 6 (line 16)",
        "[6] Ibid.",
    ]


def test_paragraphs_command_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    result = run_cli("paragraphs", "comentary")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "argmap: error: no source 'comentary'\n  hint: did you mean 'commentary'?\n"
    )
    result = run_cli("paragraphs", "dawn-sanctions-wont-impact")
    assert result.exit_code == 2
    assert result.stderr == (
        "argmap: error: source 'dawn-sanctions-wont-impact' has no text_file\n"
        "  hint: add 'text_file:' to it\n"
    )


MARKDOWN_CLAIMS = """\
sources:
  - id: memo
    title: Memo
    text_file: memo.md
claims:
  - id: a
    text: A
    type: fact
    citations:
      - source: memo
        locator: para 2
        quote: second words here
"""


def test_markdown_layout_is_cached_so_warm_checks_skip_markdown_it(project: Path) -> None:
    write(project / "claims/memo.md", "# Memo\n\nFirst.\n\nThe _second words_ here.\n")
    write(project / "claims/x.yaml", MARKDOWN_CLAIMS)
    probe = (
        "import sys\nfrom argmap.cli import main\nsys.argv = ['argmap', 'check']\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "sys.stderr.write(f'EXIT={code} MD={\"markdown_it\" in sys.modules}\\n')\n"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], cwd=project, capture_output=True, text=True, check=False
        )
        for _ in range(2)
    ]
    assert "EXIT=0 MD=True" in runs[0].stderr, runs[0].stderr
    assert "EXIT=0 MD=False" in runs[1].stderr, runs[1].stderr
