"""Issue 21, section 5: YAML merge keys read as the docs say, on every road through argmap.

`<<: *base` is a merge key, as in YAML 1.1 and PyYAML, whether `check` parses the
file, reads its facts from the cache, or a command that draws reads its cached
models; a quoted `'<<'` stays text, and `<<` where a value goes is refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_process, write

HANG = 120
"""Seconds after which a run counts as hung."""

MERGED = (
    "claims:\n"
    "  - &fact\n    id: a\n    text: A\n    type: fact\n    standalone: true\n"
    "  - {merge}: *fact\n    id: b\n    text: B\n"
    "  - id: c\n    text: '<<'\n    type: fact\n    standalone: true\n"
)


@pytest.mark.parametrize("merge", ["<<", "!!merge <<"])
def test_a_merge_key_fills_in_what_the_mapping_does_not_write(project: Path, merge: str) -> None:
    write(project / "claims/x.yaml", MERGED.format(merge=merge))
    for args in (["check", "--no-cache"], ["check"], ["check"]):  # parsed, stored, from cache
        result = run_process(*args, "--strict", timeout=HANG)
        assert result.exit_code == 0, result
        assert result.stderr == "1 file(s), 3 claim(s): 0 error(s), 0 warning(s)\n"
    for _ in range(2):  # models parsed, then from the cache
        shown = run_process("show", "b", timeout=HANG)
        assert shown.exit_code == 0, shown
        assert shown.stdout.splitlines()[:2] == ["x/b (fact)  [unsourced]", "  B"]
    quoted = run_process("show", "c", timeout=HANG)
    assert quoted.stdout.splitlines()[1] == "  <<"


def test_a_merge_key_where_a_value_goes_is_refused(project: Path) -> None:
    write(project / "claims/x.yaml", "claims:\n  - id: a\n    text: <<\n    type: fact\n")
    result = run_process("check", "--no-cache", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout.splitlines()[0] == (
        "claims/x.yaml:3:11: error: '<<' merges mappings and may only be a key [yaml-syntax]"
    )
