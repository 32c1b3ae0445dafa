"""The HTML map shows what tracking and evaluation know: a claim's label and why-line
under `html --evaluate`, and its status history and appearances in other documents
(from `same-as`), in a real Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser import chromium, load, new_page
from conftest import REPO, SEED_NAME, copy_seed, run_process

DEFEATED = f"{SEED_NAME}/missiles-could-target-us"
"""A seed claim that grounded semantics labels out (pinned by the seed's expect: block)."""
TRACKED = "coastal-dispatch/toll-revenue"
"""A claim whose `same-as` names a claim of the other example document."""
RETRACTED = "harbour-review/dredging-by-june"
"""A claim whose status history ends in a retraction."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as found:
        yield found


def _panel_of(browser: Any, page_path: Path, claim_id: str) -> str:
    page, watch = new_page(browser)
    load(page, page_path)
    page.click(f"[id='c-{claim_id}']")
    text: str = page.locator("#panel").inner_text()
    assert watch.errors == []
    return text


def test_evaluated_page_shows_label_and_why(browser: Any, tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "map.html"
    run = run_process("html", str(claims), "--evaluate", "grounded", "-o", str(out))
    assert run.exit_code == 0, run
    html = out.read_text(encoding="utf-8")
    assert "label-out" in html  # a defeated node carries its label as a class
    panel = _panel_of(browser, out, DEFEATED)
    assert "OUT" in panel
    assert f"defeated by '{SEED_NAME}/us-threat-claims-specious'" in panel


def test_plain_page_has_no_label(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "map.html"
    assert run_process("html", str(claims), "-o", str(out)).exit_code == 0
    assert '"label":' not in out.read_text(encoding="utf-8")


def test_tracked_claim_shows_history_and_appearances(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    example = REPO / "examples" / "tracking" / "claims"
    run = run_process("html", str(example), "-o", str(out))
    assert run.exit_code == 0, run
    panel = _panel_of(browser, out, TRACKED)
    assert "Marlow's port bets on growth" in panel  # the other document it appears in
    assert "harbour-review/toll-revenue-doubled" in panel
    history = _panel_of(browser, out, RETRACTED)
    assert "2025-03-01: disputed; 2025-03-20: retracted" in history
