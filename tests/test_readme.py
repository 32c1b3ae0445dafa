"""The README and docs/ document what a user can reach: every command, option and code, a valid example.

The README is the newcomer's page (two commands, a tour, links); the reference is in
docs/*.md, one page per topic. Every check here reads README.md and every docs/*.md
together, so a page added to docs/ counts as soon as it exists.
"""

from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import typer.main
import yaml

from argmap.cli.program import app
from argmap.codes import CODES
from argmap.model import ClaimFile
from conftest import REPO, run_process

README = (REPO / "README.md").read_text(encoding="utf-8")
PAGES = sorted((REPO / "docs").glob("*.md"))
"""The reference pages under docs/."""
DOCS = "\n".join([README, *(page.read_text(encoding="utf-8") for page in PAGES)])
"""The README and every docs/ page: where a user can read about argmap."""
README_MAX_LINES = 400
"""The README stays a page a newcomer reads through; the reference belongs in docs/."""


def _commands() -> dict[str, Any]:
    group: Any = typer.main.get_command(app)
    return dict(group.commands)


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert first_block.splitlines()[0].startswith("bash scripts/setup.sh")
    assert first_block.splitlines()[1].startswith("bash scripts/test.sh")
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "scripts/test.sh" in ci


def test_every_command_and_option_is_documented() -> None:
    group: Any = typer.main.get_command(app)
    for param in group.params:
        for option in param.opts:
            if option != "--help":
                assert f"`argmap {option}`" in DOCS, option
    for name, command in _commands().items():
        assert f"`argmap {name}" in DOCS, name
        for param in command.params:
            for option in param.opts:
                if option.startswith("--") and option != "--help":
                    assert option in DOCS, f"{name} {option}"


def test_every_code_is_documented() -> None:
    for code in CODES:
        assert f"| `{code}` |" in DOCS, code


def test_format_example_is_a_complete_clean_claims_file(tmp_path: Path) -> None:
    section = re.split(r"^#+ The claims format$", DOCS, maxsplit=1, flags=re.MULTILINE)[1]
    example = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert example is not None
    ClaimFile.model_validate(yaml.safe_load(example.group(1)))
    claims = tmp_path / "claims"
    (claims / "sources").mkdir(parents=True)
    shutil.copy(REPO / "claims/sources/us-sanctions-on-pakistan.txt", claims / "sources")
    (claims / "example.yaml").write_text(example.group(1), encoding="utf-8")
    result = run_process("check", "--strict", str(claims))
    assert result.exit_code == 0, result
    # Beside the bundled commentaries, which use the same short ids (`commentary`,
    # `author`, …): namespaces keep them apart, so the check stays clean.
    shutil.copytree(REPO / "claims", claims, dirs_exist_ok=True)
    result = run_process("check", "--strict", str(claims))
    assert result.exit_code == 0, result
    assert "0 error(s), 0 warning(s)" in result.stderr, result


def test_setup_main_job_runs(tmp_path: Path) -> None:
    proc = subprocess.run(
        ["bash", "scripts/setup.sh", "--run-only"],
        cwd=REPO,
        env={**os.environ, "ARGMAP_RENDERS_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Audit of 93 claim(s) in 2 file(s): " in proc.stdout  # both bundled commentaries
    assert f"setup: done; renders are in {tmp_path}/" in proc.stdout
    for document in ("us-sanctions-on-pakistan", "uk-sanctions-testing-the-limits"):
        assert (tmp_path / document / "map.png").is_file(), document


def test_pre_commit_hooks_run_argmap_and_are_documented() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert by_id["argmap-check"]["entry"] == "argmap check"
    assert by_id["argmap-render-check"]["entry"] == "argmap render --check"
    for hook in hooks:
        assert hook["language"] == "python" and hook["pass_filenames"] is False, hook
        assert re.compile(hook["files"]).match("claims/x.yaml"), hook
    example = re.search(r"```yaml\n(repos:\n.*?)```", DOCS, re.DOTALL)
    assert example is not None, "the docs show a .pre-commit-config.yaml"
    config = yaml.safe_load(example.group(1))
    assert [hook["id"] for hook in config["repos"][0]["hooks"]] == list(by_id)
    for hook in hooks:  # as pre-commit runs them: from the repository root, no file names
        result = run_process(*hook["entry"].split()[1:], cwd=REPO)
        assert result.exit_code == 0, result


def test_readme_is_the_newcomers_page_and_links_every_docs_page() -> None:
    lines = README.count("\n")
    assert lines <= README_MAX_LINES, f"README.md has {lines} lines: move reference into docs/"
    assert "## A five-minute tour" in README
    for page in PAGES:
        assert f"](docs/{page.name})" in README, f"README links docs/{page.name}"


LINK = re.compile(r"\]\(([^)\s]+)\)")
"""The target of a Markdown link, `[text](target)`."""
FENCED = re.compile(r"^```.*?^```", re.DOTALL | re.MULTILINE)
"""A fenced code block, whose brackets and hashes are not links or headings."""


def _anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the headings of *page* (lowercase, punctuation dropped)."""
    text = FENCED.sub("", page.read_text(encoding="utf-8"))
    headings = re.findall(r"^#+ (.+)$", text, re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


def test_relative_links_of_readme_and_docs_resolve() -> None:
    checked = 0
    for page in [REPO / "README.md", *PAGES]:
        text = FENCED.sub("", page.read_text(encoding="utf-8"))
        for target in LINK.findall(text):
            if re.match(r"[a-z]+:", target):
                continue  # a web address
            path, _, anchor = target.partition("#")
            linked = (page.parent / path).resolve() if path else page
            where = f"{page.relative_to(REPO)} links {target}"
            assert linked.exists(), where
            if anchor and linked.suffix == ".md":
                assert anchor in _anchors(linked), where
            checked += 1
    assert checked > 20


def test_readme_claims_excerpt_is_from_the_seed() -> None:
    section = README.split("## What a claims file looks like", 1)[1]
    excerpt = re.search(r"```yaml\n(.*?)```", section, re.DOTALL)
    assert excerpt is not None
    seed = (REPO / "claims/us-sanctions-on-pakistan.yaml").read_text(encoding="utf-8")
    assert excerpt.group(1) in seed


def test_from_python_example_runs_and_names_real_functions(tmp_path: Path) -> None:
    section = re.split(r"^#+ From Python$", DOCS, maxsplit=1, flags=re.MULTILINE)[1]
    section = re.split(r"^#+ ", section, maxsplit=1, flags=re.MULTILINE)[0]
    example = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert example is not None
    shutil.copytree(REPO / "claims", tmp_path / "claims")
    (tmp_path / "claims" / "us-sanctions-on-pakistan.yaml").write_text(
        (REPO / "claims/us-sanctions-on-pakistan.yaml")
        .read_text(encoding="utf-8")
        .replace("    supports: [", "    suports: [", 1),
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-c", example.group(1)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "error: unknown field 'suports'" in proc.stdout, proc.stdout
    names = re.findall(r"`(argmap(?:\.\w+)+)", section)
    assert len(names) >= 5, names
    for name in names:
        module, _, function = name.rpartition(".")
        assert callable(getattr(importlib.import_module(module), function)), name
