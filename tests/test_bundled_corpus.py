"""The bundled corpus: local copies of commentaries stay the shared originals, byte for byte.

A claims file checks its quotes against a copy under claims/sources/, so claims/ is
self-contained; these tests keep every such copy equal to its twin in
../shared/commentary/. Under CI a missing ../shared is a failure, elsewhere a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import REPO, SHARED, run_cli

SOURCES = REPO / "claims" / "sources"
"""The local copies that claims files point their `text_file` at."""
COMMENTARY = SHARED / "commentary"
"""The shared originals."""
BUNDLED = {"us-sanctions-on-pakistan.txt", "uk-sanctions-testing-the-limits.md"}
"""The commentaries the repository maps; each must have a shared twin."""


def _shared_commentary() -> Path:
    """The shared commentary folder; fails under CI and skips elsewhere when it is missing."""
    if COMMENTARY.is_dir():
        return COMMENTARY
    message = f"missing {COMMENTARY}: the shared corpus sits beside the repository"
    if os.environ.get("CI", "").lower() not in ("", "0", "false"):
        pytest.fail(message)
    pytest.skip(message)


def test_every_copy_with_a_shared_twin_is_byte_equal() -> None:
    shared = _shared_commentary()
    twins = sorted(copy for copy in SOURCES.iterdir() if (shared / copy.name).is_file())
    assert {copy.name for copy in twins} >= BUNDLED
    differing = [c.name for c in twins if c.read_bytes() != (shared / c.name).read_bytes()]
    assert differing == []


def test_uk_commentary_checks_clean_alone() -> None:
    result = run_cli(
        "check", str(REPO / "claims" / "uk-sanctions-testing-the-limits.yaml"), "--strict"
    )
    assert result.exit_code == 0, result
