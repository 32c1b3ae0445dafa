"""What the block parser and the premise-conclusion parser share: its face, inference lines.

:mod:`~argmap.formats.argdown.parse` walks a document's blocks and hands each
numbered structure to :mod:`~argmap.formats.argdown.pcs`, which calls back
into the parser for statements and relation trees. Both sides meet here, below
either of them, so neither imports the other back: the parser's interface as
the structure parser uses it (:class:`BlockParser`), the line patterns both
test, and inference lines (:func:`parse_inference`). Nothing here prints.
"""

from __future__ import annotations

import re
from typing import Protocol

from argmap.formats.argdown.model import ArgdownDocument, Inference, NodeKind, Place
from argmap.formats.argdown.text import Line, parse_content, split_data, unescape
from argmap.load.limits import Limits

NUMBER = re.compile(r"^([ \t]*)\((\d+)\)[ \t]*(.*)$")
"""A numbered statement, `(1) …`: indent, number, text."""
INFERENCE = re.compile(r"^[ \t]*--")
"""The start of an inference line."""
_ONE_LINE_INFERENCE = re.compile(r"^[ \t]*-{2,}(.*?)-{2,}[ \t]*$")

Ref = tuple[NodeKind, str]
"""A node of the document: its kind and its title."""


class BlockParser(Protocol):
    """The block parser as a premise-conclusion structure uses it."""

    doc: ArgdownDocument
    limits: Limits

    def error(self, place: Place, message: str, hint: str | None = None) -> None:
        """Report a syntax error at *place*."""

    def next_title(self) -> str:
        """A fresh title for an untitled argument."""

    def element(
        self, block: list[Line], i: int, head: str, col: int, role: str | None
    ) -> tuple[Ref, int]:
        """Parse a statement or argument starting at line *i*; its ref and the index after it."""

    def tree(self, block: list[Line], i: int, root: Ref, stop_at_items: bool = False) -> int:
        """Parse the relation lines below *root*; return the index after them."""


def parse_inference(block: list[Line], i: int, parser: BlockParser) -> tuple[Inference, int]:
    """The inference at line *i* (one line, or `--` lines around rules); index after it."""
    line = block[i]
    single = _ONE_LINE_INFERENCE.match(line.text)
    if single:
        parts, i = [single.group(1)], i + 1
    else:
        parts = [line.text.strip().lstrip("-")]
        i += 1
        while i < len(block) and not re.match(r"^[ \t]*-{2,}", block[i].text):
            parts.append(block[i].text.strip())
            i += 1
        if i >= len(block):
            parser.error(line.place, "inference opened with '--' is never closed with '--'")
        i += 1
    body, data_block = split_data(" ".join(parts))
    content = parse_content("x " + data_block, parser.limits) if data_block else None
    if content is not None and content.data_error:
        parser.error(line.place, content.data_error)  # the Argdown CLI refuses it too
    data = content.data if content is not None else {}
    return Inference(unescape(" ".join(body.split())), data, line.place), i
