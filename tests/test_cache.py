"""The parse cache: hits skip parsing, edits miss, corrupt or old entries are rebuilt."""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import Any

import pytest

import argmap.load.loader
from argmap.check.project import open_claims
from argmap.load.cache.parse_cache import ParseCache, decode_entry, digest, encode_entry, file_keys
from argmap.load.loader import load_file
from argmap.load.yaml.source import parse_yaml
from argmap.model import ClaimFile
from conftest import copy_seed, run_cli, write

CLAIM = "claims:\n  - id: a\n    text: {text}\n    type: fact\n    date: 2025-01-28\n    standalone: true\n"


def _forbid_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> object:
        raise AssertionError("parsed although the cache holds this file")

    monkeypatch.setattr(argmap.load.loader, "parse_yaml", refuse)


def test_unchanged_files_are_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = copy_seed(tmp_path)
    cache = tmp_path / "cache"
    first = open_claims(claims, cache)
    _forbid_parsing(monkeypatch)
    second = open_claims(claims, cache)
    assert second.diagnostics == first.diagnostics == []
    for ident, claim in first.corpus.claims.items():
        again = second.corpus.claims[ident]
        assert again == claim
        assert again.model_dump() == claim.model_dump()
        assert type(again.type) is type(claim.type)
    assert second.corpus.links.keys() == first.corpus.links.keys()
    assert second.corpus.sources == first.corpus.sources


def test_an_edited_file_is_picked_up(project: Path) -> None:
    path = write(project / "claims/x.yaml", CLAIM.format(text="Before."))
    assert run_cli("show", "a").stdout.splitlines()[1] == "  Before."
    write(path, CLAIM.format(text="After."))
    assert run_cli("show", "a").stdout.splitlines()[1] == "  After."
    assert (project / ".argmap-cache").is_dir()


def _entry(folder: Path, text: str) -> Path:
    key = digest(text.encode("utf-8"))
    return folder / key[:2] / f"{key}.marshal"


@pytest.mark.parametrize(
    "garbage",
    [
        b"not marshal at all",
        b"",
        marshal.dumps(("argmap-cache 0 an older version", {"claims": []})),
        marshal.dumps(("x", "y", "z")),
        encode_entry({"claims": []})[:-3],
        encode_entry({"claims": []}).replace(b"argmap-cache 3", b"argmap-cache 2"),
    ],
)
def test_corrupt_or_old_entries_are_ignored_and_rebuilt(tmp_path: Path, garbage: bytes) -> None:
    text = CLAIM.format(text="Kept.")
    write(tmp_path / "claims/x.yaml", text)
    entry = _entry(tmp_path / "cache", text)
    open_claims(tmp_path / "claims", tmp_path / "cache")
    assert entry.is_file()
    entry.write_bytes(garbage)
    project = open_claims(tmp_path / "claims", tmp_path / "cache")
    assert project.corpus.claims["x/a"].text == "Kept."
    assert ParseCache(tmp_path / "cache").get(digest(text.encode())) is not None


def test_a_cached_entry_with_wrong_fields_is_not_trusted(tmp_path: Path) -> None:
    text = CLAIM.format(text="Kept.")
    write(tmp_path / "claims/x.yaml", text)
    cache = ParseCache(tmp_path / "cache")
    key = digest(text.encode())
    open_claims(tmp_path / "claims", tmp_path / "cache")
    data = decode_entry(_entry(tmp_path / "cache", text).read_bytes())
    data["claims"][0]["unexpected"] = 1
    _entry(tmp_path / "cache", text).write_bytes(encode_entry(data))
    assert cache.get(key) is None


def test_files_with_problems_are_not_cached(project: Path) -> None:
    write(project / "claims/x.yaml", "claims:\n  - id: a\n    text: A\n    type: fakt\n")
    for _ in range(2):
        for command in (("check",), ("list", "claims")):  # `list` would store models
            result = run_cli(*command)
            assert "[invalid-value]" in result.stdout + result.stderr, result
    assert not list((project / ".argmap-cache").rglob("*.marshal"))


def test_check_stores_facts_and_commands_that_draw_store_models(project: Path) -> None:
    """`check` and `audit` need only each file's facts, so a cold run writes no models;
    nor do the exports (drawn from the facts); the first command that needs models
    (here `list`) stores them for the next one."""
    write(project / "claims/x.yaml", CLAIM.format(text="A."))
    for command in ("check", "audit"):
        assert run_cli(command).exit_code == 0
        assert list((project / ".argmap-cache").rglob("*.facts"))
        assert not list((project / ".argmap-cache").rglob("*.marshal"))
    assert run_cli("export").exit_code == 0
    assert not list((project / ".argmap-cache").rglob("*.marshal"))
    assert run_cli("list", "claims").exit_code == 0
    (entry,) = (project / ".argmap-cache").rglob("*.marshal")
    assert decode_entry(entry.read_bytes())["claims"][0]["text"] == "A."


def test_files_the_workers_parsed_are_not_parsed_again_for_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that keeps no models but will draw (`store_models`) has the parallel cache
    fill store them, so building the corpus afterwards parses nothing in the main process."""
    import argmap.load.cache.prewarm

    real = argmap.load.cache.prewarm.prewarm

    def eager(*args: Any, **kwargs: Any) -> int:
        return real(*args, **{**kwargs, "workers": 2, "min_bytes": 0})

    monkeypatch.setattr(argmap.load.cache.prewarm, "prewarm", eager)
    main, parsed = os.getpid(), []
    fast_parse = argmap.load.loader.fast_parse

    def counted(text: str, *rest: Any) -> Any:
        if os.getpid() == main:  # the workers count in their own copies
            parsed.append(text)
        return fast_parse(text, *rest)

    monkeypatch.setattr(argmap.load.loader, "fast_parse", counted)
    claims = tmp_path / "claims"
    for i in range(12):
        write(claims / f"f{i:02}.yaml", CLAIM.format(text=f"C{i}.").replace("id: a", f"id: a{i}"))
    project = open_claims(claims, tmp_path / "cache", models=False, store_models=True)
    assert len(project.corpus.claims) == 12
    assert parsed == []


def test_the_workers_hand_over_the_facts_they_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facts parsed by the workers reach the main process through the pool, equal to what
    the workers stored (and to what a run without workers finds), and are not read back."""
    import argmap.load.cache.prewarm
    from argmap.load.cache.facts_cache import FactsCache
    from argmap.load.incremental import load

    real = argmap.load.cache.prewarm.prewarm
    monkeypatch.setattr(
        argmap.load.cache.prewarm,
        "prewarm",
        lambda *args, **kwargs: real(*args, **{**kwargs, "workers": 2, "min_bytes": 0}),
    )
    claims = tmp_path / "claims"
    for i in range(6):
        write(claims / f"f{i}.yaml", CLAIM.format(text=f"C{i}.").replace("id: a", f"id: a{i}"))
    write(claims / "bad.yaml", CLAIM.format(text="B.").replace("type: fact", "type: guess"))
    write(claims / "broken.yaml", "claims: [\n")
    asked: list[list[str]] = []
    get_many = FactsCache.get_many

    def counted(self: FactsCache, keys: Any) -> Any:
        asked.append(list(keys))
        return get_many(self, asked[-1])

    monkeypatch.setattr(FactsCache, "get_many", counted)
    cache = tmp_path / "cache"
    handed = load(claims, ParseCache(cache), FactsCache(cache), models=False)
    assert len(asked) == 2 and asked[1] == [], asked  # nothing read back after the workers
    stored = get_many(FactsCache(cache), asked[0])
    assert len(stored) == 8
    facts = {loaded.key: loaded.facts for loaded in handed.files}
    assert facts == {key: stored[key] for key in facts}
    alone = load(claims, models=False)  # no cache, no workers
    assert [f.facts for f in alone.files] == [f.facts for f in handed.files]
    assert alone.diagnostics == handed.diagnostics != []


def test_a_map_is_drawn_from_facts_and_stores_no_models(project: Path) -> None:
    """A map is drawn from the facts alone (plain records, no models): a cold map stores
    each file's facts and the map, and no models in the parse cache."""
    write(project / "claims/x.yaml", CLAIM.format(text="A."))
    for form in ("dot", "svg"):
        assert run_cli("map", "--format", form, "-o", str(project / f"m.{form}")).exit_code == 0
    assert "A." in (project / "m.dot").read_text()
    assert list((project / ".argmap-cache").rglob("*.marshal")) == []
    assert len(list((project / ".argmap-cache").rglob("*.facts"))) == 1


def test_no_cache_writes_nothing(project: Path) -> None:
    write(project / "claims/x.yaml", CLAIM.format(text="A."))
    assert run_cli("check", "--no-cache").exit_code == 0
    assert not (project / ".argmap-cache").exists()


def test_rebuilt_file_equals_validated_file(tmp_path: Path) -> None:
    claims = copy_seed(tmp_path)
    text = (claims / "us-sanctions-on-pakistan.yaml").read_bytes()
    open_claims(claims, tmp_path / "cache")
    cached = ParseCache(tmp_path / "cache").get(digest(text))
    assert cached is not None
    validated = ClaimFile.model_validate(parse_yaml(text.decode()).data)
    assert cached.model_dump() == validated.model_dump()


def test_prewarm_fills_the_cache_in_parallel_and_changes_nothing(tmp_path: Path) -> None:
    from argmap.load.cache.prewarm import prewarm

    claims = tmp_path / "claims"
    for i in range(30):
        write(
            claims / f"f{i:02}.yaml", CLAIM.format(text=f"Claim {i}.").replace("id: a", f"id: a{i}")
        )
    write(claims / "broken.yaml", "claims:\n  - id: b\n    text: B\n    type: fakt\n")
    paths = sorted(claims.glob("*.yaml"))
    cache = ParseCache(tmp_path / "cache")
    assert prewarm(file_keys(paths), cache, load_file, workers=2, min_bytes=0) == 31
    cached = [p for p in paths if cache.get(digest(p.read_bytes())) is not None]
    assert len(cached) == 30 and claims / "broken.yaml" not in cached
    assert (
        prewarm(file_keys(paths), cache, load_file, workers=2, min_bytes=0) == 1
    )  # only the broken file is left
    warm = open_claims(claims, tmp_path / "cache")
    cold = open_claims(claims, None)
    assert warm.diagnostics == cold.diagnostics and len(warm.diagnostics) == 1
    assert warm.corpus.claims == cold.corpus.claims


def test_prewarm_stays_out_of_the_way_for_small_or_single_core_loads(tmp_path: Path) -> None:
    from argmap.load.cache.prewarm import prewarm

    path = write(tmp_path / "claims/x.yaml", CLAIM.format(text="A."))
    cache = ParseCache(tmp_path / "cache")
    assert (
        prewarm(file_keys([path]), cache, load_file, workers=2) == 0
    )  # far below the size worth a pool
    assert prewarm(file_keys([path]), cache, load_file, workers=1, min_bytes=0) == 0
    assert not cache.has(digest(path.read_bytes()))
