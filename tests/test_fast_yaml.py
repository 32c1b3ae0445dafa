"""The fast YAML parser and PyYAML read every text the same way, or the fast one steps aside.

argmap parses clean files with yaml-rs and everything else with PyYAML (see
argmap.load.yaml.fast and argmap.load.yaml.schema). A silent difference between
the two would change claims depending on which path a file took, so every
YAML file of the suite, a generated corpus, the YAML 1.1/1.2 traps and
generated documents are parsed both ways here.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.load.yaml.fast import fast_parse, needs_slow_path
from argmap.load.yaml.source import YamlSyntaxProblem, parse_yaml
from conftest import REPO, run_cli, write
from yaml_samples import DOCUMENTS, repository_yaml


def _same(a: Any, b: Any) -> bool:
    """Equal data, with NaN equal to NaN and bool never equal to int."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _slow(text: str) -> Any:
    try:
        return parse_yaml(text).data
    except YamlSyntaxProblem:
        return YamlSyntaxProblem


def _agree(text: str) -> Any:
    """Parse *text* both ways; when the fast path reads it, both must give the same data."""
    fast, slow = fast_parse(text), _slow(text)
    if fast is not None:
        assert slow is not YamlSyntaxProblem, f"only the fast parser accepts {text!r}"
        assert _same(fast, slow), (text, fast, slow)
    return fast


def test_every_yaml_file_of_the_suite_reads_the_same_both_ways() -> None:
    files = repository_yaml()
    assert len(files) >= 4, files  # claims/, and the fixtures under tests/
    fast_read = 0
    for path in files:
        text = path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff")
        fast_read += _agree(text) is not None
    bundled = sorted((REPO / "claims").glob("*.yaml"))
    for path in bundled:  # the happy path really is taken for the bundled corpus
        assert fast_parse(path.read_text(encoding="utf-8")) is not None, path
    assert fast_read >= len(bundled)


def test_every_diagnostic_case_reads_the_same_both_ways() -> None:
    from test_diagnostics import CASES

    texts = [t for files, _, _ in CASES.values() for t in files.values() if isinstance(t, str)]
    assert len(texts) > 20
    for text in texts:
        _agree(text)


def test_a_generated_corpus_reads_the_same_both_ways(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "generate.py"), "400", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    files = sorted((tmp_path / "claims").glob("*.yaml"))
    assert len(files) > 5
    for path in files:
        assert _agree(path.read_text(encoding="utf-8")) is not None, path


TRAPS: list[tuple[str, object]] = [
    ("a: no", "no"),
    ("a: yes", "yes"),
    ("a: on", "on"),
    ("a: Off", "Off"),
    ("a: y", "y"),
    ("a: 012", 12),
    ("a: 08", 8),
    ("a: 0o12", 10),
    ("a: 0x1F", 31),
    ("a: 1_000", 1000),
    ("a: 1e3", 1000.0),
    ("a: 1:30", "1:30"),
    ("a: 2025-01-28", "2025-01-28"),
    ("a: 2025-01-28T10:00:00", "2025-01-28T10:00:00"),
    ("a: .inf", math.inf),
    ("a: -.Inf", -math.inf),
    ("a: ~", None),
    ("a: TRUE", True),
    ("a: tRUE", "tRUE"),
    ("a: '010'", "010"),
    ('a: "yes"', "yes"),
]
"""YAML 1.1 versus 1.2 traps, and what argmap reads (the same either way)."""


@pytest.mark.parametrize(("text", "value"), TRAPS)
def test_yaml_traps_read_as_argmap_promises_either_way(text: str, value: object) -> None:
    fast = _agree(text)
    assert fast is not None, text
    slow = parse_yaml(text).data["a"]
    assert _same(slow, value), (text, slow)


@pytest.mark.parametrize(
    "text",
    [
        "a: &x [1, 2]\nb: *x\n",  # anchors: the slow path bounds alias expansion
        "base: &b {x: 1}\nc:\n  <<: *b\n  y: 2\n",  # merge keys
        "a: !!str 1\n",  # tags
        "a: !custom x\n",
        "a: 1\na: 2\n",  # a repeated key
        "? [x]\n: 1\n",  # a complex key
        "- ? x\n  : 1\n",  # a complex key in a list item
        "a: [[]: 1]\n",  # a list as a key inside a flow list (yaml-rs reads a tuple)
        "a: [{x: 1}: 2]\n",
        "--- \na: 1\n",
        "a:\n\t- x\n",
        "- a\n- b\n",  # not a mapping
        "a: [1\n",  # a syntax error
        "1: x\n",  # a key that is not text
        "a: x\x7f\n",  # characters YAML forbids: ASCII and C1 controls, non-characters
        "a: \x1b[0m\n",
        "a: x\x80y\n",
        "a: \ufffe\n",
        "a: x\x85y\n",  # YAML 1.1 line breaks
        "a: x\u2028y\n",
        "%YAML 1.2\n---\na: 1\n",  # a directive
        "a: 1\n...\n",  # a document end
        "a: [b, {c: 1}]\n",  # a key in a flow collection
        "a:\n  - [b: 1]\n",
        "a: " + " " * 200 + "b\n" + " " * 200 + "c: 1\n",  # a deep line
    ],
)
def test_what_the_fast_path_leaves_to_pyyaml(text: str) -> None:
    assert fast_parse(text) is None
    assert fast_parse(text, text.encode("utf-8")) is None  # the scan over the file's bytes
    assert fast_parse(text, "\ufeff".encode() + text.encode("utf-8")) is None


SCAN_ALPHABET = " \n\r-?%.[]{}:,ab'\"#!&*<\t\x00\x7f\x80\x85\x9f\xa0¶—\ufeff\ufffe\u2028é"
"""What the slow-path scan looks for, and characters whose UTF-8 lies near theirs."""


@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ", "500")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(st.text(SCAN_ALPHABET, max_size=16), st.booleans())
def test_the_scan_over_bytes_agrees_with_the_scan_over_text(text: str, bom: bool) -> None:
    raw = ("\ufeff" if bom or text.startswith("\ufeff") else "").encode() + text.encode()
    assert needs_slow_path(text, raw) == needs_slow_path(text), text


def test_the_slow_path_still_locates_what_the_fast_path_refused(project: Path) -> None:
    write(project / "claims/x.yaml", "claims:\n  - id: a\n    text: A\n    text: B\n")
    result = run_cli("check")
    assert "claims/x.yaml:4:5: error: key 'text' appears twice" in result.stdout, result


SCALAR_ALPHABET = "0123456789_.eE+-xXoObBinfaINFAtTrRuUlLsSnNyY~:' \"#,[]{}"


@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ", "500")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(st.text(SCALAR_ALPHABET, max_size=8))
def test_generated_scalars_read_the_same_both_ways(scalar: str) -> None:
    _agree(f"a: {scalar}\n")
    _agree(f"a: [{scalar}]\n")


@settings(
    max_examples=int(os.environ.get("ARGMAP_FUZZ", "500")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(DOCUMENTS, st.booleans())
def test_generated_documents_read_the_same_both_ways(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    _agree(text)


def _nesting(schema: dict[str, Any], defs: dict[str, Any]) -> int:
    """How deep lists and mappings nest in data *schema* accepts (objects refuse others)."""
    if "$ref" in schema:
        return _nesting(defs[schema["$ref"].rsplit("/", 1)[-1]], defs)
    options = schema.get("anyOf", []) + schema.get("allOf", []) + schema.get("oneOf", [])
    if options:
        return max(_nesting(option, defs) for option in options)
    if schema.get("type") == "object":
        assert schema.get("additionalProperties") is False, schema  # unknown fields refused
        return 1 + max((_nesting(s, defs) for s in schema["properties"].values()), default=0)
    if schema.get("type") == "array":
        return 1 + _nesting(schema.get("items", {}), defs)
    return 0


def test_a_valid_file_nests_no_deeper_than_the_loader_assumes() -> None:
    from argmap.load.loader import MODEL_DEPTH
    from argmap.model import ClaimFile

    schema = ClaimFile.model_json_schema()
    assert _nesting(schema, schema["$defs"]) == MODEL_DEPTH


@pytest.mark.parametrize("depth", [1, 3, 6, 7, 8])
def test_the_depth_bound_holds_on_the_happy_path_below_the_models_depth(
    project: Path, depth: int
) -> None:
    write(
        project / "claims/x.yaml",
        "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"
        "    history:\n      - date: 2024-01-02\n        status: asserted\n"
        "        citations:\n          - source: s\n"
        "sources:\n  - id: s\n",
    )
    result = run_cli("--max-depth", str(depth), "check")
    # the file nests 7 deep: the top, claims, a claim, history, an entry, citations, one
    assert ("[yaml-too-complex]" in result.stdout) == (depth < 7), result.stdout
    assert "yaml-too-complex" in result.stdout or result.exit_code == 0, result.stdout
