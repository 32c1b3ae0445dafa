"""`argmap list KIND`: every entity of one kind, as rows of plain values.

Each kind has its columns (a table of column names and how to read them from
the graph index), so the text table and the JSON (`--format json`, one object
per row with exactly these keys) say the same. Ids are qualified
(`NAMESPACE/ID`); rows come in corpus order. A claim's date is shown as
written (`2023`, `2023-05`) and claims sorted by date sort it as its first day.
Returns data and text; the CLI prints.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from argmap.corpus.graph import GraphIndex
from argmap.model import first_day
from argmap.render.text import one_line

Row = dict[str, Any]
"""One entity: column name to a string, a number, a list of strings, or None."""


def _claims(index: GraphIndex) -> list[Row]:
    return [
        {
            "id": ident,
            "type": claim.type.value,
            "status": claim.status.value if claim.status else None,
            "date": claim.date,
            "sourcing": index.sourcing(ident).value,
            "speakers": index.claim_speakers(ident),
            "perspectives": index.claim_perspectives(ident),
            "questions": list(claim.questions),
            "text": claim.text,
        }
        for ident, claim in index.corpus.claims.items()
    ]


def _links(index: GraphIndex) -> list[Row]:
    return [
        {
            "id": ident,
            "relation": link.relation.value,
            "from": list(link.from_),
            "to": link.to,
            "speakers": index.link_speakers(ident),
        }
        for ident, link in index.corpus.links.items()
    ]


def _sources(index: GraphIndex) -> list[Row]:
    return [
        {
            "id": ident,
            "kind": source.kind.value,
            "published": source.published,
            "title": source.title,
            "url": source.url,
        }
        for ident, source in index.corpus.sources.items()
    ]


def _speakers(index: GraphIndex) -> list[Row]:
    counts: dict[str, int] = {}
    for ident in index.corpus.claims:
        for speaker in index.claim_speakers(ident):
            counts[speaker] = counts.get(speaker, 0) + 1
    return [
        {
            "id": ident,
            "kind": speaker.kind.value,
            "perspective": speaker.perspective,
            "claims": counts.get(ident, 0),
            "name": speaker.name,
            "role": speaker.role,
        }
        for ident, speaker in index.corpus.speakers.items()
    ]


def _perspectives(index: GraphIndex) -> list[Row]:
    members: dict[str, list[str]] = {}
    for ident, speaker in index.corpus.speakers.items():
        if speaker.perspective:
            members.setdefault(speaker.perspective, []).append(ident)
    return [
        {"id": ident, "name": perspective.name, "speakers": members.get(ident, [])}
        for ident, perspective in index.corpus.perspectives.items()
    ]


def _questions(index: GraphIndex) -> list[Row]:
    bearing: dict[str, int] = {}
    for claim in index.corpus.claims.values():
        for question in claim.questions:
            bearing[question] = bearing.get(question, 0) + 1
    return [
        {"id": ident, "claims": bearing.get(ident, 0), "text": question.text}
        for ident, question in index.corpus.questions.items()
    ]


LISTS: dict[str, Callable[[GraphIndex], list[Row]]] = {
    "claims": _claims,
    "links": _links,
    "sources": _sources,
    "speakers": _speakers,
    "perspectives": _perspectives,
    "questions": _questions,
}
"""What `argmap list` can list, and the rows of each."""


DATED = {"claims": "date", "sources": "published"}
"""The kinds `--sort date` orders, and the column holding each one's date."""


def rows(index: GraphIndex, kind: str, by_date: bool = False) -> list[Row]:
    """The rows of *kind* (a key of :data:`LISTS`); *by_date* orders a kind of
    :data:`DATED` by its date, a partial date as its first day, undated rows last."""
    found = LISTS[kind](index)
    if by_date:
        column = DATED[kind]
        found.sort(key=lambda row: (row[column] is None, first_day(row[column] or "0001")))
    return found


def table(found: list[Row], width: int = 60) -> str:
    """Rows as a text table: one line each, columns aligned, the last column cut to *width*."""
    if not found:
        return ""
    columns = list(found[0])
    cells = [[_cell(row[c]) for c in columns] for row in found]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    lines = ["  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True))]
    for row in cells:
        *first, last = row
        cut = last if len(last) <= width else last[: width - 1] + "…"
        lines.append("  ".join([*(v.ljust(w) for v, w in zip(first, widths, strict=False)), cut]))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, list):
        return ",".join(value) or "-"
    return one_line(str(value))
