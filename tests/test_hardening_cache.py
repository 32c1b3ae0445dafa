"""Issue 21: what a run reuses from the cache is what the same run would have found without it.

A file's models and facts are cached by the hash of its bytes, but whether the
file loads cleanly also depends on the parse limits (`--max-depth`,
`--max-alias-nodes`): a file that was valid for a run with the default limits
must still be too complex for a later run with smaller ones.
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest

from argmap.load.cache.facts_cache import decode, encode
from argmap.load.cache.facts_check import CHECKED_COLUMNS
from argmap.load.cache.parse_cache import ParseCache, digest
from argmap.load.cache.prewarm import prewarm
from argmap.load.facts import FIELD_NAMES, RELATIONS, STATUSES
from argmap.load.incremental import warm_file
from argmap.load.limits import Limits
from argmap.model import ClaimStatus, Relation
from conftest import run_process, write

HANG = 120
"""Seconds after which a run counts as hung."""

NESTED = (
    "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"
    "  - id: b\n    text: B\n    type: fact\n    supports: &s [a]\n"
    "  - id: c\n    text: C\n    type: fact\n    supports: *s\n"
)
"""Valid claims that nest four levels deep and repeat two values through an alias."""

TOO_DEEP = (
    "claims/x.yaml:9:15: error: lists and mappings nest more than 3 levels deep here "
    "[yaml-too-complex]\n"
    "  hint: claims files nest about 5 levels; flatten the data, or raise the limit with "
    "--max-depth\n"
)

TOO_MANY = (
    "claims/x.yaml:13:15: error: aliases expand this file by more than 1 values "
    "(this '*s' repeats 2) [yaml-too-complex]\n"
    "  hint: write the data out instead of repeating it through aliases, or raise the limit "
    "with --max-alias-nodes\n"
)


@pytest.mark.parametrize(
    "command",
    [["show", "a"], ["map"], ["brief"], ["render", "--check"], ["check"]],
    ids=["show", "map", "brief", "render-check", "check"],
)
@pytest.mark.parametrize(
    ("limit", "expected"),
    [(["--max-depth", "3"], TOO_DEEP), (["--max-alias-nodes", "1"], TOO_MANY)],
    ids=["depth", "aliases"],
)
def test_smaller_parse_limits_are_not_served_from_a_cache_filled_with_the_defaults(
    project: Path, command: list[str], limit: list[str], expected: str
) -> None:
    write(project / "claims/x.yaml", NESTED)
    run_process(*command, timeout=HANG)  # fills the cache (models too, for all but check)
    assert (project / ".argmap-cache").is_dir()

    limited = run_process(*limit, "check", "claims/x.yaml", timeout=HANG)
    assert limited.exit_code == 1, limited
    assert limited.stdout == expected
    assert run_process(*limit, "check", "--no-cache", "claims/x.yaml").stdout == expected

    again = run_process("check", "claims/x.yaml", timeout=HANG)  # the defaults still pass
    assert again.exit_code == 0, again
    assert again.stdout == ""


def test_a_cache_filled_with_smaller_limits_does_not_hide_a_file_from_the_defaults(
    project: Path,
) -> None:
    write(project / "claims/x.yaml", NESTED)
    assert run_process("--max-depth", "3", "brief", timeout=HANG).exit_code == 1
    drawn = run_process("brief", timeout=HANG)
    assert drawn.exit_code == 0, drawn
    assert "\n# x\n" in f"\n{drawn.stdout}"


def test_the_parallel_cache_fill_stores_models_under_the_runs_limits(tmp_path: Path) -> None:
    files = {}
    for i in range(4):
        path = write(tmp_path / f"claims/f{i}.yaml", f"{NESTED}# copy {i}\n")
        files[path] = (digest(path.read_bytes()), path.stat().st_size)
    limits = Limits(max_depth=50)
    cache = ParseCache(tmp_path / "cache", limits=limits)
    parse = partial(warm_file, limits=limits)
    assert prewarm(files, cache, parse, workers=2, min_bytes=0) == 4
    for key, _ in files.values():
        assert cache.get(key) is not None  # stored by a worker, under the run's limits
        assert ParseCache(tmp_path / "cache").get(key) is None  # not for a default run


LINKED = (
    "claims:\n"
    "  - id: a\n    text: A\n    type: fact\n    status: disputed\n"
    "  - id: b\n    text: B\n    type: fact\n    supports: [a]\n"
    "  - id: c\n    text: '  '\n    type: fact\n"
    "links:\n  - from: [c]\n    to: a\n    relation: opposes\n"
)
"""Claims with a status, a shorthand link, an explicit link and a blank text (an error)."""


@pytest.mark.parametrize(
    ("column", "forged"),
    [
        ("claim_status", ["bogus", None, None]),
        ("claim_status", [3, None, None]),
        ("link_relation", ["explodes"]),
        ("shorthand_relation", ["undercuts"]),
        ("claim_ids", ["a", "b", 7]),
        ("claim_texts", ["A", "B"]),
        ("claim_blank", [99]),
        ("shorthand_claim", [-1]),
        ("claim_citations", [[("s", "yes", None, None)], [], []]),
        ("problems", [(1, 1, "no-such-code", "forged", None)]),
        ("refs", {"evil": ["a"]}),
        ("invalid", {"claims": [1]}),
        ("usable", 1),
    ],
)
def test_a_forged_facts_entry_with_a_valid_checksum_is_rebuilt(
    project: Path, column: str, forged: object
) -> None:
    write(project / "claims/x.yaml", LINKED)
    cold = run_process("check", timeout=HANG)
    entries = sorted((project / ".argmap-cache/facts").glob("*.facts"))
    assert len(entries) == 1
    values = list(decode(entries[0].read_bytes()))
    values[FIELD_NAMES.index(column)] = forged
    entries[0].write_bytes(encode(tuple(values)))  # a valid checksum over forged values
    for result in (project / ".argmap-cache").rglob("*.checked"):
        result.unlink()  # a stored result would spare reading the entry

    again = run_process("check", timeout=HANG)
    assert (again.exit_code, again.stdout, again.stderr) == (
        cold.exit_code,
        cold.stdout,
        cold.stderr,
    )
    assert again.exit_code == 1
    assert again.stdout.splitlines()[0] == (
        "claims/x.yaml:11:11: error: claim 'c' has empty text [empty-text]"
    )
    rebuilt = decode(entries[0].read_bytes())[FIELD_NAMES.index(column)]
    assert repr(rebuilt) != repr(forged)  # (repr: True == 1, but 1 is no flag)


def test_the_facts_check_knows_every_column_status_and_relation() -> None:
    assert set(FIELD_NAMES) == CHECKED_COLUMNS
    assert {status.value for status in ClaimStatus} == STATUSES
    assert {relation.value for relation in Relation} == RELATIONS


def test_a_cache_temp_file_left_by_a_killed_run_is_removed_by_the_next(project: Path) -> None:
    write(project / "claims/x.yaml", NESTED)
    assert run_process("check", timeout=HANG).exit_code == 0
    killed = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    killed.kill()  # kill -9: its process id is free now, as a killed argmap's would be
    killed.wait()
    temps = project / ".argmap-cache/tmp"
    left = write(temps / f".tmp-{killed.pid}-0123456789ab", "half an entry")
    running = write(temps / f".tmp-{os.getpid()}-0123456789ab", "being written")
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 0, result
    assert not left.exists()
    assert running.exists()  # a running writer's file is left alone
    assert sorted(p.name for p in temps.iterdir()) == [running.name]
