"""The grounded labelling, in time linear in arguments plus attacks.

Start from the unattacked arguments (in); whatever they attack is out; an argument all
of whose attackers are out becomes in; repeat. What is never reached is undec. This is
the least complete labelling, the sceptic's reading, and every other semantics starts
from it (:mod:`argmap.evaluate.search` only searches what it leaves undec).
"""

from __future__ import annotations

from argmap.evaluate.framework import Framework, Label, Labelling


def grounded(framework: Framework, attacked: list[list[int]] | None = None) -> Labelling:
    """The grounded labelling of *framework* (*attacked*: its reverse adjacency, if known)."""
    targets = framework.attacked() if attacked is None else attacked
    waiting = list(map(len, framework.attackers))
    labels = [Label.undec] * framework.size
    queue = [i for i, count in enumerate(waiting) if count == 0]
    for i in queue:
        labels[i] = Label.in_
    while queue:
        accepted = queue.pop()
        for beaten in targets[accepted]:
            if labels[beaten] is not Label.undec:
                continue
            labels[beaten] = Label.out
            for freed in targets[beaten]:
                waiting[freed] -= 1
                if waiting[freed] == 0 and labels[freed] is Label.undec:
                    labels[freed] = Label.in_
                    queue.append(freed)
    return labels
