"""One source's local text, with its paragraph layout worked out only when asked for.

The loader makes a :class:`SourceText` for each readable `text_file`. Splitting
a Markdown text needs markdown-it, so the layout is computed on first use and
kept in a :class:`LayoutStore` (the parse cache) under the hash of the text:
a later run with the same text reads it back without importing markdown-it.
"""

from __future__ import annotations

from typing import Protocol

from argmap.texts.blocks import Block, Layout
from argmap.texts.layout import is_markdown, split


class LayoutStore(Protocol):
    """Somewhere to keep layouts between runs, keyed by the hash of the text."""

    def get_layout(self, key: str) -> Layout | None:
        """The stored layout, or None."""

    def put_layout(self, key: str, layout: Layout) -> None:
        """Keep *layout* under *key*."""


class SourceText:
    """The text of a source's `text_file`, as read."""

    def __init__(
        self, name: str, text: str, key: str | None = None, store: LayoutStore | None = None
    ) -> None:
        self.name = name
        """The `text_file` value, as written in the claims file."""
        self.text = text
        """The whole text."""
        self.key = key
        """Hash of the text's bytes, the key of its layout in *store*."""
        self.store = store
        """Where layouts are kept between runs, if anywhere."""
        self._layout: Layout | None = None

    @property
    def markdown(self) -> bool:
        """True when the Markdown rule applies."""
        return is_markdown(self.name)

    @property
    def layout(self) -> Layout:
        """The numbered paragraphs and footnotes (computed, or read from the store, once)."""
        if self._layout is None:
            store, key = self.store, self.key
            if self.markdown and store is not None and key is not None:
                layout = store.get_layout(key)
                if layout is None:
                    layout = split(self.text, markdown=True)
                    store.put_layout(key, layout)
            else:
                layout = split(self.text, self.markdown)
            self._layout = layout
        return self._layout

    def words(self, block: Block) -> str:
        """A block's words: its plain form when it has one, else its raw slice of the text."""
        return block.plain if block.plain is not None else self.text[block.start : block.end]


_MODES = {
    "lines": "one per non-empty line",
    "blocks": "one per block between blank lines",
    "markdown": "Markdown paragraphs, list items and block quotes",
}


def numbered(source: SourceText) -> str:
    """The text with its paragraphs and footnotes numbered, as `argmap paragraphs` prints it."""
    layout = source.layout
    paragraphs, notes = len(layout.paragraphs), len(layout.footnotes)
    parts = [
        f"{source.name}: {paragraphs} paragraph{'' if paragraphs == 1 else 's'} "
        f"({_MODES[layout.mode]}), {notes} footnote{'' if notes == 1 else 's'}\n"
    ]
    for label, blocks in (("para", layout.paragraphs), ("fn", layout.footnotes)):
        for block in blocks:
            body = source.text[block.start : block.end]
            parts.append(f"\n{label} {block.number} (line {block.line})\n{body}\n")
    return "".join(parts)
