"""Write a synthetic, deterministic argmap corpus of N claims, plus the same map as Argdown.

Usage: ``python benchmarks/generate.py N OUTDIR``

The corpus looks like real mapped commentaries: one YAML file per document
(``OUTDIR/claims/doc-00001.yaml`` …) of 20–60 claims each, a shared
``OUTDIR/claims/_common.yaml`` with speakers, perspectives and questions, and
about 1.3 links per claim (60% supports, 40% opposes; mostly the
``supports:``/``opposes:`` shorthand, some explicit ``links:`` entries with
co-premises; about 10% reach into earlier documents). Every link points from a
claim to one with a lower global index, so there are no support cycles.
``OUTDIR/map.argdown`` holds the same claims and relations in Argdown syntax
(co-premises become one relation per premise), for the Argdown CLI, and
``OUTDIR/single/doc-00001.yaml`` is the first document made self-contained (it
has no cross-document links; the shared entities it uses are copied in), for
timing work on one document file.

Everything comes from ``random.Random(N)``: the same N gives byte-identical
files. This script only writes files; it never runs argmap or measures anything.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = "1"
"""Bump when the output changes, so run.py regenerates cached corpora."""

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

# --- word lists -------------------------------------------------------------

ACTORS = (
    "the government",
    "the finance ministry",
    "the central bank",
    "the trade ministry",
    "parliament",
    "the opposition",
    "the regulator",
    "the treasury",
    "the cabinet",
    "provincial governments",
    "the competition authority",
    "the energy ministry",
    "the prime minister",
    "the coalition",
    "the foreign ministry",
    "the statistics office",
    "major exporters",
    "small businesses",
    "trade unions",
    "the employers federation",
    "international lenders",
    "the monetary fund",
    "the development bank",
    "rating agencies",
    "the export council",
    "local authorities",
    "the health ministry",
    "the defence ministry",
)
POLICIES = (
    "the proposed carbon levy",
    "the new tariff schedule",
    "the sanctions package",
    "the fuel subsidy reform",
    "the minimum wage increase",
    "the export licensing regime",
    "the fiscal consolidation plan",
    "the pension reform",
    "the housing stimulus",
    "the digital services tax",
    "the capital controls",
    "the procurement rules",
    "the border adjustment mechanism",
    "the debt restructuring deal",
    "the visa restrictions",
    "the grain export ban",
    "the energy price cap",
    "the public investment programme",
    "the privatisation drive",
    "the anti corruption strategy",
    "the industrial policy",
    "the free trade agreement",
    "the interest rate rise",
    "the budget deficit target",
)
OUTCOMES = (
    "inflation",
    "unemployment",
    "export volumes",
    "foreign direct investment",
    "household incomes",
    "public debt",
    "the current account deficit",
    "energy prices",
    "food security",
    "regional stability",
    "investor confidence",
    "tax revenue",
    "the exchange rate",
    "youth employment",
    "manufacturing output",
    "bank lending",
    "poverty rates",
    "the trade balance",
    "emissions",
    "wage growth",
    "consumer demand",
    "the credit rating",
    "supply chain resilience",
    "diplomatic relations",
)
RAISE_VERBS = ("raise", "increase", "push up", "boost", "lift", "strengthen")
LOWER_VERBS = ("reduce", "cut", "weaken", "depress", "erode", "undermine")
PAST_VERBS = (
    "announced",
    "approved",
    "postponed",
    "rejected",
    "extended",
    "revised",
    "published",
    "suspended",
    "introduced",
    "withdrew",
)
MEASURES = (
    "a review of import duties",
    "new reporting rules for banks",
    "a cap on fuel prices",
    "an emergency credit line",
    "stricter export controls",
    "a freeze on public hiring",
    "a tax amnesty",
    "a reform of state enterprises",
    "targeted cash transfers",
    "a moratorium on new licences",
    "a cut in corporate tax",
    "new limits on borrowing",
)
VALUES = (
    "unfair",
    "reasonable",
    "irresponsible",
    "justified",
    "short sighted",
    "prudent",
    "unacceptable",
    "long overdue",
    "disproportionate",
    "defensible",
)
GROUPS = (
    "poorer households",
    "rural communities",
    "small exporters",
    "pensioners",
    "young workers",
    "future taxpayers",
    "neighbouring countries",
    "domestic farmers",
    "foreign investors",
    "public sector workers",
)
TIMES = (
    "in the second quarter",
    "last year",
    "over the past decade",
    "since the election",
    "in the first half of the year",
    "during the previous crisis",
    "in recent months",
    "before the budget vote",
)
HORIZONS = (
    "within two years",
    "by the end of the decade",
    "over the medium term",
    "in the next fiscal year",
    "within five years",
    "before the next election",
)
CLAUSES = (
    "according to official figures",
    "despite strong opposition in parliament",
    "unless the exchange rate stabilises",
    "if global demand remains weak",
    "because compliance costs fall mostly on smaller firms",
    "as long as the central bank keeps rates high",
    "even after accounting for seasonal effects",
    "especially in the poorest regions",
    "while the fiscal position remains fragile",
    "given the experience of similar economies",
    "which several independent analysts have questioned",
    "as the latest survey of manufacturers suggests",
    "although the evidence so far is mixed",
    "in contrast to earlier official projections",
    "without a credible plan for enforcement",
    "once the transition period ends",
    "as the minister’s own office conceded",
    "much as in the US–China dispute",
)
TOPICS = (
    "trade",
    "sanctions",
    "energy",
    "tax",
    "budget",
    "debt",
    "labour",
    "housing",
    "climate",
    "banking",
    "pensions",
    "food",
    "health",
    "defence",
    "investment",
    "currency",
)
TAGS = (
    "trade",
    "sanctions",
    "energy",
    "fiscal",
    "monetary",
    "labour",
    "housing",
    "climate",
    "banking",
    "pensions",
    "agriculture",
    "health",
    "security",
    "investment",
    "currency",
    "inequality",
    "growth",
    "governance",
    "diplomacy",
    "industry",
    "regional",
    "evidence",
)
FIRST_NAMES = (
    "Amina",
    "Bilal",
    "Clara",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hassan",
    "Ines",
    "Jonas",
    "Kavya",
    "Lukas",
    "Maryam",
    "Nikolai",
    "Olga",
    "Pedro",
    "Qiu",
    "Rania",
    "Samuel",
    "Tariq",
    "Ulla",
    "Victor",
    "Wen",
    "Ximena",
    "Yusuf",
    "Zofia",
)
LAST_NAMES = (
    "Abbasi",
    "Becker",
    "Castillo",
    "Demir",
    "Eriksen",
    "Farouk",
    "Gupta",
    "Haddad",
    "Ivanova",
    "Jansen",
    "Khan",
    "Lindqvist",
    "Mensah",
    "Novak",
    "Okafor",
    "Petrov",
    "Qureshi",
    "Rossi",
    "Sato",
    "Tanaka",
    "Uddin",
    "Vargas",
    "Weber",
    "Yilmaz",
    "Zhou",
)
ROLES = (
    "Finance Minister",
    "Deputy Governor",
    "Chief Economist",
    "Trade Envoy",
    "Senior Fellow",
    "Spokesperson",
    "Opposition Leader",
    "Union Secretary",
    "Columnist",
    "Policy Director",
    "Research Director",
    "Ambassador",
    "Committee Chair",
    "Country Director",
)
PERSPECTIVES = (
    ("government", "Government", "Ministers and officials of the governing coalition."),
    ("opposition", "Opposition", "Opposition parties in parliament and their spokespeople."),
    ("business", "Business", "Employers, exporters and their associations."),
    ("labour", "Labour", "Trade unions and workers' organisations."),
    ("lenders", "International lenders", "Multilateral lenders and foreign creditors."),
    ("analysts", "Independent analysts", "Think tanks, academics and columnists."),
)
AFFILIATIONS = {
    "government": (
        "Ministry of Finance",
        "Central Bank",
        "Office of the Prime Minister",
        "Ministry of Trade",
    ),
    "opposition": ("Democratic Alliance", "People’s Party", "Reform Movement"),
    "business": ("Chamber of Commerce", "Exporters Association", "Federation of Industry"),
    "labour": ("General Workers Union", "Teachers Union", "Federation of Labour"),
    "lenders": ("International Monetary Fund", "World Bank", "Regional Development Bank"),
    "analysts": (
        "Institute for Economic Policy",
        "Centre for Trade Studies",
        "Policy Review Quarterly",
        "National University",
    ),
}
PUBLISHERS = (
    "The Economic Review",
    "Policy Observer",
    "Daily Ledger",
    "Global Affairs Weekly",
    "The Financial Courier",
    "Region Monitor",
    "Public Finance Journal",
    "Trade Insight",
)
SOURCE_KINDS = ("report", "news", "analysis", "government-statement", "academic", "dataset")
STATUSES = ("asserted", "disputed")
WARRANTS = (
    "Both premises together explain the mechanism the target relies on.",
    "The evidence on prices bears directly on the forecast.",
    "If the premise holds, the policy cannot achieve its stated aim.",
    "The premises describe the same channel from two directions.",
)

CLAIM_TYPES = ("fact", "causal", "prediction", "value", "policy")
CLAIM_TYPE_WEIGHTS = (0.30, 0.25, 0.20, 0.10, 0.15)


# --- the corpus, as plain data ----------------------------------------------


@dataclass
class Citation:
    """One citation of a claim or link."""

    source: str
    locator: str
    quote: str


@dataclass
class ExplicitLink:
    """A `links:` entry; premises all have a higher global index than the target."""

    id: str
    premises: list[str]
    target: str
    relation: str
    speakers: list[str]
    citations: list[Citation]
    warrant: str | None


@dataclass
class Claim:
    """One generated claim and its shorthand links."""

    id: str
    text: str
    type: str
    speakers: list[str]
    citations: list[Citation]
    questions: list[str]
    tags: list[str]
    date: dt.date | None
    status: str | None
    supports: list[str] = field(default_factory=list)
    opposes: list[str] = field(default_factory=list)


@dataclass
class Document:
    """One commentary: its own source, footnote sources, claims and explicit links."""

    number: int
    id: str
    title: str
    publisher: str
    authors: list[str]
    published: dt.date
    accessed: dt.date
    footnotes: list[tuple[str, str, str, str, str, dt.date]]
    """(id, kind, title, publisher, url, accessed) of each footnote source."""
    claims: list[Claim] = field(default_factory=list)
    links: list[ExplicitLink] = field(default_factory=list)


@dataclass
class Common:
    """The shared file: speakers, perspectives and questions."""

    speakers: list[tuple[str, str, str, str, str, str]]
    """(id, name, kind, role, affiliation, perspective) of each speaker."""
    authors: list[str]
    """Ids of the speakers who write commentaries."""
    questions: list[tuple[str, str]]
    """(id, text) of each question."""


def slug(text: str) -> str:
    """A lowercase id slug of *text*."""
    out = []
    for char in text.lower():
        if char.isalnum():
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


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


# --- writing ----------------------------------------------------------------


def q(text: str) -> str:
    """*text* as a YAML double-quoted scalar (a JSON string is one)."""
    return json.dumps(text, ensure_ascii=False)


def flow(ids: list[str]) -> str:
    """A flow sequence of slugs, e.g. ``[a, b]``."""
    return "[" + ", ".join(ids) + "]"


def text_field(text: str, indent: str) -> list[str]:
    """A `text:` field: quoted when short, a folded block (as people write it) when long."""
    if len(text) <= 90:
        return [f"{indent}text: {q(text)}"]
    lines = textwrap.wrap(text, width=76 - len(indent) - 2)
    return [f"{indent}text: >-", *(f"{indent}  {line}" for line in lines)]


def citation_lines(citations: list[Citation], indent: str) -> list[str]:
    """A `citations:` block."""
    out = [f"{indent}citations:"]
    for c in citations:
        out += [
            f"{indent}  - source: {c.source}",
            f"{indent}    locator: {c.locator}",
            f"{indent}    quote: {q(c.quote)}",
        ]
    return out


def document_yaml(document: Document) -> str:
    """The claims file of one document."""
    out = [
        f"# {document.title} ({document.publisher}, {document.published.isoformat()})",
        "# Synthetic benchmark corpus written by benchmarks/generate.py.",
        "",
        f"document: {document.id}",
        "",
        "sources:",
        f"  - id: {document.id}",
        f"    title: {q(document.title)}",
        f"    publisher: {q(document.publisher)}",
        f"    url: https://{slug(document.publisher)}.example.org/{document.published.year}/"
        f"{slug(document.title)}",
        f"    authors: {flow(document.authors)}",
        f"    published: {document.published.isoformat()}",
        f"    accessed: {document.accessed.isoformat()}",
        "    kind: commentary",
    ]
    for ident, kind, title, publisher, url, accessed in document.footnotes:
        out += [
            f"  - id: {ident}",
            f"    title: {q(title)}",
            f"    publisher: {q(publisher)}",
            f"    url: {url}",
            f"    accessed: {accessed.isoformat()}",
            f"    kind: {kind}",
        ]
    out += ["", "claims:"]
    for number, claim in enumerate(document.claims):
        if number % 8 == 0:  # analysts mark where each paragraph's claims start
            out += [f"  # ¶{number // 8 + 1} — {claim.text[:60].rsplit(' ', 1)[0]}", ""]
        out.append(f"  - id: {claim.id}")
        out += text_field(claim.text, "    ")
        out.append(f"    type: {claim.type}")
        if claim.speakers:
            out.append(f"    speakers: {flow(claim.speakers)}")
        out += citation_lines(claim.citations, "    ")
        out.append(f"    questions: {flow(claim.questions)}")
        out.append(f"    tags: {flow(claim.tags)}")
        if claim.date is not None:
            out.append(f"    date: {claim.date.isoformat()}")
        if claim.status is not None:
            out.append(f"    status: {claim.status}")
        if claim.supports:
            out.append(f"    supports: {flow(claim.supports)}")
        if claim.opposes:
            out.append(f"    opposes: {flow(claim.opposes)}")
        out.append("")
    if document.links:
        out.append("links:")
        for link in document.links:
            out += [
                f"  - id: {link.id}",
                f"    from: {flow(link.premises)}",
                f"    to: {link.target}",
                f"    relation: {link.relation}",
            ]
            if link.speakers:
                out.append(f"    speakers: {flow(link.speakers)}")
            out += citation_lines(link.citations, "    ")
            if link.warrant is not None:
                out.append(f"    warrant: {q(link.warrant)}")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def common_yaml(common: Common, only: Document | None = None) -> str:
    """The shared speakers, perspectives and questions (*only* those one document uses)."""
    speakers, questions = common.speakers, common.questions
    if only is not None:
        used = set(only.authors)
        used.update(s for c in only.claims for s in c.speakers)
        used.update(s for link in only.links for s in link.speakers)
        asked = {q for c in only.claims for q in c.questions}
        speakers = [s for s in speakers if s[0] in used]
        questions = [q for q in questions if q[0] in asked]
    out = ["# Speakers, perspectives and questions shared by every document.", "", "perspectives:"]
    for ident, name, description in PERSPECTIVES:
        out += [f"  - id: {ident}", f"    name: {q(name)}", f"    description: {q(description)}"]
    out += ["", "speakers:"]
    for ident, name, kind, role, affiliation, perspective in speakers:
        out += [
            f"  - id: {ident}",
            f"    name: {q(name)}",
            f"    kind: {kind}",
            f"    role: {q(role)}",
            f"    affiliation: {q(affiliation)}",
            f"    perspective: {perspective}",
        ]
    out += ["", "questions:"]
    for ident, text in questions:
        out += [f"  - id: {ident}", f"    text: {q(text)}"]
    return "\n".join(out) + "\n"


def argdown(documents: list[Document]) -> str:
    """The same map in Argdown: `[id]: text` statements, `+>`/`->` outgoing relations."""
    out = ["===", "title: argmap synthetic benchmark corpus", "===", ""]
    for document in documents:
        out += [f"# {document.id}: {document.title}", ""]
        extra: dict[str, list[str]] = {}
        for link in document.links:
            arrow = "+>" if link.relation == "supports" else "->"
            for premise in link.premises:
                extra.setdefault(premise, []).append(f"  {arrow} [{link.target}]")
        for claim in document.claims:
            out.append(f"[{claim.id}]: {claim.text}")
            relations = [f"  +> [{target}]" for target in claim.supports]
            relations += [f"  -> [{target}]" for target in claim.opposes]
            relations += extra.pop(claim.id, [])
            out += dict.fromkeys(relations)  # one line per distinct relation, in order
            out.append("")
        # Co-premises defined before the link's own claim: relations from a reference.
        for premise, lines in extra.items():
            out += [f"[{premise}]", *lines, ""]
    return "\n".join(out)


def generate(n_claims: int, outdir: Path) -> tuple[int, int]:
    """Write the corpus of *n_claims* to *outdir*; return (files, links) written."""
    rng = random.Random(n_claims)
    common = make_common(rng)
    documents = make_documents(n_claims, common, rng)
    claims_dir = outdir / "claims"
    claims_dir.mkdir(parents=True, exist_ok=True)
    for stale in [*claims_dir.glob("doc-*.yaml"), claims_dir / "_common.yaml"]:
        stale.unlink(missing_ok=True)
    (claims_dir / "_common.yaml").write_text(common_yaml(common), encoding="utf-8")
    links = 0
    for document in documents:
        path = claims_dir / f"{document.id}.yaml"
        path.write_text(document_yaml(document), encoding="utf-8")
        links += len(document.links)
        links += sum(len(c.supports) + len(c.opposes) for c in document.claims)
    (outdir / "map.argdown").write_text(argdown(documents), encoding="utf-8")
    # The first document links only inside itself; with the shared entities it uses
    # it is a complete claims file, for timing `argmap render` of one document.
    single = outdir / "single"
    single.mkdir(exist_ok=True)
    first = documents[0]
    (single / f"{first.id}.yaml").write_text(
        document_yaml(first) + "\n" + common_yaml(common, only=first), encoding="utf-8"
    )
    return len(documents) + 1, links


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("n", type=int, metavar="N", help="number of claims")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="folder to write into")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error("N must be at least 1")
    files, links = generate(args.n, args.outdir)
    print(
        f"wrote {args.n} claims, {links} links in {files} files under {args.outdir}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
