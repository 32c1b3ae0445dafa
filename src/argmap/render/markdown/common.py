"""What the two Markdown briefs share: claim lines, citation footnotes, link names.

The brief (:mod:`argmap.render.markdown.brief`) and the perspectives brief
(:mod:`argmap.render.markdown.perspectives`) show a claim, cite its sources and name a
link the same way, so a reader who knows one knows the other. Everything here
only formats parts of a :class:`~argmap.render.view.MapView`; it never reads the corpus.
Every piece of user text goes through :func:`inline`, :func:`cell` or
:func:`line_start`: one line, Markdown-escaped, and right-to-left text isolated
so it cannot reorder the attribution after it.

Citation scheme: outside sources are Markdown footnotes labelled with the
view's legend numbers (``[^2]``), defined once at the end of the brief, and
only for sources the brief actually references, so there are no orphans. The
document itself is not a footnote: its locators are shown inline, e.g.
``(para 3)``, and the opening of each brief says which document they point into.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from argmap.render.text import (
    bidi_isolated,
    markdown_cell,
    markdown_inline,
    markdown_line_start,
    one_line,
)
from argmap.render.view import ClaimNode, LinkEdge, MapView
from argmap.render.view_entries import SourceEntry

RELATION_WORDS: dict[str, str] = {
    "supports": "Supports",
    "opposes": "Opposes",
    "undercuts": "Undercuts",
}
"""The bold word that introduces a premise, by link relation."""

UNSOURCED_FLAG = "⚠ *unsourced*"
"""Shown after a claim that cites nothing beyond the document itself."""
PARAGRAPH_FLAG = "¶ *paragraph-sourced*"
"""Shown after a claim whose only outside citation is a footnote closing its passage."""

_AUTOLINK_URL = re.compile(r"^https?://[^\s<>\\`]+$")

SHOWN_STATUSES = frozenset({"disputed", "retracted", "superseded", "draft"})
"""Statuses named before a claim's text (`asserted`, like no status, says nothing)."""

Escape = Callable[[str], str]
"""A text escaper: :func:`inline`, :func:`cell` or :func:`line_start`."""


def inline(text: str) -> str:
    """User text made literal Markdown on one line, right-to-left runs isolated."""
    return markdown_inline(bidi_isolated(one_line(text)))


def cell(text: str) -> str:
    """User text made a literal Markdown table cell, right-to-left runs isolated."""
    return markdown_cell(bidi_isolated(one_line(text)))


def line_start(text: str) -> str:
    """User text made literal Markdown that may start a line or list item."""
    return markdown_line_start(bidi_isolated(one_line(text)))


class MarkdownParts:
    """One brief's shared pieces: claims and links by id, and the footnotes handed out."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        """The view being written."""
        self.nodes: dict[str, ClaimNode] = {node.id: node for node in view.claims}
        """The view's claims by id."""
        self.links: dict[str, LinkEdge] = {edge.id: edge for edge in view.links}
        """The view's links by id."""
        self._sources = {source.number: source for source in view.sources}
        self._used: set[int] = set()

    def refs(self, node: ClaimNode) -> str:
        """``[^1][^3]`` for the outside sources *node* cites, recording each use."""
        self._used.update(node.source_numbers)
        return "".join(f"[^{number}]" for number in node.source_numbers)

    def definitions(self) -> list[str]:
        """One footnote definition per source referenced so far, in legend order."""
        return [
            f"[^{number}]: {reference(self._sources[number])}"
            for number in sorted(self._used)
            if number in self._sources
        ]

    def claim_line(self, node: ClaimNode, escape: Escape = line_start, *, flag: bool = True) -> str:
        """**STATUS** text — speaker (locators)[^n] ⚠ *unsourced*; the text escaped by *escape*.

        The speaker is left out when it is the document's author, named once in
        the header. *flag* False leaves out the unsourced flag, for lists of
        unsourced claims.
        """
        line = self.claim_mention(node, escape)
        locators = document_locators(self.view, node, escape)
        if locators:
            line += f" {locators}"
        line += self.refs(node)
        if flag and node.unsourced:
            line += f" {UNSOURCED_FLAG}"
        if node.paragraph_sourced:
            line += f" {PARAGRAPH_FLAG}"
        return line

    def claim_mention(self, node: ClaimNode, escape: Escape = line_start) -> str:
        """**STATUS** text — speaker, without citations: for a claim cited elsewhere.

        A retracted or superseded claim's text is struck through; the speaker is
        left out when it is the document's author.
        """
        text = escape(node.text)
        if node.inactive:
            text = f"~~{text}~~"
        if node.status in SHOWN_STATUSES:
            text = f"**{node.status.upper()}** {text}"
        if self.view.by_authors(node):
            return text
        return f"{text} — {escape(node.attribution)}"

    def link_name(self, edge: LinkEdge) -> str:
        """ "the link from “A…” and “B…”": how an undercut names the link it attacks."""
        premises = [short_text(self.nodes[p].text) for p in edge.premises if p in self.nodes]
        return "the link from " + " and ".join(premises or [inline(edge.id)])

    def aimed_claim(self, edge: LinkEdge) -> str | None:
        """The claim *edge* bears on: its target, or for an undercut the attacked link's."""
        seen: set[str] = set()
        target = edge.target
        while target in self.links and target not in seen:
            seen.add(target)
            target = self.links[target].target
        return target if target in self.nodes else None


def reference(source: SourceEntry) -> str:
    """“Title”, Publisher, <url>, accessed 2025-01-28. — escaped Markdown."""
    parts = [f"“{inline(source.title)}”"]
    if source.publisher:
        parts.append(inline(source.publisher))
    if source.url:
        url = one_line(source.url)
        parts.append(f"<{url}>" if _AUTOLINK_URL.match(url) else inline(url))
    if source.accessed:
        parts.append(f"accessed {inline(source.accessed)}")
    return ", ".join(parts) + "."


def document_locators(view: MapView, node: ClaimNode, escape: Escape = inline) -> str:
    """ "(para 1; para 2)": where the claim is found in its own document, or ""."""
    document = view.document_source.id if view.document_source else None
    places: list[str] = []
    for citation in node.citations:
        if citation.number is not None:
            continue
        place = citation.locator or ""
        if citation.source != document:
            place = f"{citation.source}, {place}" if place else citation.source
        if place and place not in places:
            places.append(place)
    return f"({escape('; '.join(places))})" if places else ""


def short_text(text: str, words: int = 8) -> str:
    """The first *words* words of *text* in curly quotes, escaped: a claim's handle."""
    cut = one_line(text).split(" ")
    shown = " ".join(cut[:words]) + ("…" if len(cut) > words else "")
    return f"“{inline(shown)}”"


def on_question(question_id: str | None) -> Callable[[ClaimNode], bool]:
    """A test for claims bearing on *question_id*; None tests for claims on no question."""
    if question_id is None:
        return lambda node: not node.questions
    return lambda node: question_id in node.questions


def counted(count: int, noun: str) -> str:
    """ "1 claim", "3 claims"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def question_sections(
    view: MapView,
    lines: list[str],
    render: Callable[[Callable[[ClaimNode], bool], str], None],
    leftover: Callable[[ClaimNode], bool] | None = None,
    leftover_words: str = "Claims that bear on no question.",
) -> None:
    """A "## Qn." section per question, then "Other claims"; *render* fills each one.

    *render* gets the test for the section's claims and the section's short name
    ("Q1", …, "Other claims"). "Other claims" holds the claims *leftover* accepts
    once the questions are written, and is left out when there are none.
    """
    for number, question in enumerate(view.questions, start=1):
        lines += ["", f"## Q{number}. {inline(question.text)}", ""]
        render(on_question(question.id), f"Q{number}")
    leftover = leftover or on_question(None)
    if any(leftover(node) for node in view.claims):
        lines += ["", "## Other claims", "", leftover_words, ""]
        render(leftover, "Other claims")


def authors_line(view: MapView) -> str | None:
    """ "*By Name, role.* Lines that name no speaker are the author's.", or None."""
    if not view.authors:
        return None
    names = [inline(a.label) for a in view.authors]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    owner = "the author's" if len(names) == 1 else "the authors'"
    return f"*By {joined}.* Lines that name no speaker are {owner}."


def finish(lines: list[str], parts: MarkdownParts) -> str:
    """The document text: *lines*, then the footnote definitions they use."""
    notes = parts.definitions()
    return "\n".join([*lines, "", *notes] if notes else lines) + "\n"
