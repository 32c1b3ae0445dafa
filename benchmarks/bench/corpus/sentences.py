"""Id slugs, and the policy-sounding sentences that claims are made of.

Pure text from a seeded random number generator; no files, no corpus structure.
"""

from __future__ import annotations

import random

from bench.corpus.phrases import (
    ACTORS,
    CLAUSES,
    GROUPS,
    HORIZONS,
    LOWER_VERBS,
    MEASURES,
    OUTCOMES,
    PAST_VERBS,
    POLICIES,
    RAISE_VERBS,
    TIMES,
    VALUES,
)


def slug(text: str) -> str:
    """A lowercase id slug of *text*."""
    out = []
    for char in text.lower():
        if char.isalnum():
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def sentence(rng: random.Random, claim_type: str) -> str:
    """A policy-sounding sentence of 12–30 words for a claim of *claim_type*."""
    target = rng.randint(12, 30)
    if claim_type == "fact":
        base = (
            f"{rng.choice(ACTORS)} {rng.choice(PAST_VERBS)} {rng.choice(MEASURES)} "
            f"{rng.choice(TIMES)}"
        )
    elif claim_type == "causal":
        verb = rng.choice(RAISE_VERBS + LOWER_VERBS)
        base = f"{rng.choice(POLICIES)} will {verb} {rng.choice(OUTCOMES)}"
        base = base.replace(" will ", rng.choice((" tends to ", " is likely to ", " will ")), 1)
    elif claim_type == "prediction":
        verb = rng.choice(RAISE_VERBS + LOWER_VERBS)
        pct = rng.randint(2, 40)
        base = (
            f"{rng.choice(POLICIES)} will {verb} {rng.choice(OUTCOMES)} by about {pct} "
            f"percent {rng.choice(HORIZONS)}"
        )
    elif claim_type == "value":
        base = (
            f"it is {rng.choice(VALUES)} to ask {rng.choice(GROUPS)} to carry the cost of "
            f"{rng.choice(POLICIES)}"
        )
    else:
        base = f"{rng.choice(ACTORS)} should adopt {rng.choice(MEASURES)} {rng.choice(HORIZONS)}"
    words = base.split()
    clauses = list(CLAUSES)
    rng.shuffle(clauses)
    for clause in clauses:
        if len(words) >= target:
            break
        extra = clause.split()
        if len(words) + len(extra) <= 30:
            words.extend(extra)
    while len(words) < 12:
        words.extend(rng.choice(("in practice", "for now", "this year")).split())
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."
