"""Build the documents of a corpus: their sources, claims, and links between claims.

The shape of the corpus (document sizes, link counts and shares) is set here.
It draws from the seeded random number generator it is given, so the order of its
draws is part of the corpus. It returns data and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import random

from bench.corpus.entities import PUBLISHERS, SOURCE_KINDS, STATUSES, TAGS, TOPICS
from bench.corpus.model import Citation, Claim, Common, Document, ExplicitLink
from bench.corpus.phrases import OUTCOMES, POLICIES, WARRANTS
from bench.corpus.sentences import sentence, slug

MIN_DOC_CLAIMS, MAX_DOC_CLAIMS = 20, 60
"""Claims per document file."""

CROSS_DOC_SHARE = 0.08
"""Chance that a link aims at an earlier document; with first claims, which can only
link back, about 10% of all links cross documents."""

EXPLICIT_LINK_SHARE = 0.15
"""Share of links written as `links:` entries rather than shorthand."""

SUPPORT_SHARE = 0.60
"""Share of links that support; the rest oppose."""

LINKS_PER_CLAIM_WEIGHTS = (0.13, 0.44, 0.31, 0.12)
"""Probability of a claim having 0, 1, 2 or 3 outgoing links (mean 1.42; repeats are dropped)."""

CLAIM_TYPES = ("fact", "causal", "prediction", "value", "policy")
CLAIM_TYPE_WEIGHTS = (0.30, 0.25, 0.20, 0.10, 0.15)


def pick_count(rng: random.Random, weights: tuple[float, ...]) -> int:
    """An index drawn with the given weights."""
    return rng.choices(range(len(weights)), weights=weights)[0]


def make_documents(n_claims: int, common: Common, rng: random.Random) -> list[Document]:
    """Split *n_claims* into documents of 20–60 claims, with claims and links."""
    sizes: list[int] = []
    remaining = n_claims
    while remaining > 0:
        if remaining <= MAX_DOC_CLAIMS:
            size = remaining
        else:
            size = rng.randint(MIN_DOC_CLAIMS, min(MAX_DOC_CLAIMS, remaining - MIN_DOC_CLAIMS))
        sizes.append(size)
        remaining -= size
    question_ids = [q[0] for q in common.questions]
    speaker_ids = [s[0] for s in common.speakers]
    documents: list[Document] = []
    global_index = 0
    start = dt.date(2019, 1, 1)
    for number, size in enumerate(sizes, start=1):
        doc_id = f"doc-{number:05d}"
        topic = rng.choice(TOPICS)
        published = start + dt.timedelta(days=rng.randint(0, 6 * 365))
        accessed = published + dt.timedelta(days=rng.randint(1, 200))
        title = f"{rng.choice(POLICIES)[4:].capitalize()} and {rng.choice(OUTCOMES)}"
        footnotes = []
        for k in range(1, rng.randint(1, 3) + 1):
            kind = rng.choice(SOURCE_KINDS)
            fn_title = f"{rng.choice(OUTCOMES).capitalize()} after {rng.choice(POLICIES)}"
            publisher = rng.choice(PUBLISHERS)
            url = f"https://{slug(publisher)}.example.org/{published.year}/{slug(fn_title)}"
            footnotes.append(
                (
                    f"{doc_id}-fn{k}",
                    kind,
                    fn_title,
                    publisher,
                    url,
                    accessed - dt.timedelta(days=rng.randint(0, 30)),
                )
            )
        document = Document(
            number=number,
            id=doc_id,
            title=title,
            publisher=rng.choice(PUBLISHERS),
            authors=rng.sample(common.authors, rng.choice((1, 1, 2))),
            published=published,
            accessed=accessed,
            footnotes=footnotes,
        )
        doc_questions = rng.sample(question_ids, 4)
        doc_tags = rng.sample(TAGS, 5)
        doc_speakers = rng.sample(speaker_ids, 8)
        source_ids = [doc_id] * 3 + [f[0] for f in footnotes]
        for local in range(size):
            global_index += 1
            claim_type = rng.choices(CLAIM_TYPES, weights=CLAIM_TYPE_WEIGHTS)[0]
            text = sentence(rng, claim_type)
            words = text.rstrip(".").split()
            citations = []
            for _ in range(rng.choice((1, 1, 1, 2))):
                length = rng.randint(5, min(12, len(words)))
                first = rng.randint(0, len(words) - length)
                citations.append(
                    Citation(
                        rng.choice(source_ids),
                        f"para {rng.randint(1, 40)}",
                        " ".join(words[first : first + length]).lower(),
                    )
                )
            n_speakers = pick_count(rng, (0.40, 0.45, 0.15))
            claim = Claim(
                id=f"{topic}-{slug(' '.join(words[1:3]))}-{global_index:06d}",
                text=text,
                type=claim_type,
                speakers=rng.sample(doc_speakers, n_speakers),
                citations=citations,
                questions=rng.sample(doc_questions, rng.choice((1, 1, 2))),
                tags=rng.sample(doc_tags, rng.randint(1, 3)),
                date=published if rng.random() < 0.2 else None,
                status=rng.choice(STATUSES) if rng.random() < 0.1 else None,
            )
            document.claims.append(claim)
            add_links(rng, documents, document, local, global_index)
        documents.append(document)
    return documents


def add_links(
    rng: random.Random,
    earlier: list[Document],
    document: Document,
    local: int,
    global_index: int,
) -> None:
    """Give the newest claim of *document* its outgoing links, to lower-index claims only."""
    claim = document.claims[local]
    chosen: list[str] = []
    for j in range(pick_count(rng, LINKS_PER_CLAIM_WEIGHTS)):
        cross = bool(earlier) and (local == 0 or rng.random() < CROSS_DOC_SHARE)
        if cross:
            other = rng.choice(earlier)
            target_local = rng.randrange(len(other.claims))
            target = other.claims[target_local].id
        elif local > 0:
            if rng.random() < 0.7:
                target_local = max(0, local - 1 - int(rng.expovariate(0.5)))
            else:
                target_local = rng.randrange(local)
            target = document.claims[target_local].id
        else:
            break
        if target in chosen:
            continue
        chosen.append(target)
        relation = "supports" if rng.random() < SUPPORT_SHARE else "opposes"
        if rng.random() >= EXPLICIT_LINK_SHARE:
            (claim.supports if relation == "supports" else claim.opposes).append(target)
            continue
        premises = [claim.id]
        if not cross and local - target_local >= 2 and rng.random() < 0.5:
            partner = rng.randrange(target_local + 1, local)
            premises.append(document.claims[partner].id)
        document.links.append(
            ExplicitLink(
                id=f"link-{global_index:06d}-{j + 1}",
                premises=premises,
                target=target,
                relation=relation,
                speakers=list(claim.speakers[:1]),
                citations=[
                    Citation(
                        document.id,
                        f"para {rng.randint(1, 40)}",
                        " ".join(claim.text.rstrip(".").split()[:6]).lower(),
                    )
                ],
                warrant=rng.choice(WARRANTS) if rng.random() < 0.5 else None,
            )
        )
