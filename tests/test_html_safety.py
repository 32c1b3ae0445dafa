"""The HTML map's safety and shape: axe-core, hostile text, Graphviz's ids and classes, scope.

The page is opened from file:// in a real headless Chromium (see tests/browser.py);
hostile claim text must run nothing (a `window.__pwned` sentinel stays undefined)
and link nowhere.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.check.project import open_claims
from argmap.render.view import MapView
from browser import chromium, load, new_page, seed_page
from conftest import SEED_NAME, copy_seed, run_process, write

KNOWN = f"{SEED_NAME}/sanctions-shaped-us-pakistan-relations"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as found:
        yield found


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MapView]:
    return seed_page(tmp_path_factory.mktemp("seed"))


def node(claim_id: str) -> str:
    return f"[id='c-{claim_id}']"


def test_axe_finds_no_serious_violation(browser: Any, seed: tuple[Path, MapView]) -> None:
    from axe_playwright_python.sync_playwright import Axe

    out, _ = seed
    page, _ = new_page(browser)
    load(page, out, f"#c-{KNOWN}")
    violations = Axe().run(page).response["violations"]
    bad = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"][:3]])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert bad == []


HOSTILE = """\
document: doc
sources:
  - id: doc
    title: "Doc </script><script>window.__pwned = 'title'</script>"
    authors: [author]
  - id: evil
    title: "<img src=x onerror=\\"window.__pwned = 'img-title'\\">"
    url: "javascript:window.__pwned = 'url'"
  - id: evil-upper
    title: Upper
    url: " JaVaScRiPt:window.__pwned = 'upper'"
speakers:
  - id: author
    name: "<img src=x onerror=\\"window.__pwned = 'speaker'\\">"
    kind: author
claims:
  - id: script
    text: "</script><script>window.__pwned = 'text'</script>"
    type: fact
    citations:
      - source: evil
        quote: "<img src=x onerror=\\"window.__pwned = 'quote'\\">"
        locator: "</script><svg onload=\\"window.__pwned = 'locator'\\">"
  - id: img
    text: "<img src=x onerror=\\"window.__pwned = 'img'\\"> \\u2028 and \\u2029"
    type: fact
    supports: [script]
    citations:
      - source: evil-upper
"""


def test_hostile_text_is_inert(browser: Any, tmp_path: Path) -> None:
    claims = write(tmp_path / "claims" / "doc.yaml", HOSTILE).parent
    out = tmp_path / "map.html"
    run = run_process("html", str(claims), "-o", str(out))
    assert run.exit_code == 0, run
    html = out.read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in html
    assert "javascript:" not in html.lower()
    page, watch = new_page(browser)
    load(page, out)
    for claim in ("doc/script", "doc/img"):
        page.click(node(claim))
        assert page.evaluate("window.__pwned") is None
        page.keyboard.press("Escape")
    page.click(node("doc/script"))
    assert page.inner_text("#panel-title") == "</script><script>window.__pwned = 'text'</script>"
    page.wait_for_selector("#claims li")
    hrefs = page.locator("#panel a, #claims a").evaluate_all("as => as.map(a => a.href)")
    assert hrefs == []
    page.fill("#search", "<img")
    assert page.evaluate("window.__pwned") is None
    data = json.loads(page.inner_text("#argmap-data") or "{}")
    assert [c["citations"][0]["url"] for c in data["claims"]] == [None, None]
    assert watch.errors == []
    assert len(watch.requests) == 1
    assert not re.search(r"<img[^>]*onerror", html.split("<svg", 1)[0])


def test_nodes_carry_graphviz_ids_classes_and_links(seed: tuple[Path, MapView]) -> None:
    out, view = seed
    html = out.read_text(encoding="utf-8")
    for claim in view.claims:
        group = re.search(rf'<g id="c-{re.escape(claim.id)}" class="([^"]*)" role="button"', html)
        assert group, claim.id
        classes = group.group(1).split()
        assert classes[:2] == ["node", "claim"]
        assert f"type-{claim.type}" in classes and f"tier-{claim.sourcing.value}" in classes
        assert f"status-{claim.status or 'none'}" in classes
        assert f'xlink:href="#c-{claim.id}"' in html
    assert html.count('tabindex="0"') == 1


def test_scope_options_narrow_the_page_and_unknown_ids_are_refused(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    out = tmp_path / "q.html"
    run = run_process("html", str(claims), "--question", "missile-threat", "-o", str(out))
    assert run.exit_code == 0, run
    project = open_claims(claims, None, models=True)
    on_question = [
        c
        for c, claim in project.index.corpus.claims.items()
        if f"{SEED_NAME}/missile-threat" in claim.questions
    ]
    html = out.read_text(encoding="utf-8")
    assert html.count('class="node claim ') == len(on_question) > 0
    bad = run_process("html", str(claims), "--focus", "no-such-claim", "-o", str(out))
    assert bad.exit_code == 2
    assert bad.stderr.startswith("argmap: error: no claim 'no-such-claim'\n"), bad
