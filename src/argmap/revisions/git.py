"""Reading a git repository through the `git` executable itself: revisions, trees, blobs, log.

Every question is one `git` process (`rev-parse`, `ls-tree`, `diff --name-only`,
`cat-file --batch`, `log`); no git library is used. Failures become
:class:`GitError`, whose text is the sentence a user reads, with a hint. Nothing
here parses claims or prints.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Commit", "GitError", "Repository", "repository_of"]


class GitError(Exception):
    """A git question could not be answered: an unknown revision, no repository, no git."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        """What went wrong, as one sentence."""
        self.hint = hint
        """What the user can do about it."""

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Commit:
    """One commit as `argmap history` lists it."""

    sha: str
    """The full commit hash."""
    date: str
    """The author date, strict ISO 8601."""
    author: str
    """The author's name."""
    subject: str
    """The first line of the message."""
    parent: str | None
    """The first parent, or None for a root commit."""


def _git(cwd: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"}
    try:
        return subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False
        )
    except FileNotFoundError:
        raise GitError("git is not installed", "install git, or compare two folders") from None


def repository_of(folder: Path) -> Repository:
    """The repository *folder* lies in (the folder need not exist at every revision)."""
    probe = folder
    while not probe.is_dir():
        if probe.parent == probe:
            break
        probe = probe.parent
    done = _git(probe, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        raise GitError(
            f"{folder} is not in a git repository",
            "run argmap diff inside a git checkout, or compare two folders",
        )
    top = Path(os.fsdecode(done.stdout.rstrip(b"\n")))
    try:
        prefix = folder.resolve().relative_to(top.resolve()).as_posix()
    except ValueError:
        raise GitError(f"{folder} is not in the repository at {top}") from None
    return Repository(top, "" if prefix == "." else prefix)


@dataclass(frozen=True)
class Repository:
    """A git work tree and where the claims folder lies in it."""

    top: Path
    """The top of the work tree."""
    prefix: str
    """The claims folder, relative to *top* ('/'-separated; '' for the top itself)."""

    def _run(self, *args: str, stdin: bytes | None = None) -> bytes:
        done = _git(self.top, *args, stdin=stdin)
        if done.returncode != 0:
            reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(f"git {args[0]} failed: {reason[0] if reason else 'no reason given'}")
        return done.stdout

    def commit_of(self, revision: str) -> str:
        """The commit *revision* names; :class:`GitError` when it names none."""
        if revision.startswith("-"):
            raise GitError(f"unknown revision '{revision}'")
        done = _git(
            self.top,
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            f"{revision}^{{commit}}",
        )
        if done.returncode != 0:
            raise GitError(
                f"unknown revision '{revision}'",
                "name a commit, branch or tag (see 'git log'), or a folder that exists",
            )
        return done.stdout.decode().strip()

    def has_claims(self, commit: str) -> bool:
        """True when the claims folder exists at *commit*."""
        if not self.prefix:
            return True
        done = _git(self.top, "cat-file", "-e", f"{commit}:{self.prefix}")
        return done.returncode == 0

    def tree(self, commit: str) -> dict[str, str]:
        """Every file under the claims folder at *commit*: path under it -> blob hash."""
        out = self._run("ls-tree", "-r", "-z", "--full-tree", commit, "--", self.prefix or ".")
        found = {}
        cut = len(self.prefix) + 1 if self.prefix else 0
        for entry in out.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.partition(b"\t")
            mode, kind, blob = meta.split(b" ")
            if kind == b"blob" and mode != b"120000":
                found[os.fsdecode(name)[cut:]] = blob.decode()
        return found

    def changed(self, old: str, new: str | None) -> list[str]:
        """Paths under the claims folder that differ between commit *old* and commit *new*,
        or the work tree (untracked files included) when *new* is None."""
        spec = ["--", self.prefix or "."]
        args = ["diff", "--name-only", "--no-renames", "-z", "--no-ext-diff", "--no-textconv"]
        out = self._run(*args, old, *([new] if new else []), *spec)
        if new is None:
            out += b"\0" + self._run("ls-files", "-z", "--others", "--exclude-standard", *spec)
        cut = len(self.prefix) + 1 if self.prefix else 0
        names = {os.fsdecode(n)[cut:] for n in out.split(b"\0") if n}
        return sorted(names)

    def blobs(self, commit: str, paths: list[str]) -> dict[str, bytes]:
        """The bytes of each of *paths* (under the claims folder) at *commit*; absent ones
        are left out. One `git cat-file --batch` reads them all."""
        if not paths:
            return {}
        full = [f"{self.prefix}/{p}" if self.prefix else p for p in paths]
        request = "".join(f"{commit}:{name}\n" for name in full).encode()
        out = self._run("cat-file", "--batch", stdin=request)
        found: dict[str, bytes] = {}
        at = 0
        for path in paths:
            end = out.index(b"\n", at)
            header = out[at:end].split(b" ")
            at = end + 1
            if header[-1] == b"missing" or len(header) != 3:
                continue
            size = int(header[2])
            if header[1] == b"blob":
                found[path] = out[at : at + size]
            at += size + 1
        return found

    def empty_tree(self) -> str:
        """The hash of the empty tree (what a root commit is compared with)."""
        return self._run("hash-object", "-t", "tree", "--stdin", stdin=b"").decode().strip()

    def log(self) -> list[Commit]:
        """The commits that touched the claims folder, newest first (merges left out: each
        change is shown in the commit that made it)."""
        form = "%H%x00%aI%x00%an%x00%s%x00%P"
        out = self._run(
            "log", "--no-merges", "-z", f"--format={form}", "HEAD", "--", self.prefix or "."
        )
        fields = out.decode("utf-8", "replace").split("\0")
        commits = []
        for at in range(0, len(fields) - 4, 5):
            sha, date, author, subject, parents = fields[at : at + 5]
            parent = parents.split()[0] if parents.split() else None
            commits.append(Commit(sha.strip(), date, author, subject, parent))
        return commits
