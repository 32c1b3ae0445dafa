"""What `track --suggest` reads in a claim's text: content terms, numbers, names, negation.

Terms are lowercased words without stop words, lightly stemmed (`missiles` and
`missile` match). Numbers are digits without thousands separators (`1,500` is
`1500`), plus month names, so dates count as numbers. Names are capitalised
words past the first, with a few aliases folded (`US`, `U.S.`, `America` are
`united states`). Negation is whether the text says `not`, `no`, `never` …
Plain functions over one string; nothing here knows the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "if",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "as",
        "into",
        "about",
        "over",
        "under",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "could",
        "should",
        "may",
        "might",
        "can",
        "shall",
        "must",
        "than",
        "then",
        "so",
        "such",
        "which",
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "while",
        "also",
        "very",
        "more",
        "most",
        "less",
        "much",
        "many",
        "some",
        "any",
        "all",
        "each",
        "their",
        "there",
        "they",
        "them",
        "he",
        "she",
        "his",
        "her",
        "we",
        "our",
        "you",
        "your",
        "i",
        "says",
        "said",
        "say",
        "according",
    ]
)
"""Words too common to say what a claim is about."""

NEGATIONS = frozenset({"not", "no", "never", "cannot", "none", "nor", "without"})
"""Words that turn a claim into its denial."""

MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
"""Month names: they date a claim, like its numbers."""

NAME_ALIASES: dict[str, str] = {
    "us": "united states",
    "u.s": "united states",
    "u.s.": "united states",
    "usa": "united states",
    "america": "united states",
    "washington": "united states",
    "uk": "united kingdom",
    "britain": "united kingdom",
    "islamabad": "pakistan",
    "new delhi": "india",
    "delhi": "india",
}
"""Different names of one country, folded into one."""

_NAME_WORDS_SKIPPED = frozenset({"the", "a", "an", "it", "this", "in", "on", "if", "but"})


@dataclass(frozen=True)
class Features:
    """What one claim's text says, as the matcher compares it."""

    terms: tuple[str, ...]
    """Content terms, stemmed, in text order (repeats kept)."""
    numbers: frozenset[str]
    """Numbers and month names."""
    names: frozenset[str]
    """Proper names, aliases folded."""
    negated: bool
    """Whether the text says not, no, never, …"""

    @property
    def text(self) -> str:
        """The terms as one string, for rapidfuzz."""
        return " ".join(self.terms)


STEM_LENGTH = 5
"""Terms are cut to this many letters, so `expansion` and `expanding` match."""


def stem(word: str) -> str:
    """A light stem: possessive and plural endings dropped, then cut to STEM_LENGTH letters."""
    word = word.removesuffix("'s").removesuffix("’s").rstrip("'’.")
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:STEM_LENGTH]


def _number(token: str) -> str:
    value = token.replace(",", "")
    return value.rstrip(".").rstrip("0").rstrip(".") if "." in value else value


def features(text: str) -> Features:
    """The features of *text*."""
    terms: list[str] = []
    numbers: set[str] = set()
    names: set[str] = set()
    negated = False
    tokens = _WORD.findall(text)
    run: list[str] = []
    for n, token in enumerate(tokens):
        lower = token.lower()
        capital = token[0].isupper() and n > 0 and lower not in _NAME_WORDS_SKIPPED
        if capital and lower not in MONTHS:
            run.append(lower.rstrip("'’s") if lower.endswith(("'s", "’s")) else lower)
        elif run:
            names.add(" ".join(run))
            run = []
        if token[0].isdigit():
            numbers.add(_number(token))
            continue
        if lower in MONTHS:
            numbers.add(lower)
            continue
        if lower in NEGATIONS or lower.endswith("n't"):
            negated = True
            continue
        if lower in STOP_WORDS:
            continue
        terms.append(stem(lower))
    if run:
        names.add(" ".join(run))
    folded = set()
    for name in names:
        folded.add(NAME_ALIASES.get(name, name))
    return Features(tuple(terms), frozenset(numbers), frozenset(folded), negated)


def agree(a: Features, b: Features) -> bool:
    """True when nothing rules the pair out: numbers and dates equal when both give any,
    the names of one among the other's, and both affirm or both deny."""
    if a.negated != b.negated:
        return False
    if a.numbers and b.numbers and a.numbers != b.numbers:
        return False
    if a.names and b.names:
        small, large = sorted((a.names, b.names), key=len)
        if not small <= large:
            return False
    return True
