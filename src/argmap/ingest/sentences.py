"""Paragraphs into draft claims: sentences, their marks, a guessed type, a slug id.

Sentences are split with pysbd, a rule-based port of the Golden Rules sentence
boundary set: it keeps "US", "Dr." and "No. 10" inside their sentences, gives
character spans (so quotes stay verbatim), and needs no model download, unlike
spaCy or NLTK's punkt. A footnote marker belongs to the sentence it closes;
a sentence that is only a marker ("[2]") is folded into the one before it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from argmap.ingest.document import Paragraph
from argmap.texts.markdown import Mark

if TYPE_CHECKING:
    import pysbd  # type: ignore[import-untyped]

_ONLY_MARKERS = re.compile(r"(?:\s*\[\d{1,3}\])+\s*")
_STOPWORD_TEXT = (
    "a an the of to in on for and or but is are was were be been being has have had it its "
    "this that these those as at by with from than which who whom whose while also not their "
    "there they them he she his her we our you your i into over about after before so such "
    "can more most very only both either"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
CUES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("policy", r"\b(should|must|ought to|needs? to|requires?|calls? for|would benefit)\b"),
        (
            "prediction",
            r"\b(will|could|might|would|likely|risks?|potential|can expect|expects?|"
            r"expected to|one could see|(?-i:may))\b",
        ),
        (
            "causal",
            r"\b(because|led to|leads? to|caused?|causes|result(?:ed|s)? in|due to|"
            r"ha(?:s|ve) helped|drives?|exacerbat\w*|stems? from)\b",
        ),
        ("value", r"\b(unfair|unjust|questionable|controversial|important|arbitrary|wrong)\b"),
        ("definition", r"\b(is defined as|refers to)\b"),
    )
)
"""Cue words for a claim's type, tried in order; no cue means `fact`."""


class Sentence(NamedTuple):
    """One sentence of a paragraph."""

    paragraph: int
    """The paragraph's number."""
    quote: str
    """The sentence as written (closing footnote markers removed)."""
    marks: list[Mark]
    """Footnote markers and links in or right after it."""
    last: bool
    """True for the last sentence of its paragraph."""


@cache
def _segmenter() -> pysbd.Segmenter:
    import pysbd

    segmenter: pysbd.Segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return segmenter


def split_sentences(paragraph: Paragraph) -> list[Sentence]:
    """The sentences of a paragraph, each with the marks that belong to it."""
    words = paragraph.words
    spans: list[tuple[int, int]] = []
    for span in _segmenter().segment(words):
        start, end = span.start, span.end
        if _ONLY_MARKERS.fullmatch(words[start:end]) and spans:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    found: list[Sentence] = []
    for n, (start, end) in enumerate(spans):
        last = n == len(spans) - 1
        marks = [
            m for m in paragraph.marks if start <= m.offset < end or (last and m.offset == end)
        ]
        quote = _without_trailing_markers(words[start:end]).strip()
        if quote:
            found.append(Sentence(paragraph.number, quote, marks, last))
    return found


def claim_text(quote: str) -> str:
    """A claim's text from its quote: footnote markers dropped, whitespace made single."""
    return " ".join(re.sub(r"\[\d{1,3}\]", "", quote).split())


def is_argument(quote: str) -> bool:
    """Whether a sentence is worth drafting: a statement of five words or more."""
    return len(quote.split()) >= 5 and not quote.rstrip("”\"’' )").endswith("?")


def guess_type(text: str) -> str:
    """The claim type its cue words suggest (see :data:`CUES`)."""
    return next((kind for kind, cue in CUES if cue.search(text)), "fact")


def slug(text: str, words: int = 5, limit: int = 48) -> str:
    """A short readable id from *text*: its first significant words, lowercase, joined by '-'."""
    tokens: list[str] = re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))
    kept = [t for t in tokens if t not in _STOPWORDS] or tokens or ["x"]
    ident = kept[0][:limit]
    for token in kept[1:words]:
        if len(ident) + 1 + len(token) > limit:
            break
        ident += "-" + token
    return ident


def unique(ident: str, taken: set[str]) -> str:
    """*ident*, or *ident*-2, -3, … when taken; the result is added to *taken*."""
    candidate, n = ident, 1
    while candidate in taken:
        n += 1
        candidate = f"{ident}-{n}"
    taken.add(candidate)
    return candidate


def _without_trailing_markers(text: str) -> str:
    """*text* without the footnote markers (`[3]`) and spaces that end it.

    A scan back from the end, not a pattern: a pattern anchored at the end is
    tried from every position, which is quadratic in a long run of markers.
    """
    end = len(text)
    while True:
        while end and text[end - 1].isspace():
            end -= 1
        at = text.rfind("[", max(0, end - 5), end) if end and text[end - 1] == "]" else -1
        if at < 0 or not (1 <= end - at - 2 <= 3 and text[at + 1 : end - 1].isdigit()):
            return text[:end]
        end = at
