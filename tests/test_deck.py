"""The seminar deck (`argmap deck`, and deck.pdf in renders/): pages, text, size of type.

Read back with pypdf, as a user's viewer would: the page count, the text of
each slide, and the size claim text is drawn at (its font size times the
page's scaling, in pixels at 1920×1080).
"""

from __future__ import annotations

import io
import math
import unicodedata
from pathlib import Path

import pytest

from argmap.check.project import open_claims
from argmap.render.select import documents
from conftest import REPO, SEED_NAME, copy_seed, run_process, write

pypdf = pytest.importorskip("pypdf")

UK = "uk-sanctions-testing-the-limits"


def _text(page: object) -> str:
    text = page.extract_text()  # type: ignore[attr-defined]
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _claim_px(page: object) -> float:
    """Claim text size in pixels at 1920×1080: the title is drawn at 26 pt, claims at 14 pt."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1]))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return max(sizes) * 14 / 26 * 1920 / 1440


def _deck(claims: Path, out: Path) -> object:
    run = run_process("deck", str(claims), "-o", str(out))
    assert run.exit_code == 0, run
    return pypdf.PdfReader(io.BytesIO(out.read_bytes()))


def test_seed_deck_has_title_overview_and_one_slide_per_question(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    reader = _deck(claims, tmp_path / "deck.pdf")
    project = open_claims(claims, None, models=True)
    corpus = project.index.corpus
    questions = [
        q
        for q in corpus.questions.values()
        if any(q.id in c.questions for c in corpus.claims.values())
    ]
    assert len(reader.pages) == 2 + len(questions)  # type: ignore[attr-defined]
    pages = reader.pages  # type: ignore[attr-defined]
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (1440.0, 810.0)
    title = _text(pages[0])
    assert "US sanctions on Pakistan" in title
    meta = reader.metadata  # type: ignore[attr-defined]
    assert meta["/Title"] == documents(project.plain)[0].title
    for n, question in enumerate(questions, start=2):
        page = _text(pages[n])
        assert page.startswith(" ".join(question.text.split())[:40]), (n, page[:80])
        assert _claim_px(pages[n]) >= 9.0
    # a known claim is on its question's slide
    known = corpus.claims[f"{SEED_NAME}/sanctions-shaped-us-pakistan-relations"]
    slide = 2 + [q.id for q in questions].index(known.questions[0])
    first_words = " ".join(known.text.split()[:4])
    assert first_words in _text(pages[slide])


def test_repository_deck_shows_title_author_and_date() -> None:
    reader = pypdf.PdfReader(REPO / "renders" / UK / "deck.pdf")
    assert _text(reader.pages[0]) == (
        "Testing the Limits: Expanding the Reach of UK Sanctions Andrea Marchesetti 2025-11-07"
    )
    assert "Supreme Court ruled" in _text(reader.pages[3])
    assert len(reader.pages) == 10


def _crowded_question(claims: int) -> str:
    lines = [
        "perspectives:",
        "  - id: left\n    name: Left",
        "  - id: right\n    name: Right",
        "speakers:",
        "  - id: ann\n    name: Ann Analyst\n    perspective: left",
        "  - id: bob\n    name: Bob Critic\n    perspective: right",
        "questions:",
        "  - id: big\n    text: Does a very crowded question still read on a slide?",
        "claims:",
    ]
    for n in range(claims):
        speaker = "ann" if n % 2 == 0 else "bob"
        lines.append(
            f"  - id: c{n}\n    text: Claim number {n} says something long enough to wrap over"
            f" two or three lines of a node.\n    type: fact\n    speakers: [{speaker}]\n"
            f"    questions: [big]"
        )
        if n >= 2:
            relation = "supports" if n % 3 else "opposes"
            lines.append(f"    {relation}: [c{(n - 1) // 2}]")
    return "\n".join(lines) + "\n"


def test_a_crowded_question_is_split_into_continued_slides(tmp_path: Path) -> None:
    claims = write(tmp_path / "claims" / "crowd.yaml", _crowded_question(90)).parent
    reader = _deck(claims, tmp_path / "deck.pdf")
    pages = reader.pages  # type: ignore[attr-defined]
    assert len(pages) > 3  # title, overview, and the question in more than one slide
    texts = [_text(page) for page in pages[2:]]
    assert texts[0].startswith("Does a very crowded question still read on a slide? — Left")
    assert all("(continued)" in text for text in texts[1:])
    assert any("— Right" in text for text in texts)
    for page in pages[2:]:
        assert _claim_px(page) >= 9.0
    shown = " ".join(texts)
    for n in range(90):
        assert f"Claim number {n} says" in shown, n


def test_deck_is_deterministic(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    _deck(claims, tmp_path / "a.pdf")
    _deck(claims, tmp_path / "b.pdf")
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()
    assert b"CreationDate" not in (tmp_path / "a.pdf").read_bytes()
