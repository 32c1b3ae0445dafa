"""`track --suggest`: pairs of claims in different documents that look like one claim.

Lexical matching, as claim-matching work finds BM25 on par with sentence
embeddings for monolingual retrieval. Candidates are *blocked*: an inverted
index of content terms, leaving out terms in more than :data:`MAX_POSTINGS`
claims, gives each claim the few others (:data:`CANDIDATES`) with the highest
BM25 over shared terms, so the cost follows the postings, not the square of
the corpus. Each candidate pair is scored in [0, 1] as the mean of rapidfuzz's
token-set ratio of the two term lists and a BM25 weight (the BM25 of each
claim as a query for the other, over its score for itself, averaged both
ways); numbers, dates, names and negation must agree
(:func:`argmap.track.features.agree`), and a pair where only one side gives a
number is scored down. Pairs already recorded `same-as` (directly or through
the class) or `not-same-as` are never proposed. Reads the fact table only.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass

from argmap.corpus.table import FactTable
from argmap.corpus.tracked import same_as_classes
from argmap.track.features import Features, agree, capitalised_names, features

DEFAULT_MIN_SCORE = 0.5
"""Pairs scoring below this are not proposed (see docs/tracking.md for how it was chosen)."""

MAX_POSTINGS = 64
"""Terms found in more claims than this do not make candidates (they still score)."""

CANDIDATES = 4
"""How many candidates each claim keeps from blocking."""

ONE_SIDED_NUMBER = 0.85
"""The factor on the score of a pair where only one claim gives numbers or dates."""

K1, B = 1.2, 0.75
"""BM25's term-frequency saturation and length normalisation."""


@dataclass(frozen=True)
class Suggestion:
    """Two claims that may be the same claim, and how alike they look."""

    a: str
    """Qualified id of one claim (the one first in corpus order)."""
    b: str
    """Qualified id of the other."""
    score: float
    """How alike, in [0, 1]."""


class _Bm25:
    """BM25 statistics of the corpus's claims."""

    def __init__(self, claims: list[Features]) -> None:
        self.counts = [Counter(c.terms) for c in claims]
        self.lengths = [len(c.terms) for c in claims]
        self.average = sum(self.lengths) / max(1, len(claims)) or 1.0
        df: Counter[str] = Counter()
        for counts in self.counts:
            df.update(counts.keys())
        n = len(claims)
        self.df = df
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}

    def term(self, term: str, doc: int) -> float:
        tf = self.counts[doc][term]
        norm = K1 * (1 - B + B * self.lengths[doc] / self.average)
        return self.idf[term] * tf * (K1 + 1) / (tf + norm)

    def score(self, query: int, doc: int) -> float:
        counts = self.counts[doc]
        return sum(self.term(t, doc) for t in self.counts[query] if t in counts)

    def weight(self, a: int, b: int) -> float:
        """BM25 of each as a query for the other over its self-score, averaged."""
        total = 0.0
        for query, doc in ((a, b), (b, a)):
            own = self.score(query, query)
            total += min(1.0, self.score(query, doc) / own) if own else 0.0
        return total / 2


def suggest(table: FactTable, min_score: float = DEFAULT_MIN_SCORE) -> list[Suggestion]:
    """Proposed `same-as` pairs of *table*, best first (ties by ids)."""
    from rapidfuzz import fuzz

    keys: list[str] = []
    documents: list[str] = []
    texts: list[str] = []
    for f, loaded in enumerate(table.files):
        document = table.documents.get(loaded.shown) or loaded.shown
        written, ids = loaded.facts.claim_texts, table.claim_keys[f]
        for i in table.claim_indexes(f):
            keys.append(ids[i])
            documents.append(document)
            texts.append(written[i])
    names = capitalised_names(texts)
    found = [features(text, names) for text in texts]
    bm25 = _Bm25(found)
    postings: dict[str, list[int]] = {}
    for n, counts in enumerate(bm25.counts):
        for term in counts:
            if bm25.df[term] <= MAX_POSTINGS:
                postings.setdefault(term, []).append(n)
    tracked = same_as_classes(table)
    different = tracked.judged_different()
    done: set[tuple[int, int]] = set()
    out: list[Suggestion] = []
    for a, counts in enumerate(bm25.counts):
        partial: dict[int, float] = {}
        for term in counts:
            for b in postings.get(term, ()):
                if b != a and documents[b] != documents[a]:
                    partial[b] = partial.get(b, 0.0) + bm25.term(term, b)
        for b in heapq.nlargest(CANDIDATES, partial, key=lambda c: (partial[c], -c)):
            pair = (min(a, b), max(a, b))
            if pair in done:
                continue
            done.add(pair)
            score = _score(found[a], found[b], bm25.weight(a, b), fuzz.token_set_ratio)
            if score < min_score or not _open(tracked.class_of, different, keys[a], keys[b]):
                continue
            out.append(Suggestion(keys[pair[0]], keys[pair[1]], round(score, 3)))
    return sorted(out, key=lambda s: (-s.score, s.a, s.b))


def _score(a: Features, b: Features, weight: float, ratio: object) -> float:
    if not agree(a, b):
        return 0.0
    assert callable(ratio)
    score = (float(ratio(a.text, b.text)) / 100 + weight) / 2
    if bool(a.numbers) != bool(b.numbers):
        score *= ONE_SIDED_NUMBER
    return score


def _open(class_of: dict[str, int], different: set[frozenset[str]], a: str, b: str) -> bool:
    """True when nothing is recorded about *a* and *b* yet."""
    if frozenset((a, b)) in different:
        return False
    return class_of.get(a, -1) != class_of.get(b, -2)
