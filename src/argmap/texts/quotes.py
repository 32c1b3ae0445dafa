"""Locators and quotes in a source text: parse `para N`, find a quote, typography aside.

A quote matches when it occurs in the text after both are normalised: curly
and straight quotes and apostrophes are one, dashes (‐ ‑ ‒ – — ― −, and
runs of hyphens) are one hyphen with no space around it, an ellipsis is three
dots, no-break, thin and zero-width spaces, soft hyphens and runs of
whitespace are one space or nothing. The stored quote is never changed. In a
Markdown text a quote may also match a block's words with the markup removed.
Nothing here reports; checks turn the answers into diagnostics.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from argmap.texts.blocks import Block
from argmap.texts.source import SourceText

_REPLACEMENTS = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
    **dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f\u205f\u3000", " "),
    **dict.fromkeys("\u00ad\u200b\u200c\u200d\u2060\ufeff", ""),
    "…": "...",
}
_TYPOGRAPHY = re.compile("[" + "".join(_REPLACEMENTS) + "]")
_DASHES = re.compile(r" ?-+ ?")
_ELLIPSIS = re.compile(r"\. ?\. ?\.")
_PARAS = re.compile(r"(?:paras?|paragraphs?|¶)\s*(\d+)(?:\s*[-–—]\s*(\d+))?", re.IGNORECASE)
_FOOTNOTE = re.compile(r"(?:fn|footnote)\s*(\d+)", re.IGNORECASE)


def normalize(text: str) -> str:
    """*text* with typography made uniform, for matching quotes (see the module docstring)."""
    if not text.isascii():
        text = _TYPOGRAPHY.sub(lambda found: _REPLACEMENTS[found.group()], text)
    text = " ".join(text.split())
    if "-" in text:
        text = _DASHES.sub("-", text)
    return _ELLIPSIS.sub("...", text) if ". ." in text else text


class Paragraphs(NamedTuple):
    """A `para N` or `paras N-M` locator."""

    first: int
    """The first paragraph."""
    last: int
    """The last paragraph (equal to *first* for `para N`)."""

    def __str__(self) -> str:
        return (
            f"para {self.first}" if self.first == self.last else f"paras {self.first}-{self.last}"
        )


class Footnote(NamedTuple):
    """A `fn N` locator."""

    number: int
    """The footnote's number."""

    def __str__(self) -> str:
        return f"fn {self.number}"


def parse_locator(locator: str) -> Paragraphs | Footnote | None:
    """The paragraph or footnote a locator names; None for other forms (`p. 12`, `§3`)."""
    text = locator.strip()
    if found := _PARAS.fullmatch(text):
        first = int(found.group(1))
        return Paragraphs(first, int(found.group(2) or first))
    if found := _FOOTNOTE.fullmatch(text):
        return Footnote(int(found.group(1)))
    return None


class Passage(NamedTuple):
    """The place in a text that comes closest to a quote."""

    place: str
    """`para N` or `fn N`."""
    similarity: float
    """0–100: how alike the quote and the passage are."""
    words: str
    """The passage, normalised."""


class QuoteFinder:
    """Normalised views of one source text, built as they are needed.

    Every method takes a quote already passed through :func:`normalize`.
    """

    def __init__(self, source: SourceText) -> None:
        self.source = source
        """The text searched."""
        self._whole: str | None = None
        self._views: dict[tuple[str, int], tuple[str, ...]] = {}

    def occurs(self, quote: str) -> bool:
        """True when the (normalised) quote occurs anywhere in the text."""
        if self._whole is None:
            self._whole = normalize(self.source.text)
        if quote in self._whole:
            return True
        layout = self.source.layout
        return layout.mode == "markdown" and any(
            quote in view
            for block in layout.paragraphs + layout.footnotes
            for view in self._view(block, "fn" if block in layout.footnotes else "para")
        )

    def _view(self, block: Block, kind: str) -> tuple[str, ...]:
        key = (kind, block.number)
        if key not in self._views:
            raw = normalize(self.source.text[block.start : block.end])
            plain = None if block.plain is None else normalize(block.plain)
            self._views[key] = (raw,) if plain is None or plain == raw else (raw, plain)
        return self._views[key]

    def in_paragraphs(self, quote: str, first: int, last: int) -> bool:
        """True when the quote lies within paragraphs *first* to *last*."""
        blocks = self.source.layout.paragraphs[first - 1 : last]
        views = [self._view(block, "para") for block in blocks]
        return any(quote in " ".join(view[min(i, len(view) - 1)] for view in views) for i in (0, 1))

    def in_footnote(self, quote: str, number: int) -> bool:
        """True when the quote lies within footnote *number*."""
        block = self.source.layout.footnote(number)
        return block is not None and any(quote in view for view in self._view(block, "fn"))

    def places(self, quote: str) -> list[str]:
        """Every paragraph and footnote that holds the whole quote, as `para N` / `fn N`."""
        layout = self.source.layout
        found = [
            f"para {b.number}"
            for b in layout.paragraphs
            if self.in_paragraphs(quote, b.number, b.number)
        ]
        return found + [
            f"fn {b.number}" for b in layout.footnotes if self.in_footnote(quote, b.number)
        ]

    def closest(self, quote: str) -> Passage | None:
        """The paragraph or footnote passage most like the quote (rapidfuzz's partial ratio)."""
        from rapidfuzz import fuzz

        layout = self.source.layout
        best: Passage | None = None
        for kind, blocks in (("para", layout.paragraphs), ("fn", layout.footnotes)):
            for block in blocks:
                view = self._view(block, kind)[-1]
                found = fuzz.partial_ratio_alignment(quote, view)
                if found is None or (best is not None and found.score <= best.similarity):
                    continue
                start, end = found.dest_start, found.dest_end
                if len(quote) > len(view):
                    start, end = 0, len(view)
                words = _whole_words(view, start, end)
                best = Passage(f"{kind} {block.number}", found.score, words)
        return best


def _whole_words(text: str, start: int, end: int) -> str:
    """text[start:end] widened to whole words."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end].strip()
