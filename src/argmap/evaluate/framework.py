"""The abstract framework (Dung): named arguments and who attacks whom, as index lists.

Every semantics works on this one shape. It holds no claims, no texts and no reasons;
:mod:`argmap.evaluate.bipolar` builds it from claims and links, and
:mod:`argmap.evaluate.iccma` from a file in one of the ICCMA formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Label(StrEnum):
    """A labelling's verdict on one argument."""

    in_ = "in"
    """Accepted: every attacker is out."""
    out = "out"
    """Defeated: some attacker is in."""
    undec = "undec"
    """Neither: the attacks leave it open."""


@dataclass
class Framework:
    """Arguments 0..n-1 with names, and for each its attackers (no repeats)."""

    names: list[str] = field(default_factory=list)
    """Each argument's name, as the user wrote it (a claim's qualified id, a file's name)."""
    attackers: list[list[int]] = field(default_factory=list)
    """For each argument, the arguments that attack it."""

    def add(self, name: str) -> int:
        """A new argument called *name*; its index."""
        self.names.append(name)
        self.attackers.append([])
        return len(self.names) - 1

    @property
    def size(self) -> int:
        """How many arguments."""
        return len(self.names)

    def attacked(self) -> list[list[int]]:
        """For each argument, the arguments it attacks (the reverse of :attr:`attackers`)."""
        out: list[list[int]] = [[] for _ in self.names]
        for target, sources in enumerate(self.attackers):
            for source in sources:
                out[source].append(target)
        return out

    def attack_count(self) -> int:
        """How many attacks."""
        return sum(map(len, self.attackers))


Labelling = list[Label]
"""One label per argument, by index."""


def extension(labelling: Labelling, names: list[str]) -> list[str]:
    """The names of the arguments *labelling* accepts, sorted."""
    return sorted(names[i] for i, label in enumerate(labelling) if label is Label.in_)
