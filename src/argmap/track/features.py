"""What `track --suggest` reads in a claim's text: content terms, numbers, names, negation.

Terms are lowercased words without stop words, plural endings dropped and cut
to :data:`STEM_LENGTH` letters (`expansion` and `expanding` match). Numbers
are digits without thousands separators (`1,500` is `1500`), month names
(so dates count), and words that say how much (`doubled`, `third`).
Names are runs of capitalised words (the first word of a sentence only when
it is possessive, an acronym or a name elsewhere in the corpus), with aliases
and demonyms folded (`US`, `America`, `American` are `united states`); each
name is also one term. Negation is whether the text says `not`, `never`,
`failed` … Plain functions over strings; nothing here knows the corpus.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

_WORD = re.compile(r"[A-Za-z][A-Za-z.'’-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")

# fmt: off
STOP_WORDS = frozenset((
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "as", "into", "about", "over", "under", "that", "this", "these", "those",
    "it", "its", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "could", "should", "may", "might", "can", "shall",
    "must", "than", "then", "so", "such", "which", "who", "whom", "whose", "what", "when",
    "where", "while", "also", "very", "more", "most", "less", "much", "many", "some", "any",
    "all", "each", "their", "there", "they", "them", "he", "she", "his", "her", "we", "our",
    "you", "your", "i", "says", "said", "say", "according", "expected", "likely",
))
"""Words too common to say what a claim is about."""

NEGATIONS = frozenset((
    "not", "no", "never", "cannot", "none", "nor", "without", "fail", "fails", "failed",
    "refused", "refuses",
))
"""Words that turn a claim into its denial."""

MONTHS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
))
"""Month names: they date a claim, like its numbers."""

AMOUNTS: dict[str, str] = {
    "double": "x2", "doubled": "x2", "doubles": "x2", "twice": "x2",
    "triple": "x3", "tripled": "x3", "triples": "x3", "halve": "x1/2", "halved": "x1/2",
    "half": "1/2", "third": "1/3", "quarter": "1/4", "dozen": "12", "hundred": "100",
    "thousand": "1000", "million": "1000000", "billion": "1000000000",
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
    "seven": "7", "eight": "8", "nine": "9", "ten": "10",
}
"""Words that say how much, as the number they mean."""

NAME_ALIASES: dict[str, str] = {
    "us": "united states", "u.s": "united states", "u.s.": "united states",
    "usa": "united states", "america": "united states", "american": "united states",
    "washington": "united states", "uk": "united kingdom", "britain": "united kingdom",
    "british": "united kingdom", "islamabad": "pakistan", "pakistani": "pakistan",
    "new delhi": "india", "delhi": "india", "indian": "india", "beijing": "china",
    "chinese": "china", "moscow": "russia", "russian": "russia", "kyiv": "ukraine",
    "ukrainian": "ukraine", "canadian": "canada", "mexican": "mexico", "french": "france",
    "german": "germany", "egyptian": "egypt",
}
"""Other names of one country, folded into one."""
# fmt: on

STEM_LENGTH = 5
"""Terms are cut to this many letters."""


@dataclass(frozen=True)
class Features:
    """What one claim's text says, as the matcher compares it."""

    terms: tuple[str, ...]
    """Content terms and names, in text order (repeats kept)."""
    numbers: frozenset[str]
    """Numbers, amounts and month names."""
    names: frozenset[str]
    """Proper names, aliases folded."""
    negated: bool
    """Whether the text says not, never, failed, …"""

    @property
    def text(self) -> str:
        """The terms as one string, for rapidfuzz."""
        return " ".join(self.terms)


def stem(word: str) -> str:
    """A light stem: plural endings dropped, then cut to STEM_LENGTH letters."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:STEM_LENGTH]


def _bare(token: str) -> str:
    """A token lowercased, without a possessive ending."""
    lower = token.lower()
    for ending in ("'s", "’s", "'", "’"):
        lower = lower.removesuffix(ending)
    return lower.rstrip(".") if not lower.endswith("u.s.") else lower


def _number(token: str) -> str:
    value = token.replace(",", "")
    return value.rstrip(".").rstrip("0").rstrip(".") if "." in value else value


def capitalised_names(texts: Collection[str]) -> set[str]:
    """Words written capitalised past the first word of some text: names in this corpus."""
    found: set[str] = set()
    for text in texts:
        for token in _WORD.findall(text)[1:]:
            bare, _, _, name = _token(token)
            if name:
                found.add(bare)
    return found - STOP_WORDS - MONTHS


_TERM, _NUMBER, _NEGATION, _STOP = range(4)


@lru_cache(maxsize=1 << 16)
def _token(token: str) -> tuple[str, int, str, int]:
    """What one token is, worked out once per distinct token: its bare form, its kind
    (term, number, negation, stop word), its value, and as a name: 0 never, 1 past the
    first word, 2 anywhere (an acronym or a possessive)."""
    bare = _bare(token)
    if token[0].isdigit():
        return bare, _NUMBER, _number(token), 0
    if bare in MONTHS or bare in AMOUNTS:
        return bare, _NUMBER, AMOUNTS.get(bare, bare), 0
    name = 0
    if token[0].isupper() and not (bare in STOP_WORDS and not token.isupper()):
        name = 2 if token.isupper() or token.endswith(("'s", "’s")) else 1
    if bare in NEGATIONS or bare.endswith("n't"):
        return bare, _NEGATION, bare, name
    if bare in STOP_WORDS:
        return bare, _STOP, bare, name
    return bare, _TERM, stem(bare), name


def features(text: str, known: Collection[str] = ()) -> Features:
    """The features of *text*; *known* are the corpus's names (see capitalised_names)."""
    terms: list[str] = []
    numbers: set[str] = set()
    names: set[str] = set()
    negated = False
    run: list[str] = []
    for n, token in enumerate(_WORD.findall(text)):
        bare, kind, value, name = _token(token)
        if name and (n or name == 2 or bare in known):
            run.append(bare)
            continue
        if run:
            names.add(_name(run))
            terms.append(_name(run))
            run = []
        if kind == _TERM:
            terms.append(value)
        elif kind == _NUMBER:
            numbers.add(value)
        elif kind == _NEGATION:
            negated = True
    if run:
        names.add(_name(run))
        terms.append(_name(run))
    return Features(tuple(terms), frozenset(numbers), frozenset(names), negated)


def _name(run: list[str]) -> str:
    name = " ".join(run)
    return NAME_ALIASES.get(name, name)


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    """True when either set is empty or one holds the other."""
    return not a or not b or a <= b or b <= a


def agree(a: Features, b: Features) -> bool:
    """True when nothing rules the pair out: both affirm or both deny, and the numbers,
    dates and names of one are among the other's."""
    return a.negated == b.negated and _nested(a.numbers, b.numbers) and _nested(a.names, b.names)
