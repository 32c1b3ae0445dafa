"""Every `argmap` command shown in a shell block of README.md and docs/*.md runs as shown.

The convention, for whoever writes the docs:

- Shell blocks are fenced ```sh, ```bash or ```console. In ```sh and ```bash blocks each
  line that starts with `argmap ` is run (the other lines, such as `bash scripts/setup.sh`
  or a benchmark, are not). In ```console blocks each line that starts with `$ ` is run,
  whatever the program (a `sed` that plants a typo, a `git commit`), and the lines after it
  up to the next `$ ` line are its output. A line ending in `\\` continues on the next.
- A command must exit 0, unless its line ends with the comment `# exits N`: then it must
  exit exactly N.
- Output shown in a ```console block is checked: the shown lines must be the command's
  output (standard output, then standard error, or the other way round), line for line,
  trailing spaces aside. A line `…` on its own stands for any number of lines left out.
- Each document is replayed on its own fresh copy of the bundled corpus: `claims/`,
  `renders/` and `argmap.schema.json` copied into a scratch `repo/`, which is a git
  repository with one commit and the working directory. Commands run in the order written,
  each seeing what those before it wrote, through `bash` with the argmap of this Python
  first on PATH (so `argmap schema > x.json` works as written).
- `../shared/…` is the shared corpus beside the repository, reached through a symlink
  (never copied). A command that names it fails under CI when it is missing and is skipped
  elsewhere, as every test of the shared corpus is.
- Nothing else is skipped. A command that needs what the copy does not hold (a browser, a
  network) must be written in a runnable form, or shown in a ```text block, which is not
  run and so must not hold a command the reader is meant to type.

Every docs/*.md is picked up, so a new page is tested as soon as it is written.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import REPO, SHARED, Run

DOCS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
"""The documents whose shell blocks are replayed."""

COPIED = ("claims", "renders", "argmap.schema.json")
"""What of the repository each replay starts from."""

FENCE = re.compile(r"^```(\w*)\s*$")
EXITS = re.compile(r"#\s*exits\s+(\d+)\s*$")
GAP = "…"


@dataclass
class Command:
    """One command of a document, where it is written and what it must give."""

    doc: Path
    line: int
    text: str
    exit_code: int
    output: list[str] | None
    """The lines a ```console block shows after it (None in sh/bash blocks: not checked)."""

    @property
    def label(self) -> str:
        return f"{self.doc.relative_to(REPO)}:{self.line}"


def _commands(doc: Path) -> list[Command]:
    """The commands of *doc*'s shell blocks, in the order written."""
    found: list[Command] = []
    kind: str | None = None
    lines = doc.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        fence = FENCE.match(line)
        if fence:
            kind = None if kind is not None else fence.group(1)
            continue
        if kind in ("sh", "bash") and line.startswith("argmap "):
            prompt = ""
        elif kind == "console" and line.startswith("$ "):
            prompt = "$ "
        else:
            continue
        start = index
        text = line.removeprefix(prompt)
        while text.endswith("\\") and index < len(lines):
            text += "\n" + lines[index]
            index += 1
        output: list[str] | None = None
        if kind == "console":
            output = []
            while index < len(lines) and not (
                lines[index].startswith("$ ") or FENCE.match(lines[index])
            ):
                output.append(lines[index].rstrip())
                index += 1
        exits = EXITS.search(text)
        found.append(Command(doc, start, text, int(exits.group(1)) if exits else 0, output))
    return found


COMMANDS = [command for doc in DOCS for command in _commands(doc)]


@dataclass
class Replay:
    """One document's commands run in order on one copy of the corpus."""

    root: Path
    results: dict[int, Run] = field(default_factory=dict)

    def run_through(self, command: Command) -> Run:
        """Run every command of the document up to *command* not yet run; its result."""
        for earlier in _commands(command.doc):
            if earlier.line not in self.results:
                self.results[earlier.line] = self._run(earlier.text)
            if earlier.line == command.line:
                break
        return self.results[command.line]

    def _run(self, text: str) -> Run:
        bin_dir = Path(sys.executable).parent
        env = {
            **os.environ,
            "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "COLUMNS": "100",
        }
        proc = subprocess.run(
            ["bash", "-c", text],
            cwd=self.root / "repo",
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        return Run(proc.returncode, proc.stdout, proc.stderr)


_REPLAYS: dict[Path, Replay] = {}


def _replay(doc: Path, factory: pytest.TempPathFactory) -> Replay:
    if doc not in _REPLAYS:
        root = factory.mktemp(doc.stem)
        repo = root / "repo"
        repo.mkdir()
        for name in COPIED:
            source = REPO / name
            if source.is_dir():
                shutil.copytree(source, repo / name)
            else:
                shutil.copy(source, repo / name)
        if SHARED.is_dir():
            (root / "shared").symlink_to(SHARED, target_is_directory=True)
        git = ["git", "-c", "user.name=docs", "-c", "user.email=docs@example.org"]
        for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "bundled corpus"]):
            subprocess.run([*git, *args], cwd=repo, check=True, capture_output=True)
        _REPLAYS[doc] = Replay(root)
    return _REPLAYS[doc]


def _shows(shown: list[str], actual: list[str]) -> bool:
    """Whether *actual* is *shown* line for line, each `…` standing for any run of lines."""
    if not shown:
        return not actual
    if shown[0] == GAP:
        return any(_shows(shown[1:], actual[skip:]) for skip in range(len(actual) + 1))
    return bool(actual) and actual[0] == shown[0] and _shows(shown[1:], actual[1:])


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.splitlines()]


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1]:
        lines = lines[:-1]
    return lines


def test_the_docs_show_commands() -> None:
    by_doc = {command.doc.name for command in COMMANDS}
    assert {"README.md", "commands.md", "editing.md", "interchange.md"} <= by_doc
    tour = [c for c in COMMANDS if c.doc.name == "README.md" and c.output is not None]
    assert len(tour) >= 10, "the README's tour runs real commands"
    assert any(c.exit_code for c in COMMANDS), "an expected failure is shown somewhere"


def test_the_matcher_can_fail() -> None:
    assert _shows(["a", GAP, "d"], ["a", "b", "c", "d"])
    assert _shows(["a", GAP], ["a"])
    assert not _shows(["a", "c"], ["a", "b", "c"])
    assert not _shows(["a"], ["a", "b"])
    assert not _shows([GAP, "x"], ["a", "b"])


@pytest.mark.parametrize("command", COMMANDS, ids=[c.label for c in COMMANDS])
def test_documented_command_runs_as_shown(
    command: Command, tmp_path_factory: pytest.TempPathFactory
) -> None:
    if "../shared" in command.text and not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{command.label} needs the shared corpus {SHARED} (CI=true)")
        pytest.skip(f"{command.label} needs the shared corpus {SHARED}, which is not here")
    assert (Path(sys.executable).parent / "argmap").is_file(), "argmap is installed beside python"
    result = _replay(command.doc, tmp_path_factory).run_through(command)
    where = f"{command.label}: $ {command.text}\n{result}"
    assert result.exit_code == command.exit_code, where
    if command.output is not None:
        shown = _trimmed(command.output)
        out, err = _lines(result.stdout), _lines(result.stderr)
        assert _shows(shown, _trimmed(out + err)) or _shows(shown, _trimmed(err + out)), where
