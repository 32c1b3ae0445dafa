"""A real headless Chromium for the HTML map's tests: Debian's, driven by Playwright.

Playwright's own browser downloads cannot be fetched here, so the tests drive
`/usr/bin/chromium` (installed by scripts/setup.sh). Missing: a failure under
CI, a skip elsewhere. Each page counts every request it makes and every
console error and page error it shows; requests to anything but a file are
aborted (and still counted).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from argmap.check.project import open_claims
from argmap.render.select import documents
from argmap.render.view import MapView, build_view
from conftest import copy_seed, run_process

CHROMIUM = "/usr/bin/chromium"
"""Debian's Chromium."""
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
"""Flags for a quiet browser that phones nowhere."""


def chromium_path() -> str:
    """Debian's Chromium; fails under CI and skips elsewhere when it or playwright is missing."""
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    why_not = None if found else f"{CHROMIUM} is not installed (scripts/setup.sh installs it)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        why_not = "the Python playwright package is missing (pip install -e '.[dev]')"
    if why_not or found is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"a browser is needed under CI: {why_not}")
        pytest.skip(f"no browser: {why_not}")
    return found


@contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (Playwright's Browser), closed on exit."""
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Watch:
    """What a page did besides drawing: requests made, errors shown."""

    requests: list[str] = field(default_factory=list)
    """Every request's url, the page's own file included."""
    errors: list[str] = field(default_factory=list)
    """Console errors and uncaught exceptions."""


def new_page(
    browser: Any, width: int = 1600, height: int = 1000, javascript: bool = True
) -> tuple[Any, Watch]:
    """A page in a fresh context of *browser* (scripts off unless *javascript*), watched."""
    context = browser.new_context(
        viewport={"width": width, "height": height}, java_script_enabled=javascript
    )
    page = context.new_page()
    watch = Watch()
    page.on("request", lambda request: watch.requests.append(request.url))
    page.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watch.errors.append(str(exc)))

    def route(route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", route)
    return page, watch


def load(page: Any, path: Path, fragment: str = "") -> None:
    """Open the page at *path* (file://) and wait until its script is ready."""
    page.goto(path.resolve().as_uri() + fragment)
    page.wait_for_function("window.argmap && window.argmap.ready === true")


def seed_page(folder: Path) -> tuple[Path, MapView]:
    """The seed's HTML map written by the CLI into *folder*, and the view it shows."""
    claims = copy_seed(folder)
    out = folder / "map.html"
    run = run_process("html", str(claims), "-o", str(out))
    assert run.exit_code == 0, run
    project = open_claims(claims, None, models=True)
    (document,) = documents(project.plain)
    return out, build_view(project.plain, list(document.claim_ids), document.title)
