"""The shapes of a text's layout: its numbered blocks, and their plain form for the cache.

A :class:`Layout` is what the paragraph rule makes of a text, by either half of
it (:mod:`argmap.texts.layout` for plain text, :mod:`argmap.texts.markdown` for
Markdown). Both halves build these shapes, so they live below both.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

Mode = Literal["lines", "blocks", "markdown"]
"""How the paragraphs were found: one per line, one per blank-line block, or Markdown blocks."""


class Block(NamedTuple):
    """One paragraph or footnote of a text."""

    number: int
    """Its number: `para N` or `fn N`."""
    start: int
    """Offset of its first character in the text."""
    end: int
    """Offset just after its last character."""
    line: int
    """The 1-based line it starts on."""
    plain: str | None = None
    """Its words with Markdown markup removed; None for plain text (the raw slice is the text)."""


class Layout(NamedTuple):
    """The numbered paragraphs and footnotes of one text."""

    mode: Mode
    """Which part of the rule applied."""
    paragraphs: tuple[Block, ...]
    """`para 1`, `para 2`, … in order."""
    footnotes: tuple[Block, ...]
    """The footnotes, in order; each block's number is its N in `fn N`."""

    def footnote(self, number: int) -> Block | None:
        """Footnote *number*, if the text has it."""
        return next((block for block in self.footnotes if block.number == number), None)

    def to_data(self) -> tuple[object, ...]:
        """Plain tuples for the parse cache (``marshal``)."""
        return (
            self.mode,
            tuple(_block_data(block) for block in self.paragraphs),
            tuple(_block_data(block) for block in self.footnotes),
        )

    @classmethod
    def from_data(cls, data: object) -> Layout:
        """The inverse of :meth:`to_data`; raises ValueError on anything else."""
        if not (isinstance(data, tuple) and len(data) == 3):
            raise ValueError("not a layout")
        mode, paragraphs, footnotes = data
        if mode not in ("lines", "blocks", "markdown"):
            raise ValueError("not a layout")
        return cls(mode, _blocks(paragraphs), _blocks(footnotes))


def _block_data(block: Block) -> tuple[int, int, int, int, str | None]:
    return (block.number, block.start, block.end, block.line, block.plain)


def _blocks(data: object) -> tuple[Block, ...]:
    if not isinstance(data, tuple):
        raise ValueError("not a layout")
    blocks = []
    for item in data:
        number, start, end, line, plain = item
        if not all(isinstance(v, int) for v in (number, start, end, line)):
            raise ValueError("not a layout")
        if plain is not None and not isinstance(plain, str):
            raise ValueError("not a layout")
        blocks.append(Block(number, start, end, line, plain))
    return tuple(blocks)
