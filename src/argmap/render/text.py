"""Small text transforms every emitter shares: wrapping and Markdown escaping.

Kept free of any renderer so DOT, Markdown and later HTML emitters agree on
how a claim's text is cut into lines and made safe.
"""

from __future__ import annotations

import re
import unicodedata

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$&])")
"""Characters with inline meaning in CommonMark or GitHub Markdown ($ is math there)."""
_NEWLINES = re.compile(r"\s*[\r\n]+\s*")
_MD_LINE_MARKER = re.compile(r"^(?:[-+#]|\d{1,9}[.)])")
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO; closed by PDF
_ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI; closed by PDI
_PDF, _PDI, _FSI = "\u202c", "\u2069", "\u2068"
_BIDI_CLASSES = {"R", "AL", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}


def one_line(text: str) -> str:
    """Collapse newlines (and the space around them) into single spaces."""
    return _NEWLINES.sub(" ", text).strip()


def bidi_isolated(text: str) -> str:
    """*text* kept from reordering its neighbours when it holds right-to-left text.

    Text with right-to-left letters or directional controls is wrapped in a
    first-strong isolate (FSI … PDI), after dropping unmatched closers and
    closing whatever embedding, override or isolate it leaves open. Other text
    is returned unchanged, so plain output stays free of invisible characters.
    """
    if not any(unicodedata.bidirectional(ch) in _BIDI_CLASSES for ch in text):
        return text
    kept: list[str] = []
    open_marks: list[str] = []
    for ch in text:
        if ch in _EMBEDDINGS or ch in _ISOLATES:
            open_marks.append(ch)
        elif ch == _PDF:
            if not open_marks or open_marks[-1] not in _EMBEDDINGS:
                continue
            open_marks.pop()
        elif ch == _PDI:
            if not any(mark in _ISOLATES for mark in open_marks):
                continue
            while open_marks.pop() not in _ISOLATES:
                pass
        kept.append(ch)
    closers = "".join(_PDI if mark in _ISOLATES else _PDF for mark in reversed(open_marks))
    return f"{_FSI}{''.join(kept)}{closers}{_PDI}"


def markdown_inline(text: str) -> str:
    """Escape *text* so Markdown shows it literally, on one line."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(text))


def markdown_line_start(text: str) -> str:
    """Escape *text* like :func:`markdown_inline`, safe to begin a line or list item.

    A leading ``-``, ``+``, ``1.`` or ``1)`` would otherwise open a (nested) list or
    draw a rule, and a leading ``#`` a heading.
    """
    escaped = markdown_inline(text)
    marker = _MD_LINE_MARKER.match(escaped)
    if marker is None:
        return escaped
    cut = marker.end() - 1
    return f"{escaped[:cut]}\\{escaped[cut:]}"


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
    if "\n" in text or "\r" in text:
        text = one_line(text)
    for word in text.split(" "):
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
