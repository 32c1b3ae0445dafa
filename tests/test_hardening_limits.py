"""Issue 10, cases 1-3, 6 and 7: no input makes argmap hang or blow up its memory.

Cases 4 and 5 (time that grows faster than the input) are in test_hardening_linear.py.

Each test reproduces a case of the hostile run and pins what happens now: the
exit code, the diagnostic line, and an end within a generous subprocess timeout
(a bound against hangs, never a measure of speed).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import REPO, run_process, write

HANG = 120
"""Seconds after which a run counts as hung."""

CLAIM = "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"


def _bomb(levels: int) -> str:
    """Anchors l0..l{levels}, each a list of nine of the one before."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, levels + 1)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "use",
    [
        "claims:\n  - id: a\n    text: A\n    type: *l8\n",
        "claims:\n  - id: a\n    text: A\n    type: fact\n"
        "links:\n  - from: a\n    to: a\n    relation: *l8\n",
    ],
    ids=["type", "relation"],
)
def test_1_an_alias_bomb_stops_where_the_expansion_crosses_the_limit(
    project: Path, use: str
) -> None:
    write(project / "claims/x.yaml", _bomb(8) + use)
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout == (
        "claims/x.yaml:7:10: error: aliases expand this file by more than 1,000,000 values "
        "(this '*l5' repeats 597,871) [yaml-too-complex]\n"
        "  hint: write the data out instead of repeating it through aliases, or raise the limit "
        "with --max-alias-nodes\n"
    )


def test_1_the_alias_that_crosses_the_limit_is_named_where_it_is_used(project: Path) -> None:
    write(project / "claims/x.yaml", _bomb(5) + "claims:\n  - id: a\n    text: A\n    type: *l5\n")
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout.startswith(
        "claims/x.yaml:10:11: error: aliases expand this file by more than 1,000,000 values "
        "(this '*l5' repeats 597,871) [yaml-too-complex]\n"
    ), result
    raised = run_process("--max-alias-nodes", "2000000", "check", timeout=HANG)
    assert raised.exit_code == 1, raised
    assert (  # past the limit, a 597,871-value list is an ordinary wrong value, found quickly
        "claims/x.yaml:10:11: error: a list is not a valid value for 'type' of claim 'a' "
        "[invalid-value]\n"
        "  hint: use one of: fact, causal, prediction, value, policy, definition\n"
    ) in raised.stdout, raised


def test_1_an_alias_inside_what_it_repeats_is_refused(project: Path) -> None:
    write(project / "claims/x.yaml", "claims: &a [*a]\n")
    result = run_process("check", timeout=HANG)
    assert result.stdout == (
        "claims/x.yaml:1:13: error: alias '*a' repeats the list or mapping that contains it "
        "[yaml-too-complex]\n"
        "  hint: an alias may only repeat a value that is complete before it\n"
    ), result


def _source(ident: str, text_file: str) -> str:
    return f"  - id: {ident}\n    title: {ident}\n    text_file: {text_file}\n"


def test_2_text_files_must_be_regular_files_inside_the_claims_folder(project: Path) -> None:
    claims = project / "claims"
    os.mkfifo(claims / "pipe.txt")
    (claims / "zero.txt").symlink_to("/dev/zero")
    write(
        claims / "x.yaml",
        "sources:\n"
        + _source("zero", "/dev/zero")
        + _source("zero-link", "zero.txt")
        + _source("pipe", "pipe.txt")
        + _source("passwd", "../../../../etc/passwd")
        + "claims:\n  - id: a\n    text: A\n    type: fact\n    standalone: true\n"
        + "    citations:\n      - source: passwd\n        quote: 'root:x:0:0'\n",
    )
    result = run_process("check", "--strict", timeout=HANG)
    assert result.exit_code == 1, result
    outside = "keep source copies inside the claims folder, or allow a folder with --text-root"
    assert result.stdout == (
        "claims/x.yaml:4:16: error: cannot read text_file '/dev/zero' of source 'zero': "
        f"it lies outside 'claims' [unreadable-file]\n  hint: {outside}\n"
        "claims/x.yaml:7:16: error: cannot read text_file 'zero.txt' of source 'zero-link': "
        f"it lies outside 'claims' [unreadable-file]\n  hint: {outside}\n"
        "claims/x.yaml:10:16: error: cannot read text_file 'pipe.txt' of source 'pipe': "
        "it is a named pipe, not a regular file [unreadable-file]\n"
        "  hint: point text_file at a regular file that holds the source's text\n"
        "claims/x.yaml:13:16: error: cannot read text_file '../../../../etc/passwd' of source "
        f"'passwd': it lies outside 'claims' [unreadable-file]\n  hint: {outside}\n"
    )


def test_2_a_wider_text_root_still_reads_only_regular_files_within_the_size_limit(
    project: Path,
) -> None:
    write(project / "big.txt", "x" * 300)
    write(
        project / "claims/x.yaml",
        "sources:\n" + _source("zero", "/dev/zero") + _source("big", "../big.txt"),
    )
    result = run_process(
        "--text-root", "/", "--max-file-size", "0.0002", "check", "--no-cache", timeout=HANG
    )
    assert result.stdout == (
        "claims/x.yaml:4:16: error: cannot read text_file '/dev/zero' of source 'zero': "
        "it is a device, not a regular file [unreadable-file]\n"
        "  hint: point text_file at a regular file that holds the source's text\n"
        "claims/x.yaml:7:16: error: cannot read text_file '../big.txt' of source 'big': "
        "it is 300 bytes, over the 200 bytes limit [file-too-large]\n"
        "  hint: raise the limit with --max-file-size MB\n"
    ), result


def test_3_cache_entries_replaced_by_a_device_link_or_a_pipe_are_rebuilt(project: Path) -> None:
    write(project / "claims/x.yaml", CLAIM)
    write(project / "claims/y.yaml", CLAIM.replace("id: a", "id: b"))
    assert run_process("check", timeout=HANG).exit_code == 0
    assert run_process("list", "claims", timeout=HANG).exit_code == 0  # stores models
    cache = project / ".argmap-cache"
    entries = sorted(cache.rglob("*.marshal"))  # models, read by `show` and `list`
    facts = sorted(cache.rglob("*.facts"))  # facts, read by check and audit
    assert len(entries) == len(facts) == 2
    for result in cache.rglob("*.checked"):  # a stored result would spare reading any entry
        result.unlink()
    for pair in (entries, facts):
        pair[0].unlink()
        pair[0].symlink_to("/dev/zero")
        pair[1].unlink()
        os.mkfifo(pair[1])
    result = run_process("check", "--strict", timeout=HANG)
    assert result.exit_code == 0, result
    assert result.stderr == "2 file(s), 2 claim(s): 0 error(s), 0 warning(s)\n"
    assert run_process("list", "claims", timeout=HANG).exit_code == 0
    assert all(entry.is_file() and not entry.is_symlink() for entry in [*entries, *facts])


def test_6_a_file_over_the_size_limit_is_refused_before_parsing(project: Path) -> None:
    body = "claims:\n  - id: a\n    text: [unclosed\n" + "  - id: b\n    text: B\n" * 1_400_000
    write(project / "claims/x.yaml", body)
    result = run_process("check", timeout=HANG)
    assert result.exit_code == 1, result
    assert result.stdout == (
        "claims/x.yaml: error: file not read: it is 30.8 MB, over the 20 MB limit "
        "[file-too-large]\n"
        "  hint: split it into several files, or raise the limit with --max-file-size MB\n"
    )


MEASURE = """
import resource, subprocess, sys
proc = subprocess.run([sys.executable, "-m", "argmap", *sys.argv[1:]], capture_output=True, text=True)
print(proc.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(proc.stdout, end="")
"""


def test_6_an_unclosed_bracket_in_a_large_file_keeps_memory_bounded(project: Path) -> None:
    write(project / "claims/x.yaml", "claims: [" + "a, " * 1_500_000 + "\n")
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, "check", "--no-cache"],
        capture_output=True,
        text=True,
        timeout=HANG,
        check=True,
        cwd=project,
    )
    first, output = proc.stdout.split("\n", 1)
    code, peak_kib = map(int, first.split())
    assert code == 1
    assert output.startswith("claims/x.yaml:2:1: error: did not find expected node content")
    assert peak_kib < 300 * 1024  # PyYAML composing its node tree took 480 MiB for this file


WORKERS = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from argmap.load.cache.parse_cache import ParseCache
    from argmap.load.cache.prewarm import prewarm

    def busy(path, cache):  # a cache fill that is still working when argmap is killed
        time.sleep(600)

    folder = Path(sys.argv[1])
    files = {folder / f"f{i}.yaml": (f"{i:040}", 1_000_000) for i in range(8)}
    prewarm(files, ParseCache(folder / "cache"), busy, workers=2, min_bytes=0)
    """
)


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["kill-9", "term"])
def test_7_cache_fill_workers_die_with_argmap_and_free_its_pipe(
    tmp_path: Path, sig: signal.Signals
) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKERS, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    workers: list[int] = []
    try:
        for _ in range(600):
            workers = _children(proc.pid)
            if len(workers) >= 2:
                break
            time.sleep(0.05)
        assert len(workers) >= 2, "the cache fill never started its workers"
        time.sleep(0.5)  # let the workers start their (endless) jobs
        os.kill(proc.pid, sig)
        proc.communicate(timeout=30)  # end of file on both pipes: no worker holds them
        for _ in range(200):
            if not any(_alive(pid) for pid in workers):
                break
            time.sleep(0.05)
        assert not [pid for pid in workers if _alive(pid)], "workers outlived argmap"
    finally:
        for pid in [proc.pid, *workers]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait()
