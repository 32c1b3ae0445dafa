"""Build the entities every document shares: speakers, perspectives and questions.

This is the content of `claims/_common.yaml`, as data; `yaml_text` writes it.
It draws from the seeded random number generator it is given, so the order of its
draws is part of the corpus.
"""

from __future__ import annotations

import random

from bench.corpus.entities import AFFILIATIONS, FIRST_NAMES, LAST_NAMES, PERSPECTIVES, ROLES
from bench.corpus.model import Common
from bench.corpus.phrases import (
    ACTORS,
    GROUPS,
    LOWER_VERBS,
    MEASURES,
    OUTCOMES,
    POLICIES,
    RAISE_VERBS,
    VALUES,
)
from bench.corpus.sentences import slug


def make_common(rng: random.Random) -> Common:
    """About 40 speakers over 6 perspectives, and 30 questions."""
    speakers: list[tuple[str, str, str, str, str, str]] = []
    used: set[str] = set()
    while len(speakers) < 40:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        ident = slug(name)
        if ident in used:
            continue
        used.add(ident)
        perspective = PERSPECTIVES[len(speakers) % len(PERSPECTIVES)][0]
        kind = "author" if perspective == "analysts" else "person"
        role = rng.choice(ROLES)
        affiliation = rng.choice(AFFILIATIONS[perspective])
        speakers.append((ident, name, kind, role, affiliation, perspective))
    for perspective, label, _ in PERSPECTIVES:
        ident = f"{perspective}-collective"
        speakers.append(
            (
                ident,
                f"{label} (collective)",
                "group",
                "Collective voice",
                AFFILIATIONS[perspective][0],
                perspective,
            )
        )
    authors = [s[0] for s in speakers if s[2] == "author"]
    questions: list[tuple[str, str]] = []
    for i in range(30):
        policy, outcome = rng.choice(POLICIES), rng.choice(OUTCOMES)
        actor = rng.choice(ACTORS)
        form = i % 3
        if form == 0:
            text = f"Will {policy} {rng.choice(RAISE_VERBS + LOWER_VERBS)} {outcome}?"
        elif form == 1:
            text = f"Should {actor} adopt {rng.choice(MEASURES)}?"
        else:
            text = f"Is {policy} {rng.choice(VALUES)} towards {rng.choice(GROUPS)}?"
        words = slug(text).split("-")
        questions.append((f"q{i + 1:02d}-{'-'.join(words[1:4])}", text))
    return Common(speakers, authors, questions)
