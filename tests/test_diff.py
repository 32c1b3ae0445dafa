"""`argmap diff` and `argmap history` over a real git repository with known edits.

The repository is made in a scratch folder: a README-only first commit (so one
revision has no claims/), two documents, then one commit each for an `argmap
rename`, a status change, a citation removed (the claim becomes unsourced), a
link added and a text edit. Every command runs through the CLI, and each test
requires exactly the changes made, nothing more.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Run, run_cli, write

ALPHA = """\
document: alpha-doc
sources:
  - id: alpha-doc
    title: Alpha commentary
    kind: commentary
  - id: report
    title: A report
    kind: report
speakers:
  - id: finer
    name: Jon Finer
  - id: khan
    name: Imran Khan
claims:
  - id: missiles-reach
    text: Pakistan's long-range missiles could reach the United States.
    type: prediction
    speakers: [finer]
    citations:
      - source: report
        locator: para 2
        quote: could reach
  - id: sanctions-imposed
    text: The United States imposed sanctions on four entities.
    type: fact
    status: asserted
    citations:
      - source: report
        quote: imposed sanctions
    supports: missiles-reach
  - id: threat-overstated
    text: The threat is overstated by officials.
    type: value
    speakers: [khan]
    opposes: missiles-reach
"""

BETA = """\
document: beta-doc
sources:
  - id: beta-doc
    title: Beta news
    kind: news
claims:
  - id: repeat
    text: A senior official said the missiles could reach America.
    type: fact
    supports: alpha/missiles-reach
"""


def git(repo: Path, *args: str) -> str:
    """Run git in *repo* with a fixed identity and dates; return its output."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ada Analyst",
        "GIT_AUTHOR_EMAIL": "ada@example.org",
        "GIT_COMMITTER_NAME": "Ada Analyst",
        "GIT_COMMITTER_EMAIL": "ada@example.org",
        "GIT_AUTHOR_DATE": "2025-01-02T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2025-01-02T10:00:00+00:00",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def commit(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def ok(run: Run) -> Run:
    assert run.exit_code == 0, run
    return run


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The scratch repository, as working directory, after every known edit (HEAD = the
    text edit; tags: base = the two documents)."""
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q", "-b", "main")
    write(tmp_path / "README.md", "notes\n")
    commit(tmp_path, "Start")
    alpha = write(tmp_path / "claims" / "alpha.yaml", ALPHA)
    write(tmp_path / "claims" / "beta.yaml", BETA)
    assert run_cli("check", "--no-cache", "claims").exit_code == 0
    commit(tmp_path, "Map two documents")
    git(tmp_path, "tag", "base")
    ok(run_cli("rename", "alpha/missiles-reach", "long-range-reach", "claims"))
    commit(tmp_path, "Rename missiles-reach")
    edit(alpha, "status: asserted", "status: disputed")
    commit(tmp_path, "Sanctions claim disputed")
    edit(alpha, "    citations:\n      - source: report\n        quote: imposed sanctions\n", "")
    commit(tmp_path, "Drop the sanctions citation")
    edit(
        tmp_path / "claims" / "beta.yaml",
        "    supports:",
        "    opposes: alpha/threat-overstated\n    supports:",
    )
    commit(tmp_path, "Beta opposes the overstatement claim")
    edit(
        alpha,
        "The threat is overstated by officials.",
        "The threat is greatly overstated by US officials.",
    )
    commit(tmp_path, "Reword the overstatement claim")
    return tmp_path


EXPECTED = [
    {
        "kind": "claim-renamed",
        "id": "alpha/long-range-reach",
        "old_id": "alpha/missiles-reach",
        "old": "Pakistan's long-range missiles could reach the United States.",
        "new": "Pakistan's long-range missiles could reach the United States.",
    },
    {
        "kind": "status-changed",
        "id": "alpha/sanctions-imposed",
        "old": "asserted",
        "new": "disputed",
    },
    {
        "kind": "citation-removed",
        "id": "alpha/sanctions-imposed",
        "old": {
            "source": "alpha/report",
            "locator": None,
            "quote": "imposed sanctions",
            "scope": "sentence",
        },
        "new": None,
    },
    {
        "kind": "sourcing-changed",
        "id": "alpha/sanctions-imposed",
        "old": "sourced",
        "new": "unsourced",
    },
    {
        "kind": "text-changed",
        "id": "alpha/threat-overstated",
        "old": "The threat is overstated by officials.",
        "new": "The threat is greatly overstated by US officials.",
    },
]


def test_json_reports_exactly_the_known_edits(repo: Path) -> None:
    data = json.loads(ok(run_cli("diff", "base", "HEAD", "--format", "json")).stdout)
    link = {
        "kind": "link-added",
        "id": "beta/repeat--opposes--alpha/threat-overstated",
        "old": None,
        "new": {
            "id": "beta/repeat--opposes--alpha/threat-overstated",
            "from": ["beta/repeat"],
            "to": "alpha/threat-overstated",
            "relation": "opposes",
            "speakers": [],
            "warrant": None,
            "scheme": None,
            "citations": [],
        },
    }
    assert data["changes"] == [*EXPECTED, link]
    assert data["summary"] == {
        "claim-renamed": 1,
        "text-changed": 1,
        "status-changed": 1,
        "citation-removed": 1,
        "sourcing-changed": 1,
        "link-added": 1,
    }


def test_text_shows_word_diff_and_lost_source(repo: Path) -> None:
    out = ok(run_cli("diff", "base", "HEAD")).stdout
    assert out == (
        "argmap diff base → HEAD: 6 changes in 2 files\n"
        "\n"
        "claims/alpha.yaml\n"
        "  renamed claim alpha/missiles-reach → alpha/long-range-reach\n"
        "  status of alpha/sanctions-imposed: asserted → disputed\n"
        '  - citation of alpha/sanctions-imposed: alpha/report: "imposed sanctions"\n'
        "  sourcing of alpha/sanctions-imposed: sourced → unsourced (LOST ITS LAST SOURCE)\n"
        "  text of alpha/threat-overstated: The threat is {+greatly +}overstated by "
        "{+US +}officials.\n"
        "\n"
        "claims/beta.yaml\n"
        "  + link beta/repeat opposes alpha/threat-overstated\n"
    )


def test_markdown_is_a_summary_table_then_details_per_file(repo: Path) -> None:
    out = ok(run_cli("diff", "base", "HEAD", "--format", "markdown")).stdout
    assert out.startswith(
        "### argmap diff: base → HEAD\n\n| change | count |\n|---|---:|\n| claim-renamed | 1 |\n"
    )
    assert "**1 claim lost its last source:** `alpha/sanctions-imposed`" in out
    assert out.count("<details>") == 2 and out.count("</details>") == 2
    assert "<summary><code>claims/alpha.yaml</code>: 5 changes</summary>" in out
    assert "- text of `alpha/threat-overstated`: The threat is **greatly** overstated" in out
    assert "- added link beta/repeat opposes alpha/threat-overstated\n" in out


def test_one_commit_at_a_time(repo: Path) -> None:
    def kinds(a: str, b: str) -> list[tuple[str, str]]:
        data = json.loads(ok(run_cli("diff", a, b, "--format", "json")).stdout)
        return [(c["kind"], c["id"]) for c in data["changes"]]

    # The rename rewrote beta's reference too: still only the rename.
    assert kinds("base", "HEAD~4") == [("claim-renamed", "alpha/long-range-reach")]
    assert kinds("HEAD~2", "HEAD~1") == [
        ("link-added", "beta/repeat--opposes--alpha/threat-overstated")
    ]


def test_work_tree_is_the_default_new_side(repo: Path) -> None:
    assert ok(run_cli("diff", "HEAD")).stdout.startswith("no changes to the claims")
    edit(repo / "claims" / "beta.yaml", "type: fact", "type: prediction")
    write(repo / "claims" / "gamma.yaml", "claims:\n  - id: g\n    text: New.\n    type: fact\n")
    data = json.loads(ok(run_cli("diff", "HEAD", "--format", "json")).stdout)
    assert [(c["kind"], c["id"], c["old"], c["new"]) for c in data["changes"]] == [
        ("type-changed", "beta/repeat", "fact", "prediction"),
        ("claim-added", "gamma/g", None, data["changes"][1]["new"]),
    ]


def test_exit_code_and_fail_on(repo: Path) -> None:
    assert run_cli("diff", "HEAD", "--exit-code").exit_code == 0
    assert run_cli("diff", "HEAD~1", "HEAD", "--exit-code").exit_code == 1
    assert run_cli("diff", "HEAD~1", "HEAD", "--fail-on", "lost-source").exit_code == 0
    assert run_cli("diff", "base", "HEAD", "--fail-on", "lost-source").exit_code == 1


def test_folders_compare_without_git(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    other = tmp_path_factory.mktemp("copy") / "claims"
    other.mkdir()
    write(other / "alpha.yaml", ALPHA)
    write(other / "beta.yaml", BETA)
    data = json.loads(ok(run_cli("diff", str(other), "claims", "--format", "json")).stdout)
    assert [c["kind"] for c in data["changes"]] == [
        "claim-renamed",
        "status-changed",
        "citation-removed",
        "sourcing-changed",
        "text-changed",
        "link-added",
    ]


def test_errors_exit_2_with_a_hint(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    unknown = run_cli("diff", "no-such-rev")
    assert unknown.exit_code == 2, unknown
    assert unknown.stderr == (
        "argmap: error: unknown revision 'no-such-rev'\n"
        "  hint: name a commit, branch or tag (see 'git log'), or a folder that exists\n"
    )
    before = run_cli("diff", "HEAD~6")
    assert before.exit_code == 2, before
    assert before.stderr.startswith("argmap: error: 'claims' does not exist at revision 'HEAD~6'\n")
    outside = tmp_path_factory.mktemp("nogit")
    (outside / "claims").mkdir()
    lost = run_cli("diff", "HEAD", "--path", str(outside / "claims"))
    assert lost.exit_code == 2, lost
    assert lost.stderr.startswith(
        f"argmap: error: {outside / 'claims'} is not in a git repository\n"
    )
    assert run_cli("diff").exit_code == 2
    afile = run_cli("diff", "HEAD", "--path", "claims/alpha.yaml")
    assert afile.exit_code == 2, afile
    assert afile.stderr.startswith("argmap: error: --path names a file: claims/alpha.yaml\n")


def test_history_follows_the_rename_back(repo: Path) -> None:
    out = ok(run_cli("history", "long-range-reach")).stdout.splitlines()
    assert [line[12:] for line in out if not line.startswith(" ")] == [
        "2025-01-02  Ada Analyst  Rename missiles-reach",
        "2025-01-02  Ada Analyst  Map two documents",
    ]
    assert "    renamed claim alpha/missiles-reach → alpha/long-range-reach" in out
    data = json.loads(ok(run_cli("history", "alpha/threat-overstated", "--format", "json")).stdout)
    assert [(d["subject"], d["changes"]) for d in data] == [
        ("Reword the overstatement claim", ["text-changed"]),
        ("Beta opposes the overstatement claim", ["link-added"]),
        ("Map two documents", ["claim-added", "link-added"]),
    ]
    assert set(data[0]) == {"commit", "date", "author", "subject", "changes"}
    assert data[0]["date"] == "2025-01-02T10:00:00+00:00"


def test_git_diff_prints_argmaps_diff(repo: Path) -> None:
    """The recipe of docs/diff.md: .gitattributes plus diff.argmap.command."""
    write(repo / ".gitattributes", "claims/**/*.yaml diff=argmap\n")
    git(repo, "config", "diff.argmap.command", f"{sys.executable} -m argmap diff --git-driver")
    out = git(repo, "diff", "HEAD~1", "HEAD")
    assert out == (
        "argmap diff a → b: 1 change in 1 file\n"
        "\n"
        "claims/alpha.yaml\n"
        "  text of alpha/threat-overstated: The threat is {+greatly +}overstated by "
        "{+US +}officials.\n"
    )


def test_a_file_that_does_not_load_is_left_out_not_reported_emptied(repo: Path) -> None:
    (repo / "claims" / "beta.yaml").write_text("claims: [\n", encoding="utf-8")
    run = run_cli("diff", "HEAD", "--format", "json")
    assert run.exit_code == 0, run
    assert json.loads(run.stdout) == {"changes": [], "summary": {}}
    assert run.stderr.splitlines()[0].startswith("claims/beta.yaml:2:1: error: ")
    assert run.stderr.splitlines()[-1] == (
        "argmap: warning: claims/beta.yaml could not be read on one side; its changes are not shown"
    )


def test_only_files_that_differ_are_read(repo: Path) -> None:
    """An unchanged file is never loaded: a broken one committed as is says nothing."""
    write(repo / "claims" / "broken.yaml", "claims: [\n")
    commit(repo, "A broken file")
    edit(repo / "claims" / "beta.yaml", "type: fact", "type: prediction")
    run = run_cli("diff", "HEAD", "--format", "json")
    assert run.exit_code == 0, run
    assert run.stderr == ""
    assert [c["kind"] for c in json.loads(run.stdout)["changes"]] == ["type-changed"]


def test_other_entities_follow_the_same_pattern(repo: Path) -> None:
    """A speaker renamed (its uses rewritten: no speakers-changed), another's role set, a
    source added: each reported once, nothing else."""
    ok(run_cli("rename", "alpha/khan", "imran-khan", "claims", "--kind", "speaker"))
    edit(
        repo / "claims" / "beta.yaml",
        "    kind: news\n",
        "    kind: news\n  - id: wire\n    title: A wire story\n    kind: news\n",
    )
    edit(
        repo / "claims" / "alpha.yaml",
        "    name: Jon Finer\n",
        "    name: Jon Finer\n    role: US Deputy NSA\n",
    )
    data = json.loads(ok(run_cli("diff", "HEAD", "--format", "json")).stdout)
    assert [(c["kind"], c["id"], c.get("old_id"), c["old"], c["new"]) for c in data["changes"]] == [
        ("speaker-changed", "alpha/finer", None, {"role": None}, {"role": "US Deputy NSA"}),
        ("speaker-renamed", "alpha/imran-khan", "alpha/khan", "Imran Khan", "Imran Khan"),
        ("source-added", "beta/wire", None, None, data["changes"][2]["new"]),
    ]
    assert data["changes"][2]["new"]["title"] == "A wire story"
