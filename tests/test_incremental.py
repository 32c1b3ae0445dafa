"""Incremental checking: no cache, a cold cache and a warm cache after an edit agree exactly.

Every check and the audit run over facts merged across files; a warm run reads
the facts of unchanged files from the cache and recomputes only the cross-file
work. These tests run the same commands three ways on the same final corpus
and require byte-identical output: with --no-cache; with the cache deleted
before each command; and with a cache filled before one edit was made (then
once more, when positions are remembered too). The corpora are the bundled
claims/, the tests' fixtures, a generated corpus, and the tangle of
:mod:`tangle` under each of its edits.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import pytest

import argmap.load.loader
import argmap.load.places
from conftest import REPO, Run, run_cli
from tangle import EDITS, write_tangle

COMMANDS: tuple[tuple[str, ...], ...] = (
    ("check",),
    ("check", "--format", "json"),
    ("audit",),
    ("audit", "--format", "json"),
    ("audit", "--format", "markdown"),
    ("map", "--format", "dot"),
)
"""What is compared: both formats of check, every format of the audit, and a map (models)."""

Make = Callable[[Path], None]
Edit = Callable[[Path], None]


def _run_all(
    extra: tuple[str, ...] = (), before_each: Callable[[], None] | None = None
) -> list[Run]:
    runs = []
    for command in COMMANDS:
        if before_each is not None:
            before_each()
        runs.append(run_cli(*command, *extra))
    return runs


def _three_ways(root: Path, make: Make, edit: Edit | None) -> None:
    """Run COMMANDS on make+edit without a cache, cold, and warm from before the edit."""
    results: dict[str, list[Run]] = {}
    for way in ("no cache", "cold", "warm"):
        folder = root / way.replace(" ", "-")
        folder.mkdir()
        make(folder / "claims")
        with pytest.MonkeyPatch.context() as patch:
            patch.chdir(folder)
            cache = folder / ".argmap-cache"
            if way == "warm":
                _run_all()
            if edit is not None:
                edit(folder / "claims")
            if way == "no cache":
                results[way] = _run_all(("--no-cache",))
                assert not cache.exists()
            elif way == "cold":
                results[way] = _run_all(before_each=partial(shutil.rmtree, cache, True))
            else:
                results[way] = _run_all()
                results["warm again"] = _run_all()
                assert list((cache / "facts").glob("*.facts"))
    expected = results.pop("no cache")
    for way, runs in results.items():
        for command, want, got in zip(COMMANDS, expected, runs, strict=True):
            assert (got.exit_code, got.stdout, got.stderr) == (
                want.exit_code,
                want.stdout,
                want.stderr,
            ), f"{way}: argmap {' '.join(command)}\n{got}\n--- expected\n{want}"


def _copy(source: Path) -> Make:
    def make(claims: Path) -> None:
        shutil.copytree(source, claims)

    return make


def _tangle(claims: Path) -> None:
    write_tangle(claims)


@pytest.mark.parametrize("edit", [None, *EDITS], ids=lambda e: e or "unedited")
def test_the_tangle_three_ways(tmp_path: Path, edit: str | None) -> None:
    _three_ways(tmp_path, _tangle, None if edit is None else EDITS[edit])


def test_the_tangle_has_every_cross_file_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tangle exercises what it claims to (so the comparisons above mean something)."""
    write_tangle(tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    out = run_cli("check").stdout
    for code in (
        "duplicate-id",
        "duplicate-namespace",
        "ambiguous-ref",
        "unknown-ref",
        "self-link",
        "relation-mismatch",
        "support-cycle",
        "empty-text",
        "unidentified-source",
        "quote-not-found",
        "unlinked-claim",
        "yaml-syntax",
        "not-mapping",
        "invalid-value",
        "duplicate-key",
        "same-as-type-mismatch",
        "same-as-conflict",
        "history-order",
        "history-status",
    ):
        assert f"[{code}]" in out, code
    assert "is declared in another file; write it qualified, as 'alpha/a1'" in out
    assert "unknown claim or link 'alpha/nope' [unknown-ref]" in out
    assert "claims/gamma.yaml:7:9: error: claim id 'b1' is defined twice in namespace 'beta'" in out


@pytest.mark.parametrize(
    "folder", ["claims", "tests/fixtures/hostile", "tests/fixtures/trial"], ids=str
)
def test_bundled_corpora_three_ways(tmp_path: Path, folder: str) -> None:
    def edit(claims: Path) -> None:  # the first file gets one more claim
        first = sorted(claims.glob("*.yaml"))[0]
        text = first.read_text(encoding="utf-8")
        extra = (
            "  - id: added-by-the-test\n    text: Added.\n    type: fact\n    standalone: true\n"
        )
        first.write_text(text.replace("claims:\n", "claims:\n" + extra, 1), encoding="utf-8")

    _three_ways(tmp_path, _copy(REPO / folder), edit)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A corpus of 2,000 claims from benchmarks/generate.py."""
    out = tmp_path_factory.mktemp("generated")
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from bench.corpus.write import generate
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    generate(2000, out)
    return out / "claims"


def test_a_generated_corpus_three_ways(tmp_path: Path, generated: Path) -> None:
    def edit(claims: Path) -> None:  # one claim of one file changes type and loses its links
        path = claims / "doc-00007.yaml"
        text = path.read_text(encoding="utf-8").replace("type: fact", "type: value", 1)
        path.write_text(text.replace("    supports: [", "    opposes: [", 1), encoding="utf-8")

    _three_ways(tmp_path, _copy(generated), edit)


def test_a_warm_check_parses_only_the_edited_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tangle(tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    assert run_cli("check").exit_code == 1
    EDITS["add-an-id-others-reference"](tmp_path / "claims")
    parsed: list[str] = []
    for name in ("fast_parse", "parse_yaml"):  # the fast parser, and PyYAML when it declines
        real = getattr(argmap.load.loader, name)

        def counting(text: str, *rest: Any, real: Callable[..., object] = real) -> object:
            if text not in parsed:
                parsed.append(text)
            return real(text, *rest)

        monkeypatch.setattr(argmap.load.loader, name, counting)
    for command in (("check",), ("audit", "--format", "json")):
        assert run_cli(*command).exit_code == 1
    assert len(parsed) == 1 and "No longer missing." in parsed[0]


def test_checks_left_to_warnings_yield_nothing_else(tmp_path: Path) -> None:
    """`audit` and the map commands skip WARNINGS_ONLY unless there are errors to print."""
    from argmap.check.checks import WARNINGS_ONLY
    from argmap.check.project import open_claims

    project = open_claims(write_tangle(tmp_path / "claims"))
    found = [d for check in WARNINGS_ONLY for d in check(project.table)]
    assert found and all(d.severity.value == "warning" for d in found)


def test_an_audit_without_errors_locates_no_warning(
    tmp_path: Path, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(generated, tmp_path / "claims")
    monkeypatch.chdir(tmp_path)
    warned = run_cli("check").stderr
    assert "0 error(s)" in warned and "0 warning(s)" not in warned
    for entry in (tmp_path / ".argmap-cache/facts").glob("*.*"):
        if entry.suffix in (".checked", ".audit", ".places"):
            entry.unlink()

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a position was looked up")

    monkeypatch.setattr(argmap.load.places.PositionIndex, "locate", refuse)
    assert run_cli("audit", "--format", "json").exit_code == 0
