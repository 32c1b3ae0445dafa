"""The facts and results caches: what a warm run reads instead of YAML, and why it can trust it.

A warm `check` or `audit` builds no models and parses only what changed; every
entry it reads is checked (format, checksum, shape) and read only as a
regular file of bounded size, never through a symlink; anything else is
ignored and rebuilt, and the output is what a cold run prints.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import argmap.load.cache.hashes
import argmap.load.cache.parse_cache
from argmap.check.project import open_claims
from argmap.load.cache.facts_cache import FactsCache, decode, encode
from argmap.load.cache.hashes import HashBook
from argmap.load.cache.parse_cache import digest
from argmap.load.extract import extract
from argmap.load.loader import load_file
from conftest import run_cli
from tangle import EDITS, write_tangle


def _cold_and_warm(project: Path, *command: str) -> tuple[str, str]:
    """The output of *command* with the cache as it is, and with no cache."""
    warm = run_cli(*command)
    cold = run_cli(*command, "--no-cache")
    return warm.stdout + warm.stderr, cold.stdout + cold.stderr


def _entries(project: Path, suffix: str) -> list[Path]:
    return sorted((project / ".argmap-cache" / "facts").glob(f"*{suffix}"))


def test_a_warm_check_and_audit_build_no_models(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tangle(project / "claims")
    first = run_cli("check")
    audit = run_cli("audit")

    def refuse(*args: object) -> None:
        raise AssertionError("models were read from the parse cache")

    monkeypatch.setattr(argmap.load.cache.parse_cache.ParseCache, "get", refuse)
    for stored in (False, True):  # results reused, then facts merged again
        if not stored:
            for entry in _entries(project, ".checked") + _entries(project, ".audit"):
                entry.unlink()
        assert run_cli("check").stdout == first.stdout
        assert run_cli("audit").stdout == audit.stdout


@pytest.mark.parametrize(
    "garbage",
    [
        b"",
        b"not an entry at all",
        b"argmap-facts 0 old format\n00000000",
        "truncated",
        "flipped",
        "wrong shape",
    ],
)
def test_damaged_facts_entries_are_ignored_and_rebuilt(project: Path, garbage: bytes | str) -> None:
    write_tangle(project / "claims")
    assert run_cli("check").exit_code == 1
    for entry in _entries(project, ".facts") + _entries(project, ".places"):
        blob = entry.read_bytes()
        if garbage == "truncated":
            entry.write_bytes(blob[:-5])
        elif garbage == "flipped":
            entry.write_bytes(blob[:-1] + bytes([blob[-1] ^ 1]))
        elif garbage == "wrong shape":
            entry.write_bytes(encode(("x", [1, 2], None)))
        else:
            assert isinstance(garbage, bytes)
            entry.write_bytes(garbage)
    for entry in _entries(project, ".checked"):
        entry.unlink()
    warm, cold = _cold_and_warm(project, "check")
    assert warm == cold
    rebuilt = _entries(project, ".facts")
    assert rebuilt and all(decode(entry.read_bytes()) is not None for entry in rebuilt)


def test_entries_that_are_links_pipes_or_too_large_are_never_read(project: Path) -> None:
    write_tangle(project / "claims")
    run_cli("check")
    run_cli("audit")
    entries = _entries(project, ".facts")
    outside = project / "outside.facts"
    shutil.copy(entries[1], outside)  # another file's valid facts: wrong if followed
    entries[0].unlink()
    entries[0].symlink_to(outside)
    outside_before = outside.read_bytes()
    entries[2].unlink()
    os.mkfifo(entries[2])
    for result in _entries(project, ".checked") + _entries(project, ".audit"):
        result.unlink()
        result.symlink_to("/dev/zero")
    warm, cold = _cold_and_warm(project, "check")
    assert warm == cold
    assert (
        run_cli("audit", "--format", "json").stdout
        == run_cli("audit", "--format", "json", "--no-cache").stdout
    )
    assert outside.read_bytes() == outside_before  # nothing written through the link
    assert not entries[0].is_symlink() and entries[0].is_file() and entries[2].is_file()
    assert all(result.is_file() for result in _entries(project, ".checked"))
    text = (project / "claims/beta.yaml").read_bytes()
    small = FactsCache(project / ".argmap-cache", max_entry_bytes=10)
    assert small.get_many([digest(text)]) == {}
    assert FactsCache(project / ".argmap-cache").get_many([digest(text)]) != {}


def test_a_facts_folder_that_is_a_symlink_is_not_used(project: Path) -> None:
    write_tangle(project / "claims")
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    (project / ".argmap-cache").mkdir()
    (project / ".argmap-cache" / "facts").symlink_to(elsewhere)
    warm, cold = _cold_and_warm(project, "check")
    assert warm == cold
    assert not list(elsewhere.iterdir())


def test_facts_come_from_the_models_they_describe(tmp_path: Path) -> None:
    claims = write_tangle(tmp_path / "claims")
    loaded, problems = load_file(claims / "salvage.yaml")
    assert loaded is not None and loaded.content is not None
    facts = extract(loaded.content, loaded.invalid_ids, [])
    assert facts.claim_ids == ["good", "keyed"]
    assert facts.invalid == {"claims": ["bad"]}
    assert facts.shorthand_key == ["good--supports--bad", "keyed--supports--good"]
    assert facts.refs["claim"] == ["bad", "good"]
    assert [p.code for p in problems] == ["duplicate-key", "invalid-value"]


def test_a_renamed_file_or_another_working_folder_recomputes(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tangle(project / "claims")
    before = run_cli("check").stdout
    (project / "claims/beta.yaml").rename(project / "claims/bet.yaml")
    after, cold = _cold_and_warm(project, "check")
    assert after == cold and after != before
    monkeypatch.chdir(project / "claims")
    from_inside, cold = _cold_and_warm(project, "check", ".")
    assert from_inside == cold and "alpha.yaml:" in from_inside and "claims/" not in from_inside


def test_open_claims_from_python_gives_the_same_project_warm(tmp_path: Path) -> None:
    claims = write_tangle(tmp_path / "claims")
    cold = open_claims(claims)
    open_claims(claims, tmp_path / "cache", models=False)
    warm = open_claims(claims, tmp_path / "cache", models=False)
    assert warm.diagnostics == cold.diagnostics
    assert (warm.file_count, warm.claim_count) == (cold.file_count, cold.claim_count)
    assert warm.audit() == open_claims(claims).audit()
    assert warm.corpus.claims.keys() == cold.corpus.claims.keys()  # models on demand


def test_a_file_edited_during_a_run_is_judged_as_read_and_nothing_wrong_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = write_tangle(tmp_path / "claims")
    cache = tmp_path / "cache"
    beta = claims / "beta.yaml"
    before = beta.read_bytes()
    EDITS["add-an-id-others-reference"](claims)
    after = beta.read_bytes()
    beta.write_bytes(before)
    real = HashBook.keys

    def racing(book: HashBook, paths: list[Path], max_bytes: int) -> dict[Path, tuple[str, int]]:
        keys = real(book, paths, max_bytes)
        beta.write_bytes(after)  # saved by an editor just after argmap hashed it
        return keys

    monkeypatch.setattr(HashBook, "keys", racing)
    during = open_claims(claims, cache, models=False)
    monkeypatch.undo()
    assert during.diagnostics == open_claims(claims).diagnostics  # the bytes it parsed
    assert not list((cache / "facts").glob("*.checked"))  # no result kept for that run
    beta.write_bytes(before)  # back: what is cached under the old hash must be the old facts
    assert open_claims(claims, cache, models=False).diagnostics == open_claims(claims).diagnostics


def test_a_file_whose_status_is_unchanged_is_not_read_again_and_any_change_is_seen(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tangle(project / "claims")
    before = run_cli("check").stdout
    book = project / ".argmap-cache" / "facts"
    entry = next(book.glob("*.hashes"))
    stored = decode(entry.read_bytes())
    old = {name: (*status[:5], status[5] + 10**10, key) for name, (*status, key) in stored.items()}
    entry.write_bytes(encode(old))  # as if hashed long after their last change: trusted
    reads: list[str] = []
    real = argmap.load.cache.hashes.read_regular

    def counting(path: Path, max_bytes: int) -> bytes:
        reads.append(str(path))
        return real(path, max_bytes)

    monkeypatch.setattr(argmap.load.cache.hashes, "read_regular", counting)
    assert run_cli("check").exit_code == 1
    assert reads == []
    beta = project / "claims/beta.yaml"
    times = beta.stat()
    beta.write_text(beta.read_text().replace("[qq]", "[q1]"))  # the same size
    os.utime(beta, ns=(times.st_atime_ns, times.st_mtime_ns))  # and the same mtime
    warm, cold = _cold_and_warm(project, "check")
    assert warm == cold and "unknown question 'qq'" in before and "'qq'" not in warm
    assert reads == [str(Path("claims/beta.yaml"))]
