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
    shorthand: dict[tuple[frozenset[str], str], int] = {}
    explicit: list[tuple[int, tuple[frozenset[str], str]]] = []
    for row, (f, place) in enumerate(zip(links.files, links.places, strict=True)):
        ends = (frozenset(links.premises[row]), links.targets[row])
        if place < len(table.files[f].facts.shorthand_key):
            shorthand.setdefault(ends, row)
        else:
            explicit.append((row, ends))
    for row, ends in explicit:
        first = shorthand.get(ends)
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
