"""YAML the differential tests read two ways: the suite's own files and generated documents.

tests/test_fast_yaml.py (yaml-rs against PyYAML, for data) and
tests/test_quick_positions.py (rapidyaml against PyYAML, for positions) share
these samples, so both parsers are held to the reference on the same texts.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

from conftest import REPO

_SKIP = {".venv", ".git", "node_modules", ".peer", ".work", ".argmap-cache"}


def repository_yaml() -> list[Path]:
    """Every YAML file of the repository (claims, fixtures …), outside tool folders."""
    return sorted(
        path
        for pattern in ("*.yaml", "*.yml")
        for path in REPO.rglob(pattern)
        if not _SKIP & set(path.relative_to(REPO).parts)
    )


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(st.characters(blacklist_categories=["Cs"]), max_size=20),
)
"""Any scalar YAML can hold (no surrogates, which UTF-8 cannot)."""

DOCUMENTS = st.dictionaries(
    st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=10),
    st.recursive(
        SCALARS,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=4)
        ),
        max_leaves=12,
    ),
    max_size=5,
)
"""Small documents: a mapping of text keys to scalars, lists and mappings, a few deep."""
