"""DF-QuAD gradual strength (Rago et al. 2016), iterated to a fixed point.

Each argument starts from a base score. Its attackers' strengths combine as
1 - Π(1 - s), and so do its supporters'; if attack outweighs support by d, the score
falls by base·d, else it rises by (1 - base)·d. A unit (a link with co-premises or an
undercut) starts from the weakest of its premises. Acyclic maps settle in one pass per
level; cycles are iterated until no score moves by more than the tolerance, and a run
that reaches the iteration cap says so (:attr:`Strengths.converged`).
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.evaluate.bipolar import Translation

TOLERANCE = 1e-9
"""Scores that move less than this between rounds have settled."""

MAX_ROUNDS = 1000
"""Rounds tried before a cycle is reported as not converging."""

DEFAULT_BASE = 0.5
"""A claim's base score when nothing sets one."""

SOURCING_BASE = {"sourced": 0.7, "paragraph-sourced": 0.6, "unsourced": 0.4}
"""`--base-from sourcing`: base score per sourcing tier (each can be overridden)."""


@dataclass
class Strengths:
    """Every argument's final score and how the iteration ended."""

    base: list[float]
    """Each argument's base score."""
    score: list[float]
    """Each argument's strength."""
    converged: bool
    """False when the iteration cap was reached before the scores settled."""
    rounds: int
    """How many rounds the iteration took."""


def combine(strengths: list[float]) -> float:
    """1 - Π(1 - s): how strongly a set of attackers (or supporters) acts together."""
    rest = 1.0
    for s in strengths:
        rest *= 1.0 - s
    return 1.0 - rest


def influence(base: float, attack: float, support: float) -> float:
    """DF-QuAD's combination of a base score with aggregated attack and support."""
    if attack >= support:
        return base - base * (attack - support)
    return base + (1.0 - base) * (support - attack)


def strengths(t: Translation, base: list[float]) -> Strengths:
    """The DF-QuAD strength of every argument of *t*, starting from *base*."""
    score = list(base)
    rounds = 0
    for rounds in range(1, MAX_ROUNDS + 1):
        moved = 0.0
        for i in range(len(score)):
            start = min(score[p] for p in t.premises[i]) if i in t.premises else base[i]
            new = influence(
                start,
                combine([score[a] for a in t.direct[i]]),
                combine([score[s] for s in t.supporters[i]]),
            )
            moved = max(moved, abs(new - score[i]))
            score[i] = new
        if moved < TOLERANCE:
            return Strengths(base, score, True, rounds)
    return Strengths(base, score, False, rounds)


def contributions(t: Translation, result: Strengths, argument: int) -> list[tuple[int, float]]:
    """How much each direct attacker and supporter moves *argument*: its strength with all
    of them, less its strength without that one (the others at their final scores)."""
    score = result.score
    i = argument
    start = min(score[p] for p in t.premises[i]) if i in t.premises else result.base[i]
    attackers, supporters = t.direct[i], t.supporters[i]

    def value(skip: int) -> float:
        return influence(
            start,
            combine([score[a] for a in attackers if a != skip]),
            combine([score[s] for s in supporters if s != skip]),
        )

    full = value(-1)
    return [(other, full - value(other)) for other in [*supporters, *attackers]]
