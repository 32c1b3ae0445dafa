"""Revisions: the claims as git (or a folder) holds them, and what changed between two.

`sides` names the two versions (a revision via the `git` executable, a folder, or
the files git hands a diff driver) and lists the files that differ; `snapshot`
loads those with the normal loader into comparable records; `compare` makes the
renderer-neutral list of :class:`~argmap.revisions.changes.Change`; `emit` and
`phrases` write it as text, Markdown or JSON; `history` follows one claim back
through the commits. This room sits above `render` (it borrows its Markdown
escaping from `render.text`) and below the CLI, and may import any stage below it;
inside, `history` > `diff | emit` > `compare | phrases` > `snapshot` > `sides` >
`git | changes`. Nothing here prints.
"""

from argmap.revisions.changes import CHANGE_KINDS, Change
from argmap.revisions.diff import Diff, diff_sides
from argmap.revisions.git import GitError
from argmap.revisions.history import Step, claim_history

__all__ = ["CHANGE_KINDS", "Change", "Diff", "GitError", "Step", "claim_history", "diff_sides"]
