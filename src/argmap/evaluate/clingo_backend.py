"""Large undecided parts labelled by clingo, with argmap's own encodings (optional extra).

clingo comes with `pip install 'argmap[clingo]'`. The encodings below are the usual
guess-and-check programs for complete and stable labellings; preferred labellings are
the complete ones whose in-set is subset-maximal, which clingo enumerates with its
domain heuristic (`--enum-mode=domRec`). Only the attacks inside the part are given.
"""

from __future__ import annotations

import importlib.util

from argmap.evaluate.framework import Framework, Label
from argmap.evaluate.search import MAX_EXTENSIONS, Part, TooMany

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

_PREFERRED = "#heuristic lab(X,in) : arg(X). [1,true]\n"
"""Prefer in: with domRec enumeration, the models are those with subset-maximal in-sets."""


def available() -> bool:
    """Whether clingo can be imported."""
    return importlib.util.find_spec("clingo") is not None


def solve_with_clingo(framework: Framework, part: Part, semantics: str) -> list[dict[int, Label]]:
    """The labellings of *part* under *semantics* (complete, preferred or stable)."""
    import clingo

    args = ["0", "--warn=none"]
    program = _LABELLING
    if semantics == "stable":
        program += "stable.\n"
    if semantics == "preferred":
        args += ["--heuristic=Domain", "--enum-mode=domRec"]
        program += _PREFERRED
    control = clingo.Control(args)
    inside = set(part)
    facts = [f"arg({i})." for i in part]
    facts += [f"att({j},{i})." for i in part for j in framework.attackers[i] if j in inside]
    control.add("base", [], program + "\n".join(facts))
    control.ground([("base", [])])
    found: list[dict[int, Label]] = []
    with control.solve(yield_=True) as handle:
        for model in handle:
            if len(found) >= MAX_EXTENSIONS:
                raise TooMany(len(found) + 1)
            found.append(_labels(model.symbols(shown=True)))
    return found


def _labels(symbols: list[object]) -> dict[int, Label]:
    import clingo

    labels: dict[int, Label] = {}
    for symbol in symbols:
        assert isinstance(symbol, clingo.Symbol)
        labels[symbol.arguments[0].number] = Label(symbol.arguments[1].name)
    return labels
