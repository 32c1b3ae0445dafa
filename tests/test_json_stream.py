"""The streamed JSON export writes exactly what ``json.dumps(…, indent=2)`` writes whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from argmap.check.project import open_claims
from argmap.formats.json_export import export_corpus
from argmap.formats.json_stream import indented, json_chunks
from argmap.load.limits import Limits
from conftest import REPO, run_cli

_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(_VALUES)
def test_any_plain_value_is_written_as_json_dumps_writes_it(value: Any) -> None:
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)


@given(st.lists(st.tuples(st.text(), st.lists(_VALUES, max_size=3)), max_size=3))
def test_sections_are_written_as_one_object(sections: list[tuple[str, list[Any]]]) -> None:
    whole = dict(sections)
    if len(whole) == len(sections):  # json.dumps of a dict cannot repeat a key
        text = "".join(json_chunks(sections))
        assert text == json.dumps(whole, indent=2, ensure_ascii=False) + "\n"


def test_the_export_command_writes_the_corpus_as_json_dumps_would(tmp_path: Path) -> None:
    project = open_claims(REPO / "claims", None, Limits())
    expected = json.dumps(export_corpus(project.plain), indent=2, ensure_ascii=False) + "\n"
    out = tmp_path / "export.json"
    run = run_cli("export", str(REPO / "claims"), "--no-cache", "-o", str(out))
    assert run.exit_code == 0, run
    assert out.read_text(encoding="utf-8") == expected
    assert {"claims", "links", "sources", "speakers", "perspectives", "questions"} == set(
        json.loads(expected)
    )
