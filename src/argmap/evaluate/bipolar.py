"""Claims and links to an abstract framework: the translation docs/evaluation.md sets out.

Each claim kept is an argument. A link becomes an argument of its own (a *unit*) when it
has co-premises or is undercut; otherwise its one premise stands for it. A unit inherits
every attack on its premises, so co-premises attack or support only together, and an
undercut that wins takes the link's attack or support away. `opposes` and `undercuts`
are attacks. `supports` adds the attacks of Cayrol and Lagasquie-Schiex's bipolar
frameworks: *secondary* attacks (whoever attacks a supporter attacks what it supports)
and, by default, *supported* attacks (a supporter attacks what the claim it supports
attacks); with necessary support, *extended* attacks instead (a supported claim attacks
what its supporter attacks). Every attack keeps the reason it exists, for the why-lines.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from argmap.evaluate.framework import Framework
from argmap.evaluate.names import SupportMode


class LinkRow(NamedTuple):
    """One link, resolved: its id, premises, target and relation."""

    key: str
    premises: Sequence[str]
    target: str
    relation: str


@dataclass
class ClaimGraph:
    """The claims and links to evaluate, before translation (no syntax, no files)."""

    claims: list[str] = field(default_factory=list)
    """Claim ids in corpus order (qualified), retracted and superseded ones included."""
    status: dict[str, str] = field(default_factory=dict)
    """Each claim's recorded status, when it has one."""
    links: list[LinkRow] = field(default_factory=list)
    """Every link, shorthand expanded."""
    base: dict[str, float] = field(default_factory=dict)
    """Base scores written on claims (`base:`)."""
    sourcing: dict[str, str] = field(default_factory=dict)
    """Each claim's sourcing tier (sourced, paragraph-sourced, unsourced)."""


REMOVED = frozenset({"retracted", "superseded"})
"""Statuses that take a claim out of the framework."""

FLAGGED = frozenset({"disputed", "draft"})
"""Statuses kept in the framework but flagged in the output."""


@dataclass
class Translation:
    """The framework of a claim graph, with what each argument and attack stands for."""

    framework: Framework
    claims: dict[str, int]
    """Each claim kept -> its argument."""
    units: dict[str, int]
    """Each link that became an argument -> its argument."""
    derived: dict[int, tuple[str, int]]
    """Each derived attack (key: attacker * size + attacked) -> how it arises: secondary,
    supported or extended, and the argument it goes through."""
    supporters: list[list[int]]
    """For each argument, the arguments that support it directly (for gradual strength)."""
    direct: list[list[int]]
    """For each argument, its direct attackers (opposes, undercuts; for gradual strength)."""
    premises: dict[int, list[int]]
    """For each unit, its premises."""
    removed: dict[str, str]
    """Claims left out, with their status."""
    flagged: dict[str, str]
    """Claims kept but flagged (disputed, draft)."""

    def reason(self, attacker: int, attacked: int) -> tuple[str, int]:
        """How *attacker* attacks *attacked*: (opposes | undercuts | secondary | supported |
        extended, the argument the attack goes through)."""
        if attacker in self.direct[attacked]:
            return ("undercuts" if attacked in self.premises else "opposes", attacked)
        key = attacker * self.framework.size + attacked
        return self.derived.get(key, ("attacks", attacked))

    def name(self, argument: int) -> str:
        """How a why-line names *argument*: 'claim' or link 'key' (p + q)."""
        name = self.framework.names[argument]
        if argument in self.premises:
            together = " + ".join(f"'{self.framework.names[p]}'" for p in self.premises[argument])
            return f"link '{name}' ({together})"
        return f"'{name}'"


def translate(graph: ClaimGraph, mode: SupportMode = SupportMode.deductive) -> Translation:
    """The framework of *graph* with support read as *mode*."""
    framework = Framework()
    removed = {c: graph.status[c] for c in graph.claims if graph.status.get(c) in REMOVED}
    claims = {c: framework.add(c) for c in graph.claims if c not in removed}
    flagged = {c: graph.status[c] for c in claims if graph.status.get(c) in FLAGGED}
    rows = _usable(graph.links, claims)
    undercut = {row.target for row in rows if row.relation == "undercuts"}
    units: dict[str, int] = {}
    premises: dict[int, list[int]] = {}
    for row in rows:
        if len(row.premises) > 1 or row.key in undercut:
            units[row.key] = framework.add(row.key)
            premises[units[row.key]] = [claims[p] for p in row.premises]
    direct: list[list[int]] = [[] for _ in framework.names]
    supports: list[list[int]] = [[] for _ in framework.names]
    supporters: list[list[int]] = [[] for _ in framework.names]
    for row in rows:
        source = units[row.key] if row.key in units else claims[row.premises[0]]
        target = units[row.target] if row.relation == "undercuts" else claims[row.target]
        if row.relation == "supports":
            supports[source].append(target)
            supporters[target].append(source)
        elif source not in direct[target]:
            direct[target].append(source)
    translation = Translation(
        framework, claims, units, {}, supporters, direct, premises, removed, flagged
    )
    _attacks(translation, supports, mode)
    return translation


def _usable(links: Iterable[LinkRow], claims: dict[str, int]) -> list[LinkRow]:
    """The links whose ends are all in the framework (an undercut needs its link)."""
    rows = [
        row
        for row in links
        if all(p in claims for p in row.premises)
        and (row.relation == "undercuts" or row.target in claims)
    ]
    while True:
        keys = {row.key for row in rows}
        kept = [row for row in rows if row.relation != "undercuts" or row.target in keys]
        if len(kept) == len(rows):
            return kept
        rows = kept


def _attacks(t: Translation, supports: list[list[int]], mode: SupportMode) -> None:
    """Direct, inherited and derived attacks into the framework, each with its reason.

    Reach along supports is computed once per attacked argument (forwards) and once
    per attacker (backwards), not once per attack. Derived attacks are kept under the
    integer key attacker * size + attacked (cheaper than pairs at 100,000 claims)."""
    needs: list[list[int]] = [list(s) for s in supports]  # support and premise edges
    for unit, members in t.premises.items():
        for p in members:
            needs[p].append(unit)
    attackers, derived, size = t.framework.attackers, t.derived, t.framework.size
    direct = t.direct
    for target, sources in enumerate(direct):
        attackers[target].extend(sources)

    # secondary: whoever attacks y attacks what rests on y
    for target, sources in enumerate(direct):
        if sources and needs[target]:
            reason = ("secondary", target)
            for later in _reach(target, needs):
                for a in sources:
                    key = a * size + later
                    if key not in derived and a not in direct[later]:
                        derived[key] = reason
                        attackers[later].append(a)
    targets_of: dict[int, list[int]] = {}
    for target, sources in enumerate(direct):
        for a in sources:
            targets_of.setdefault(a, []).append(target)
    if mode is SupportMode.deductive:
        around: list[list[int]] = [[] for _ in supports]  # supported attack: supporters
        for s, aims in enumerate(supports):
            for aim in aims:
                around[aim].append(s)
        kind = "supported"
    else:
        around, kind = needs, "extended"  # extended attack: what rests on the attacker
    for a, aims in targets_of.items():
        if around[a]:
            reason = (kind, a)
            for other in _reach(a, around):
                for target in aims:
                    key = other * size + target
                    if key not in derived and other not in direct[target]:
                        derived[key] = reason
                        attackers[target].append(other)


def _reach(start: int, edges: list[list[int]]) -> list[int]:
    """Every argument reachable from *start* along *edges*, *start* excluded."""
    seen = {start}
    order = []
    queue = deque([start])
    while queue:
        for nxt in edges[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                order.append(nxt)
                queue.append(nxt)
    return order
