"""The paragraph layout of a source text: numbered paragraphs and footnotes, with offsets.

The rule, which docs/claims-format.md documents under "Paragraphs and locators":

- **Plain text.** When a blank line separates two blocks of text, each block
  (the lines between blank lines) is one paragraph; otherwise each non-empty
  line is one. The footnotes start at the first line that begins with a
  number in brackets, ``[N]``, and run to the end: each ``[N]`` line opens
  footnote ``fn N``, and a line that does not open one continues the footnote
  above it (a URL on its own line, say). Footnotes are not paragraphs.
- **Markdown** (``.md``, ``.markdown``): see :mod:`argmap.texts.markdown`.

Paragraphs are numbered from 1 in document order. Every block keeps its
character offsets in the text, so a quote can be placed in a paragraph. This
module never imports markdown-it; the Markdown rule is imported only when a
Markdown text is split.
"""

from __future__ import annotations

import re

from argmap.texts.blocks import Block, Layout

MARKDOWN_SUFFIXES = (".md", ".markdown")
"""File endings split by the Markdown rule."""

FOOTNOTE_LINE = re.compile(r"\[(\d{1,3})\]")
"""A plain-text line that opens footnote N starts with this."""


def is_markdown(name: str) -> bool:
    """True when a text file of this name is split by the Markdown rule."""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def split(text: str, markdown: bool) -> Layout:
    """The layout of *text* by the documented rule."""
    if markdown:
        from argmap.texts.markdown import split_markdown

        return split_markdown(text)
    return split_plain(text)


def split_plain(text: str) -> Layout:
    """The layout of a plain text (see the module docstring)."""
    lines: list[tuple[int, int, int]] = []  # (line number, start, end) of every line
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        content = line.rstrip("\r\n")
        lines.append((number, offset, offset + len(content)))
        offset += len(line)
    blank = [not text[start:end].strip() for _, start, end in lines]
    first_note = next(
        (i for i, (_, s, e) in enumerate(lines) if FOOTNOTE_LINE.match(text, s, e)), len(lines)
    )
    filled = [i for i in range(first_note) if not blank[i]]
    gaps = any(blank[i] for i in range(filled[0], filled[-1])) if filled else False
    groups: list[list[int]] = []
    for i in filled:
        if gaps and groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    paragraphs = tuple(_block(n, [lines[i] for i in group]) for n, group in enumerate(groups, 1))
    notes: list[tuple[int, list[tuple[int, int, int]]]] = []
    for i in range(first_note, len(lines)):
        if blank[i]:
            continue
        opened = FOOTNOTE_LINE.match(text, lines[i][1], lines[i][2])
        if opened:
            notes.append((int(opened.group(1)), [lines[i]]))
        else:
            notes[-1][1].append(lines[i])
    footnotes = tuple(_block(n, group) for n, group in notes)
    return Layout("blocks" if gaps else "lines", paragraphs, footnotes)


def _block(number: int, lines: list[tuple[int, int, int]]) -> Block:
    return Block(number, lines[0][1], lines[-1][2], lines[0][0])
