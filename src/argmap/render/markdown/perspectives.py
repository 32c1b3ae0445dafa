"""The perspectives brief: each side's claims per question, side by side, and where they clash.

:func:`emit_perspectives` walks a :class:`~argmap.render.view.MapView` and returns
CommonMark with GFM tables and footnotes; it does no I/O and reads nothing but
the view. One table per question has a column per perspective (plus
"Unattributed" when some claim has no perspective); a cell holds up to
:data:`CELL_ITEMS` claims, and a perspective with more gets a list under the
table instead, so no cell grows into a wall of text. "Points of clash" lists
every opposes or undercuts link between perspectives (an undercut by the side
that draws it against the side that drew the link it attacks), leaving out
links from or to retracted and superseded claims; then each perspective gets
what supports its claims, with the undercuts of each support, and which of
its claims are unsourced. Cells are escaped with
:func:`~argmap.render.text.markdown_cell`, so no claim text can break a table;
``<br>`` is the only HTML written.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.render.markdown.common import (
    MarkdownParts,
    authors_line,
    cell,
    counted,
    finish,
    inline,
    question_sections,
)
from argmap.render.markdown.standing import standing_lines
from argmap.render.view import ClaimNode, LinkEdge, MapView

UNATTRIBUTED = "Unattributed"
"""The column and section for claims whose speakers have no perspective."""

CELL_ITEMS = 2
"""The most claims a table cell holds; a perspective with more is listed under the table."""

_EMPTY_CELL = "—"
_CLASH_HEADER = (
    "Attacking perspective",
    "Premise claim",
    "Relation",
    "Attacked perspective",
    "Target claim",
)


def emit_perspectives(view: MapView) -> str:
    """The side-by-side perspectives brief of *view*."""
    return _PerspectivesWriter(view).write()


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A GFM table; every cell must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(cell or _EMPTY_CELL for cell in row) + " |" for row in rows]
    return lines


def _cell_list(items: list[str]) -> str:
    """Escaped items in one cell, bulleted and split by ``<br>`` when there are several."""
    return items[0] if len(items) == 1 else "<br>".join(f"• {item}" for item in items)


class _PerspectivesWriter:
    """Accumulates the perspectives brief's lines; one instance per call."""

    def __init__(self, view: MapView) -> None:
        self.view = view
        self.parts = MarkdownParts(view)
        self.lines: list[str] = []
        self.names = {p.id: p.name for p in view.perspectives}
        self.columns: list[str | None] = [p.id for p in view.perspectives]
        if any(self._side(node) is None for node in view.claims):
            self.columns.append(None)

    def _side(self, node: ClaimNode) -> str | None:
        """The claim's perspective id, or None when it has none the view knows."""
        return node.perspective if node.perspective in self.names else None

    def _name(self, side: str | None) -> str:
        return self.view.side_names.get(side or "", UNATTRIBUTED)

    def write(self) -> str:
        self._opening()
        question_sections(self.view, self.lines, self._question_table)
        self._clashes()
        for side in self.columns:
            self._perspective(side)
        return finish(self.lines, self.parts)

    def _opening(self) -> None:
        view = self.view
        self.lines += [f"# {inline(view.title)} — perspectives side by side", ""]
        byline = authors_line(view)
        if byline:
            self.lines += [byline, ""]
        self.lines.append(
            "How each perspective answers each question, where the perspectives clash, "
            "and what backs each perspective's claims."
        )
        if view.document_source:
            self.lines.append(
                "Locators in parentheses point into the document itself, "
                f"*{inline(view.document_source.title)}*; "
                "numbered footnotes cite outside sources."
            )
        self.lines += ["", "Perspectives:", ""]
        for entry in view.perspectives:
            about = f": {inline(entry.description)}" if entry.description else ""
            self.lines.append(f"- **{inline(entry.name)}**{about}")
        if None in self.columns:
            self.lines.append(f"- **{UNATTRIBUTED}**: claims whose speakers have no perspective.")

    def _question_table(self, on_it: Callable[[ClaimNode], bool], section: str) -> None:
        members: dict[str | None, list[ClaimNode]] = {side: [] for side in self.columns}
        for node in self.view.claims:
            if on_it(node):
                members[self._side(node)].append(node)
        row: list[str] = []
        below: list[str] = []
        for side in self.columns:
            own = members[side]
            if len(own) > CELL_ITEMS:
                row.append(f"{len(own)} claims, listed below")
                below += ["", f"**{inline(self._name(side))}** ({section}):", ""]
                below += [f"- {self.parts.claim_line(node)}" for node in own]
            else:
                row.append(_cell_list([self.parts.claim_line(node, cell) for node in own]))
        header = [cell(self._name(side)) for side in self.columns]
        self.lines += _table(header, [row])
        self.lines += below

    def _clash(self, edge: LinkEdge) -> tuple[str | None, str | None, ClaimNode] | None:
        """Attacking side, attacked side and attacked claim of a clash; None if no clash."""
        if edge.relation not in ("opposes", "undercuts") or not edge.crosses_perspectives:
            return None
        aimed = self.parts.aimed_claim(edge)
        if aimed is None:
            return None
        target = self.parts.nodes[aimed]
        attacked = self.parts.links.get(edge.target)
        if attacked is not None:
            return edge.side, attacked.side, target
        premises = [self.parts.nodes[p] for p in edge.premises if p in self.parts.nodes]
        return (self._side(premises[0]) if premises else None), self._side(target), target

    def _in_play(self, edge: LinkEdge) -> bool:
        """False when a premise, or the claim the link bears on, is retracted or superseded."""
        ends = [*edge.premises, self.parts.aimed_claim(edge)]
        attacked = self.parts.links.get(edge.target)
        if attacked is not None:
            ends += attacked.premises
        return not any(end in self.parts.nodes and self.parts.nodes[end].inactive for end in ends)

    def _clashes(self) -> None:
        rows: list[list[str]] = []
        left_out = 0
        for edge in self.view.links:
            clash = self._clash(edge)
            if clash is None:
                continue
            if not self._in_play(edge):
                left_out += 1
                continue
            attacking, attacked_side, target = clash
            premises = [self.parts.nodes[p] for p in edge.premises if p in self.parts.nodes]
            target_cell = self.parts.claim_mention(target, cell)
            attacked = self.parts.links.get(edge.target)
            if attacked is not None:
                target_cell = f"*{self.parts.link_name(attacked)} to* {target_cell}"
            rows.append(
                [
                    cell(self._name(attacking)),
                    "<br>*together with* ".join(
                        self.parts.claim_mention(p, cell) for p in premises
                    ),
                    cell(edge.relation),
                    cell(self._name(attacked_side)),
                    target_cell,
                ]
            )
        self.lines += ["", "## Points of clash", ""]
        if rows:
            self.lines.append(
                "Every link by which one perspective opposes or undercuts another's. An undercut "
                "sets the side that draws it against the side that drew the link it attacks."
            )
            self.lines += ["", *_table(list(_CLASH_HEADER), rows)]
        else:
            self.lines.append("No claim of one perspective opposes or undercuts another's.")
        if left_out:
            self.lines += [
                "",
                f"Left out: {counted(left_out, 'clash')} from or to retracted or superseded "
                "claims, which are no longer in play.",
            ]

    def _perspective(self, side: str | None) -> None:
        own = [node for node in self.view.claims if self._side(node) == side]
        name = inline(self._name(side))
        self.lines += ["", f"## {name}", ""]
        # conclusions: claims that back no other claim (objections count as positions)
        premises = {p for e in self.view.links if e.relation == "supports" for p in e.premises}
        conclusions = [node for node in own if node.id not in premises]
        self.lines += standing_lines(
            self.view, self.parts, conclusions, "Which of its conclusions stand"
        )
        self.lines += ["### What supports its claims", ""]
        supported = False
        for node in own:
            backing = [e for e in self.view.incoming.get(node.id, []) if e.relation == "supports"]
            if not backing:
                continue
            supported = True
            self.lines.append(f"- {self.parts.claim_mention(node)}")
            for edge in backing:
                self.lines.append(f"  - {self._support(edge)}")
                self.lines += [f"    - {self._undercut(u)}" for u in self._undercuts(edge)]
        if not supported:
            self.lines.append("Nothing in the map supports its claims.")
        self._unsourced(own)

    def _unsourced(self, own: list[ClaimNode]) -> None:
        in_play = [node for node in own if not node.inactive]
        unsourced = [node for node in in_play if node.unsourced]
        aside = " (retracted and superseded claims left out)" if len(in_play) < len(own) else ""
        self.lines += ["", "### Unsourced claims", ""]
        if own and not in_play:
            self.lines.append("Every one of its claims is retracted or superseded.")
            return
        if not unsourced:
            self.lines.append(f"Every one of its claims cites an outside source{aside}.")
            return
        verb = "cites" if len(unsourced) == 1 else "cite"
        self.lines.append(
            f"{len(unsourced)} of its {counted(len(in_play), 'claim')} {verb} "
            f"nothing beyond the document itself{aside}:"
        )
        self.lines.append("")
        self.lines += [f"- {self.parts.claim_line(node, flag=False)}" for node in unsourced]

    def _undercuts(self, edge: LinkEdge) -> list[LinkEdge]:
        return [u for u in self.view.incoming.get(edge.id, []) if u.relation == "undercuts"]

    def _premise_list(self, edge: LinkEdge) -> str:
        """ "*Perspective*: claim — speaker", co-premises joined by "; *together with*"."""
        premises = [self.parts.nodes[p] for p in edge.premises if p in self.parts.nodes]
        shown = [
            f"*{inline(self._name(self._side(p)))}*: {self.parts.claim_mention(p)}"
            for p in premises
        ]
        return "; *together with* ".join(shown)

    def _support(self, edge: LinkEdge) -> str:
        """ "**Supported by** *Perspective*: claim — speaker", co-premises joined."""
        lead = "**Supported by**" + (", taken together," if len(edge.premises) > 1 else "")
        return f"{lead} {self._premise_list(edge)}"

    def _undercut(self, edge: LinkEdge) -> str:
        """ "**Undercut by** *Side*: claim — speaker": the side that draws the undercut, and its
        premises (named with their speakers, who may be of another side)."""
        premises = [self.parts.nodes[p] for p in edge.premises if p in self.parts.nodes]
        shown = "; *together with* ".join(self.parts.claim_mention(p) for p in premises)
        return f"**Undercut by** *{inline(self._name(edge.side))}*: {shown}"
