"""The perspectives brief: each side's claims per question, side by side, and where they clash.

:func:`emit_perspectives` walks a :class:`~argmap.render.view.MapView` and returns
CommonMark with GFM tables and footnotes; it does no I/O and reads nothing but
the view. One table per question has a column per perspective (plus
"Unattributed" when some claim has no perspective); "Points of clash" lists
every opposes or undercuts link between perspectives; then each perspective
gets what supports its claims and which of them are unsourced. Cells are
escaped with :func:`~argmap.render.text.markdown_cell`, so no claim text can break a
table; ``<br>`` is the only HTML written.
"""

from __future__ import annotations

from collections.abc import Callable

from argmap.render.emit_markdown_common import (
    MarkdownParts,
    cell,
    counted,
    finish,
    inline,
    question_sections,
)
from argmap.render.view import ClaimNode, LinkEdge, MapView

UNATTRIBUTED = "Unattributed"
"""The column and section for claims whose speakers have no perspective."""

_EMPTY_CELL = "—"
_CLASH_HEADER = (
    "Premise perspective",
    "Premise claim",
    "Relation",
    "Target perspective",
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
        return self.names[side] if side is not None else UNATTRIBUTED

    def write(self) -> str:
        self._opening()
        question_sections(self.view, self.lines, self._question_table)
        self._clashes()
        for side in self.columns:
            self._perspective(side)
        return finish(self.lines, self.parts)

    def _opening(self) -> None:
        view = self.view
        self.lines += [
            f"# {inline(view.title)}: perspectives side by side",
            "",
            "How each perspective answers each question, where the perspectives clash, "
            "and what backs each perspective's claims.",
        ]
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

    def _question_table(self, on_it: Callable[[ClaimNode], bool]) -> None:
        cells: dict[str | None, list[str]] = {side: [] for side in self.columns}
        for node in self.view.claims:
            if on_it(node):
                cells[self._side(node)].append(self.parts.claim_line(node, cell))
        header = [cell(self._name(side)) for side in self.columns]
        self.lines += _table(header, [[_cell_list(cells[side]) for side in self.columns]])

    def _clash_target(self, edge: LinkEdge) -> ClaimNode | None:
        """The claim an opposes or undercuts link attacks, if it crosses perspectives."""
        if edge.relation not in ("opposes", "undercuts"):
            return None
        aimed = self.parts.aimed_claim(edge)
        if aimed is None:
            return None
        return self.parts.nodes[aimed] if edge.crosses_perspectives else None

    def _clashes(self) -> None:
        rows: list[list[str]] = []
        for edge in self.view.links:
            target = self._clash_target(edge)
            if target is None:
                continue
            premises = [self.parts.nodes[p] for p in edge.premises if p in self.parts.nodes]
            sides = dict.fromkeys(self._name(self._side(p)) for p in premises)
            target_cell = self.parts.claim_mention(target, cell)
            attacked = self.parts.links.get(edge.target)
            if attacked is not None:
                target_cell = f"*{self.parts.link_name(attacked)} to* {target_cell}"
            rows.append(
                [
                    cell(", ".join(sides)),
                    "<br>*together with* ".join(
                        self.parts.claim_mention(p, cell) for p in premises
                    ),
                    cell(edge.relation),
                    cell(self._name(self._side(target))),
                    target_cell,
                ]
            )
        self.lines += ["", "## Points of clash", ""]
        if not rows:
            self.lines.append("No claim of one perspective opposes or undercuts another's.")
            return
        self.lines.append("Every link by which one perspective opposes or undercuts another's.")
        self.lines += ["", *_table(list(_CLASH_HEADER), rows)]

    def _perspective(self, side: str | None) -> None:
        own = [node for node in self.view.claims if self._side(node) == side]
        name = inline(self._name(side))
        self.lines += ["", f"## {name}", "", "### What supports its claims", ""]
        supported = False
        for node in own:
            backing = [e for e in self.view.incoming.get(node.id, []) if e.relation == "supports"]
            if not backing:
                continue
            supported = True
            self.lines.append(f"- {self.parts.claim_mention(node)}")
            self.lines += [f"  - {self._support(edge)}" for edge in backing]
        if not supported:
            self.lines.append("Nothing in the map supports its claims.")
        unsourced = [node for node in own if node.unsourced]
        self.lines += ["", "### Unsourced claims", ""]
        if not unsourced:
            self.lines.append("Every one of its claims cites an outside source.")
        else:
            verb = "cites" if len(unsourced) == 1 else "cite"
            self.lines.append(
                f"{len(unsourced)} of its {counted(len(own), 'claim')} {verb} "
                "nothing beyond the document itself:"
            )
            self.lines.append("")
            self.lines += [f"- {self.parts.claim_line(node, flag=False)}" for node in unsourced]

    def _support(self, edge: LinkEdge) -> str:
        """ "**Supported by** *Perspective*: claim — speaker", co-premises joined."""
        premises = [self.parts.nodes[p] for p in edge.premises if p in self.parts.nodes]
        shown = [
            f"*{inline(self._name(self._side(p)))}*: {self.parts.claim_mention(p)}"
            for p in premises
        ]
        lead = "**Supported by**" + (", taken together," if len(shown) > 1 else "")
        return f"{lead} " + "; *together with* ".join(shown)
