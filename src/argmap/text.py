"""Small text transforms every emitter shares: wrapping and Markdown escaping.

Kept free of any renderer so DOT, Markdown and later HTML emitters agree on
how a claim's text is cut into lines and made safe.
"""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~^$&])")
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")


def one_line(text: str) -> str:
    """Collapse newlines (and the space around them) into single spaces."""
    return _NEWLINES.sub(" ", text).strip()


def markdown_inline(text: str) -> str:
    """Escape *text* so Markdown shows it literally, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def markdown_cell(text: str) -> str:
    """Escape *text* for a Markdown table cell: literal, one line, pipes escaped."""
    return markdown_inline(text)


def wrap(text: str, width: int = 30) -> list[str]:
    """Greedy word wrap at *width* characters; long words are kept whole.

    Much faster than :func:`textwrap.wrap` on large maps, and good enough for
    node labels.
    """
    lines: list[str] = []
    current = ""
    for word in one_line(text).split(" "):
        if not word:
            continue
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines
