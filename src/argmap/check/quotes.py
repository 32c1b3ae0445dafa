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

from argmap.corpus.graph import GraphIndex
from argmap.corpus.merge import Corpus, Kind
from argmap.diagnostics import Diagnostic
from argmap.model import Citation
from argmap.texts.quotes import Footnote, Paragraphs, QuoteFinder, normalize, parse_locator

PASSAGE_LIMIT = 100
"""Longest passage quoted in a hint, in characters."""


def check_citation_texts(index: GraphIndex) -> Iterator[Diagnostic]:
    """Quotes missing from their text, locators the text lacks, quotes outside their locator."""
    corpus = index.corpus
    if not corpus.source_texts:
        return
    finders: dict[str, QuoteFinder] = {}
    duplicated = {key for kind, key, _ in corpus.duplicates if kind == "source"}
    entries: list[tuple[Kind, str, list[Citation]]]
    entries = [("claim", i, c.citations) for i, c in corpus.claims.items()]
    entries += [("link", i, lk.citations) for i, lk in corpus.links.items()]
    for kind, ident, citations in entries:
        for n, citation in enumerate(citations):
            source = corpus.source_texts.get(citation.source)
            if source is None or not (citation.quote or citation.locator):
                continue
            if citation.source in duplicated:  # the duplicate-id error is the real cause
                continue
            finder = finders.get(citation.source)
            if finder is None:
                finder = finders[citation.source] = QuoteFinder(source)
            yield from _check_one(corpus, kind, ident, n, citation, finder)


def _check_one(
    corpus: Corpus, kind: Kind, ident: str, n: int, citation: Citation, finder: QuoteFinder
) -> Iterator[Diagnostic]:
    where = corpus.origins[(kind, ident)]
    name = corpus.label(ident, where.file)
    source = corpus.label(citation.source, where.file)
    quote = normalize(citation.quote) if citation.quote else None
    locator = parse_locator(citation.locator) if citation.locator else None
    exists = holds = False
    if locator is not None:
        exists, holds = _placed(finder, locator, quote)
        if holds:
            return
    if quote is not None and not finder.occurs(quote):
        yield Diagnostic(
            corpus.locate(where, "citations", n, "quote"),
            "quote-not-found",
            f"quote in {kind} '{name}' does not occur in source '{source}'",
            _closest_hint(finder, quote),
        )
        return
    if locator is None:
        return
    at = corpus.locate(where, "citations", n, "locator")
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
