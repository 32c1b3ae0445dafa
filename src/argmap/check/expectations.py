"""`expect:` blocks: evaluate the corpus and report each claim whose label differs.

A claims file may pin the labels it expects, e.g. `expect: {grounded: {in: [a]}}`, as
Carneades checks expected labels in its tests. The whole corpus is evaluated once per
semantics named anywhere (the framework spans every file), and each expected claim is
compared with its label. A claim the framework does not hold (unknown, retracted or
superseded) is reported too. Nothing is evaluated when no file has an `expect:` block,
or when a file has errors of its own (a dropped entry would make every label differ).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from argmap.codes import CODES, Severity
from argmap.corpus.table import FactTable, Origin
from argmap.diagnostics import Diagnostic
from argmap.evaluate.evaluation import Evaluation, Settings, evaluate
from argmap.evaluate.from_table import claim_graph
from argmap.evaluate.names import Semantics
from argmap.evaluate.search import SearchLimit

if TYPE_CHECKING:
    from argmap.load.facts import FileFacts


def check_expectations(table: FactTable) -> Iterator[Diagnostic]:
    """One `expectation-failed` error per claim whose label is not the expected one."""
    wanted = [(f, loaded) for f, loaded in enumerate(table.files) if loaded.facts.expect]
    if not wanted or any(_broken(loaded.facts) for loaded in table.files):
        return  # a file with errors lost entries: its labels would only echo that error
    graph = claim_graph(table)
    found: dict[str, Evaluation | str] = {}
    for f, loaded in wanted:
        origin = Origin(loaded.shown, ("expect",))
        memo = table.resolved[f]["claim"]
        prefix = loaded.namespace + "/"
        for semantics, expected in loaded.facts.expect.items():
            if semantics not in found:
                try:
                    found[semantics] = evaluate(graph, Semantics(semantics), Settings())
                except SearchLimit:
                    found[semantics] = "too large to search without clingo"
            result = found[semantics]
            for label, ids in expected.items():
                for n, written in enumerate(ids):
                    key = memo.get(written, written if "/" in written else prefix + written)
                    actual = result if isinstance(result, str) else _label(result, key, semantics)
                    if actual == label:
                        continue
                    why = "" if isinstance(result, str) else result.why.get(key, "")
                    why = why.replace(f"'{prefix}", "'")  # the file's own ids bare
                    yield Diagnostic(
                        table.locate(origin, semantics, label, n),
                        "expectation-failed",
                        f"claim '{written}' is expected {label} under {semantics} semantics, "
                        f"but is {actual}",
                        why or "check the claim id, or update the expect: block",
                    )


def _broken(facts: FileFacts) -> bool:
    """Whether a file dropped entries or has errors of its own (then nothing is compared)."""
    return bool(facts.invalid) or any(
        CODES[problem[2]].severity is Severity.error for problem in facts.problems
    )


def _label(result: Evaluation, key: str, semantics: str) -> str:
    label = result.labels.get(key)
    if label is not None:
        return label.value
    if key in result.removed:
        return f"not in the framework ({result.removed[key]})"
    if not result.extensions and result.notes:
        return f"unlabelled (no {semantics} labelling exists)"
    return "not a claim of the corpus"
