"""Light commands do not import what they do not need (graphviz, markdown-it).

One thing changed with checked locators: a Markdown `text_file` is split into
paragraphs with markdown-it. A cold run (no parse cache yet) of a command that
checks a Markdown source imports it once, to split the text; the layout is then
kept in the parse cache, and every later run imports neither. Corpora whose
texts are all plain text never import it, cold or warm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, copy_seed

HEAVY = ("graphviz", "markdown_it", "mdit_py_plugins")
MARKDOWN_RULE = {"markdown_it", "mdit_py_plugins"}
"""What splitting a Markdown text imports: markdown-it and its footnote plugin, nothing else."""

PROBE = """
import sys
from argmap.cli import main
sys.argv = ["argmap", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
heavy = sorted(m for m in sys.modules if m.split(".")[0] in {heavy!r})
sys.stderr.write("HEAVY=" + ",".join(heavy) + "\\n")
"""

LIGHT = [
    ["--help"],
    ["check", "claims"],
    ["audit", "claims"],
    ["export", "claims"],
    ["export", "claims", "--format", "argdown"],
    ["export", "claims", "--format", "graphml"],
    ["import", "--help"],
    ["codes"],
    ["paragraphs", "us-sanctions-on-pakistan/commentary", "claims"],
    ["fmt", "--check", "claims"],
    ["rename", "jon-finer", "finer", "--dry-run", "claims"],
]


def heavy_imports(args: list[str], cwd: Path) -> set[str]:
    """The heavy packages a run of argmap with *args* imported (top-level names)."""
    proc = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=set(HEAVY)), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    line = next((x for x in proc.stderr.splitlines() if x.startswith("HEAVY=")), None)
    assert line is not None, proc.stderr
    return {name.split(".")[0] for name in line.removeprefix("HEAVY=").split(",") if name}


@pytest.mark.parametrize("args", LIGHT)
def test_light_commands_stay_light(args: list[str], tmp_path: Path) -> None:
    shutil.copytree(REPO / "claims", tmp_path / "claims")  # its own, cold parse cache
    assert heavy_imports(args, tmp_path) <= MARKDOWN_RULE  # cold: at most the Markdown split
    assert heavy_imports(args, tmp_path) == set()  # warm: nothing heavy at all


@pytest.mark.parametrize("args", LIGHT)
def test_plain_text_corpora_stay_light_even_cold(args: list[str], tmp_path: Path) -> None:
    copy_seed(tmp_path)
    assert heavy_imports(args, tmp_path) == set()


def test_the_probe_can_see_heavy_imports(tmp_path: Path) -> None:
    svg = str(tmp_path / "map.svg")  # a layout runs Graphviz through the graphviz package
    imported = heavy_imports(["map", "claims", "--format", "svg", "-o", svg], REPO)
    assert "graphviz" in imported, imported


HELP_PROBE = """
import sys
from argmap.cli import main
sys.argv = ["argmap", "--help"]
try:
    main()
except SystemExit:
    pass
loaded = sorted(
    m for m in sys.modules
    if m.startswith(("argmap.load.loader", "argmap.corpus", "argmap.check", "argmap.model"))
    or m in ("pydantic", "yaml", "yaml_rs", "rapidfuzz", "ruamel")
)
sys.stderr.write("LOADED=" + ",".join(loaded) + "\\n")
"""


def test_help_imports_no_library_stage() -> None:
    # `argmap --help` is the start-up users feel on every command; it lists options only,
    # so the loader, the model and the checks (and pydantic, PyYAML, …) stay unimported.
    proc = subprocess.run(
        [sys.executable, "-c", HELP_PROBE],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert "LOADED=\n" in proc.stderr, proc.stderr


HELP_MODULES_PROBE = """
import contextlib, io, sys
from argmap.cli import main
sys.argv = ["argmap", "--help"]
try:
    with contextlib.redirect_stdout(io.StringIO()):
        main()
except SystemExit:
    pass
print(",".join(sorted(sys.modules)))
"""

HELP_MAY_IMPORT = {
    "argmap",
    "argmap.cli",
    "argmap.evaluate",
    "argmap.evaluate.names",
    "argmap.formats",
    "argmap.formats.names",
    "argmap.load",
    "argmap.load.limits",
    "argmap.render",
    "argmap.render.names",
}
"""Besides the command modules, `argmap --help` needs only the names of choices and limits."""


def test_help_imports_only_the_names_of_choices() -> None:
    """`--help` is the start-up benchmark: no model, no YAML, no hashing, no Graphviz runner."""
    proc = subprocess.run(
        [sys.executable, "-c", HELP_MODULES_PROBE], capture_output=True, text=True, check=True
    )
    modules = set(proc.stdout.strip().split(","))
    ours = {m for m in modules if m.split(".")[0] == "argmap" and not m.startswith("argmap.cli.")}
    assert ours == HELP_MAY_IMPORT
    assert not modules & {"pydantic", "yaml", "yaml_rs", "hashlib", "tempfile", "rapidfuzz"}
