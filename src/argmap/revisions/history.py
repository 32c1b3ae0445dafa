"""`argmap history` as a library call: the commits in which one claim changed.

:func:`claim_history` walks the commits that touched the claims folder, newest
first, and diffs each against its first parent (only the files it changed, as
`argmap diff` does). It keeps the changes about the claim (its own fields and
citations, and the links it is an end of); at a rename it goes on under the old
id, and it stops at the commit that added the claim. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from argmap.load.limits import Limits
from argmap.revisions.changes import Change
from argmap.revisions.diff import diff_sides
from argmap.revisions.git import Commit, Repository
from argmap.revisions.phrases import PLAIN, phrase
from argmap.revisions.sides import Revision

__all__ = ["Step", "claim_history", "history_json", "history_table"]


@dataclass(frozen=True)
class Step:
    """One commit in which the claim changed."""

    commit: Commit
    """The commit."""
    changes: list[Change]
    """What it changed about the claim."""

    @property
    def kinds(self) -> list[str]:
        """The kinds of its changes, each once, in order."""
        return list(dict.fromkeys(change.kind for change in self.changes))


def claim_history(repo: Repository, claim: str, limits: Limits) -> list[Step]:
    """The commits that changed *claim* (a qualified id, as it is known at HEAD), newest
    first, back through its renames to the commit that added it."""
    current, steps = claim, []
    empty = None
    for commit in repo.log():
        if commit.parent is None:
            empty = empty or repo.empty_tree()
        parent = commit.parent or empty or ""
        paths = [p for p in repo.changed(parent, commit.sha) if p.endswith((".yaml", ".yml"))]
        old = Revision(repo, parent, commit.parent[:12] if commit.parent else "(none)")
        new = Revision(repo, commit.sha, commit.sha[:12])
        found = diff_sides(old, new, limits, paths)
        mine = [change for change in found.changes if current in change.about]
        if not mine:
            continue
        steps.append(Step(commit, mine))
        if any(c.kind == "claim-added" and c.id == current for c in mine):
            break
        renamed = next((c for c in mine if c.kind == "claim-renamed" and c.id == current), None)
        if renamed is not None and renamed.old_id is not None:
            current = renamed.old_id
    return steps


def history_json(steps: list[Step]) -> list[dict[str, Any]]:
    """`--format json`: `[{"commit", "date", "author", "subject", "changes": [KIND…]}]`."""
    return [
        {
            "commit": step.commit.sha,
            "date": step.commit.date,
            "author": step.commit.author,
            "subject": step.commit.subject,
            "changes": step.kinds,
        }
        for step in steps
    ]


def history_table(steps: list[Step], claim: str) -> str:
    """`--format table`: one line per commit (short hash, day, author, subject), then each
    change, indented."""
    if not steps:
        return f"no commit changed claim {claim}\n"
    lines = []
    for step in steps:
        c = step.commit
        lines.append(f"{c.sha[:10]}  {c.date[:10]}  {c.author}  {c.subject}")
        lines += [f"    {phrase(change, PLAIN)}" for change in step.changes]
    return "\n".join(lines) + "\n"
