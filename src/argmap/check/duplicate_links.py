"""The duplicate-link check: a shorthand link and an explicit link with the same ends.

`supports: [b]` under claim `a` already draws the link a → b; a `links:` entry
from `a` to `b` draws it a second time, and the map shows two arrows (or two
verdicts, when the relations differ). Ends are compared resolved, premises as
a set, so the two may sit in different files. Yields warnings only.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.corpus.table import FactTable, Origin
from argmap.diagnostics import Diagnostic


def check_duplicate_links(table: FactTable) -> Iterator[Diagnostic]:
    """A `duplicate-link` warning at each explicit link that repeats a shorthand link."""
    links = table.links
    counts = [len(loaded.facts.shorthand_key) for loaded in table.files]
    shorthand: dict[tuple[str, str], int] = {}  # a shorthand link has one premise: its claim
    explicit: list[int] = []
    for row, (f, place) in enumerate(zip(links.files, links.places, strict=True)):
        if place < counts[f]:
            shorthand.setdefault((links.premises[row][0], links.targets[row]), row)
        else:
            explicit.append(row)
    for row in explicit:
        premises = set(links.premises[row])
        if len(premises) != 1:
            continue
        first = shorthand.get((premises.pop(), links.targets[row]))
        if first is None:
            continue
        origin = table.link_origin(links.files[row], links.places[row])
        other = table.link_origin(links.files[first], links.places[first])
        yield repeated_link(table, origin, other)


def repeated_link(table: FactTable, origin: Origin, first: Origin) -> Diagnostic:
    """The warning at the link at *origin*, whose ends are those of the link at *first*."""
    return Diagnostic(
        table.locate(origin),
        "duplicate-link",
        f"this link has the same ends as the link at {table.locate(first)}",
        "keep one of the two: the supports/opposes item or the `links:` entry",
    )
