"""The two sides of a diff: a git revision's claims folder, or a folder on disk.

:func:`open_side` decides what a word names (an existing folder, else a revision
of the repository the claims folder lies in). :func:`changed_files` lists the
claims files that differ between two sides as cheaply as the sides allow: `git
diff --name-only` between revisions or against the work tree (the index knows
what is unchanged), else blob hashes compared with the files' bytes. Only the
files listed are ever read. Nothing here parses claims or prints.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from argmap.load.discovery import YAML_SUFFIXES, find_claims
from argmap.load.files import read_regular
from argmap.load.limits import Limits
from argmap.revisions.git import GitError, Repository, repository_of

__all__ = ["Files", "Folder", "Revision", "Side", "changed_files", "open_side"]


@dataclass(frozen=True)
class Revision:
    """The claims folder as a commit holds it."""

    repo: Repository
    """The repository and the claims folder's place in it."""
    commit: str
    """The commit's full hash."""
    label: str
    """The revision as the user wrote it (diagnostics show `LABEL:path`)."""

    def tree(self) -> dict[str, str]:
        """Each claims file under the folder -> its blob hash."""
        return {p: b for p, b in self.repo.tree(self.commit).items() if p.endswith(YAML_SUFFIXES)}

    def shown(self, path: str) -> str:
        """How diagnostics name *path*: `REV:claims/file.yaml`."""
        prefix = f"{self.repo.prefix}/" if self.repo.prefix else ""
        return f"{self.label}:{prefix}{path}"

    def read(self, paths: list[str], limits: Limits) -> dict[str, bytes]:
        """The bytes of each of *paths* that exists at this revision."""
        del limits  # git hands over what it stores; the loader bounds what it parses
        return self.repo.blobs(self.commit, paths)


@dataclass(frozen=True)
class Folder:
    """A claims folder on disk (the work tree, or any copy)."""

    root: Path
    """The folder."""
    repo: Repository | None = None
    """The repository whose work tree this folder is, when it is one (then git lists
    the changed files)."""

    @property
    def label(self) -> str:
        """How the folder is named in output."""
        return str(self.root)

    def files(self) -> list[str]:
        """Every claims file under the folder, '/'-separated, relative to it."""
        if not self.root.is_dir():
            return []
        found, _ = find_claims(self.root)
        return sorted(path.relative_to(self.root).as_posix() for path in found)

    def read(self, paths: list[str], limits: Limits) -> dict[str, bytes]:
        """The bytes of each of *paths* that exists as a regular file."""
        found = {}
        for path in paths:
            full = self.root / path
            if full.is_file():
                found[path] = read_regular(full, limits.max_file_bytes)
        return found


@dataclass(frozen=True)
class Files:
    """Single files standing for claims files (what git hands an external diff driver)."""

    files: dict[str, Path | None]
    """Path under the claims folder -> the file holding its bytes (None: absent)."""
    label: str
    """How this side is named in output."""

    def shown(self, path: str) -> str:
        """How diagnostics name *path*."""
        return f"{self.label}:{path}"

    def read(self, paths: list[str], limits: Limits) -> dict[str, bytes]:
        """The bytes of each of *paths* this side has."""
        found = {}
        for path in paths:
            where = self.files.get(path)
            if where is not None:
                found[path] = read_regular(where, limits.max_file_bytes)
        return found


Side = Revision | Folder | Files


def open_side(word: str | None, claims: Path) -> Side:
    """What *word* names: an existing folder, or a revision of the repository *claims*
    lies in; None names *claims* in the work tree. Raises :class:`GitError`."""
    if word is None:
        return Folder(claims, _repository_or_none(claims))
    if Path(word).is_dir():
        return Folder(Path(word), None)
    repo = repository_of(claims)
    commit = repo.commit_of(word)
    if not repo.has_claims(commit):
        raise GitError(
            f"'{repo.prefix}' does not exist at revision '{word}'",
            "pick a later revision, or point --path at the claims folder",
        )
    return Revision(repo, commit, word)


def _repository_or_none(folder: Path) -> Repository | None:
    try:
        return repository_of(folder)
    except GitError:
        return None


def changed_files(old: Side, new: Side, limits: Limits) -> list[str]:
    """The claims files (paths under the claims folder) whose bytes differ between *old*
    and *new*, or that exist on one side only, in path order."""
    if isinstance(old, Revision):
        if isinstance(new, Revision) and new.repo == old.repo:
            return _claims_only(old.repo.changed(old.commit, new.commit))
        if isinstance(new, Folder) and new.repo == old.repo:
            return _claims_only(old.repo.changed(old.commit, None))
    if isinstance(old, Files) or isinstance(new, Files):
        given = [side.files for side in (old, new) if isinstance(side, Files)]
        return sorted({path for files in given for path in files})
    before, after = _hashes(old, limits), _hashes(new, limits)
    return sorted(path for path in {*before, *after} if before.get(path) != after.get(path))


def _claims_only(paths: list[str]) -> list[str]:
    """The claims files among *paths*: YAML files, hidden files and folders aside."""
    return [
        path
        for path in paths
        if path.endswith(YAML_SUFFIXES) and not any(p.startswith(".") for p in path.split("/"))
    ]


def _hashes(side: Side, limits: Limits) -> dict[str, str]:
    """Each claims file of *side* -> its git blob hash (computed for a folder)."""
    if isinstance(side, Revision):
        return side.tree()
    names = side.files() if isinstance(side, Folder) else sorted(side.files)
    data = side.read(names, limits)
    return {name: _blob_hash(raw) for name, raw in data.items()}


def _blob_hash(data: bytes) -> str:
    """The hash a SHA-1 repository gives *data* as a blob. (Against a SHA-256 repository
    every file looks changed: all are loaded, and the diff is the same, only slower.)"""
    header = f"blob {len(data)}\0".encode()
    return hashlib.sha1(header + data, usedforsecurity=False).hexdigest()
