"""rapidyaml's quick positions agree with PyYAML's, or stay silent.

:class:`~argmap.load.yaml.quickpositions.QuickPositions` places values on a cold
run, where a warning on most files of a large corpus would otherwise make
PyYAML read each file again. It may decline (None) but never differ: here
every value and key of every YAML file the suite has, of a generated corpus,
of hand-written edge cases and of generated documents is placed both ways.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.load.yaml.positions import PositionIndex
from argmap.load.yaml.quickpositions import QuickPositions
from conftest import REPO
from yaml_samples import DOCUMENTS, repository_yaml

Path_ = tuple[str | int, ...]


def _paths(data: Any, prefix: Path_ = ()) -> Iterator[Path_]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _compare(text: str) -> tuple[int, int]:
    """(paths asked, paths the quick finder answered); fails on any disagreement."""
    try:
        data = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return (0, 0)
    quick = QuickPositions.of(text)
    if quick is None:
        return (0, 0)
    reference = PositionIndex(lambda: text, quick=False)  # PyYAML's events only
    asked = answered = 0
    for path in _paths(data):
        for key in (False, True):
            asked += 1
            found = quick.locate(path, key=key)
            if found is None:
                continue
            answered += 1
            assert found == reference.locate(path, key=key), (path, key, text)
    return (asked, answered)


def test_every_yaml_file_of_the_suite_is_placed_alike() -> None:
    answered = 0
    for path in repository_yaml():
        answered += _compare(path.read_text(encoding="utf-8").removeprefix("\ufeff"))[1]
    assert answered > 1000  # the bundled claims are placed quickly, not left to PyYAML


def test_every_claim_id_of_the_bundled_corpus_is_placed_quickly() -> None:
    for path in sorted((REPO / "claims").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        quick = QuickPositions.of(text)
        assert quick is not None, path
        claims = yaml.safe_load(text)["claims"]
        for index in range(len(claims)):
            assert quick.locate(("claims", index, "id")) is not None, (path, index)


def test_every_diagnostic_case_is_placed_alike() -> None:
    from test_diagnostics import CASES

    texts = [t for files, _, _ in CASES.values() for t in files.values() if isinstance(t, str)]
    assert len(texts) > 20
    for text in texts:
        _compare(text)


def test_a_generated_corpus_is_placed_alike(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "400", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    asked = answered = 0
    for path in sorted((tmp_path / "claims").glob("*.yaml")):
        one = _compare(path.read_text(encoding="utf-8"))
        asked, answered = asked + one[0], answered + one[1]
    assert answered > 0.9 * asked


EDGES = {
    "crlf": 'a: 1\r\nb:\r\n  - x\r\n  - "y"\r\nc: |\r\n  t\r\n',
    "quoted keys": "\"quoted key\": value\n'single': 'v'\nünï: \"çé\" # trailing\n",
    "lists": "list:\n- a\n-   b\n- - nested\n  - deeper\n-\n  id: after-newline\n",
    "block scalars": "m:\n  a: |-\n    block\n  b: >+2\n      folded\n\n  c: >\n    x\n",
    "flow": "one: [one,\n  two, 'three']\nempty: []\nmap: {}\n",
    "empties": 'empty:\nnul: ~\nemptystr: ""\nlast:\n',
    "multi-line": 'plain: multi\n  line plain\nq: "multi\n  line quoted"\n',
    "keys that read as other things": "1: a\ntrue: b\n~: c\n0x1F: d\nyes: e\n",
    "wide characters": 'ключ: значение\nk: "日本語"\nlist: [€, \'€\', "€"]\n',
    "comments": "# c\nclaims: # c\n  # c\n  - id: x # c\n    text: y\n",
}


@pytest.mark.parametrize("name", EDGES)
def test_edge_cases_are_placed_alike(name: str) -> None:
    _compare(EDGES[name])


def test_refused_texts_leave_no_trace_on_stderr(tmp_path: Path) -> None:
    """rapidyaml reports its own parse errors on stderr; argmap's stderr must not show them."""
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "x.yaml").write_text(
        "claims:\n  - id: a\n    text: One.\n    type: fact\n    tags:\n    - x\n    -n: 1\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "argmap", "check", "claims"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "ERROR" not in proc.stderr and "parse_engine" not in proc.stderr, proc.stderr
    assert QuickPositions.of((claims / "x.yaml").read_text(encoding="utf-8")) is None  # refused
    assert "claims/x.yaml:7:5: error: " in proc.stdout + proc.stderr


@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ", "300")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(DOCUMENTS, st.sampled_from([None, False, True]), st.sampled_from([2, 4]))
def test_generated_documents_are_placed_alike(
    data: dict[str, Any], flow: bool | None, indent: int
) -> None:
    text = yaml.safe_dump(
        data, allow_unicode=True, default_flow_style=flow, sort_keys=False, indent=indent
    )
    _compare(text)


def _counting_gate(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    import argmap.load.yaml.quickpositions as quick

    calls: list[str] = []
    real = quick.needs_slow_path

    def counted(text: str) -> bool:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(quick, "needs_slow_path", counted)
    return calls


UNLINKED = (
    "claims:\n  - id: a\n    text: A.\n    type: fact\n  - id: b\n    text: B.\n    type: fact\n"
)


def test_a_file_yaml_rs_read_is_not_gated_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The loader's fast path already scanned the text; placing its warnings trusts that."""
    from argmap.check.project import open_claims

    calls = _counting_gate(monkeypatch)
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims/x.yaml").write_text(UNLINKED, encoding="utf-8")
    project = open_claims(tmp_path / "claims", tmp_path / "cache", models=False)
    lines = [f"{d.location.line}:{d.location.col}" for d in project.diagnostics]
    assert lines == ["2:9", "5:9"]  # both unlinked claims, placed by rapidyaml
    assert calls == []


def test_a_text_other_than_the_one_read_is_gated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bytes that no longer hash as the loader's did prove nothing: the gate runs."""
    from argmap.load.places import PlaceBook, RememberedPositions

    calls = _counting_gate(monkeypatch)
    path = tmp_path / "x.yaml"
    path.write_text(UNLINKED, encoding="utf-8")
    positions = RememberedPositions(path, "not-its-hash", PlaceBook(None, ""), plain=True)
    assert positions.locate(("claims", 1, "id")) == (5, 9)
    assert len(calls) == 1


def test_an_empty_key_is_an_unknown_field_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from conftest import run_cli, write

    write(
        tmp_path / "claims/x.yaml",
        "sources:\n- id: a\n  title: x\nclaims:\n- id: a\n  text: A\n  type: fact\n"
        "  citations:\n  - source: a\n    :\n",
    )
    monkeypatch.chdir(tmp_path)
    result = run_cli("check")
    assert result.exit_code == 1, result
    assert "unknown field 'None' in 'citations #1' of claim 'a' [unknown-field]" in result.stdout
