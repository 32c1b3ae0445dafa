"""Paragraph-scope footnotes checked against the passage they cover.

A citation `{locator: fn N, scope: paragraph}` says footnote N of the claim's
document backs the claim although the claim's own sentence carries no marker.
That holds when footnote N covers the passage the claim's quote lies in: a
footnote covers the passage since the previous footnote in its paragraph (see
:mod:`argmap.texts.passages`). Where the document's text shows another footnote
covers it, or none does, this yields a `passage-footnote` warning. Claims whose
quote cannot be placed in one passage are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.corpus.table import FactTable, Origin
from argmap.diagnostics import Diagnostic, Location
from argmap.texts.passages import NOT_FOUND, covering_footnote
from argmap.texts.quotes import Footnote, Paragraphs, normalize, parse_locator


def check_passage_footnotes(table: FactTable) -> Iterator[Diagnostic]:
    """A paragraph-scope footnote that is not the one covering the claim's passage."""
    for f, loaded in enumerate(table.files):
        document = table.documents.get(loaded.shown)
        text = table.source_texts.get(document or "")
        if document is None or text is None:
            continue
        sources = table.resolved[f]["source"]
        facts = loaded.facts
        for i in table.claim_indexes(f):
            cites = facts.claim_citations[i]
            place = next(
                (
                    (loc.first, normalize(quote))
                    for written, _, quote, locator in cites
                    if sources.get(written) == document
                    and quote
                    and isinstance(loc := parse_locator(locator or ""), Paragraphs)
                    and loc.first == loc.last
                ),
                None,
            )
            if place is None:
                continue
            covering = covering_footnote(text, *place)
            if covering == NOT_FOUND:
                continue
            for n, (_, paragraph_scope, _, locator) in enumerate(cites):
                cited = parse_locator(locator or "")
                if not paragraph_scope or not isinstance(cited, Footnote):
                    continue
                if cited.number != covering:
                    name = table.label(table.claim_keys[f][i], loaded.shown)
                    where = table.locate(
                        Origin(loaded.shown, ("claims", i)), "citations", n, "locator"
                    )
                    yield _warning(where, name, cited.number, covering, place[0])


def _warning(
    where: Location, name: str, cited: int, covering: int | None, paragraph: int
) -> Diagnostic:
    if covering is None:
        return Diagnostic(
            where,
            "passage-footnote",
            f"claim '{name}' cites fn {cited} for its passage, but no footnote closes it "
            f"(it comes after the last footnote of para {paragraph})",
            "a footnote covers the passage since the previous footnote in its paragraph; "
            "drop this citation or cite a source for the claim's own sentence",
        )
    return Diagnostic(
        where,
        "passage-footnote",
        f"claim '{name}' cites fn {cited} for its passage, but fn {covering} covers it",
        f"a footnote covers the passage since the previous footnote in its paragraph; "
        f"cite fn {covering} with scope: paragraph",
    )
