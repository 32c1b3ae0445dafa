"""The Markdown half of the paragraph rule, counted with markdown-it-py.

- YAML front matter (a first line ``---`` up to the next ``---`` line) is skipped.
- The rest is parsed as CommonMark (with footnote definitions, ``[^1]: …``).
- In document order, each top-level paragraph is one paragraph, each item of a
  top-level list is one (however many paragraphs it holds), and each top-level
  block quote is one. Lists and quotes nested in these are part of them.
- Headings, HTML blocks (such as ``<excerpt/>``), horizontal rules, code blocks
  and paragraphs that hold only images are not paragraphs.
- Footnote definitions are ``fn 1``, ``fn 2``, … in document order.

Each block keeps its source offsets and its *plain* words: the inline text with
emphasis, link targets and footnote markers removed, so a quote copied from the
rendered page matches. This module is imported only when a Markdown text is
split; check runs keep the result in the parse cache.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from argmap.texts.layout import Block, Layout

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
"""YAML front matter at the very start of a Markdown file."""

_PARSER: MarkdownIt | None = None

_UNITS = {"paragraph_open", "list_item_open", "blockquote_open", "footnote_reference_open"}


def parser() -> MarkdownIt:
    """CommonMark with footnote definitions kept in place (not moved to the end)."""
    global _PARSER
    if _PARSER is None:
        _PARSER = MarkdownIt("commonmark").use(footnote_plugin).disable("footnote_tail")
    return _PARSER


def front_matter_end(text: str) -> int:
    """Offset where the body starts: after the front matter, or 0 when there is none."""
    found = FRONT_MATTER.match(text)
    return found.end() if found else 0


def split_markdown(text: str) -> Layout:
    """The layout of a Markdown text (see the module docstring)."""
    body_start = front_matter_end(text)
    skipped_lines = text.count("\n", 0, body_start)
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    tokens = parser().parse(text[body_start:])
    paragraphs: list[Block] = []
    footnotes: list[Block] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        top = token.level == 0 or (token.level == 1 and token.type == "list_item_open")
        if not top or token.type not in _UNITS:
            i += 1
            continue
        close = _closing(tokens, i)
        inner = tokens[i : close + 1]
        plain = " ".join(p for p in (inline_plain(t.children or []) for t in inner) if p)
        lines = [t.map for t in inner if t.map is not None]
        i = close + 1
        if not lines or (token.type == "paragraph_open" and _only_images(inner)):
            continue
        first = min(m[0] for m in lines) + skipped_lines
        last = max(m[1] for m in lines) + skipped_lines
        start = line_starts[first]
        end = line_starts[last] - 1 if last < len(line_starts) else len(text)
        while end > start and text[end - 1].isspace():
            end -= 1
        target = footnotes if token.type == "footnote_reference_open" else paragraphs
        target.append(Block(len(target) + 1, start, end, first + 1, plain))
    return Layout("markdown", tuple(paragraphs), tuple(footnotes))


def _closing(tokens: Sequence[Token], i: int) -> int:
    """Index of the token that closes the block opened at *i*."""
    closing = tokens[i].type.replace("_open", "_close")
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].type == tokens[i].type:
            depth += 1
        elif tokens[j].type == closing:
            depth -= 1
            if depth == 0:
                return j
    return len(tokens) - 1


def _only_images(inner: Sequence[Token]) -> bool:
    children = [c for t in inner if t.type == "inline" for c in t.children or []]
    kinds = {c.type for c in children if not (c.type == "text" and not c.content.strip())}
    return kinds <= {"image", "softbreak", "hardbreak"} and "image" in kinds


def inline_plain(children: Sequence[Token]) -> str:
    """The words of an inline token's children: markup, link targets and note markers removed."""
    parts: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif child.type == "image":
            parts.append(inline_plain(child.children or []))
    return re.sub(r"\s+", " ", "".join(parts)).strip()
