"""The Markdown brief: each question's main claims, with what supports and opposes them.

:func:`emit_brief` walks a :class:`~argmap.render.view.MapView` and returns CommonMark
with footnotes; it does no I/O and reads nothing but the view. Output is
deterministic: questions in definition order, claims and links in written
order. A claim's tree follows ``view.incoming`` (its premises, their premises,
…, and each link's undercuts right under it); every tree is printed once: a
claim whose tree is already shown is mentioned with "(see above)" in the same
section, including one on the current path (a cycle), or "(see Q1)" in a later
one. Trees stop at a fixed depth; a claim cut off there is expanded again at
the top of its own question's section, so every claim is shown. "Other
claims" holds only the claims on no question that no tree above shows. The
document's author is named once, under the title; lines name only other
speakers.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.render.markdown.common import (
    RELATION_WORDS,
    MarkdownParts,
    authors_line,
    counted,
    document_locators,
    finish,
    inline,
    question_sections,
)
from argmap.render.markdown.standing import standing_lines
from argmap.render.view import ClaimNode, LinkEdge, MapView

_INDENT = "  "
_MAX_DEPTH = 8
"""Deepest claim that is expanded; with a co-premise group below it, lists nest ten deep,
the most CommonMark parsers such as markdown-it keep as lists."""


def emit_brief(view: MapView) -> str:
    """The Markdown brief of *view*."""
    return _BriefWriter(view).write()


class _BriefWriter:
    """Accumulates the brief's lines; one instance per call."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        self.parts = MarkdownParts(view)
        self.lines: list[str] = []
        self.shown: dict[str, str] = {}
        """Each claim printed so far, and the section it was printed in."""
        self.section = ""
        self.link_path: set[str] = set()

    def write(self) -> str:
        self._opening()
        question_sections(
            self.view,
            self.lines,
            self._section,
            lambda node: not node.questions and node.id not in self.shown,
            "Claims that bear on no question and appear in no tree above.",
        )
        self._unsourced()
        return finish(self.lines, self.parts)

    def _opening(self) -> None:
        view = self.view
        self.lines += [f"# {inline(view.title)}", ""]
        byline = authors_line(view)
        if byline:
            self.lines += [byline, ""]
        self.lines += [
            "A claim-by-claim brief: for each question, the main claims on it and, nested "
            "under each, the claims that support or oppose it, with who asserts each claim "
            "and where it is found. Each tree is printed once; later mentions point to it.",
        ]
        if view.document_source:
            example = next(
                (document_locators(view, node) for node in view.claims if node.citations), ""
            )
            self.lines += [
                f"Locators in parentheses{f', such as {example},' if example else ''} point "
                f"into the document itself, *{inline(view.document_source.title)}*; "
                "numbered footnotes cite outside sources.",
            ]
        if view.questions:
            self.lines += ["", "Questions:", ""]
            self.lines += [f"{n}. {inline(q.text)}" for n, q in enumerate(view.questions, start=1)]
        paragraph = sum(node.paragraph_sourced for node in view.claims)
        counts = [
            counted(len(view.claims), "claim"),
            counted(len(view.sources), "outside source"),
            *([counted(paragraph, "paragraph-sourced claim")] if paragraph else []),
            counted(len(view.unsourced), "unsourced claim"),
        ]
        self.lines += ["", ", ".join(counts) + "."]

    def _section(self, on_it: Callable[[ClaimNode], bool], name: str) -> None:
        """The trees of the claims *on_it*: roots first, then any left over (cycles)."""
        self.section = name
        members = [node for node in self.view.claims if on_it(node)]
        ids = {node.id for node in members}
        premises_within: set[str] = set()
        for edge in self.view.links:
            aimed = self.parts.aimed_claim(edge)
            if aimed in ids:
                premises_within.update(p for p in edge.premises if p != aimed)
        if self.view.evaluation is not None:
            self.lines += standing_lines(
                self.view, self.parts, self._conclusions(members), "What stands"
            )
        for node in members:
            if node.id not in premises_within:
                self._claim(node.id, 0, "")
        for node in members:
            if node.id not in self.shown:
                self._claim(node.id, 0, "")

    def _conclusions(self, members: list[ClaimNode]) -> list[ClaimNode]:
        """The section's claims that support no other claim of it: its conclusions, and
        the objections that stand against them."""
        ids = {node.id for node in members}
        backing = {
            p
            for edge in self.view.links
            if edge.relation == "supports" and edge.target in ids
            for p in edge.premises
        }
        return [node for node in members if node.id not in backing]

    def _claim(self, claim_id: str, depth: int, lead: str) -> None:
        node = self.parts.nodes[claim_id]
        indent = _INDENT * depth
        if claim_id in self.shown and self.view.incoming.get(claim_id):
            where = self.shown[claim_id]
            where = "above" if where == self.section else where
            self.lines.append(f"{indent}- {lead}{self.parts.claim_mention(node)} (see {where})")
            return
        if depth >= _MAX_DEPTH and self.view.incoming.get(claim_id):
            line = self.parts.claim_line(node)
            self.lines.append(f"{indent}- {lead}{line} (what bears on it is listed separately)")
            return
        self.shown[claim_id] = self.section
        self.lines.append(f"{indent}- {lead}{self.parts.claim_line(node)}")
        self._premises_of(claim_id, depth + 1)

    def _premises_of(self, target: str, depth: int) -> None:
        """The links aimed at *target* (a claim or a link), each followed by its undercuts."""
        for edge in self.view.incoming.get(target, []):
            if edge.id in self.link_path:
                continue
            self.link_path.add(edge.id)
            self._link(edge, depth)
            self._premises_of(edge.id, depth)
            self.link_path.discard(edge.id)

    def _link(self, edge: LinkEdge, depth: int) -> None:
        """One link aimed at the claim above: its premise, or its co-premises as a group."""
        word = RELATION_WORDS.get(edge.relation, inline(edge.relation))
        attacked = self.parts.links.get(edge.target)
        aimed = f" {self.parts.link_name(attacked)}" if attacked is not None else ""
        premises = [p for p in edge.premises if p in self.parts.nodes]
        if len(premises) == 1:
            lead = f"**{word}**{aimed}: " if aimed else f"**{word}:** "
            self._claim(premises[0], depth, lead)
            return
        self.lines.append(f"{_INDENT * depth}- **{word}**{aimed} (premises taken together):")
        for n, premise in enumerate(premises):
            self._claim(premise, depth + 1, "*together with* " if n else "")

    def _unsourced(self) -> None:
        unsourced = self.view.unsourced
        if not unsourced:
            return
        self.lines += [
            "",
            "## Unsourced claims",
            "",
            f"{counted(len(unsourced), 'claim')} {'cites' if len(unsourced) == 1 else 'cite'} "
            "nothing beyond the document itself:",
            "",
        ]
        self.lines += [f"- {self.parts.claim_line(node, flag=False)}" for node in unsourced]
