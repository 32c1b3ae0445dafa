"""Checks of claim tracking: `same-as`, `not-same-as` and status `history:`.

`same-as` must point into another document (`same-as-own-document`); one
tracked claim's appearances should share a type (`same-as-type-mismatch`, a
warning); a pair may not be both the same claim and judged different
(`same-as-conflict`). A history's dates ascend (`history-order`) and a
written `status:` equals its last entry's (`history-status`). Unknown
targets are the reference check's `unknown-ref`. Reads the fact table only;
yields diagnostics, never prints.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

from argmap.corpus.table import FactTable, Origin
from argmap.corpus.tracked import same_as_classes, same_document
from argmap.diagnostics import Diagnostic


def check_same_as(table: FactTable) -> Iterator[Diagnostic]:
    """`same-as` into the claim's own document, types that differ, pairs judged both ways."""
    tracked = same_as_classes(table)
    if not tracked.same and not tracked.different:
        return
    for pair in tracked.same:
        if pair.target in table.claims and same_document(table, pair.claim, pair.target):
            file = pair.origin.file
            yield Diagnostic(
                table.locate(pair.origin, pair.key, pair.index),
                "same-as-own-document",
                f"claim '{table.label(pair.claim, file)}' is same-as "
                f"'{table.label(pair.target, file)}' in its own document",
                "same-as joins appearances in different documents; merge the two claims "
                "into one, or link them with 'supports:'",
            )
    types = _types(table, tracked.classes)
    for members in tracked.classes:
        first = members[0]
        for member in members[1:]:
            if types.get(member) != types.get(first):
                origin = table.origin("claim", member)
                assert origin is not None
                yield Diagnostic(
                    table.locate(origin, "type"),
                    "same-as-type-mismatch",
                    f"claim '{table.label(member, origin.file)}' ({types.get(member)}) is the "
                    f"same claim as '{table.label(first, origin.file)}' ({types.get(first)}), "
                    "but their types differ",
                    "give every appearance of a tracked claim one type, or remove the "
                    "'same-as' if they are different claims",
                )
                break
    for pair in tracked.different:
        a, b = tracked.class_of.get(pair.claim), tracked.class_of.get(pair.target)
        if a is not None and a == b:
            file = pair.origin.file
            yield Diagnostic(
                table.locate(pair.origin, pair.key, pair.index),
                "same-as-conflict",
                f"claim '{table.label(pair.claim, file)}' is not-same-as "
                f"'{table.label(pair.target, file)}', but same-as makes them one tracked claim",
                "remove this 'not-same-as', or the 'same-as' that joins them "
                "('argmap track' lists the appearances)",
            )


def _types(table: FactTable, members: list[list[str]]) -> dict[str, str]:
    """The type of every member of a tracked claim."""
    index_of = {loaded.shown: f for f, loaded in enumerate(table.files)}
    found: dict[str, str] = {}
    for member in chain.from_iterable(members):
        origin = table.origin("claim", member)
        assert origin is not None
        facts = table.files[index_of[origin.file]].facts
        found[member] = facts.claim_types[int(origin.path[1])]
    return found


def check_history(table: FactTable) -> Iterator[Diagnostic]:
    """Histories whose dates do not ascend, and a `status:` other than the history's last."""
    for f, loaded in enumerate(table.files):
        facts = loaded.facts
        if not facts.history_claim:
            continue
        lost = table.claims_lost[f]
        for n, i in enumerate(facts.history_claim):
            if i in lost:
                continue
            origin = Origin(loaded.shown, ("claims", i))
            ident, steps = facts.claim_ids[i], facts.history_steps[n]
            for j in range(1, len(steps)):
                if steps[j][0] < steps[j - 1][0]:
                    yield Diagnostic(
                        table.locate(origin, "history", j, "date"),
                        "history-order",
                        f"history of claim '{ident}': entry {j + 1} ({steps[j][0]}) is dated "
                        f"before entry {j} ({steps[j - 1][0]})",
                        "list history entries oldest first",
                    )
            given, last = facts.history_given[n], steps[-1][1]
            if given is not None and given != last:
                yield Diagnostic(
                    table.locate(origin, "status"),
                    "history-status",
                    f"claim '{ident}' has status '{given}', but its history ends '{last}'",
                    f"set 'status: {last}' or leave it out (the last history entry gives it)",
                )
