"""Which footnote covers a passage: the rule for `scope: paragraph` citations.

A footnote covers the passage since the previous footnote in its paragraph:
the words after one marker (or from the paragraph's start) up to and including
the next marker. In the seed's paragraph 2, `[1]` closes the first two
sentences and `[2]` the next three. Words after a paragraph's last marker are
covered by none. Markers are `[N]` in plain text and `[^label]` in Markdown
(label N is the Nth footnote definition). Nothing here reports.
"""

from __future__ import annotations

import re

from argmap.texts.quotes import normalize
from argmap.texts.source import SourceText

_PLAIN_MARKER = re.compile(r"\[(\d{1,3})\]")
_MARKDOWN_MARKER = re.compile(r"\[\^([^\]\s]+)\](?!:)")
_MARKDOWN_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)

NOT_FOUND = -1
"""What :func:`covering_footnote` gives when the quote lies in no single passage."""


def passages(source: SourceText, paragraph: int) -> list[tuple[str, int | None]]:
    """The passages of paragraph *paragraph*: (text, number of the footnote that closes it)."""
    blocks = source.layout.paragraphs
    if not 1 <= paragraph <= len(blocks):
        return []
    block = blocks[paragraph - 1]
    raw = source.text[block.start : block.end]
    if source.markdown:
        labels = {
            m.group(1): n for n, m in enumerate(_MARKDOWN_DEFINITION.finditer(source.text), 1)
        }
        found = [(m, labels.get(m.group(1))) for m in _MARKDOWN_MARKER.finditer(raw)]
    else:
        found = [(m, int(m.group(1))) for m in _PLAIN_MARKER.finditer(raw)]
    result: list[tuple[str, int | None]] = []
    start = 0
    for marker, number in found:
        if number is None:
            continue
        result.append((raw[start : marker.start()], number))
        start = marker.end()
    result.append((raw[start:], None))
    return result


def covering_footnote(source: SourceText, paragraph: int, quote: str) -> int | None:
    """The footnote whose passage of paragraph *paragraph* holds the (normalised) quote.

    None when the quote comes after the paragraph's last footnote; :data:`NOT_FOUND`
    when it lies in no single passage (it spans a marker, or is not in the paragraph).
    """
    for text, number in passages(source, paragraph):
        if quote in normalize(text):
            return number
    return NOT_FOUND
