"""The map cache: a warm `map --format dot` writes the map it drew before, and only then.

Each test compares what a user sees (exit code, stdout, stderr, the file
written) with a run under --no-cache, after changing one input at a time:
a claims file, a source text, an option or filter, the claims path, argmap's
own code, and the cache entry itself (corrupt, truncated, or tampered with).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import argmap
import argmap.render.dot.map_cache
import argmap.render.view
from argmap.load.cache.facts_cache import FactsCache
from argmap.render.dot.map_cache import code_fingerprint
from conftest import REPO, Run, reword_seed_claim, run_cli

SEED = "claims/us-sanctions-on-pakistan.yaml"

OPTION_SETS: tuple[tuple[str, ...], ...] = (
    (),
    ("--direction", "LR"),
    ("--direction", "TB"),
    ("--slide", "--document", "us-sanctions-on-pakistan"),
    ("--focus", "missiles-could-target-us"),
    ("--focus", "missiles-could-target-us", "--depth", "2"),
    ("--focus", "us-sanctions-on-pakistan/missiles-could-target-us"),
    ("--question", "china-alignment"),
    ("--perspective", "pakistan-government"),
    ("--speaker", "jon-finer"),
)
"""Filters and options of `map`, each of which draws another map of the bundled claims."""


@pytest.fixture
def claims(project: Path) -> Path:
    """The bundled claims (two commentaries and their texts) in a scratch project."""
    target = project / "claims"
    shutil.rmtree(target)
    shutil.copytree(REPO / "claims", target)
    return target


def _seen(run: Run) -> tuple[int, str, str]:
    return run.exit_code, run.stdout, run.stderr


def _map(*args: str) -> Run:
    return run_cli("map", "--format", "dot", *args)


def _entries(project: Path) -> list[Path]:
    return sorted((project / ".argmap-cache" / "facts").glob("*.map-*"))


def _refuse_drawing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the map was drawn again")

    monkeypatch.setattr(argmap.render.view, "build_view", refuse)


def test_a_warm_map_is_the_cold_one_and_draws_nothing(
    claims: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    uncached = _map("--no-cache")
    assert uncached.exit_code == 0 and uncached.stdout.startswith("digraph argmap {"), uncached
    assert not (project / ".argmap-cache").exists()
    cold = _map()
    assert _seen(cold) == _seen(uncached)
    assert len(_entries(project)) == 1
    with monkeypatch.context() as patch:
        _refuse_drawing(patch)
        assert _seen(_map()) == _seen(uncached)
        assert _seen(_map("-o", "out.dot")) == (0, "", "")
    assert (project / "out.dot").read_text(encoding="utf-8") == uncached.stdout
    with monkeypatch.context() as patch:  # --no-cache neither reads nor writes it
        _refuse_drawing(patch)
        with pytest.raises(AssertionError, match="drawn again"):
            _map("--no-cache")


def test_every_option_gets_its_own_map(claims: Path, project: Path) -> None:
    for options in OPTION_SETS:  # the cache holds a map for every set of options
        assert _map(*options).exit_code == 0
    assert len(_entries(project)) == len(OPTION_SETS) - 1  # no --direction is TB
    for options in OPTION_SETS:
        fresh = _map(*options, "--no-cache")
        assert fresh.exit_code == 0, fresh
        assert _seen(_map(*options)) == _seen(fresh), options
        assert _seen(_map(SEED, *options)) == _seen(_map(SEED, *options, "--no-cache")), options
    assert len(_entries(project)) == 2 * (len(OPTION_SETS) - 1)
    maps = {_map(*options).stdout for options in OPTION_SETS}
    assert len(maps) == len(OPTION_SETS) - 2  # TB is the default; a bare id is its qualified one


def test_editing_a_claims_file_draws_the_map_again(claims: Path, project: Path) -> None:
    before = _map()
    seed = claims / "us-sanctions-on-pakistan.yaml"
    text = reword_seed_claim(claims)
    after = _map()
    assert _seen(after) == _seen(_map("--no-cache"))
    assert "could reach the United States" in after.stdout
    assert after.stdout != before.stdout
    seed.write_text(text, encoding="utf-8")  # back as it was: the first map again
    assert _seen(_map()) == _seen(before)


def test_a_file_that_breaks_the_claims_is_reported_not_served(claims: Path, project: Path) -> None:
    assert _map().exit_code == 0
    seed = claims / "us-sanctions-on-pakistan.yaml"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("supports: [", "supports: [no-such-claim, ", 1),
        encoding="utf-8",
    )
    broken = _map()
    assert broken.exit_code == 1 and broken.stdout == "", broken
    assert "[unknown-ref]" in broken.stderr
    assert _seen(broken) == _seen(_map("--no-cache"))


def test_a_source_text_that_breaks_a_quote_is_reported_not_served(
    claims: Path, project: Path
) -> None:
    first = _map()
    text_file = claims / "sources" / "us-sanctions-on-pakistan.txt"
    original = text_file.read_text(encoding="utf-8")
    text_file.write_text(original.replace("purely defensive", "wholly defensive"), encoding="utf-8")
    broken = _map()
    assert broken.exit_code == 1 and "[quote-not-found]" in broken.stderr, broken
    assert _seen(broken) == _seen(_map("--no-cache"))
    text_file.write_text(original, encoding="utf-8")
    assert _seen(_map()) == _seen(first)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "foreign"])
def test_a_damaged_entry_is_ignored_and_rewritten(claims: Path, project: Path, damage: str) -> None:
    expected = _seen(_map("--no-cache"))
    _map()
    [entry] = _entries(project)
    blob = entry.read_bytes()
    if damage == "truncated":
        entry.write_bytes(blob[: len(blob) // 2])
    elif damage == "flipped":
        at = len(blob) - 100
        entry.write_bytes(blob[:at] + bytes([blob[at] ^ 0x20]) + blob[at + 1 :])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # a valid entry of another shape
        store = FactsCache(project / ".argmap-cache")
        store.put_entry(entry.name, ("not", "a", "map"))
    assert _seen(_map()) == expected
    assert entry.read_bytes() == blob


def test_the_entry_is_what_a_warm_run_prints(
    claims: Path, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A valid entry is served as it is, so the map really comes from the cache."""
    real = _map()
    [entry] = _entries(project)
    store = FactsCache(project / ".argmap-cache")
    stored = store.get_blob(entry.name)
    assert stored is not None
    key, text = bytes(stored).split(b"\n", 1)
    assert text.decode("utf-8") == real.stdout
    store.put_blob(entry.name, (key + b"\n", b"digraph planted {}\n"))
    assert _map().stdout == "digraph planted {}\n"
    assert _seen(_map("--no-cache")) == _seen(real)
    monkeypatch.setattr(argmap.render.dot.map_cache, "code_fingerprint", lambda: "other code")
    assert _seen(_map()) == _seen(real)  # argmap's code changed: drawn again


def test_the_code_fingerprint_sees_any_edit_of_argmap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "argmap"
    shutil.copytree(Path(argmap.__file__).parent, package)
    monkeypatch.setattr(argmap, "__file__", str(package / "__init__.py"))
    code_fingerprint.cache_clear()
    try:
        first = code_fingerprint()
        emitter = package / "render" / "dot" / "emit.py"
        emitter.write_text(emitter.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
        code_fingerprint.cache_clear()
        assert code_fingerprint() != first
        (package / "render" / "new_module.py").write_text('"""New."""\n', encoding="utf-8")
        edited = code_fingerprint.__wrapped__()
        assert edited not in (first, code_fingerprint())
    finally:
        code_fingerprint.cache_clear()
