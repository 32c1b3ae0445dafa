"""Paragraphs into draft claims: sentences, their marks, a guessed type, a slug id.

Sentences are split with pysbd, a rule-based port of the Golden Rules sentence
boundary set: it keeps "US", "Dr." and "No. 10" inside their sentences, gives
character spans (so quotes stay verbatim), and needs no model download, unlike
spaCy or NLTK's punkt. A footnote marker belongs to the sentence it closes;
a sentence that is only a marker ("[2]") is folded into the one before it.
A paragraph longer than 5,000 characters is cut into pieces at sentence ends
first, so splitting stays linear however long a paragraph is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from argmap.ingest.document import Paragraph
from argmap.texts.markdown import Mark

if TYPE_CHECKING:
    import pysbd  # type: ignore[import-untyped]

_PIECE = 5_000
"""Longest text pysbd reads at once (paragraphs are seldom longer; see :func:`_pieces`)."""
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
    for begin, stop in _pieces(words):
        for span in _segmenter().segment(words[begin:stop]):
            start, end = begin + span.start, begin + span.end
            if _ONLY_MARKERS.fullmatch(words[start:end]) and spans:
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
    found: list[Sentence] = []
    every = paragraph.marks
    ordered = sorted(range(len(every)), key=lambda i: every[i].offset)
    at = 0  # marks before it belong to earlier sentences: one walk over all marks
    for n, (start, end) in enumerate(spans):
        last = n == len(spans) - 1
        while at < len(ordered) and every[ordered[at]].offset < start:
            at += 1
        stop = at
        while stop < len(ordered) and (
            every[ordered[stop]].offset < end or (last and every[ordered[stop]].offset == end)
        ):
            stop += 1
        marks = [every[i] for i in sorted(ordered[at:stop])]  # in the paragraph's order
        quote = _without_trailing_markers(words[start:end]).strip()
        if quote:
            found.append(Sentence(paragraph.number, quote, marks, last))
    return found


def _pieces(words: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces pysbd reads: the whole of any paragraph up to _PIECE long.

    pysbd's rules take time that grows faster than the text (a 216 KB line took
    29 s), so a longer paragraph is cut first, each piece ending after the last
    '. ', '? ' or '! ' within _PIECE characters (else after a space, else
    anywhere). Every piece is bounded, so the whole costs linear time.
    """
    start, size = 0, len(words)
    while size - start > _PIECE:
        window = start + _PIECE
        cut = max(words.rfind(end, start, window) for end in (". ", "? ", "! "))
        if cut <= start:
            cut = words.rfind(" ", start, window)
        cut = cut + 1 if cut > start else window
        yield start, cut
        start = cut
    yield start, size


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


class TakenIds(set[str]):
    """Ids given out so far, and for each base the last number tried after it."""

    def __init__(self) -> None:
        super().__init__()
        self.last_number: dict[str, int] = {}
        """Base id -> the n of the last `base-n` given: the next try starts after it."""


def unique(ident: str, taken: TakenIds) -> str:
    """*ident*, or *ident*-2, -3, … when taken; the result is added to *taken*.

    Each base remembers its last number, so a thousand sentences with one slug
    cost linear time, not a scan from -2 each time.
    """
    candidate, n = ident, taken.last_number.get(ident, 1)
    while candidate in taken:
        n += 1
        candidate = f"{ident}-{n}"
    taken.last_number[ident] = n
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
