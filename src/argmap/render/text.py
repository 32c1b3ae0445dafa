"""Small text transforms every emitter shares: wrapping, cleaning and Markdown escaping.

Kept free of any renderer so DOT, Markdown and later HTML emitters agree on
how a claim's text is cut into lines and made safe. Every function here runs
in time linear in its input, whatever the text holds (no regex here can
backtrack over a run of whitespace), and drops characters no output should
carry: control characters (C0 but tab and line breaks, DEL, C1), lone
surrogates and the non-characters U+FDD0–U+FDEF, U+FFFE and U+FFFF (Graphviz
refuses the last two).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~$&])")
"""Characters with inline meaning in CommonMark or GitHub Markdown ($ is math there)."""
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]+"
)
"""Characters no output keeps: controls (not tab or line breaks), surrogates, and the
non-characters of the first plane (Graphviz refuses U+FFFE and U+FFFF)."""
_MD_LINE_MARKER = re.compile(r"^(?:[-+#]|\d{1,9}[.)])")
_EMBEDDINGS = "\u202a\u202b\u202d\u202e"  # LRE, RLE, LRO, RLO; closed by PDF
_ISOLATES = "\u2066\u2067\u2068"  # LRI, RLI, FSI; closed by PDI
_PDF, _PDI, _FSI = "\u202c", "\u2069", "\u2068"
_BIDI_CLASSES = {"R", "AL", "LRE", "RLE", "LRO", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI"}
_MAYBE_RTL = re.compile(
    "[\u0590-\u08ff\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufefe"
    "\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
"""The blocks where every character of _BIDI_CLASSES lies (a fast filter; tested to cover all)."""


def printable(text: str) -> str:
    """*text* without the characters no output keeps (see :data:`_UNPRINTABLE`)."""
    return text if text.isprintable() else _UNPRINTABLE.sub("", text)


def one_line(text: str) -> str:
    """*text* on one line: each run of whitespace that holds a line break becomes one space.

    Unprintable characters are dropped. Linear time: the pattern matches whole
    runs of whitespace (the search resumes after each), so no run is scanned
    twice, whatever its length.
    """
    text = printable(text)
    if "\n" not in text and "\r" not in text:
        return text.strip()
    return _WHITESPACE_RUN.sub(_space_if_broken, text).strip()


_WHITESPACE_RUN = re.compile(r"\s+")


def _space_if_broken(run: re.Match[str]) -> str:
    found = run.group()
    return " " if "\n" in found or "\r" in found else found


def bidi_isolated(text: str) -> str:
    """*text* kept from reordering its neighbours when it holds right-to-left text.

    Text with right-to-left letters or directional controls is wrapped in a
    first-strong isolate (FSI … PDI), after dropping unmatched closers and
    closing whatever embedding, override or isolate it leaves open. Other text
    is returned unchanged, so plain output stays free of invisible characters.
    """
    if _MAYBE_RTL.search(text) is None or not any(
        unicodedata.bidirectional(ch) in _BIDI_CLASSES for ch in set(text)
    ):
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


LONGEST_WORD = 60
"""Words longer than this are cut into pieces of this length when wrapped."""


def wrap(text: str, width: int = 30) -> list[str]:
    """Greedy word wrap at *width* characters; words up to LONGEST_WORD are kept whole.

    A longer word (a pasted URL, 10,000 letters without a space) is hard-wrapped,
    so no label grows wider than Graphviz can draw. Words are what lies between
    spaces; a line holds as many words as fit, one space apart. Much faster than
    :func:`textwrap.wrap` on large maps, and good enough for node labels.
    """
    text = one_line(text)
    if len(text) <= width and "  " not in text:
        return [text] if text else []  # fits already (most names, many short claims)
    if "  " not in text and max(map(len, text.split(" "))) <= width:
        return _line_pattern(width).findall(text)  # one space between words, each fits
    return _wrap_words(text, width)


@functools.cache
def _line_pattern(width: int) -> re.Pattern[str]:
    """Matches the longest run of whole words of at most *width* characters, from a word's start.

    On text whose words are one space apart and no longer than *width*, its matches
    are exactly the lines of the greedy wrap (each match backtracks at most *width*
    characters, so the search is linear in the text).
    """
    return re.compile(f"[^ ].{{0,{width - 1}}}(?= |\\Z)", re.DOTALL)


def _wrap_words(text: str, width: int) -> list[str]:
    """The greedy wrap of one-line *text*, word by word (any spacing, any word length)."""
    lines: list[str] = []
    current = ""
    for word in _words(text, max(width, LONGEST_WORD)):
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


def _words(text: str, longest: int) -> list[str]:
    words = []
    for word in text.split(" "):
        if len(word) <= longest:
            if word:
                words.append(word)
        else:
            words += [word[at : at + longest] for at in range(0, len(word), longest)]
    return words
