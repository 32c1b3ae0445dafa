"""Argdown premise-conclusion structures: numbered statements and inference lines.

`(1) …` statements are premises until an inference line (`--`, `----`, or
`-- rule --`) says the next one is concluded; the last conclusion is the
main conclusion, earlier ones are intermediary. A structure right after a
top-level argument (one blank line between) reconstructs that argument;
otherwise it gets an untitled argument, as the Argdown CLI does. Relation
trees may hang below each numbered statement, and undercuts below an
inference. Nothing here prints.
"""

from __future__ import annotations

import re

from argmap.formats.argdown.blocks import INFERENCE, NUMBER, BlockParser, parse_inference
from argmap.formats.argdown.model import Argument, Inference, PcsStep, Place
from argmap.formats.argdown.text import Line

_ARGUMENT_HEAD = re.compile(r"^<[^-].*?>")


def parse_pcs(parser: BlockParser, block: list[Line], previous: str | None) -> None:
    """Parse the structure in *block*, reconstructing argument *previous* when given."""

    doc = parser.doc
    if previous is not None:
        argument = doc.arguments[previous]
    else:
        title = parser.next_title()
        order = len(doc.statements) + len(doc.arguments)
        argument = doc.arguments.setdefault(title, Argument(title, order))
    if argument.pcs:
        parser.error(
            block[0].place,
            f"argument <{argument.title}> already has a premise-conclusion structure",
            "give this structure its own argument title above it",
        )
        return
    argument.place = argument.place or block[0].place
    steps: list[PcsStep] = []
    pending: Inference | None = None
    recovering = False
    i = 0
    while i < len(block):
        line = block[i]
        number = NUMBER.match(line.text)
        if number:
            recovering = False
            head = number.group(3)
            if _ARGUMENT_HEAD.match(head):
                place = Place(line.place.file, line.place.line, number.start(3) + 1)
                parser.error(
                    place,
                    "an argument cannot be a premise or conclusion",
                    "use a statement: [Title]: text, or [Title] to refer to one",
                )
            role = "intermediary-conclusion" if pending else "premise"
            ref, i = parser.element(block, i, head, number.start(3), role)
            data = doc.statements[ref[1]].members[-1].data if ref[0] == "statement" else {}
            if pending is not None and "uses" in data and "uses" not in pending.data:
                pending.data["uses"] = data.pop("uses")  # a conclusion may name its premises
            steps.append(PcsStep(ref[1], role, pending))
            if pending is not None:
                done = ("inference", f"{argument.title}#{len(steps) - 1}")
                _rebind(parser, ("inference", f"{argument.title}#pending"), done)
            i = parser.tree(block, i, ref)
            pending = None
            continue
        if INFERENCE.match(line.text) and not recovering:
            if pending is not None:
                parser.error(line.place, "two inference lines without a statement between them")
            pending, i = parse_inference(block, i, parser)
            i = parser.tree(block, i, ("inference", f"{argument.title}#pending"))
            continue
        if not recovering:
            parser.error(
                line.place,
                "expected a numbered statement such as '(2) …' here",
                "after an inference line comes the conclusion it draws: '(n) text'",
            )
            recovering = True
        i += 1
    if pending is not None:
        parser.error(block[-1].place, "the structure ends with an inference and no conclusion")
    if not steps or steps[-1].inference is None:
        parser.error(
            block[0].place,
            f"the premise-conclusion structure of <{argument.title}> has no conclusion",
            "end it with an inference line ('----') and the conclusion '(n) …'",
        )
    else:
        steps[-1].role = "main-conclusion"
        last = doc.statements[steps[-1].title].members[-1]
        last.role = "main-conclusion" if last.role == "intermediary-conclusion" else last.role
    argument.pcs = steps


def _rebind(parser: BlockParser, old: tuple[str, str], new: tuple[str, str]) -> None:
    """Point relations drawn on the not-yet-numbered inference at its conclusion's index."""
    for relation in parser.doc.relations:
        if relation.target == old:
            relation.target = new  # type: ignore[assignment]
        if relation.source == old:
            relation.source = new  # type: ignore[assignment]
