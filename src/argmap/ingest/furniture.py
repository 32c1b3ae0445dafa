"""What a reader of a Markdown page does not take for argument: figures, bio, pull quotes.

- A **figure** (an image with its caption, `![…](…)` then `_▲ …_`, or a caption
  right under an image) is not drafted; a `[Source](url)` link in or right under
  it becomes a source titled by the caption.
- The **author bio** ("**X** is a Research Fellow at …", after the body) is not drafted.
- A **pull quote** (a block quote, or a paragraph marked `{: .pull-quote}`) that
  repeats a sentence printed elsewhere is not drafted.
- A **stand-first** (`_…_` paragraphs before the body, around `<excerpt/>`) is
  not drafted, but a sentence of it that restates the thesis is kept once (see
  :func:`thesis`).
- A paragraph that is only Kramdown or Liquid markup (`{: .class}`, `{% … %}`) has no
  words to draft.

Paragraph numbers never change: the layout is the documented rule; this only
marks paragraphs as not drafted, with the reason.
"""

from __future__ import annotations

import re

from argmap.ingest.citations import is_title
from argmap.ingest.document import Document, Paragraph
from argmap.texts.quotes import normalize

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)|<img\b[^>]*>|<figure\b", re.IGNORECASE)
_EMPHASIS_ONLY = re.compile(
    r"(?:(?:_[^_\n](?:.*?[^_\s])?_|\*[^*\n](?:.*?[^*\s])?\*)\s*)+", re.DOTALL
)
_EXCERPT = re.compile(r"<excerpt\s*/?>|</excerpt>", re.IGNORECASE)
_PULL = re.compile(r"\{:[^}]*pull[-_]?quote[^}]*\}|^\s*>", re.IGNORECASE | re.MULTILINE)
_BIO_VERBS = r"(?:is|was|has|had|worked|works|writes|leads|heads|serves|served|holds|teaches)"
_BOLD_NAME = re.compile(rf"\s*(?:__|\*\*)[^_*\n]+(?:__|\*\*)\s+{_BIO_VERBS}\b")
_CAPTION_MARK = re.compile(r"^[\s▲▼►◄•·*-]+")
_DESCRIBES_ITSELF = re.compile(
    r"^(?:this|the present|in this)\s+(?:report|article|paper|piece|commentary|brief|"
    r"analysis|post|essay|note)\b",
    re.IGNORECASE,
)


def mark_furniture(document: Document) -> None:
    """Mark the paragraphs of a Markdown *document* that are not argument."""
    text = document.text
    previous_end = 0
    body_started = False
    caption: str | None = None
    for paragraph in document.paragraphs:
        raw = paragraph.raw
        before = text[previous_end : paragraph.start]
        previous_end = paragraph.start + len(raw)
        if not paragraph.drafted:
            continue
        if _IMAGE.match(raw.lstrip()) or (_IMAGE.search(before) and _emphasis_only(raw)):
            caption = _caption(paragraph)
            _skip(paragraph, "figure")
            _figure_links(document, paragraph, caption)
            continue
        if caption is not None and _only_links(paragraph):
            _figure_links(document, paragraph, caption)
            _skip(paragraph, "figure source")
            continue
        caption = None
        if not paragraph.words.strip():  # only markup: `{: .class}`, `{% include … %}`
            _skip(paragraph, "markup")
        elif not body_started and _emphasis_only(_EXCERPT.sub("", raw)):
            paragraph.standfirst = True
        elif _is_bio(paragraph, document.author):
            _skip(paragraph, "author bio")
        elif _PULL.search(raw) and _repeated(paragraph, document.paragraphs):
            _skip(paragraph, "pull quote")
        else:
            body_started = True


def thesis(sentences: list[str], author: str | None) -> int | None:
    """Which sentence of a stand-first restates the thesis, if any.

    The one that names the author ("…, according to <author>"), else the last,
    unless it describes the piece itself ("This report details …").
    """
    if not sentences:
        return None
    if author:
        named = [i for i, s in enumerate(sentences) if author in s]
        if named:
            return named[-1]
    last = len(sentences) - 1
    return None if _DESCRIBES_ITSELF.match(sentences[last]) else last


def _skip(paragraph: Paragraph, reason: str) -> None:
    paragraph.drafted = False
    paragraph.skipped = reason


def _emphasis_only(raw: str) -> bool:
    return _EMPHASIS_ONLY.fullmatch(raw.strip()) is not None


def _caption(paragraph: Paragraph) -> str:
    """A figure's caption: its words without generic link text and caption marks."""
    words = paragraph.words
    for mark in sorted((m for m in paragraph.marks if m.kind == "link"), reverse=True):
        if not is_title(mark.label):
            words = words[: mark.offset - len(mark.label)] + words[mark.offset :]
    return _CAPTION_MARK.sub("", " ".join(words.split())).strip(" .:")


def _figure_links(document: Document, paragraph: Paragraph, caption: str) -> None:
    for mark in paragraph.marks:
        if mark.kind == "link" and not is_title(mark.label):
            document.figures.append((mark.target, caption))


def _only_links(paragraph: Paragraph) -> bool:
    labels = " ".join(m.label for m in paragraph.marks if m.kind == "link")
    return bool(labels) and " ".join(paragraph.words.split()) == " ".join(labels.split())


def _is_bio(paragraph: Paragraph, author: str | None) -> bool:
    if _BOLD_NAME.match(paragraph.raw):
        return True
    words = paragraph.words.lstrip()
    return (
        bool(author) and re.match(rf"{re.escape(author or '')}\s+{_BIO_VERBS}\b", words) is not None
    )


def _repeated(paragraph: Paragraph, paragraphs: list[Paragraph]) -> bool:
    """True when the paragraph's words are printed in another paragraph too."""
    words = normalize(paragraph.words).strip(" \"'")
    return len(words) > 20 and any(
        words in normalize(other.words) for other in paragraphs if other is not paragraph
    )
