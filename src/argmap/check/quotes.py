"""Citations checked against their source's local text: quotes and locators.

When a cited source has a `text_file`, a citation's quote must occur in it
(typography and whitespace aside, see :mod:`argmap.texts.quotes`), a `para N`
or `paras N-M` locator must name paragraphs the text has and hold the quote,
and a `fn N` locator must name a footnote it has (and hold the quote, if any).
Other locators (`p. 12`, `§3`) are taken as written. Each miss yields one
diagnostic whose hint says where the quote does occur, or what comes closest.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.corpus.table import FactTable, Kind, Origin
from argmap.diagnostics import Diagnostic
from argmap.load.facts import Cite
from argmap.texts.quotes import Footnote, Paragraphs, QuoteFinder, normalize, parse_locator

PASSAGE_LIMIT = 100
"""Longest passage quoted in a hint, in characters."""


def check_citation_texts(table: FactTable) -> Iterator[Diagnostic]:
    """Quotes missing from their text, locators the text lacks, quotes outside their locator."""
    texts = table.source_texts
    if not texts:
        return
    finders: dict[str, QuoteFinder] = {}
    duplicated = {key for kind, key, _ in table.duplicates if kind == "source"}
    for f, loaded in enumerate(table.files):
        sources = table.resolved[f]["source"]
        if texts.keys().isdisjoint(sources.values()):
            continue  # the file cites no source whose text is here
        facts, keys = loaded.facts, table.claim_keys[f]
        entries: list[tuple[Kind, str, Origin, list[Cite]]] = [
            ("claim", keys[i], Origin(loaded.shown, ("claims", i)), facts.claim_citations[i])
            for i in table.claim_indexes(f)
        ]
        shorthand = len(facts.shorthand_key)
        for row in table.link_rows(f):
            place = table.links.places[row]
            if place >= shorthand:
                origin = table.link_origin(f, place)
                cites = facts.link_citations[place - shorthand]
                entries.append(("link", table.links.keys[row], origin, cites))
        for kind, ident, origin, cites in entries:
            for n, (written, _, quote, locator) in enumerate(cites):
                source = sources[written]
                text = texts.get(source)
                if text is None or not (quote or locator):
                    continue
                if source in duplicated:  # the duplicate-id error is the real cause
                    continue
                finder = finders.get(source)
                if finder is None:
                    finder = finders[source] = QuoteFinder(text)
                cite = (source, quote, locator)
                yield from _check_one(table, kind, ident, origin, n, cite, finder)


def _check_one(
    table: FactTable,
    kind: Kind,
    ident: str,
    where: Origin,
    n: int,
    cite: tuple[str, str | None, str | None],
    finder: QuoteFinder,
) -> Iterator[Diagnostic]:
    name = table.label(ident, where.file)
    source = table.label(cite[0], where.file)
    quote = normalize(cite[1]) if cite[1] else None
    locator = parse_locator(cite[2]) if cite[2] else None
    exists = holds = False
    if locator is not None:
        exists, holds = _placed(finder, locator, quote)
        if holds:
            return
    if quote is not None and not finder.occurs(quote):
        yield Diagnostic(
            table.locate(where, "citations", n, "quote"),
            "quote-not-found",
            f"quote in {kind} '{name}' does not occur in source '{source}'",
            _closest_hint(finder, quote),
        )
        return
    if locator is None:
        return
    at = table.locate(where, "citations", n, "locator")
    places = finder.places(quote) if quote is not None else []
    if not exists:
        layout = finder.source.layout
        count = _count(len(layout.paragraphs), "paragraph")
        if isinstance(locator, Footnote):
            count = _count(len(layout.footnotes), "footnote")
        yield Diagnostic(
            at,
            "locator-not-found",
            f"{kind} '{name}' cites {locator} of source '{source}', which has {count}",
            _place_hint(places, source, quote is not None, locator),
        )
    else:
        yield Diagnostic(
            at,
            "quote-not-in-locator",
            f"quote in {kind} '{name}' is not in {locator} of source '{source}'",
            _place_hint(places, source, True, locator),
        )


def _placed(
    finder: QuoteFinder, locator: Paragraphs | Footnote, quote: str | None
) -> tuple[bool, bool]:
    """Whether the text has the place *locator* names, and whether the quote lies there."""
    layout = finder.source.layout
    if isinstance(locator, Paragraphs):
        exists = 1 <= locator.first <= locator.last <= len(layout.paragraphs)
        inside = quote is None or finder.in_paragraphs(quote, locator.first, locator.last)
    else:
        exists = layout.footnote(locator.number) is not None
        inside = quote is None or finder.in_footnote(quote, locator.number)
    return exists, exists and inside


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _place_hint(
    places: list[str], source: str, has_quote: bool, locator: Paragraphs | Footnote
) -> str:
    if places:
        return f"the quote is in {' and '.join(places)}; write 'locator: {places[0]}'"
    if isinstance(locator, Paragraphs) and locator.first > locator.last:
        return "write the lower paragraph number first"
    if has_quote:
        return (
            f"the quote is in no single paragraph or footnote; "
            f"'argmap paragraphs {source}' numbers them"
        )
    return f"'argmap paragraphs {source}' numbers them"


def _closest_hint(finder: QuoteFinder, quote: str) -> str:
    copy = f"copy the words from {finder.source.name}"
    passage = finder.closest(quote)
    if passage is None:
        return copy
    words = passage.words
    if len(words) > PASSAGE_LIMIT:
        words = words[: PASSAGE_LIMIT - 1].rstrip() + "…"
    return (
        f'closest passage, {passage.place} ({passage.similarity:.0f}% similar): "{words}"; {copy}'
    )
