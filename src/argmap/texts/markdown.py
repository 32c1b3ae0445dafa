"""The Markdown half of the paragraph rule, counted with markdown-it-py.

- YAML front matter (a first line ``---`` up to the next ``---`` line) is skipped.
- The rest is parsed as CommonMark (with footnote definitions, ``[^1]: …``).
- In document order, each top-level paragraph is one paragraph, each item of a
  top-level list is one (however many paragraphs it holds), and each top-level
  block quote is one. Lists and quotes nested in these are part of them.
- Headings, HTML blocks (such as ``<excerpt/>``), horizontal rules, code blocks
  and paragraphs that hold only images are not paragraphs.
- Footnote definitions are ``fn 1``, ``fn 2``, … in document order.

Each block keeps its source offsets and its *plain* words: the inline text as
rendered, with emphasis, link targets, footnote markers, image alt text,
Kramdown attribute lists (`{: .class}`) and Liquid tags (`{% … %}`) removed, so a
quote copied from the rendered page matches. This module is imported only when a Markdown text is
split; check runs keep the result in the parse cache.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal, NamedTuple

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from argmap.texts.blocks import Block, Layout

FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?:.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
"""YAML front matter at the very start of a Markdown file."""

_PARSER: MarkdownIt | None = None
_TEMPLATE_MARKUP = re.compile(r"\{:[^}\n]*\}|\{%.*?%\}|\{\{.*?\}\}")
"""Kramdown attribute lists (`{: .class}`) and Liquid tags (`{% … %}`, `{{ … }}`): markup."""

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


class MarkdownBlocks(NamedTuple):
    """A Markdown text's layout, with what `argmap ingest` needs besides."""

    layout: Layout
    """The numbered paragraphs and footnotes."""
    marks: list[list[Mark]]
    """For each paragraph, its footnote markers and links."""
    labels: list[str]
    """For each footnote, the label it is defined under (`[^label]: …`)."""


def split_markdown(text: str) -> Layout:
    """The layout of a Markdown text (see the module docstring)."""
    return read_markdown(text).layout


def read_markdown(text: str) -> MarkdownBlocks:
    """The layout of a Markdown text, with each paragraph's marks and each footnote's label."""
    body_start = front_matter_end(text)
    skipped_lines = text.count("\n", 0, body_start)
    line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    tokens = parser().parse(text[body_start:])
    paragraphs: list[Block] = []
    footnotes: list[Block] = []
    marks: list[list[Mark]] = []
    labels: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        top = token.level == 0 or (token.level == 1 and token.type == "list_item_open")
        if not top or token.type not in _UNITS:
            i += 1
            continue
        close = _closing(tokens, i)
        inner = tokens[i : close + 1]
        parts = [inline_words(t.children or []) for t in inner if t.type == "inline"]
        words, found = _joined(parts)
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
        if token.type == "footnote_reference_open":
            footnotes.append(Block(len(footnotes) + 1, start, end, first + 1, words))
            labels.append(str(token.meta.get("label", "")))
        else:
            paragraphs.append(Block(len(paragraphs) + 1, start, end, first + 1, words))
            marks.append(found)
    layout = Layout("markdown", tuple(paragraphs), tuple(footnotes))
    return MarkdownBlocks(layout, marks, labels)


def _joined(parts: list[tuple[str, list[Mark]]]) -> tuple[str, list[Mark]]:
    """Several inline texts joined by spaces, their marks shifted along."""
    words = ""
    marks: list[Mark] = []
    for text, found in parts:
        if not text:
            continue
        if words:
            words += " "
        marks += [m._replace(offset=m.offset + len(words)) for m in found]
        words += text
    return words, marks


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


class Mark(NamedTuple):
    """A footnote marker or link in a block's words."""

    offset: int
    """Where in the words it stands (a link: where its text ends)."""
    kind: Literal["fn", "link"]
    """A footnote reference or an inline link."""
    target: str
    """The footnote's label, or the link's url."""
    label: str
    """The link's text; empty for a footnote."""


def inline_plain(children: Sequence[Token]) -> str:
    """The words of an inline token's children: markup, link targets and note markers removed."""
    return inline_words(children)[0]


def inline_words(children: Sequence[Token]) -> tuple[str, list[Mark]]:
    """The words of an inline token's children, and where its notes and links are."""
    words = ""
    marks: list[Mark] = []
    links: list[tuple[str, int]] = []
    for child in children:
        if child.type == "text":
            words += re.sub(r"\s+", " ", _TEMPLATE_MARKUP.sub("", child.content))
        elif child.type == "code_inline":
            words += re.sub(r"\s+", " ", child.content)
        elif child.type in ("softbreak", "hardbreak"):
            words += " "
        elif child.type == "footnote_ref":
            marks.append(Mark(len(words.rstrip()), "fn", str(child.meta.get("label", "")), ""))
        elif child.type == "link_open":
            links.append((str(child.attrs.get("href", "")), len(words)))
        elif child.type == "link_close" and links:
            href, start = links.pop()
            marks.append(Mark(len(words), "link", href, words[start:].strip()))
        if "  " in words:
            words = words.replace("  ", " ")
    stripped = words.lstrip()
    shift = len(words) - len(stripped)
    text = stripped.rstrip()
    return text, [m._replace(offset=min(max(m.offset - shift, 0), len(text))) for m in marks]
