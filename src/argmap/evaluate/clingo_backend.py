"""Large undecided parts labelled by clingo, with argmap's own encodings (optional extra).

clingo comes with `pip install 'argmap[clingo]'`. Complete and stable labellings are the
usual guess-and-check program (:data:`_LABELLING`). Preferred labellings are found as
PrefSat does: take an admissible set (:data:`_ADMISSIBLE`), grow it while a strictly
larger admissible set exists, record it, then ask for an admissible set that no recorded
one contains. The program is grounded once; each growing step adds a constraint guarded
by an external atom, switched on for its solve and then released. Only the attacks
inside the part are given.
"""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from argmap.evaluate.framework import Framework, Label
from argmap.evaluate.search import MAX_EXTENSIONS, Part, TooMany

if TYPE_CHECKING:
    import clingo

EXTRA = "argmap[clingo]"
"""The optional extra that installs clingo."""

_LABELLING = """
lab(X,in) :- arg(X), not lab(X,out), not lab(X,undec).
lab(X,out) :- arg(X), not lab(X,in), not lab(X,undec).
lab(X,undec) :- arg(X), not lab(X,in), not lab(X,out), not stable.
beaten(X) :- att(Y,X), lab(Y,in).
open(X) :- att(Y,X), lab(Y,undec).
:- lab(X,in), att(Y,X), not lab(Y,out).
:- lab(X,out), not beaten(X).
:- lab(X,undec), beaten(X).
:- lab(X,undec), not open(X).
#show lab/2.
"""
"""Complete labellings: in iff every attacker is out, out iff some attacker is in."""

_ADMISSIBLE = """
in(X) :- arg(X), not out(X).
out(X) :- arg(X), not in(X).
:- in(X), in(Y), att(X,Y).
defeated(X) :- in(Y), att(Y,X).
:- in(X), att(Y,X), not defeated(Y).
#show in/1.
"""
"""Admissible sets: conflict-free, and every attacker of a member is attacked by one."""


def available() -> bool:
    """Whether clingo can be imported."""
    return importlib.util.find_spec("clingo") is not None


def _facts(framework: Framework, part: Part) -> str:
    inside = set(part)
    facts = [f"arg({i})." for i in part]
    facts += [f"att({j},{i})." for i in part for j in framework.attackers[i] if j in inside]
    return "\n".join(facts)


def solve_with_clingo(framework: Framework, part: Part, semantics: str) -> list[dict[int, Label]]:
    """The labellings of *part* under *semantics* (complete, preferred or stable)."""
    import clingo

    if semantics == "preferred":
        return _preferred(framework, part)
    control = clingo.Control(["0", "--warn=none"])
    program = _LABELLING + ("stable.\n" if semantics == "stable" else "")
    control.add("base", [], program + _facts(framework, part))
    control.ground([("base", [])])
    found: list[dict[int, Label]] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            if len(found) >= MAX_EXTENSIONS:
                raise TooMany(len(found) + 1)
            found.append(
                {
                    s.arguments[0].number: Label(s.arguments[1].name)
                    for s in model.symbols(shown=True)
                }
            )
    return found


def _preferred(framework: Framework, part: Part) -> list[dict[int, Label]]:
    """Preferred labellings: maximal admissible sets, grown one at a time."""
    import clingo

    control = clingo.Control(["1", "--warn=none"])
    control.add("base", [], _ADMISSIBLE + _facts(framework, part))
    control.ground([("base", [])])
    found: list[frozenset[int]] = []
    step = 0
    while True:
        current = _one(control, [])
        if current is None:
            break
        while True:  # grow: a strictly larger admissible set that keeps every member
            step += 1
            grow = _rule(control, f"grow{step}", part, current, external=True)
            control.assign_external(grow, True)  # (an external cannot be assumed true)
            bigger = _one(control, [(_in(x), True) for x in current])
            control.release_external(grow)
            if bigger is None:
                break
            current = bigger
        found.append(current)
        if len(found) > MAX_EXTENSIONS:
            raise TooMany(len(found))
        step += 1
        _rule(control, f"block{step}", part, current, external=False)  # not inside it again
    inside = set(part)
    labellings = []
    for accepted in found:
        beaten = {i for i in part for j in framework.attackers[i] if j in accepted and j in inside}
        labellings.append(
            {
                i: Label.in_ if i in accepted else Label.out if i in beaten else Label.undec
                for i in part
            }
        )
    return labellings


def _in(x: int) -> clingo.Symbol:
    import clingo

    return clingo.Function("in", [clingo.Number(x)])


def _rule(
    control: clingo.Control, name: str, part: Part, current: frozenset[int], external: bool
) -> clingo.Symbol:
    """Require an accepted argument outside *current*: while the external *name* holds,
    or (*external* False) from now on."""
    import clingo

    body = [f"not in({x})" for x in part if x not in current]
    if external:
        text = f"#external {name}.\n:- {', '.join([name, *body])}."
    else:
        text = (
            f"{name}_fails :- {', '.join(body)}.\n:- {name}_fails."
            if body
            else f"{name}_fails.\n:- {name}_fails."
        )
    control.add(name, [], text)
    control.ground([(name, [])])
    return clingo.Function(name)


def _one(
    control: clingo.Control, assumptions: list[tuple[clingo.Symbol, bool]]
) -> frozenset[int] | None:
    """The in-set of one admissible set under *assumptions*, or None."""
    found: list[frozenset[int]] = []
    control.solve(
        assumptions=assumptions,
        on_model=lambda m: found.append(
            frozenset(s.arguments[0].number for s in m.symbols(shown=True))
        ),
    )
    return found[-1] if found else None
