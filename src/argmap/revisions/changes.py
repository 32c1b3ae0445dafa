"""What a diff reports: a renderer-neutral list of changes, each of a kind from a closed list.

A :class:`Change` is plain data (its JSON form is the contract of
`argmap diff --format json`); :func:`word_diff` splits a changed text into kept,
removed and added runs of words for the emitters. Nothing here compares corpora
or prints.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

__all__ = ["CHANGE_KINDS", "LOST_SOURCE", "Change", "summary", "word_diff"]

_ENTITY_KINDS = tuple(
    f"{entity}-{what}"
    for entity in ("perspective", "question", "source", "speaker")
    for what in ("added", "changed", "removed", "renamed")
)
CHANGE_KINDS: tuple[str, ...] = (
    "claim-added",
    "claim-removed",
    "claim-renamed",
    "text-changed",
    "type-changed",
    "status-changed",
    "speakers-changed",
    "claim-changed",
    "citation-added",
    "citation-removed",
    "citation-changed",
    "sourcing-changed",
    "link-added",
    "link-removed",
    "link-changed",
    *_ENTITY_KINDS,
)
"""Every kind of change, in the order a summary lists them. `claim-changed` covers a
claim's other fields (date, tags, questions, standalone); `X-changed` for sources,
speakers, perspectives and questions, any of their fields."""

LOST_SOURCE = "lost-source"
"""What `--fail-on` can name: a claim that was sourced (or paragraph-sourced) and is not."""


@dataclass(frozen=True)
class Change:
    """One change between the two sides."""

    kind: str
    """One of :data:`CHANGE_KINDS`."""
    id: str
    """The qualified id of the entity changed (its new id when renamed)."""
    old: Any = None
    """What it was (a text, a value, a record or the changed fields), or None."""
    new: Any = None
    """What it is now, or None."""
    old_id: str | None = None
    """The old qualified id (renames only)."""
    file: str = ""
    """The claims file it belongs to (path under the claims folder), for grouping."""
    about: tuple[str, ...] = ()
    """The claims it concerns: the claim itself, or a link's premises and target."""

    @property
    def lost_source(self) -> bool:
        """True for a sourcing change that leaves a sourced claim unsourced."""
        return (
            self.kind == "sourcing-changed" and self.new == "unsourced" and self.old != "unsourced"
        )

    def as_json(self) -> dict[str, Any]:
        """The change as `--format json` writes it (`old_id` for renames only)."""
        data: dict[str, Any] = {"kind": self.kind, "id": self.id}
        if self.kind.endswith("-renamed"):
            data["old_id"] = self.old_id
        data["old"], data["new"] = self.old, self.new
        return data


def summary(changes: list[Change]) -> dict[str, int]:
    """How many changes of each kind there are, in :data:`CHANGE_KINDS` order, zeros left out."""
    counts = Counter(change.kind for change in changes)
    return {kind: counts[kind] for kind in CHANGE_KINDS if counts[kind]}


_WORDS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """*old* to *new* as runs of ('=', kept), ('-', removed) and ('+', added) words."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(a[i1:i2])))
            continue
        if op in ("replace", "delete"):
            runs.append(("-", "".join(a[i1:i2])))
        if op in ("replace", "insert"):
            runs.append(("+", "".join(b[j1:j2])))
    return runs
