"""Why each label holds, in one line: the attacker that wins, the defenders, the cycle.

out: the accepted attacker that defeats the argument (and how it attacks); in: for each
attacker, the accepted argument that beats it; undec: the cycle of undecided attacks
that keeps it open. Reasons name arguments as :meth:`Translation.name` does.
"""

from __future__ import annotations

from argmap.evaluate.bipolar import Translation
from argmap.evaluate.framework import Label, Labelling


def why(t: Translation, labels: Labelling, argument: int) -> str:
    """The reason *argument* has its label in *labels*."""
    label = labels[argument]
    attackers = t.framework.attackers[argument]
    if label is Label.out:
        winner = next(a for a in attackers if labels[a] is Label.in_)
        return f"defeated by {t.name(winner)}, which is in and {_how(t, winner, argument)}"
    if label is Label.in_:
        if not attackers:
            return "unattacked"
        parts = []
        for a in attackers:
            beaten_by = next((d for d in t.framework.attackers[a] if labels[d] is Label.in_), None)
            who = "no one" if beaten_by is None else t.name(beaten_by)
            parts.append(f"{t.name(a)} ({_how(t, a, argument)}) is beaten by {who}")
        return "defended: " + "; ".join(parts)
    cycle = _cycle(t, labels, argument)
    if argument in cycle:
        at = cycle.index(argument)
        cycle = cycle[at:] + cycle[:at]
    loop = " → ".join(t.name(c) for c in [*cycle, cycle[0]])
    if argument in cycle:
        return f"open: caught in the attack cycle {loop}"
    first = next(a for a in attackers if labels[a] is Label.undec)
    return f"open: attacked by undecided {t.name(first)}, kept open by the cycle {loop}"


def _how(t: Translation, attacker: int, attacked: int) -> str:
    """How *attacker* comes to attack *attacked*, in words."""
    kind, via = t.reason(attacker, attacked)
    if kind in ("opposes", "undercuts"):
        return f"{kind} it"
    if kind == "secondary":
        return f"attacks {t.name(via)}, which {t.name(attacked)} rests on"
    if kind == "supported":
        return f"supports {t.name(via)}, which attacks it"
    if kind == "extended":
        return f"rests on {t.name(via)}, which attacks it"
    return "attacks it"


def _cycle(t: Translation, labels: Labelling, start: int) -> list[int]:
    """A cycle of undecided arguments reached by walking back along undecided attackers
    (one always exists: an undecided argument has an undecided attacker). Listed in
    attack order."""
    path: list[int] = []
    at: dict[int, int] = {}
    node = start
    while node not in at:
        at[node] = len(path)
        path.append(node)
        node = next(a for a in t.framework.attackers[node] if labels[a] is Label.undec)
    cycle = path[at[node] :]
    cycle.reverse()  # walked from attacked to attacker; show attacker first
    return cycle
