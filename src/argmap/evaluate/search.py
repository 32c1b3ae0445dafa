"""Complete, preferred and stable labellings by search over what grounded leaves undec.

Every complete labelling agrees with the grounded one where grounded says in or out,
so only the undecided core is searched, and only the attacks inside it matter (an
attacker outside the core is out in every complete labelling). The core splits into
parts no attack joins; each part is searched on its own by backtracking with the
labelling rules checked as soon as an argument's attackers are all labelled, and the
answers are combined part by part. A part larger than :data:`NATIVE_LIMIT` arguments
is handed to the clingo backend (:mod:`argmap.evaluate.clingo_backend`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import product

from argmap.evaluate.framework import Framework, Label, Labelling

NATIVE_LIMIT = 60
"""The largest undecided part searched natively; larger parts need clingo."""

MAX_EXTENSIONS = 10_000
"""How many extensions a search lists at most before it stops with :class:`TooMany`."""

Part = list[int]
"""One part of the undecided core: argument indexes."""

PartSolver = Callable[[Framework, Part, str], list[dict[int, Label]]]
"""Labels the arguments of one part under a semantics (complete, preferred or stable)."""


class SearchLimit(Exception):
    """A search that cannot finish within argmap's bounds; its text is the user's sentence."""

    hint = ""
    """What the user can do about it."""


class TooMany(SearchLimit):
    """A search found more extensions than :data:`MAX_EXTENSIONS`."""

    hint = "narrow the map with --question or --focus, or use --semantics grounded"

    def __str__(self) -> str:
        return f"more than {MAX_EXTENSIONS} labellings to list"


def core_parts(framework: Framework, labels: Labelling) -> list[Part]:
    """The undecided arguments grouped into parts that no attack joins, each sorted."""
    undec = [i for i, label in enumerate(labels) if label is Label.undec]
    parent = {i: i for i in undec}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in undec:
        for j in framework.attackers[i]:
            if j in parent:
                parent[root(i)] = root(j)
    parts: dict[int, Part] = {}
    for i in undec:
        parts.setdefault(root(i), []).append(i)
    return sorted(parts.values())


def solve_part(framework: Framework, part: Part, semantics: str) -> list[dict[int, Label]]:
    """The labellings of *part* under *semantics*, found by native backtracking."""
    inside = set(part)
    attackers = {i: [j for j in framework.attackers[i] if j in inside] for i in part}
    attacks: dict[int, list[int]] = {i: [] for i in part}
    for i in part:
        for j in attackers[i]:
            attacks[j].append(i)
    choices = (Label.in_, Label.out) if semantics == "stable" else tuple(Label)
    found = [dict(labelled) for labelled in _search(part, attackers, attacks, choices)]
    if semantics == "preferred":
        return _maximal(found)
    return found


def _search(
    part: Part,
    attackers: dict[int, list[int]],
    attacks: dict[int, list[int]],
    choices: tuple[Label, ...],
) -> Iterator[dict[int, Label]]:
    labels: dict[int, Label] = {}

    def fits(i: int) -> bool:
        mine = labels.get(i)
        if mine is None:
            return True
        theirs = [labels.get(j) for j in attackers[i]]
        done = None not in theirs
        if mine is Label.in_:
            return Label.in_ not in theirs and Label.undec not in theirs
        if mine is Label.out:
            return not done or Label.in_ in theirs
        return Label.in_ not in theirs and (not done or Label.undec in theirs)

    def step(k: int) -> Iterator[dict[int, Label]]:
        if k == len(part):
            yield labels
            return
        i = part[k]
        for label in choices:
            labels[i] = label
            if fits(i) and all(fits(j) for j in attacks[i]):
                yield from step(k + 1)
        del labels[i]

    yield from step(0)


def _maximal(found: list[dict[int, Label]]) -> list[dict[int, Label]]:
    """The labellings whose in-set no other labelling's in-set strictly contains."""
    ins = [
        frozenset(i for i, label in labelled.items() if label is Label.in_) for labelled in found
    ]
    keep, seen = [], set()
    for n, accepted in enumerate(ins):
        if accepted in seen or any(accepted < other for other in ins):
            continue
        seen.add(accepted)
        keep.append(found[n])
    return keep


def labellings(
    framework: Framework,
    grounded_labels: Labelling,
    semantics: str,
    large: PartSolver | None = None,
) -> list[Labelling]:
    """Every labelling of *framework* under *semantics* (complete, preferred or stable).

    *large* labels a part bigger than :data:`NATIVE_LIMIT`; without it such a part raises
    :class:`CoreTooLarge`. No stable labelling is an empty list, not an error.
    """
    per_part = []
    for part in core_parts(framework, grounded_labels):
        if len(part) > NATIVE_LIMIT:
            if large is None:
                raise CoreTooLarge(len(part))
            answers = large(framework, part, semantics)
        else:
            answers = solve_part(framework, part, semantics)
        if not answers:
            return []
        per_part.append(answers)
    total = 1
    for answers in per_part:
        total *= len(answers)
    if total > MAX_EXTENSIONS:
        raise TooMany(total)
    found = []
    for combination in product(*per_part):
        labels = list(grounded_labels)
        for labelled in combination:
            for i, label in labelled.items():
                labels[i] = label
        found.append(labels)
    return found


class CoreTooLarge(SearchLimit):
    """A part of the undecided core is too large to search without clingo."""

    hint = "install the clingo extra: pip install 'argmap[clingo]'"

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size
        """How many arguments the part has."""

    def __str__(self) -> str:
        return (
            f"the undecided core has a part of {self.size} arguments, more than the "
            f"{NATIVE_LIMIT} searched natively"
        )
