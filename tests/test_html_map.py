"""The interactive HTML map (`argmap html`), opened from file:// in a real headless Chromium.

Each test loads a page the CLI wrote and does what a seminar reader does: click a
node, search, filter, walk the map with the keyboard, follow a deep link. Every
page must make no request but its own file and show no console error. Hostile
claim text is tested in tests/test_html_safety.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from argmap.render.view import MapView
from browser import chromium, load, new_page, seed_page
from conftest import SEED_NAME

KNOWN = f"{SEED_NAME}/sanctions-shaped-us-pakistan-relations"
KNOWN_QUOTE = (
    "Sanctions have historically played an important role in shaping relations "
    "between the United States (US) and Pakistan."
)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as found:
        yield found


@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, MapView]:
    """The seed's page, written by the CLI, and the view it shows."""
    return seed_page(tmp_path_factory.mktemp("seed"))


def node(claim_id: str) -> str:
    return f"[id='c-{claim_id}']"


def test_seed_page_is_offline_small_and_quiet(browser: Any, seed: tuple[Path, MapView]) -> None:
    out, view = seed
    page, watch = new_page(browser)
    load(page, out)
    page.screenshot(path=str(out.parent / "seed.png"), full_page=False)
    assert watch.requests == [out.resolve().as_uri()]
    assert watch.errors == []
    assert out.stat().st_size <= 300 * 1024
    assert page.locator("#map-svg .claim").count() == len(view.claims)
    html = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    # the plain list is built once the map is drawn
    page.wait_for_selector(f"[id='list-c-{KNOWN}']")
    assert page.locator("#claims li[id^='list-c-']").count() == len(view.claims)
    assert KNOWN_QUOTE in page.inner_text(f"[id='list-c-{KNOWN}']")


def test_without_javascript_the_plain_list_is_there(
    browser: Any, seed: tuple[Path, MapView]
) -> None:
    out, view = seed
    page, watch = new_page(browser, javascript=False)
    page.goto(out.resolve().as_uri())
    assert page.locator("#claims li[id^='list-c-']").count() == len(view.claims)
    assert KNOWN_QUOTE in page.inner_text(f"[id='list-c-{KNOWN}']")
    assert page.locator("#tools").is_hidden()  # no controls that would do nothing
    assert page.locator("#map-svg .claim").count() == len(view.claims)
    assert watch.requests == [out.resolve().as_uri()]


def test_clicking_a_node_shows_its_quote(browser: Any, seed: tuple[Path, MapView]) -> None:
    out, _ = seed
    page, watch = new_page(browser)
    load(page, out)
    assert page.locator("#panel").is_hidden()
    page.click(node(KNOWN))
    panel = page.locator("#panel")
    assert panel.is_visible()
    assert KNOWN_QUOTE in panel.inner_text()
    assert page.evaluate("location.hash") == f"#c-{KNOWN}"
    assert watch.errors == []


def _expected_matches(view: MapView, query: str) -> int:
    query = query.lower()
    found = 0
    for claim in view.claims:
        bare = claim.id.rsplit("/", 1)[-1]  # the namespace is not searched, unless asked for
        words = [claim.text, bare] + [f"{s.name} {s.role or ''}" for s in claim.speakers]
        found += query in " ".join(words).lower() or ("/" in query and query in claim.id)
    return found


@pytest.mark.parametrize(
    "query", ["pakistan", "Sanctions", "ECONOMIST", "zzz-nothing", f"{SEED_NAME}/sanctions-"]
)
def test_search_counts_and_highlights(browser: Any, seed: tuple[Path, MapView], query: str) -> None:
    out, view = seed
    expected = _expected_matches(view, query)
    page, _ = new_page(browser)
    load(page, out)
    page.fill("#search", query)
    count = page.inner_text("#search-count")
    assert count == f"{expected} {'match' if expected == 1 else 'matches'}"
    assert page.locator("#map-svg .claim.match").count() == expected
    assert page.locator("#search-results li").count() == min(expected, 50)
    page.fill("#search", "")
    assert page.locator("#map-svg .claim.match").count() == 0


def test_search_finds_by_speaker_and_id(browser: Any, seed: tuple[Path, MapView]) -> None:
    out, view = seed
    speaker = next(s for c in view.claims for s in c.speakers if s.role)
    page, _ = new_page(browser)
    load(page, out)
    page.fill("#search", speaker.name)
    assert page.locator("#map-svg .claim.match").count() == _expected_matches(view, speaker.name)
    assert _expected_matches(view, speaker.name) > 0
    page.fill("#search", KNOWN.split("/")[1])
    assert page.locator("#map-svg .claim.match").count() == 1
    page.click("#search-results button")
    assert KNOWN_QUOTE in page.inner_text("#panel")


@pytest.mark.parametrize("kind", ["type", "perspective", "question", "tier", "status"])
def test_filters_dim_what_they_filter_out(
    browser: Any, seed: tuple[Path, MapView], kind: str
) -> None:
    out, view = seed
    page, _ = new_page(browser)
    load(page, out)
    select = page.locator(f"select[data-filter='{kind}']")
    values = [v for v in select.locator("option").evaluate_all("os => os.map(o => o.value)") if v]
    assert values
    value = values[0]

    def kept(claim: Any) -> bool:
        return {
            "type": claim.type == value,
            "perspective": claim.perspective == value,
            "question": value in claim.questions,
            "tier": claim.sourcing.value == value,
            "status": (claim.status or "none") == value,
        }[kind]

    dimmed = {c.id for c in view.claims if not kept(c)}
    assert (dimmed and len(dimmed) < len(view.claims)) or kind == "status"
    select.select_option(value)
    shown = page.locator("#map-svg .claim.dim").evaluate_all("ns => ns.map(n => n.id.slice(2))")
    assert set(shown) == dimmed
    select.select_option("")
    assert page.locator("#map-svg .claim.dim").count() == 0


def test_keyboard_path(browser: Any, seed: tuple[Path, MapView]) -> None:
    out, view = seed
    page, watch = new_page(browser)
    load(page, out)
    page.focus("#search")
    stops = []
    for _ in range(20):
        page.keyboard.press("Tab")
        stops.append(page.evaluate("document.activeElement.id"))
        if stops[-1].startswith("c-"):
            break
    first = stops[-1]
    assert first == f"c-{view.claims[0].id}", stops
    # the map is one tab stop: the next Tab leaves it
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.id").startswith("c-")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == first
    # arrows move along links
    linked = {first[2:]}
    for link in view.links:
        if first[2:] in link.premises:
            linked.add(link.target)
        if link.target == first[2:]:
            linked.update(link.premises)
    # each arrow goes to a linked claim that lies that way, else to the nearest claim that way
    reached = {}
    for key in ("ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"):
        page.focus(f"[id='{first}']")
        page.keyboard.press(key)
        reached[key] = page.evaluate("document.activeElement.id")[2:]
    assert set(reached.values()) & (linked - {first[2:]}), reached
    moved = "c-" + next(v for v in reached.values() if v in linked and v != first[2:])
    page.focus(f"[id='{moved}']")
    assert page.evaluate("document.activeElement.getAttribute('tabindex')") == "0"
    assert page.locator("#map-svg .claim[tabindex='0']").count() == 1
    # the focus is visible: a glow around the node and its border in the focus colour
    assert page.evaluate("getComputedStyle(document.activeElement).filter").startswith(
        "drop-shadow"
    )
    border = "getComputedStyle(document.activeElement.querySelector('a > *')).stroke"
    assert page.evaluate(border) == "rgb(0, 80, 160)"
    # Enter opens the panel, Esc closes it and gives the focus back
    page.keyboard.press("Enter")
    text = next(c.text for c in view.claims if c.id == moved[2:])
    assert page.locator("#panel").is_visible()
    assert page.inner_text("#panel-title") == text
    assert page.evaluate("document.activeElement.id") == "panel"
    page.keyboard.press("Escape")
    assert page.locator("#panel").is_hidden()
    assert page.evaluate("document.activeElement.id") == moved
    assert watch.errors == []


def test_panel_links_move_the_focus(browser: Any, seed: tuple[Path, MapView]) -> None:
    out, view = seed
    link = next(link for link in view.links if link.relation == "supports")
    page, _ = new_page(browser)
    load(page, out)
    page.click(node(link.premises[0]))
    page.click(f"#panel [data-go='{link.target}']")
    assert page.evaluate("document.activeElement.id") == "panel"
    assert page.inner_text("#panel-title") == next(
        c.text for c in view.claims if c.id == link.target
    )
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == f"c-{link.target}"


def test_deep_link_opens_the_claim(browser: Any, seed: tuple[Path, MapView]) -> None:
    out, _ = seed
    page, watch = new_page(browser)
    load(page, out, f"#c-{KNOWN}")
    assert page.locator("#panel").is_visible()
    assert KNOWN_QUOTE in page.inner_text("#panel")
    assert page.evaluate("document.querySelector('#map-svg .claim.current').id") == f"c-{KNOWN}"
    # the page stays at its top (header and tools in view) and the map pans, not scrolls
    page.wait_for_load_state("load")
    page.wait_for_timeout(100)
    assert page.evaluate("[window.scrollY, map.scrollTop, map.scrollLeft]") == [0, 0, 0]
    # a bare id works too when it names one claim
    page2, _ = new_page(browser)
    load(page2, out, f"#c-{KNOWN.split('/')[1]}")
    assert KNOWN_QUOTE in page2.inner_text("#panel")
    assert len(watch.requests) == 1


def test_zoom_buttons_and_keys_change_the_view(browser: Any, seed: tuple[Path, MapView]) -> None:
    out, _ = seed
    page, _ = new_page(browser)
    load(page, out)
    home = page.get_attribute("#map-svg", "viewBox")
    page.click("button[data-zoom='in']")
    zoomed = page.get_attribute("#map-svg", "viewBox")
    assert _width(zoomed) < _width(home)
    page.click("button[data-zoom='fit']")
    assert _width(page.get_attribute("#map-svg", "viewBox")) == pytest.approx(_width(home))
    page.focus("#map-svg .claim[tabindex='0']")
    page.keyboard.press("-")
    assert _width(page.get_attribute("#map-svg", "viewBox")) > _width(home)
    page.mouse.move(400, 400)
    page.mouse.wheel(0, -300)
    assert _width(page.get_attribute("#map-svg", "viewBox")) < _width(home) * 1.25


def _width(view_box: str | None) -> float:
    assert view_box is not None
    return float(view_box.split()[2])
